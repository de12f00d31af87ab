import { questionCountOf } from '../questionnaire/summary';
import type { Questionnaire } from '../questionnaire/types';
import { validateQuestionnaire } from '../questionnaire/validate';
import { contentHash } from './content-hash';
import { ADDED_KEYS, addedKey, MAX_ADDED_QUESTIONNAIRES, type AddedOrigin } from './added-keys';
import { isAddedRecord, type AddedRecord } from './added-record';
import type { AddedEntry, AddedIndex } from './added-index';

/** A questionnaire this browser already has by id, version and content (added, or provided by the organisation). */
export interface KnownQuestionnaire {
  id: string;
  version: number;
  hash: string;
}

export type AdditionPlan =
  | { kind: 'add'; key: string; record: AddedRecord; entry: AddedEntry }
  /** The very same questionnaire is here already: nothing to write. */
  | { kind: 'already-here'; id: string; version: number }
  /** The same id and version with other content: results would no longer compare, so it is refused. */
  | { kind: 'other-content'; id: string; version: number }
  /** A variant of a questionnaire Shiftmeter ships needs an id of its own. */
  | { kind: 'shipped-id'; id: string }
  | { kind: 'full'; max: number };

export interface AdditionContext {
  /** Ids of the questionnaires that ship with Shiftmeter, current and earlier versions. */
  shippedIds: ReadonlySet<string>;
  known: readonly KnownQuestionnaire[];
  /** How many are added now. */
  addedCount: number;
}

/**
 * Whether a valid questionnaire may be added, decided by identity by content: an id and
 * version name one text for ever (as questionnaires/lock.json holds the shipped ones),
 * so sittings answered on it always mean the same questions.
 */
export function planAddition(
  candidate: { questionnaire: Questionnaire; hash: string; origin: AddedOrigin; now: Date },
  context: AdditionContext,
): AdditionPlan {
  const { id, version } = candidate.questionnaire;
  if (context.shippedIds.has(id)) return { kind: 'shipped-id', id };
  const same = context.known.find((known) => known.id === id && known.version === version);
  if (same) return same.hash === candidate.hash ? { kind: 'already-here', id, version } : { kind: 'other-content', id, version };
  if (context.addedCount >= MAX_ADDED_QUESTIONNAIRES) return { kind: 'full', max: MAX_ADDED_QUESTIONNAIRES };
  const record: AddedRecord = { schema: 1, hash: candidate.hash, addedAt: candidate.now.toISOString(), origin: candidate.origin, questionnaire: candidate.questionnaire };
  return { kind: 'add', key: addedKey(id, version), record, entry: entryOf(record, candidate.questionnaire) };
}

/** What the lists show of an added questionnaire, without its items. */
export function entryOf(record: AddedRecord, questionnaire: Questionnaire): AddedEntry {
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    hash: record.hash,
    addedAt: record.addedAt,
    origin: record.origin,
    formatVersion: questionnaire.formatVersion,
    languages: [...questionnaire.languages],
    title: questionnaire.title,
    description: questionnaire.description,
    poles: questionnaire.poles,
    dimensionCount: questionnaire.dimensions.length,
    itemCount: questionnaire.items.length,
    questionCount: questionCountOf(questionnaire),
  };
}

/**
 * An added questionnaire's record as read: its questionnaire when the record is whole
 * (the shape, the validator, the key it is under, and the hash of its content all
 * agree), else null. A record that fails is left in storage untouched and reported.
 */
export async function readAddedRecord(key: string, value: unknown): Promise<{ record: AddedRecord; questionnaire: Questionnaire } | null> {
  if (!isAddedRecord(value)) return null;
  const checked = validateQuestionnaire(value.questionnaire);
  if (!checked.ok || key !== addedKey(checked.value.id, checked.value.version)) return null;
  if ((await contentHash(checked.value)) !== value.hash) return null;
  return { record: value, questionnaire: checked.value };
}

/**
 * The index, made from the records themselves (the truth), in the order they were
 * added; with the keys of records that are damaged and so left out.
 */
export async function indexFromRecords(all: Readonly<Record<string, unknown>>): Promise<{ index: AddedIndex; damaged: string[] }> {
  const entries: AddedEntry[] = [];
  const damaged: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(ADDED_KEYS.prefix)) continue;
    const read = await readAddedRecord(key, value);
    if (read) entries.push(entryOf(read.record, read.questionnaire));
    else damaged.push(key);
  }
  entries.sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : addedKey(a.id, a.version).localeCompare(addedKey(b.id, b.version))));
  damaged.sort();
  return { index: { schema: 1, entries: entries.slice(0, MAX_ADDED_QUESTIONNAIRES) }, damaged };
}
