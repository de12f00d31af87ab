import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStoredHistory } from '../../src/core/history/stored-records';
import { planMigration } from '../../src/core/storage/migrations';
import { ensureMigrated } from '../../src/core/storage/run-migrations';
import { isDraftMeta, isReminder, readSettings, SCHEMA_VERSION } from '../../src/core/storage/records';
import { MemoryStore } from '../helpers/memory-store';

/**
 * Stored data exactly as each schema version wrote it. When the schema changes, this
 * fixture stays (it is what people's browsers hold) and a migration test starts from it.
 */
const V1 = JSON.parse(readFileSync('test/fixtures/storage/schema-v1.json', 'utf8')) as Record<string, unknown>;

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

  it('migrates to the current schema, and running the migration again changes nothing', async () => {
    const store = new MemoryStore(V1);
    const first = await ensureMigrated(store);
    const migrated = store.snapshot();
    expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
    if (SCHEMA_VERSION === 1) expect(first).toEqual({ kind: 'current', version: 1 });
    expect(planMigration(migrated)).toEqual({ kind: 'current', version: SCHEMA_VERSION });
    await ensureMigrated(store);
    expect(store.snapshot()).toEqual(migrated);
  });
});
