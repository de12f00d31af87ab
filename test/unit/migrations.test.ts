import { describe, expect, it } from 'vitest';
import { planMigration, type Migration } from '../../src/core/storage/migrations';
import { ensureMigrated } from '../../src/core/storage/run-migrations';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { MemoryStore } from '../helpers/memory-store';

describe('storage migrations', () => {
  it('marks a fresh install with the current schema version', async () => {
    const store = new MemoryStore();
    expect(await ensureMigrated(store)).toMatchObject({ kind: 'migrate', from: 0, to: SCHEMA_VERSION });
    expect(store.snapshot()).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it('changes nothing when run twice', async () => {
    const store = new MemoryStore({ schemaVersion: SCHEMA_VERSION, 'sitting:a': { x: 1 } });
    const before = store.snapshot();
    expect(await ensureMigrated(store)).toEqual({ kind: 'current', version: SCHEMA_VERSION });
    await ensureMigrated(store);
    expect(store.snapshot()).toEqual(before);
    expect(store.writes).toBe(0);
  });

  it('leaves data from a newer version untouched and says so', async () => {
    const store = new MemoryStore({ schemaVersion: SCHEMA_VERSION + 1, 'sitting:a': { future: true } });
    const before = store.snapshot();
    expect(await ensureMigrated(store)).toEqual({ kind: 'newer', stored: SCHEMA_VERSION + 1, known: SCHEMA_VERSION });
    expect(store.snapshot()).toEqual(before);
  });

  it('applies steps in order, each seeing the previous step’s result', () => {
    const steps: Record<number, Migration> = {
      2: (data) => ({ set: { renamed: data.old }, remove: ['old'] }),
      3: (data) => ({ set: { renamed: `${String(data.renamed)}!` }, remove: [] }),
    };
    const plan = planMigration({ schemaVersion: 1, old: 'value', keep: 1 }, steps, 3);
    expect(plan).toEqual({ kind: 'migrate', from: 1, to: 3, set: { renamed: 'value!', schemaVersion: 3 }, remove: ['old'] });
    const again = planMigration({ schemaVersion: 3, renamed: 'value!', keep: 1 }, steps, 3);
    expect(again).toEqual({ kind: 'current', version: 3 });
  });

  it('treats data without a version key as the first schema', () => {
    expect(planMigration({ 'sitting:a': {} }, {}, 1)).toEqual({ kind: 'current', version: 1 });
  });
});
