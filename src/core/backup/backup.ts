import { problemOf, type Checked, type EnglishWords, type Problem, type ProblemParamsOf } from '../problems';
import { BACKUP_FORMAT, type Backup } from './backup-format';
import { parseJsonSafely } from '../safe-json';
import { actual, isPlainObject, shapeProblem } from '../shape';
import { isIsoDate, SCHEMA_VERSION } from '../storage/records';
import { backupForm, backupKind, isValidBackupRecord } from './record-kinds';

type BackupCode = 'not-a-backup' | 'missing-or-not-whole-number' | 'backup-too-new' | 'missing-or-not-date' | 'missing-or-not-object' | 'unknown-record-kind' | 'damaged-record';

/** What is wrong with a backup, in English; the dashboard words it from the same params (`problem.*`). */
const WORDS: EnglishWords<BackupCode> = {
  'not-a-backup': () => 'is not a Shiftmeter backup (expected "format": "shiftmeter-backup")',
  'missing-or-not-whole-number': () => 'is missing or not a whole number',
  'backup-too-new': ({ version, known }) => `is ${version}: this backup was made by a newer Shiftmeter (this one knows up to ${known}); update Shiftmeter to restore it`,
  'missing-or-not-date': () => 'is missing or not a date',
  'missing-or-not-object': () => 'is missing or not an object',
  'unknown-record-kind': () => 'is not a kind of record Shiftmeter keeps',
  'damaged-record': () => 'is damaged (it does not have the shape of its kind)',
};

function backupProblem<C extends BackupCode>(path: string, code: C, params: ProblemParamsOf[C]): Problem {
  return problemOf(path, code, params, WORDS[code]);
}

/**
 * The schema version whose records a backup holds, which is not always the storage's
 * own: a schema step that only changes how records are kept in storage (step 4 made
 * sittings compact there) leaves them as a backup writes them, so a backup made now still
 * says 3 and an older Shiftmeter that knows 3 restores it. A step that changes what a
 * record says raises this with SCHEMA_VERSION (a test holds the two together).
 */
export const BACKUP_RECORDS_VERSION = 3;

/** Ten years of monthly sittings of every questionnaire take well under a megabyte; this leaves room. */
export const MAX_BACKUP_BYTES = 30_000_000;

export { BACKUP_FORMAT, type Backup } from './backup-format';

/**
 * Everything worth keeping from storage, as one JSON-ready object. Only valid records
 * go in, so a person's own backup always restores; a damaged record stays set aside in
 * storage, untouched, where the dashboard reports it.
 */
export function makeBackup(stored: Readonly<Record<string, unknown>>, now: Date): Backup {
  const records: Record<string, unknown> = {};
  for (const key of Object.keys(stored).sort()) {
    if (isValidBackupRecord(key, stored[key])) records[key] = backupForm(key, stored[key]);
  }
  return { format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: BACKUP_RECORDS_VERSION, exportedAt: now.toISOString(), records };
}

/**
 * Reads a backup file defensively: size and depth limits first, then the envelope,
 * then every record by its kind. One bad record refuses the whole file, saying
 * where, so a restore never writes half a backup.
 */
export function parseBackup(text: string): Checked<Backup> {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_BACKUP_BYTES, maxDepth: 16 });
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (!isPlainObject(value) || value.format !== BACKUP_FORMAT) {
    return fail(backupProblem('', 'not-a-backup', {}));
  }
  if (!Object.hasOwn(value, 'formatVersion')) return fail(shapeProblem('formatVersion', 'missing', {}));
  if (value.formatVersion !== 1) return fail(shapeProblem('formatVersion', 'not-constant', { ...actual(value.formatVersion), expected: '1' }));
  if (typeof value.schemaVersion !== 'number' || !Number.isInteger(value.schemaVersion) || value.schemaVersion < 1) {
    return fail(backupProblem('schemaVersion', 'missing-or-not-whole-number', {}));
  }
  if (value.schemaVersion > SCHEMA_VERSION) {
    return fail(backupProblem('schemaVersion', 'backup-too-new', { version: value.schemaVersion, known: SCHEMA_VERSION }));
  }
  if (!isIsoDate(value.exportedAt)) return fail(backupProblem('exportedAt', 'missing-or-not-date', {}));
  if (!isPlainObject(value.records)) return fail(backupProblem('records', 'missing-or-not-object', {}));
  const problems: Problem[] = [];
  const records: Record<string, unknown> = Object.create(null);
  for (const [key, record] of Object.entries(value.records)) {
    if (backupKind(key) === null) problems.push(backupProblem(`records.${key}`, 'unknown-record-kind', {}));
    else if (!isValidBackupRecord(key, record)) problems.push(backupProblem(`records.${key}`, 'damaged-record', {}));
    else records[key] = backupForm(key, record);
    if (problems.length >= 20) break;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: value.schemaVersion, exportedAt: value.exportedAt, records: { ...records } } };
}

function fail(problem: Problem): Checked<never> {
  return { ok: false, problems: [problem] };
}
