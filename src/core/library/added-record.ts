import { Type, type Static } from '../formats/type';
import { conforms } from '../formats/conforms';
import { IsoDate } from '../formats/common';
import { CONTENT_HASH_PATTERN, ORIGINS } from './added-keys';

/** An added questionnaire as stored under `added:<id>@<version>`, and as a backup carries it. */
export const AddedRecordFormat = Type.Object({
  schema: Type.Literal(1),
  hash: Type.String({
    title: 'Content hash',
    description: 'sha256: and 64 hex digits of the questionnaire\'s canonical JSON, as questionnaires/lock.json records them.',
    pattern: CONTENT_HASH_PATTERN.source,
  }),
  addedAt: IsoDate,
  origin: Type.Enum(ORIGINS, { title: 'Origin', description: 'How it came into this browser: a file, a course pack, a team round\'s invitation, or the organisation\'s policy.' }),
  /** Checked by the questionnaire validator when read, like any file. */
  questionnaire: Type.Unsafe<unknown>({ type: 'object', title: 'Questionnaire', description: 'The questionnaire file as added, described by questionnaires/schema.json.' }),
}, { title: 'Added questionnaire', description: 'A questionnaire added to this browser, with the hash of its content.' });
export type AddedRecord = Static<typeof AddedRecordFormat>;

export function isAddedRecord(value: unknown): value is AddedRecord {
  return conforms(AddedRecordFormat, value);
}
