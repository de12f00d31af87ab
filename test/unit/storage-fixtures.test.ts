import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStoredHistory } from '../../src/core/history/stored-records';
import { MIGRATIONS, planMigration } from '../../src/core/storage/migrations';
import { ensureMigrated } from '../../src/core/storage/run-migrations';
import { fromStoredItems, toStoredItems } from '../../src/core/storage/stored-form';
import { isDraftMeta, isReminder, readSettings, SCHEMA_VERSION } from '../../src/core/storage/records';
import { MemoryStore } from '../helpers/memory-store';

/**
 * Stored data exactly as each schema version wrote it. When the schema changes, this
 * fixture stays (it is what people's browsers hold) and a migration test starts from it.
 */
const V1 = JSON.parse(readFileSync('test/fixtures/storage/schema-v1.json', 'utf8')) as Record<string, unknown>;
const V2 = JSON.parse(readFileSync('test/fixtures/storage/schema-v2.json', 'utf8')) as Record<string, unknown>;

describe('stored data of schema version 1', () => {
  it('reads back whole: every record valid, nothing set aside', () => {
    const history = readStoredHistory(V1);
    expect(history.sittings).toHaveLength(1);
    expect(Object.keys(history.notes)).toHaveLength(1);
    expect(history.setAside).toEqual([]);
    expect(readSettings(V1.settings)).toEqual(V1.settings);
    expect(isReminder(V1['reminder:production-service'])).toBe(true);
    expect(isDraftMeta(V1['draft:control-service'])).toBe(true);
  });

  it('migrates to the current schema with every record as it was, and running the migration again changes nothing', async () => {
    const store = new MemoryStore(V1);
    const first = await ensureMigrated(store);
    const migrated = store.snapshot();
    expect(first).toMatchObject({ kind: 'migrate', from: 1, to: SCHEMA_VERSION });
    expect(migrated).toEqual({ ...V1, schemaVersion: SCHEMA_VERSION });
    expect(planMigration(migrated)).toEqual({ kind: 'current', version: SCHEMA_VERSION });
    await ensureMigrated(store);
    expect(store.snapshot()).toEqual(migrated);
  });

  it('writes each sitting again in the migration to 2, so the store keeps it as JSON text', () => {
    const plan = planMigration(V1, MIGRATIONS, 2);
    if (plan.kind !== 'migrate') throw new Error(`expected a migration, got ${plan.kind}`);
    const sittingKeys = Object.keys(V1).filter((key) => key.startsWith('sitting:'));
    expect(Object.keys(plan.set).sort()).toEqual([...sittingKeys, 'schemaVersion'].sort());
    expect(plan.remove).toEqual([]);
    // What the extension's store writes for the plan is what schema 2 holds.
    expect(toStoredItems({ ...V1, ...plan.set })).toEqual(V2);
  });
});

describe('stored data of schema version 2', () => {
  it('keeps sittings as JSON text and reads back the records of version 1 unchanged', () => {
    for (const [key, value] of Object.entries(V2)) {
      if (key.startsWith('sitting:')) expect(typeof value).toBe('string');
    }
    expect(fromStoredItems(V2)).toEqual({ ...V1, schemaVersion: 2 });
    expect(readStoredHistory(fromStoredItems(V2)).setAside).toEqual([]);
  });

  it('migrates to 3 by writing the version alone: every record stays as it was', async () => {
    expect(planMigration(fromStoredItems(V2))).toEqual({ kind: 'migrate', from: 2, to: 3, set: { schemaVersion: 3 }, remove: [] });
    const store = new MemoryStore(fromStoredItems(V2));
    await ensureMigrated(store);
    expect(store.snapshot()).toEqual({ ...fromStoredItems(V2), schemaVersion: SCHEMA_VERSION });
  });
});

/**
 * Storage as the real 0.1.0 build left a filled profile (schema 2), kept for the update
 * test where git history is not at hand (test/e2e/support/previous-release.ts).
 */
describe('stored data of Shiftmeter 0.1.0', () => {
  const release = JSON.parse(readFileSync('test/e2e/fixtures/storage-0.1.0.json', 'utf8')) as { storage: Record<string, unknown> };
  const stored = fromStoredItems(release.storage);

  it('reads back whole with this version, and 0.1.0 knew up to version 2', () => {
    expect(stored.schemaVersion).toBe(2);
    const history = readStoredHistory(stored);
    expect(history.sittings).toHaveLength(5);
    expect(Object.keys(history.notes)).toHaveLength(1);
    expect(history.setAside).toEqual([]);
    expect(isReminder(stored['reminder:npm-npg'])).toBe(true);
    expect(isDraftMeta(stored['draft:control-service'])).toBe(true);
    expect(readSettings(stored.settings)).toEqual({ schema: 1, language: 'en', theme: 'dark' });
  });

  it('migrates to the current schema with every record as it was, and a page of 0.1.0 would then refuse it', async () => {
    const store = new MemoryStore(stored);
    await ensureMigrated(store);
    expect(store.snapshot()).toEqual({ ...stored, schemaVersion: SCHEMA_VERSION });
    // What 0.1.0's pages run before their first read: data of a newer version is left alone.
    expect(planMigration(store.snapshot(), {}, 2)).toEqual({ kind: 'newer', stored: SCHEMA_VERSION, known: 2 });
  });
});
