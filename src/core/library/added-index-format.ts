import { Type, type Static } from '../formats/type';
import { conforms } from '../formats/conforms';
import { Id, IsoDate, LanguageCode } from '../formats/common';
import { CONTENT_HASH_PATTERN, MAX_ADDED_QUESTIONNAIRES, ORIGINS } from './added-keys';

/**
 * The index of added questionnaires: what the lists show of each, without its items.
 * Read by the popup on every opening, so it carries no text for authors (it is never
 * published as a schema).
 */
const TextMap = Type.Unsafe<Readonly<Record<string, string>>>({ type: 'object', required: ['en'], additionalProperties: { type: 'string', maxLength: 2000 } });
const Count = Type.Integer({ minimum: 0, maximum: 100_000 });

export const AddedEntryFormat = Type.Object({
  id: Id,
  version: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  hash: Type.String({ pattern: CONTENT_HASH_PATTERN.source }),
  addedAt: IsoDate,
  origin: Type.Enum(ORIGINS),
  formatVersion: Type.Integer({ minimum: 1, maximum: 2 }),
  languages: Type.Array(LanguageCode, { minItems: 1, maxItems: 20 }),
  title: TextMap,
  description: TextMap,
  poles: Type.Object({ from: TextMap, to: TextMap }),
  dimensionCount: Count,
  itemCount: Count,
  questionCount: Count,
});
export type AddedEntry = Static<typeof AddedEntryFormat>;

export const AddedIndexFormat = Type.Object({
  schema: Type.Literal(1),
  entries: Type.Array(AddedEntryFormat, { maxItems: MAX_ADDED_QUESTIONNAIRES }),
});
export type AddedIndex = Static<typeof AddedIndexFormat>;


/** The definition's own verdict, for the test that holds the popup's hand-written check (added-index.ts) to it. */
export function conformsToIndexFormat(value: unknown): boolean {
  return conforms(AddedIndexFormat, value);
}
