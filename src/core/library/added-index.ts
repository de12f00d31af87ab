import { isIsoDate } from '../formats/iso-date';
import { ID_PATTERN, LANGUAGE_PATTERN } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import type { AddedIndex } from './added-index-format';
import { CONTENT_HASH_PATTERN, MAX_ADDED_QUESTIONNAIRES, ORIGINS } from './added-keys';

/** The index's shape is defined once, in added-index-format.ts; the popup reads it here. */
export type { AddedEntry, AddedIndex } from './added-index-format';

export const EMPTY_INDEX: AddedIndex = { schema: 1, entries: [] };

/**
 * The index as stored, or an empty one: a damaged index only hides entries until it is
 * rebuilt (the dashboard's library check does, from the records). Checked by hand rather
 * than by the format's checker: the popup reads it on every opening, and the checker,
 * which builds a message for every problem it could report, took 5–17 ms over a hundred
 * entries (the bench's popup with 100 added questionnaires). The checks are the same ones
 * (a test holds the two to agreement); what the lists show of an entry is only ever text,
 * and an entry's questionnaire is opened by its hash.
 */
export function readAddedIndex(value: unknown): AddedIndex {
  if (!isPlainObject(value) || value.schema !== 1 || !Array.isArray(value.entries) || value.entries.length > MAX_ADDED_QUESTIONNAIRES) return EMPTY_INDEX;
  return value.entries.every(isIndexEntry) ? (value as unknown as AddedIndex) : EMPTY_INDEX;
}

const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000;
const isTextMap = (value: unknown) => isPlainObject(value) && typeof value.en === 'string' && Object.values(value).every((text) => isText(text, 2000));

function isIndexEntry(entry: unknown): boolean {
  if (!isPlainObject(entry)) return false;
  const { id, version, hash, addedAt, origin, formatVersion, languages, title, description, poles, dimensionCount, itemCount, questionCount } = entry;
  return typeof id === 'string' && ID_PATTERN.regex.test(id)
    && Number.isSafeInteger(version) && (version as number) >= 1
    && typeof hash === 'string' && CONTENT_HASH_PATTERN.test(hash)
    && isIsoDate(addedAt)
    && (ORIGINS as readonly unknown[]).includes(origin)
    && (formatVersion === 1 || formatVersion === 2)
    && Array.isArray(languages) && languages.length >= 1 && languages.length <= 20 && languages.every((code) => typeof code === 'string' && LANGUAGE_PATTERN.regex.test(code))
    && isTextMap(title) && isTextMap(description)
    && isPlainObject(poles) && isTextMap(poles.from) && isTextMap(poles.to)
    && isCount(dimensionCount) && isCount(itemCount) && isCount(questionCount);
}
