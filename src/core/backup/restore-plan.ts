import { roundKey, sameBinding, tallyKey, ROUND_KEYS, isRound, type Round } from '../round/round-record';
import { isTallySummary } from '../round/tally-summary';
import { ADDED_KEYS } from '../library/added-keys';
import { isPlainObject } from '../shape';
import { backupKind } from './record-kinds';
import type { Backup } from './backup';

/**
 * A round whose private key is in this browser, with what its state says (null when the
 * key is here but no state yet: a round from Shiftmeter 0.1 that was not opened since).
 */
export type HeldRound = { round: Round; sequence: number; count: number } | null;

export interface RestorePreview {
  /** Keys the backup has and storage does not. */
  added: string[];
  /** Keys stored with exactly the backup's value. */
  identical: string[];
  /** Keys stored with a different value. */
  conflicting: string[];
  /** Keys stored that the backup does not have (removed only by "replace"). */
  onlyHere: string[];
  /** Rounds this browser started: a restore never writes or removes their records. */
  keptRounds: string[];
  /** Rounds whose copy in the backup is not an earlier state of the one held here. */
  refusedRounds: { id: string; name: string }[];
  /**
   * Added questionnaires stored here whose copy in the backup differs: the one here is
   * kept in every mode, since its id and version name the text its sittings answered.
   */
  keptQuestionnaires: string[];
}

export type RestoreMode = 'merge-keep-mine' | 'merge-take-backup' | 'replace';

/** The round id a round or round-summary key belongs to, or null for other keys. */
function roundIdOf(key: string): string | null {
  if (key.startsWith(ROUND_KEYS.tallyPrefix)) return key.slice(ROUND_KEYS.tallyPrefix.length);
  if (key.startsWith(ROUND_KEYS.roundPrefix)) return key.slice(ROUND_KEYS.roundPrefix.length);
  return null;
}

/**
 * Whether the backup's copy of a held round could be an earlier state of it: the same
 * binding (id, minimum group, key, questionnaire) and a summary no later and no larger
 * than the state here. Anything else was edited, or belongs to another browser's round.
 */
function isEarlierCopy(backup: Backup, id: string, held: NonNullable<HeldRound>): boolean {
  const round = backup.records[roundKey(id)];
  if (round !== undefined && (!isRound(round) || !sameBinding(round, held.round))) return false;
  const summary = backup.records[tallyKey(id)];
  if (summary === undefined) return true;
  return isTallySummary(summary) && summary.minGroup === held.round.minGroup
    && summary.questionnaire.id === held.round.questionnaire.id && summary.questionnaire.version === held.round.questionnaire.version
    && summary.sequence <= held.sequence && summary.count <= held.count;
}

/**
 * What restoring would change, worked out before anything is written. The records of a
 * round this browser started are never written: what protects its members lives beside
 * its key, and a backup may only show an earlier state of it. A copy that cannot be one
 * refuses the whole restore.
 */
export function previewRestore(backup: Backup, stored: Readonly<Record<string, unknown>>, held: ReadonlyMap<string, HeldRound> = new Map()): RestorePreview {
  const preview: RestorePreview = { added: [], identical: [], conflicting: [], onlyHere: [], keptRounds: [], refusedRounds: [], keptQuestionnaires: [] };
  const kept = new Set<string>();
  for (const [key, value] of Object.entries(backup.records)) {
    const id = roundIdOf(key);
    if (id !== null && held.has(id)) {
      kept.add(id);
      continue;
    }
    if (!Object.hasOwn(stored, key)) preview.added.push(key);
    else if (sameJson(stored[key], value)) preview.identical.push(key);
    else if (key.startsWith(ADDED_KEYS.prefix)) preview.keptQuestionnaires.push(key);
    else preview.conflicting.push(key);
  }
  for (const key of Object.keys(stored)) {
    const id = roundIdOf(key);
    if (id !== null && held.has(id)) continue;
    if (backupKind(key) !== null && !Object.hasOwn(backup.records, key)) preview.onlyHere.push(key);
  }
  for (const id of kept) {
    const round = held.get(id);
    if (round && !isEarlierCopy(backup, id, round)) preview.refusedRounds.push({ id, name: round.round.name });
    else preview.keptRounds.push(id);
  }
  for (const list of [preview.added, preview.identical, preview.conflicting, preview.onlyHere, preview.keptRounds, preview.keptQuestionnaires]) list.sort();
  return preview;
}

/** The writes a restore makes in the chosen mode: new records always, conflicts as chosen. */
export function restoreWrites(backup: Backup, preview: RestorePreview, mode: RestoreMode): { set: Record<string, unknown>; remove: string[] } {
  if (preview.refusedRounds.length > 0) return { set: {}, remove: [] };
  const keys = mode === 'merge-keep-mine' ? preview.added : [...preview.added, ...preview.conflicting];
  const set: Record<string, unknown> = {};
  for (const key of keys) set[key] = key.startsWith(ADDED_KEYS.prefix) ? ownCopy(backup.records[key]) : backup.records[key];
  return { set, remove: mode === 'replace' ? [...preview.onlyHere] : [] };
}

/**
 * An organisation's questionnaire comes back from a backup as the person's own copy:
 * what this browser's policy provides is for the policy to say, and applying it must
 * never take back a questionnaire a restore brought (its sittings need it).
 */
function ownCopy(record: unknown): unknown {
  return isPlainObject(record) && record.origin === 'organisation' ? { ...record, origin: 'file' } : record;
}

/** Deep equality of JSON values, independent of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a as object);
  const bKeys = Object.keys(b as object);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b as object, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
