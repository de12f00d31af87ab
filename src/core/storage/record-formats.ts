import { Type } from '../formats/type';
import { use, withHint } from '../formats/annotations';
import { Id, IsoDate, PositionMap } from '../formats/common';
import { TOKEN_PATTERN } from '../round/token';
import { PATTERN_WORDS } from '../problem-words';

/**
 * The records Shiftmeter keeps in extension storage and carries in backups, each
 * defined once: the types in `records.ts`, the checks that storage and restore apply,
 * and the published `docs/schemas/backup.schema.json` come from here. Records are open
 * objects (a later Shiftmeter may add a field and an earlier one must still read the
 * record); a backup carries them as they are.
 */

/** Sitting and note ids: made by the extension, safe in storage keys. */
export const RECORD_ID_PATTERN = { regex: /^[A-Za-z0-9-]{1,64}$/, name: 'record-id', description: PATTERN_WORDS['record-id'] } as const;
export const MAX_NOTE_LENGTH = 20_000;
/** A round's name as the lead typed it; the invitation carries it. */
export const MAX_ROUND_NAME = 120;
/** As long as a response code may be (code-text.ts: MAX_RESPONSE_CHARS). */
export const MAX_SEALED_CODE = 16_384;

const RecordId = withHint(Type.String({ title: 'Record id', pattern: RECORD_ID_PATTERN.regex.source }), { pattern: RECORD_ID_PATTERN.name });

export const QuestionnaireRefFormat = Type.Object({
  id: use(Id, { title: 'Questionnaire id' }),
  version: Type.Integer({ title: 'Questionnaire version', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
}, { title: 'Questionnaire', description: 'Which questionnaire, in which version.' });

export const SittingFormat = Type.Object({
  schema: Type.Literal(1),
  id: RecordId,
  questionnaire: QuestionnaireRefFormat,
  startedAt: IsoDate,
  completedAt: IsoDate,
  language: Type.String({ title: 'Language', description: 'The language the questions were shown in.', maxLength: 8 }),
  answers: use(PositionMap, { title: 'Answers', description: 'Item id → position, 1 at the item\'s left statement.' }),
  wanted: use(PositionMap, { title: 'Wanted', description: 'Dimension id → wanted position, 1 at the "from" pole (how questionnaires of format 1 ask it).' }),
  /** Questionnaires of format 2 ask "wanted" per item, on the same statements as "now". */
  wantedItems: Type.Optional(use(PositionMap, { title: 'Wanted per item', description: 'Item id → wanted position, 1 at the item\'s left statement.' })),
  /** Items answered "does not apply to my unit": no position, left out of every mean. */
  notApplicable: Type.Optional(Type.Array(use(Id, { title: 'Item id' }), { title: 'Does not apply', maxItems: 400 })),
  /** Set when the sitting answered a team round: its id and name, so the person's own history can say so. */
  round: Type.Optional(Type.Object({
    id: withHint(Type.String({ pattern: TOKEN_PATTERN.regex.source }), { pattern: TOKEN_PATTERN.name }),
    name: Type.String({ maxLength: MAX_ROUND_NAME }),
    /** The sealed code made from this sitting, so the member can be offered it again instead of answering twice. */
    code: Type.Optional(Type.String({ title: 'Sealed code', description: 'The code made from this sitting for the lead (only the lead\'s key opens it).', maxLength: MAX_SEALED_CODE })),
  }, { title: 'Team round', description: 'The team round this sitting answered.' })),
}, { title: 'Sitting', description: 'A finished self-assessment.' });

export const NoteFormat = Type.Object({
  schema: Type.Literal(1),
  sittingId: RecordId,
  text: Type.String({ maxLength: MAX_NOTE_LENGTH }),
  updatedAt: IsoDate,
}, { title: 'Note', description: 'A reflection note on a sitting.' });

export const CADENCES = ['off', 'monthly', 'quarterly', 'half-yearly'] as const;

export const ReminderFormat = Type.Object({
  schema: Type.Literal(1),
  questionnaireId: use(Id, { title: 'Questionnaire id' }),
  cadence: Type.Enum(CADENCES, { title: 'Cadence' }),
  since: use(IsoDate, { description: 'When the cadence was chosen: the first reminder counts from here if the questionnaire was never taken.' }),
  /** Set by the organisation's policy while the person has chosen none; their own choice replaces it. */
  suggested: Type.Optional(Type.Literal(true, { title: 'Suggested', description: 'The organisation\'s policy suggested this cadence; the person has not chosen one.' })),
}, { title: 'Reminder', description: 'How often a person wants to be reminded of one questionnaire.' });

/** A self-assessment in progress: never backed up, but checked when read. */
export const DraftMetaFormat = Type.Object({
  schema: Type.Literal(1),
  questionnaire: QuestionnaireRefFormat,
  startedAt: IsoDate,
  updatedAt: IsoDate,
  /** The page (dimension index) last shown. */
  page: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  /** How many questions had an answer at the last write, for the list's "in progress" line. */
  answered: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
});

/** Settings as a backup carries them; reading them repairs field by field (`readSettings`). */
export const SettingsFormat = Type.Object({
  schema: Type.Literal(1),
}, { title: 'Settings', description: 'Language and theme.' });

/** How an action went, asked at the next sitting of its questionnaire. */
export const ACTION_STATUSES = ['done', 'partly', 'not-done'] as const;
export const MAX_ACTION_TEXT = 1_000;
/** Dimensions a person may choose to work on after one result. */
export const MAX_ACTIONS_PER_SITTING = 3;

export const ActionFormat = Type.Object({
  id: RecordId,
  /** The sitting whose result the action answers. */
  sittingId: RecordId,
  dimension: use(Id, { title: 'Dimension id', description: 'The dimension the unit is working on.' }),
  text: Type.String({ title: 'What the unit will try', maxLength: MAX_ACTION_TEXT }),
  by: Type.Optional(use(IsoDate, { title: 'By when', description: 'Noon UTC of the day chosen, so the day is the same in every European time zone.' })),
  createdAt: IsoDate,
  review: Type.Optional(Type.Object({
    status: Type.Enum(ACTION_STATUSES, { title: 'How it went' }),
    note: Type.String({ title: 'Note', maxLength: MAX_ACTION_TEXT }),
    at: IsoDate,
  }, { title: 'Review', description: 'How it went, as the person said at a later sitting.' })),
}, { title: 'Action', description: 'What a unit will try on one dimension after a result, and how it went.' });

/** A questionnaire's actions, in one record so the popup reads them by key. */
export const ActionsFormat = Type.Object({
  schema: Type.Literal(1),
  questionnaireId: use(Id, { title: 'Questionnaire id' }),
  actions: Type.Array(ActionFormat, { title: 'Actions', maxItems: 600 }),
}, { title: 'Actions', description: 'The actions chosen after the results of one questionnaire, oldest first.' });
