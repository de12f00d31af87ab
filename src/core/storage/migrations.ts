import { isPlainObject } from '../shape';
import { isSitting, KEYS, SCHEMA_VERSION, type Sitting } from './records';

/** Everything in extension storage, as read with `storage.local.get(null)`. */
export type StoredData = Readonly<Record<string, unknown>>;

/** A pure step from schema version N − 1 to N: returns the keys to write and to remove. */
export interface MigrationStep {
  set: Record<string, unknown>;
  remove: string[];
}
export type Migration = (data: StoredData) => MigrationStep;

/**
 * Step N turns data of version N − 1 into version N. Each version's data is kept as a
 * fixture under test/fixtures/storage/, and each step is tested on it.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 2: sittings move to their stored form, JSON text (stored-form.ts). The store writes
  // that form, so the step writes each sitting back as it is. Only objects: anything
  // else under a sitting key is damaged and stays exactly as it was, to be reported.
  2: (data) => ({
    set: Object.fromEntries(Object.entries(data).filter(([key, value]) => key.startsWith(KEYS.sittingPrefix) && isPlainObject(value))),
    remove: [],
  }),
  // 3: no record changes here. A round's tally from 0.1 moves beside its private key when
  // its page first opens (team-store.ts), which needs the key; everything else of 2 reads
  // as it is. The new version tells 0.1, which knows up to 2, that newer records follow.
  3: () => ({ set: {}, remove: [] }),
  // 4: sittings move to their compact form (stored-form.ts, compact-sitting.ts). As in 2,
  // the store decides the form (compact where it holds the sitting exactly, else JSON
  // text), so the step writes each valid sitting back as it is. Only valid sittings: an
  // object or text that is not one is damaged and stays exactly as it was, to be reported.
  // Every sitting and the version go in one write (run-migrations.ts), and each sitting
  // only gets smaller. Should the browser still refuse it (storage full), the version
  // stays 3 and the step runs again at the next start; a sitting already rewritten reads
  // the same in either form, so even a half-applied write loses nothing.
  4: (data) => ({
    set: Object.fromEntries(Object.entries(data).flatMap(([key, value]) => {
      if (!key.startsWith(KEYS.sittingPrefix)) return [];
      const sitting = asSitting(value);
      return sitting === null ? [] : [[key, sitting]];
    })),
    remove: [],
  }),
};

/** A sitting as the store reads it (an object), or as JSON text a store without the stored form would hand over. */
function asSitting(value: unknown): Sitting | null {
  if (isSitting(value)) return value;
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isSitting(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export type MigrationPlan =
  | { kind: 'current'; version: number }
  | { kind: 'newer'; stored: number; known: number }
  | { kind: 'migrate'; from: number; to: number; set: Record<string, unknown>; remove: string[] };

/** The stored version; an empty store (a fresh install) counts as the current version. */
export function storedSchemaVersion(data: StoredData): number {
  const version = data[KEYS.schemaVersion];
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return version;
  return Object.keys(data).length === 0 ? 0 : 1;
}

/** Whether `data` can be read as it is: it is of the current schema, or empty. */
export function holdsCurrentSchema(data: StoredData, target = SCHEMA_VERSION): boolean {
  const version = storedSchemaVersion(data);
  return version === target || version === 0;
}

/**
 * Works out, without touching storage, what brings `data` to the current schema.
 * Running it on already-migrated data plans nothing, so migrating twice changes nothing;
 * data from a newer version is left alone for the caller to report.
 */
export function planMigration(data: StoredData, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = SCHEMA_VERSION): MigrationPlan {
  const stored = storedSchemaVersion(data);
  if (stored > target) return { kind: 'newer', stored, known: target };
  if (stored === target) return { kind: 'current', version: target };
  let current: Record<string, unknown> = { ...data };
  const set: Record<string, unknown> = {};
  const removed = new Set<string>();
  for (let version = Math.max(stored, 1) + 1; version <= target; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration to schema version ${version}`);
    const result = step(current);
    for (const key of result.remove) {
      delete current[key];
      delete set[key];
      removed.add(key);
    }
    for (const [key, value] of Object.entries(result.set)) {
      current[key] = value;
      set[key] = value;
      removed.delete(key);
    }
  }
  set[KEYS.schemaVersion] = target;
  return { kind: 'migrate', from: stored, to: target, set, remove: [...removed] };
}
