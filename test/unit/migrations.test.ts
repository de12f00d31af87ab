import { describe, expect, it } from 'vitest';
import { makeSittings } from '../../bench/seed';
import { MIGRATIONS, planMigration, type Migration } from '../../src/core/storage/migrations';
import { ensureMigrated } from '../../src/core/storage/run-migrations';
import { SCHEMA_VERSION, sittingKey } from '../../src/core/storage/records';
import { StorageFullError } from '../../src/core/storage/store';
import { COMPACT_PREFIX } from '../../src/core/storage/compact-sitting';
import { fromStoredItems, toStoredItems } from '../../src/core/storage/stored-form';
import { MemoryStore } from '../helpers/memory-store';
import { StoredFormStore } from '../helpers/stored-form-store';

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

describe('the migration to 4: sittings to their compact form', () => {
  const [a, b, c] = makeSittings(3);
  const round = { ...c!, round: { id: 'hTy_CWhj2L7iHkFtip8teg', name: 'Front desk' } };

  it('writes back every valid sitting, as an object or as JSON text, and nothing else', () => {
    const data = {
      schemaVersion: 3,
      [sittingKey(a!.id)]: a,
      // As a store that does not read the stored form would hand it over.
      [sittingKey(b!.id)]: JSON.stringify(b),
      [sittingKey(round.id)]: round,
      'sitting:damaged-text': '{"schema":1,"id":"damaged-text"',
      'sitting:damaged-compact': `${COMPACT_PREFIX}nothing`,
      'sitting:not-a-sitting': { schema: 1, id: 'not-a-sitting' },
      'sitting:json-of-a-string': JSON.stringify(JSON.stringify(b)),
      'note:a': { schema: 1, sittingId: a!.id, text: 'x', updatedAt: '2026-01-01T00:00:00.000Z' },
    };
    expect(MIGRATIONS[4]!(data)).toEqual({ set: { [sittingKey(a!.id)]: a, [sittingKey(b!.id)]: b, [sittingKey(round.id)]: round }, remove: [] });
  });

  it('leaves the store holding compact forms where they fit, JSON text elsewhere, and damaged records to the byte', async () => {
    const damaged = { 'sitting:damaged-text': '{"schema":1,"id":"damaged-text"', 'sitting:damaged-compact': `${COMPACT_PREFIX}nothing` };
    const asJsonText: Record<string, unknown> = { schemaVersion: 3, ...Object.fromEntries([a!, b!, round].map((s) => [sittingKey(s.id), JSON.stringify(s)])), ...damaged };
    const store = new StoredFormStore(asJsonText);
    expect(await ensureMigrated(store)).toMatchObject({ kind: 'migrate', from: 3, to: 4 });
    const after = store.snapshot();
    expect(after[sittingKey(a!.id)]).toMatch(/^s1\|/);
    expect(after[sittingKey(b!.id)]).toMatch(/^s1\|/);
    expect(after[sittingKey(round.id)]).toBe(asJsonText[sittingKey(round.id)]);
    expect(after).toMatchObject(damaged);
    expect(fromStoredItems(after)).toEqual({ ...fromStoredItems(asJsonText), schemaVersion: 4 });
    const writes = store.writes;
    await ensureMigrated(store);
    expect(store.writes).toBe(writes);
  });

  it('changes nothing when the browser refuses the write for lack of space, and finishes at the next start', async () => {
    const asJsonText = { schemaVersion: 3, ...Object.fromEntries(makeSittings(20).map((s) => [sittingKey(s.id), JSON.stringify(s)])) };
    const store = new StoredFormStore(asJsonText);
    store.quotaBytes = 100; // Refuses every write, whatever it would free.
    await expect(ensureMigrated(store)).rejects.toBeInstanceOf(StorageFullError);
    expect(store.snapshot()).toEqual(asJsonText);
    store.quotaBytes = Infinity;
    await ensureMigrated(store);
    expect(fromStoredItems(store.snapshot())).toEqual({ ...fromStoredItems(asJsonText), schemaVersion: 4 });
  });

  it('reads data left half-converted (a write cut short) the same, and completes it', async () => {
    const sittings = makeSittings(10);
    const items = Object.fromEntries(sittings.map((s) => [sittingKey(s.id), s]));
    const compact = toStoredItems(items);
    // Half the sittings already compact, the rest JSON text, the version still 3.
    const mixed = { schemaVersion: 3, ...Object.fromEntries(Object.keys(items).map((key, i) => [key, i % 2 === 0 ? compact[key] : JSON.stringify(items[key])])) };
    expect(fromStoredItems(mixed)).toEqual({ schemaVersion: 3, ...items });
    const store = new StoredFormStore(mixed);
    await ensureMigrated(store);
    expect(store.snapshot()).toEqual({ ...compact, schemaVersion: 4 });
  });
});
