import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStoredHistory } from '../../src/core/history/stored-records';
import { MIGRATIONS, planMigration } from '../../src/core/storage/migrations';
import { ensureMigrated } from '../../src/core/storage/run-migrations';
import { fromStoredItems } from '../../src/core/storage/stored-form';
import { isDraftMeta, isReminder, readSettings, SCHEMA_VERSION } from '../../src/core/storage/records';
import { MemoryStore } from '../helpers/memory-store';
import { StoredFormStore } from '../helpers/stored-form-store';
import { makeBackup } from '../../src/core/backup/backup';
import { indexFromRecords, readAddedRecord } from '../../src/core/library/library';

/**
 * Stored data exactly as each schema version wrote it. When the schema changes, this
 * fixture stays (it is what people's browsers hold) and a migration test starts from it.
 */
const V1 = JSON.parse(readFileSync('test/fixtures/storage/schema-v1.json', 'utf8')) as Record<string, unknown>;
const V2 = JSON.parse(readFileSync('test/fixtures/storage/schema-v2.json', 'utf8')) as Record<string, unknown>;
const V3 = JSON.parse(readFileSync('test/fixtures/storage/schema-v3.json', 'utf8')) as Record<string, unknown>;
const RELEASE_0_1_0 = JSON.parse(readFileSync('test/e2e/fixtures/storage-0.1.0.json', 'utf8')) as { storage: Record<string, unknown> };

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
    // What the extension's store of schema 2 wrote for the plan (sittings as JSON text) is what schema 2 holds.
    const asJsonText = Object.fromEntries(Object.entries({ ...V1, ...plan.set }).map(([key, value]) => [key, key.startsWith('sitting:') ? JSON.stringify(value) : value]));
    expect(asJsonText).toEqual(V2);
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
    expect(planMigration(fromStoredItems(V2), MIGRATIONS, 3)).toEqual({ kind: 'migrate', from: 2, to: 3, set: { schemaVersion: 3 }, remove: [] });
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
  const stored = fromStoredItems(RELEASE_0_1_0.storage);

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

/** Storage as Shiftmeter 0.2 (schema 3) leaves it: sittings of format 1 and 2, a team round's, an added questionnaire's and a removed one's, a damaged one. */
describe('stored data of schema version 3', () => {
  const sittingKeys = Object.keys(V3).filter((key) => key.startsWith('sitting:'));
  const DAMAGED = 'sitting:e7a1c3b5-9d2f-4b6a-8e0c-1a3c5e7b9d02';
  const ROUND = 'sitting:2f8d4b6a-0e1c-4d3f-a5b7-9c1e3a5d7f80';

  it('keeps sittings as JSON text and reads back whole, the damaged sitting set aside', async () => {
    expect(V3.schemaVersion).toBe(3);
    for (const key of sittingKeys) expect(typeof V3[key]).toBe('string');
    const read = fromStoredItems(V3);
    const history = readStoredHistory(read);
    expect(history.sittings).toHaveLength(sittingKeys.length - 1);
    expect(history.sittings.map((s) => s.questionnaire.id).sort()).toEqual(['front-desk-check', 'old-team-check', 'production-service', 'production-service', 'production-service']);
    expect(history.setAside.map((s) => s.key)).toEqual([DAMAGED]);
    expect(await readAddedRecord('added:front-desk-check@2', read['added:front-desk-check@2'])).not.toBeNull();
    expect((await indexFromRecords(read)).index).toEqual(read['added-questionnaires']);
  });

  it('migrates to 4: valid sittings compact where the form holds them, everything else exactly as it was', async () => {
    const plan = planMigration(fromStoredItems(V3), MIGRATIONS, 4);
    if (plan.kind !== 'migrate') throw new Error(`expected a migration, got ${plan.kind}`);
    expect(plan.remove).toEqual([]);
    expect(Object.keys(plan.set).sort()).toEqual([...sittingKeys.filter((key) => key !== DAMAGED), 'schemaVersion'].sort());

    const store = new StoredFormStore(V3);
    expect(await ensureMigrated(store, MIGRATIONS, 4)).toMatchObject({ kind: 'migrate', from: 3, to: 4 });
    const after = store.snapshot();
    for (const key of sittingKeys) {
      if (key === DAMAGED || key === ROUND) expect(after[key], key).toBe(V3[key]);
      else expect(after[key], key).toMatch(/^s1\|/);
    }
    for (const key of Object.keys(V3)) if (!key.startsWith('sitting:') && key !== 'schemaVersion') expect(after[key], key).toEqual(V3[key]);
    expect(fromStoredItems(after)).toEqual({ ...fromStoredItems(V3), schemaVersion: 4 });
    expect(JSON.stringify(fromStoredItems(after))).toBe(JSON.stringify({ ...fromStoredItems(V3), schemaVersion: 4 }));
    expect(readStoredHistory(fromStoredItems(after)).setAside.map((s) => s.key)).toEqual([DAMAGED]);
    // Smaller, and running again changes nothing.
    const size = (data: Record<string, unknown>) => sittingKeys.reduce((sum, key) => sum + JSON.stringify(data[key]).length, 0);
    expect(size(after)).toBeLessThan(size(V3) / 2);
    const writes = store.writes;
    await ensureMigrated(store, MIGRATIONS, 4);
    expect(store.writes).toBe(writes);
  });

  it('gives the same backup, to the byte, before and after the migration', async () => {
    const store = new StoredFormStore(V3);
    await ensureMigrated(store, MIGRATIONS, 4);
    const now = new Date('2027-01-01T00:00:00.000Z');
    expect(JSON.stringify(makeBackup(await store.getAll(), now))).toBe(JSON.stringify(makeBackup(fromStoredItems(V3), now)));
  });
});

describe('every earlier fixture', () => {
  it.each([['schema 1', V1], ['schema 2', V2], ['schema 3', V3], ['0.1.0', RELEASE_0_1_0.storage]])('of %s migrates to the current version through the stored form, every record read back as it was', async (_name, data) => {
    const store = new StoredFormStore(data);
    await ensureMigrated(store);
    const after = store.snapshot();
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    expect(fromStoredItems(after)).toEqual({ ...fromStoredItems(data), schemaVersion: SCHEMA_VERSION });
    expect(planMigration(fromStoredItems(after))).toEqual({ kind: 'current', version: SCHEMA_VERSION });
  });
});
