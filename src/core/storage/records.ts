import { isPlainObject } from '../shape';
import { isScalePosition } from '../scoring';
import { ID_PATTERN } from '../questionnaire/types';

/**
 * The version of the stored data's shape. Bump it with a migration in migrations.ts.
 * 2: sittings are stored as JSON text (stored-form.ts); the records themselves are as in 1.
 */
export const SCHEMA_VERSION = 2;

export const KEYS = {
  schemaVersion: 'schemaVersion',
  settings: 'settings',
  sittingPrefix: 'sitting:',
  draftPrefix: 'draft:',
  notePrefix: 'note:',
  reminderPrefix: 'reminder:',
  lastTakenPrefix: 'last-taken:',
} as const;

export interface QuestionnaireRef {
  id: string;
  version: number;
}

/** A finished self-assessment. One storage key each, so two pages never overwrite each other. */
export interface Sitting {
  schema: 1;
  id: string;
  questionnaire: QuestionnaireRef;
  startedAt: string;
  completedAt: string;
  language: string;
  answers: Record<string, number>;
  wanted: Record<string, number>;
  /** Set when the sitting answered a team round: its id and name, so the person's own history can say so. */
  round?: { id: string; name: string };
}

/** A reflection note on a sitting: a key of its own, so editing it never rewrites the sitting. */
export interface Note {
  schema: 1;
  sittingId: string;
  text: string;
  updatedAt: string;
}

export type Cadence = 'off' | 'monthly' | 'quarterly' | 'half-yearly';
export const CADENCES: readonly Cadence[] = ['off', 'monthly', 'quarterly', 'half-yearly'];

/** How often a person wants to be reminded of one questionnaire. */
export interface Reminder {
  schema: 1;
  questionnaireId: string;
  cadence: Cadence;
  /** When the cadence was chosen: the first reminder counts from here if the questionnaire was never taken. */
  since: string;
}

/**
 * A self-assessment in progress. Each answer is a key of its own
 * (`draft:<questionnaire>:a:<item>` and `draft:<questionnaire>:w:<dimension>`, holding
 * the position), written by one atomic `set` the moment it is given: no read-modify-write,
 * so two open pages never overwrite each other and a closing popup has nothing queued.
 */
export interface DraftMeta {
  schema: 1;
  questionnaire: QuestionnaireRef;
  startedAt: string;
  updatedAt: string;
  /** The page (dimension index) last shown. */
  page: number;
  /** How many questions had an answer at the last write, for the list's "in progress" line. */
  answered: number;
}

export interface Draft extends DraftMeta {
  answers: Record<string, number>;
  wanted: Record<string, number>;
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
export const MAX_NOTE_LENGTH = 20_000;
export const draftKey = (questionnaireId: string) => `${KEYS.draftPrefix}${questionnaireId}`;
export const draftAnswerKey = (questionnaireId: string, itemId: string) => `${KEYS.draftPrefix}${questionnaireId}:a:${itemId}`;
export const draftWantedKey = (questionnaireId: string, dimensionId: string) => `${KEYS.draftPrefix}${questionnaireId}:w:${dimensionId}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const RECORD_ID = /^[A-Za-z0-9-]{1,64}$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

function isQuestionnaireRef(value: unknown): value is QuestionnaireRef {
  return isPlainObject(value) && typeof value.id === 'string' && ID_PATTERN.regex.test(value.id)
    && Number.isInteger(value.version) && (value.version as number) >= 1;
}

/** An id → scale position map whose keys are valid ids (never `__proto__` and the like). */
function isPositionMap(value: unknown): value is Record<string, number> {
  return isPlainObject(value) && Object.entries(value).every(([key, position]) => ID_PATTERN.regex.test(key) && isScalePosition(position));
}

export function isSitting(value: unknown): value is Sitting {
  return isPlainObject(value) && value.schema === 1 && typeof value.id === 'string' && RECORD_ID.test(value.id)
    && isQuestionnaireRef(value.questionnaire) && isIsoDate(value.startedAt) && isIsoDate(value.completedAt)
    && typeof value.language === 'string' && value.language.length <= 8
    && isPositionMap(value.answers) && isPositionMap(value.wanted)
    && (value.round === undefined || (isPlainObject(value.round) && typeof value.round.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value.round.id) && typeof value.round.name === 'string' && value.round.name.length <= 120));
}

export function isNote(value: unknown): value is Note {
  return isPlainObject(value) && value.schema === 1 && typeof value.sittingId === 'string' && RECORD_ID.test(value.sittingId)
    && typeof value.text === 'string' && value.text.length <= MAX_NOTE_LENGTH && isIsoDate(value.updatedAt);
}

export function isReminder(value: unknown): value is Reminder {
  return isPlainObject(value) && value.schema === 1 && typeof value.questionnaireId === 'string'
    && ID_PATTERN.regex.test(value.questionnaireId) && CADENCES.includes(value.cadence as Cadence) && isIsoDate(value.since);
}

export function isDraftMeta(value: unknown): value is DraftMeta {
  return isPlainObject(value) && value.schema === 1 && isQuestionnaireRef(value.questionnaire)
    && isIsoDate(value.startedAt) && isIsoDate(value.updatedAt)
    && Number.isInteger(value.page) && (value.page as number) >= 0
    && Number.isInteger(value.answered) && (value.answered as number) >= 0;
}

/** Settings are repaired field by field rather than refused: a bad theme must not lose the language. */
export function readSettings(value: unknown): Settings {
  if (!isPlainObject(value)) return DEFAULT_SETTINGS;
  const language = typeof value.language === 'string' && /^[a-z]{2,3}$/.test(value.language) ? value.language : null;
  const theme = THEMES.includes(value.theme as Theme) ? (value.theme as Theme) : 'system';
  return { schema: 1, language, theme };
}
