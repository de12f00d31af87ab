import { backupKind } from './record-kinds';
import type { Backup } from './backup';

export interface RestorePreview {
  /** Keys the backup has and storage does not. */
  added: string[];
  /** Keys stored with exactly the backup's value. */
  identical: string[];
  /** Keys stored with a different value. */
  conflicting: string[];
  /** Keys stored that the backup does not have (removed only by "replace"). */
  onlyHere: string[];
}

export type RestoreMode = 'merge-keep-mine' | 'merge-take-backup' | 'replace';

/** What restoring would change, worked out before anything is written. */
export function previewRestore(backup: Backup, stored: Readonly<Record<string, unknown>>): RestorePreview {
  const preview: RestorePreview = { added: [], identical: [], conflicting: [], onlyHere: [] };
  for (const [key, value] of Object.entries(backup.records)) {
    if (!Object.hasOwn(stored, key)) preview.added.push(key);
    else if (sameJson(stored[key], value)) preview.identical.push(key);
    else preview.conflicting.push(key);
  }
  for (const key of Object.keys(stored)) {
    if (backupKind(key) !== null && !Object.hasOwn(backup.records, key)) preview.onlyHere.push(key);
  }
  for (const list of Object.values(preview)) list.sort();
  return preview;
}

/** The writes a restore makes in the chosen mode: new records always, conflicts as chosen. */
export function restoreWrites(backup: Backup, preview: RestorePreview, mode: RestoreMode): { set: Record<string, unknown>; remove: string[] } {
  const keys = mode === 'merge-keep-mine' ? preview.added : [...preview.added, ...preview.conflicting];
  const set: Record<string, unknown> = {};
  for (const key of keys) set[key] = backup.records[key];
  return { set, remove: mode === 'replace' ? [...preview.onlyHere] : [] };
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
