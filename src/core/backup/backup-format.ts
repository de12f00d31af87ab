import { Type, type Static } from '../formats/type';
import { use } from '../formats/annotations';
import { IsoDate } from '../formats/common';
import { ADDED_KEYS } from '../library/added-keys';
import { AddedRecordFormat } from '../library/added-record';
import { PackAnswerFormat, PackNoteFormat, PACK_KEYS } from '../pack/pack-records';
import { PackSittingLinkFormat, PACK_SITTING_PREFIX } from '../pack/pack-sitting';
import { PackOrderFormat, PACK_ORDER_KEY } from '../pack/shown-order';
import { RoundFormat, ROUND_KEYS } from '../round/round-record';
import { TallySummaryFormat } from '../round/tally-summary';
import { ActionsFormat, NoteFormat, ReminderFormat, SettingsFormat, SittingFormat } from '../storage/record-formats';
import { ACTIONS_PREFIX } from '../actions/actions';
import { ROUND_ACTIONS_PREFIX, RoundActionsFormat } from '../round/round-actions';
import { KEYS } from '../storage/records';

/**
 * The backup file, defined once: the `Backup` type and the published
 * `docs/schemas/backup.schema.json` come from here, and each record in it is checked
 * by its kind's own definition (`record-kinds.ts`).
 */

export const BACKUP_FORMAT = 'shiftmeter-backup';

const prefixed = (prefix: string) => `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;

/** Every kind of record a backup carries, by the storage key it is kept under. */
const RECORDS_BY_KEY = {
  [prefixed(KEYS.sittingPrefix)]: SittingFormat,
  [prefixed(KEYS.notePrefix)]: NoteFormat,
  [prefixed(KEYS.reminderPrefix)]: ReminderFormat,
  [prefixed(KEYS.lastTakenPrefix)]: use(IsoDate, { description: 'When the questionnaire was last taken.' }),
  [`^${KEYS.settings}$`]: SettingsFormat,
  [prefixed(ROUND_KEYS.roundPrefix)]: RoundFormat,
  [prefixed(ROUND_KEYS.tallyPrefix)]: Type.Union([
    TallySummaryFormat,
    Type.Object({ schema: Type.Literal(1) }, { description: 'The whole tally Shiftmeter 0.1 kept; a restore converts it to a summary.' }),
  ]),
  [prefixed(PACK_KEYS.pack)]: Type.Unsafe({ $ref: 'https://shiftmeter.invalid/schema/course-pack.schema.json', description: 'A course pack a teacher loaded.' }),
  [prefixed(PACK_KEYS.answer)]: PackAnswerFormat,
  [prefixed(PACK_KEYS.note)]: PackNoteFormat,
  [prefixed(PACK_SITTING_PREFIX)]: PackSittingLinkFormat,
  [`^${PACK_ORDER_KEY}$`]: PackOrderFormat,
  [prefixed(ADDED_KEYS.prefix)]: AddedRecordFormat,
  [prefixed(ACTIONS_PREFIX)]: ActionsFormat,
  [prefixed(ROUND_ACTIONS_PREFIX)]: RoundActionsFormat,
};

export const BackupFormat = Type.Object({
  format: Type.Literal(BACKUP_FORMAT, { title: 'Kind of file', description: `Always "${BACKUP_FORMAT}".` }),
  formatVersion: Type.Literal(1, { title: 'Format version', description: 'Always 1.' }),
  schemaVersion: Type.Integer({ title: 'Schema version', description: 'The version of the stored records the backup holds (3 since Shiftmeter 0.2.0: later steps that only change how storage keeps them leave it); a Shiftmeter that knows this version or a later one restores the backup.', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  exportedAt: IsoDate,
  records: Type.Unsafe<Record<string, unknown>>({
    title: 'Records',
    description: 'Storage key → record. Drafts in progress, round keys and the state that protects team members are never in a backup.',
    type: 'object',
    patternProperties: RECORDS_BY_KEY,
    additionalProperties: false,
  }),
}, { additionalProperties: false });

export type Backup = Static<typeof BackupFormat>;

export const BACKUP_SCHEMA_HEADER = {
  $id: 'https://shiftmeter.invalid/schema/backup.schema.json',
  title: 'Shiftmeter backup',
  description: 'Everything a person keeps in Shiftmeter on one device, as "Back up" saves it. A restore checks every record and writes nothing if one is wrong. See docs/privacy.md.',
};
