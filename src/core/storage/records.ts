import type { Static } from 'typebox';
import { conforms } from '../formats/conforms';
import { isIsoDate } from '../formats/iso-date';
import { isPlainObject } from '../shape';
import {
  CADENCES, DraftMetaFormat, MAX_NOTE_LENGTH, NoteFormat, QuestionnaireRefFormat, ReminderFormat, SittingFormat,
} from './record-formats';

/**
 * The version of the stored data's shape. Bump it with a migration in migrations.ts.
 * 2: sittings are stored as JSON text (stored-form.ts); the records themselves are as in 1.
 * 3: records Shiftmeter 0.1 (schema 2) would misread or does not know: a round's summary
 *    where 0.1 kept its tally (the tally moves beside the key; 0.1 shows such a round as
 *    empty), added questionnaires, the organisation's policy. The version makes 0.1 leave
 *    such data alone and say why.
 * 4: sittings are stored in a compact form where it holds them exactly (compact-sitting.ts),
 *    else as JSON text; the records themselves are as in 3. 0.2 (schema 3) cannot read
 *    the compact form, so the version makes it leave such data alone and say why.
 */
export const SCHEMA_VERSION = 4;

export const KEYS = {
  schemaVersion: 'schemaVersion',
  settings: 'settings',
  sittingPrefix: 'sitting:',
  draftPrefix: 'draft:',
  notePrefix: 'note:',
  reminderPrefix: 'reminder:',
  lastTakenPrefix: 'last-taken:',
} as const;

export type QuestionnaireRef = Static<typeof QuestionnaireRefFormat>;
/** A finished self-assessment. One storage key each, so two pages never overwrite each other. */
export type Sitting = Static<typeof SittingFormat>;
/** A reflection note on a sitting: a key of its own, so editing it never rewrites the sitting. */
export type Note = Static<typeof NoteFormat>;
export type Cadence = (typeof CADENCES)[number];
/** How often a person wants to be reminded of one questionnaire. */
export type Reminder = Static<typeof ReminderFormat>;
export { CADENCES, MAX_NOTE_LENGTH };

/**
 * A self-assessment in progress. Each answer is a key of its own
 * (`draft:<questionnaire>:a:<item>` and `draft:<questionnaire>:w:<dimension>`, holding
 * the position), written by one atomic `set` the moment it is given: no read-modify-write,
 * so two open pages never overwrite each other and a closing popup has nothing queued.
 */
export type DraftMeta = Static<typeof DraftMetaFormat>;

export interface Draft extends DraftMeta {
  answers: Record<string, number>;
  wanted: Record<string, number>;
  wantedItems: Record<string, number>;
  notApplicable: string[];
}

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface Settings {
  schema: 1;
  /** null: follow the browser's language. */
  language: string | null;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { schema: 1, language: null, theme: 'system' };

export const sittingKey = (id: string) => `${KEYS.sittingPrefix}${id}`;
export const noteKey = (sittingId: string) => `${KEYS.notePrefix}${sittingId}`;
export const reminderKey = (questionnaireId: string) => `${KEYS.reminderPrefix}${questionnaireId}`;
/** The completion time of the latest sitting of a questionnaire, so the popup can tell what is due without reading every sitting. */
export const lastTakenKey = (questionnaireId: string) => `${KEYS.lastTakenPrefix}${questionnaireId}`;
export const draftKey = (questionnaireId: string) => `${KEYS.draftPrefix}${questionnaireId}`;
export const draftAnswerKey = (questionnaireId: string, itemId: string) => `${KEYS.draftPrefix}${questionnaireId}:a:${itemId}`;
export const draftWantedKey = (questionnaireId: string, dimensionId: string) => `${KEYS.draftPrefix}${questionnaireId}:w:${dimensionId}`;
/** Wanted asked per item (questionnaires of format 2): one key per item, like its "now" answer. */
export const draftWantedItemKey = (questionnaireId: string, itemId: string) => `${KEYS.draftPrefix}${questionnaireId}:wi:${itemId}`;
/** What an item's draft key holds when the person answered "does not apply to my unit". */
export const NOT_APPLICABLE = 'n/a';

export { isIsoDate };

export function isSitting(value: unknown): value is Sitting {
  return conforms(SittingFormat, value);
}

export function isNote(value: unknown): value is Note {
  return conforms(NoteFormat, value);
}

export function isReminder(value: unknown): value is Reminder {
  return conforms(ReminderFormat, value);
}

export function isDraftMeta(value: unknown): value is DraftMeta {
  return conforms(DraftMetaFormat, value);
}

/** Settings are repaired field by field rather than refused: a bad theme must not lose the language. */
export function readSettings(value: unknown): Settings {
  if (!isPlainObject(value)) return DEFAULT_SETTINGS;
  const language = typeof value.language === 'string' && /^[a-z]{2,3}$/.test(value.language) ? value.language : null;
  const theme = THEMES.includes(value.theme as Theme) ? (value.theme as Theme) : 'system';
  return { schema: 1, language, theme };
}
