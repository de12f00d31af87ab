import { isPackAnswer, isPackNote, PACK_KEYS } from '../pack/pack-records';
import { isPackSittingLink, PACK_SITTING_PREFIX, packSittingKey } from '../pack/pack-sitting';
import { isPackOrder, PACK_ORDER_KEY } from '../pack/shown-order';
import { validateCoursePack } from '../pack/validate-pack';
import { isRound, ROUND_KEYS } from '../round/round-record';
import { isTallySummary, summaryFromV1, type TallySummary } from '../round/tally-summary';
import { ADDED_KEYS, addedKey } from '../library/added-keys';
import { isAddedRecord } from '../library/added-record';
import { validateQuestionnaire } from '../questionnaire/validate';
import { isPlainObject } from '../shape';
import { ACTIONS_PREFIX, actionsKey, isActionsRecord } from '../actions/actions';
import { isRoundActions, ROUND_ACTIONS_PREFIX, roundActionsKey } from '../round/round-actions';
import { isIsoDate, isNote, isReminder, isSitting, KEYS } from '../storage/records';

/**
 * The kinds of stored record a backup carries, each with the validator that a
 * restored record must pass. Drafts in progress are not backed up: they are not yet
 * results, and a restore must never resurrect a half-answered questionnaire.
 */
const KINDS: ReadonlyArray<{ kind: string; matches: (key: string) => boolean; valid: (key: string, value: unknown) => boolean }> = [
  { kind: 'sitting', matches: (k) => k.startsWith(KEYS.sittingPrefix), valid: (k, v) => isSitting(v) && k === `${KEYS.sittingPrefix}${v.id}` },
  { kind: 'note', matches: (k) => k.startsWith(KEYS.notePrefix), valid: (k, v) => isNote(v) && k === `${KEYS.notePrefix}${v.sittingId}` },
  { kind: 'reminder', matches: (k) => k.startsWith(KEYS.reminderPrefix), valid: (k, v) => isReminder(v) && k === `${KEYS.reminderPrefix}${v.questionnaireId}` },
  { kind: 'last-taken', matches: (k) => k.startsWith(KEYS.lastTakenPrefix), valid: (_k, v) => isIsoDate(v) },
  { kind: 'settings', matches: (k) => k === KEYS.settings, valid: (_k, v) => isPlainObject(v) && v.schema === 1 },
  // A lead's rounds and their team figures. The private key and the state that protects the
  // members cannot leave the browser, so a round restored elsewhere shows its figures but
  // cannot open new codes, and a restore never writes a round this browser holds.
  { kind: 'round', matches: (k) => k.startsWith(ROUND_KEYS.roundPrefix), valid: (k, v) => isRound(v) && k === `${ROUND_KEYS.roundPrefix}${v.id}` },
  // A round's summary: counts and published figures, never sums of few people or waiting codes.
  // Shiftmeter 0.1 kept its whole tally under this key; a backup carries only its summary.
  { kind: 'round-tally', matches: (k) => k.startsWith(ROUND_KEYS.tallyPrefix), valid: (k, v) => { const s = backupSummary(v); return s !== null && k === `${ROUND_KEYS.tallyPrefix}${s.round}`; } },
  // Course packs a teacher loaded, and a student's answers and reflections.
  { kind: 'pack', matches: (k) => k.startsWith(PACK_KEYS.pack), valid: (k, v) => { const c = validateCoursePack(v); return c.ok && k === `${PACK_KEYS.pack}${c.value.id}`; } },
  { kind: 'pack-answer', matches: (k) => k.startsWith(PACK_KEYS.answer), valid: (_k, v) => isPackAnswer(v) },
  { kind: 'pack-note', matches: (k) => k.startsWith(PACK_KEYS.note), valid: (_k, v) => isPackNote(v) },
  // Which sitting a course shows; the sitting itself is backed up as a sitting.
  // This browser's order of course statements: restored, a summary already handed in keeps its numbers.
  { kind: 'pack-order', matches: (k) => k === PACK_ORDER_KEY, valid: (_k, v) => isPackOrder(v) },
  // Questionnaires added in this browser: the text its sittings answered. (Their index is made from them, never backed up.)
  { kind: 'added-questionnaire', matches: (k) => k.startsWith(ADDED_KEYS.prefix), valid: (k, v) => isWholeAddedRecord(k, v) },
  // What a unit chose to try after a result, and how it went.
  { kind: 'actions', matches: (k) => k.startsWith(ACTIONS_PREFIX), valid: (k, v) => isActionsRecord(v) && k === actionsKey(v.questionnaireId) },
  // What a team agreed after a round, and how it went.
  { kind: 'round-actions', matches: (k) => k.startsWith(ROUND_ACTIONS_PREFIX), valid: (k, v) => isRoundActions(v) && k === roundActionsKey(v.roundId) },
  { kind: 'pack-sitting', matches: (k) => k.startsWith(PACK_SITTING_PREFIX), valid: (k, v) => isPackSittingLink(v) && k === packSittingKey(v.packId) },
];

/**
 * An added questionnaire's record, checked as far as can be without hashing: its shape,
 * the questionnaire validator, and the key it is under. Its hash is checked when it is
 * read (library.ts), and a record whose hash does not match is listed as damaged.
 */
function isWholeAddedRecord(key: string, value: unknown): boolean {
  if (!isAddedRecord(value)) return false;
  const checked = validateQuestionnaire(value.questionnaire);
  return checked.ok && key === addedKey(checked.value.id, checked.value.version);
}

/** The kind of a stored key that backups carry, or null for keys they leave out. */
export function backupKind(key: string): string | null {
  return KINDS.find((k) => k.matches(key))?.kind ?? null;
}

export function isValidBackupRecord(key: string, value: unknown): boolean {
  const kind = KINDS.find((k) => k.matches(key));
  return kind !== undefined && kind.valid(key, value);
}

/** A round summary as a backup holds it: today's form, or the summary of a Shiftmeter 0.1 tally. */
function backupSummary(value: unknown): TallySummary | null {
  return isTallySummary(value) ? value : summaryFromV1(value);
}

/** A record in the form a backup carries it (only round summaries differ from what is stored). */
export function backupForm(key: string, value: unknown): unknown {
  return key.startsWith(ROUND_KEYS.tallyPrefix) ? backupSummary(value) : value;
}
