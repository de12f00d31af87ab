import { isPackNote, PACK_KEYS } from '../pack/pack-records';
import { validateCoursePack } from '../pack/validate-pack';
import { isRound, ROUND_KEYS } from '../round/round-record';
import { isPlainObject } from '../shape';
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
  // A lead's rounds and their team figures. The private key cannot leave the browser, so a
  // restored round shows its figures but cannot open new codes; the tally is checked
  // against its questionnaire again whenever it is read.
  { kind: 'round', matches: (k) => k.startsWith(ROUND_KEYS.roundPrefix), valid: (k, v) => isRound(v) && k === `${ROUND_KEYS.roundPrefix}${v.id}` },
  { kind: 'round-tally', matches: (k) => k.startsWith(ROUND_KEYS.tallyPrefix), valid: (k, v) => isPlainObject(v) && v.schema === 1 && k === `${ROUND_KEYS.tallyPrefix}${String(v.round)}` },
  // Course packs a teacher loaded, and a student's answers and reflections.
  { kind: 'pack', matches: (k) => k.startsWith(PACK_KEYS.pack), valid: (k, v) => { const c = validateCoursePack(v); return c.ok && k === `${PACK_KEYS.pack}${c.value.id}`; } },
  { kind: 'pack-answer', matches: (k) => k.startsWith(PACK_KEYS.answer), valid: (_k, v) => isPlainObject(v) && v.schema === 1 && typeof v.checked === 'boolean' && isIsoDate(v.updatedAt) },
  { kind: 'pack-note', matches: (k) => k.startsWith(PACK_KEYS.note), valid: (_k, v) => isPackNote(v) },
];

/** The kind of a stored key that backups carry, or null for keys they leave out. */
export function backupKind(key: string): string | null {
  return KINDS.find((k) => k.matches(key))?.kind ?? null;
}

export function isValidBackupRecord(key: string, value: unknown): boolean {
  const kind = KINDS.find((k) => k.matches(key));
  return kind !== undefined && kind.valid(key, value);
}
