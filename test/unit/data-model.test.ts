import { describe, expect, it } from 'vitest';
import { KEYS, SCHEMA_VERSION, sittingKey } from '../../src/core/storage/records';
import { createCatalog } from '../../src/ui/catalog';
import { DataModel } from '../../src/ui/data-model';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';

const now = () => new Date('2027-04-05T10:00:00.000Z');
const sitting = {
  schema: 1, id: 'a', questionnaire: { id: 'q', version: 1 }, startedAt: '2027-01-01T00:00:00.000Z', completedAt: '2027-01-01T00:10:00.000Z',
  language: 'en', answers: { i1: 3 }, wanted: { d1: 5 },
};
const model = (store: MemoryStore) => new DataModel({ store, catalog: createCatalog([]), now, vault: memoryRoundVault() });
const file = (text: string) => ({ size: text.length, text: async () => text });
/** Makes every full read of `store` fail from now on, as a storage that cannot be read. */
const breakReads = (store: MemoryStore) => {
  store.getAll = () => Promise.reject(new Error('disk gone'));
};

describe('the data model', () => {
  it('makes the export files and reports them; a failed export says why and downloads nothing', async () => {
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION, [sittingKey('a')]: sitting });
    const data = model(store);
    const backup = await data.exportFile('backup');
    expect(backup).toMatchObject({ name: 'shiftmeter-backup-2027-04-05.json', type: 'application/json' });
    expect(JSON.parse(backup!.text).records[sittingKey('a')]).toEqual(sitting);
    expect(data.status.value).toEqual({ kind: 'exported' });
    expect((await data.exportFile('csv'))?.name).toBe('shiftmeter-sittings-2027-04-05.csv');
    breakReads(store);
    expect(await data.exportFile('backup')).toBeNull();
    expect(data.exportFailure.value).toBe('disk gone');
    data[Symbol.dispose]();
  });

  it('says which restore was made, and shows stored data that cannot be compared with a backup as a failed read', async () => {
    const source = model(new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION, [sittingKey('a')]: sitting }));
    const text = await source.backupText();
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION });
    const data = model(store);
    await data.readBackupFile(file(text));
    expect(data.restore.value.kind).toBe('preview');
    expect(await data.applyRestore('replace')).toBe(true);
    expect(data.status.value).toEqual({ kind: 'restored', mode: 'replace' });
    expect(store.snapshot()[sittingKey('a')]).toEqual(sitting);
    breakReads(store);
    await data.readBackupFile(file(text));
    expect(data.restore.value).toEqual({ kind: 'read-failed', detail: 'disk gone' });
  });

  it('erases only after a warning with the counts, can be cancelled, and a failed count offers nothing to erase', async () => {
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION, [sittingKey('a')]: sitting, 'note:a': { schema: 1, sittingId: 'a', text: 'n', updatedAt: '2027-01-02T00:00:00.000Z' } });
    const data = model(store);
    await data.prepareErase();
    expect(data.erase.value).toEqual({ kind: 'confirm', counts: { sittings: 1, notes: 1, reminders: 0, actions: 0, added: 0, packs: 0, courses: 0, rounds: 0 } });
    data.cancelErase();
    expect(data.erase.value).toEqual({ kind: 'idle' });
    expect(store.snapshot()[sittingKey('a')]).toEqual(sitting);
    await data.prepareErase();
    expect(await data.eraseEverything()).toBe(true);
    expect(data.erase.value).toEqual({ kind: 'erased' });
    expect(store.snapshot()).toEqual({ [KEYS.schemaVersion]: SCHEMA_VERSION });
    breakReads(store);
    await data.prepareErase();
    expect(data.erase.value).toEqual({ kind: 'failed', detail: 'disk gone' });
  });
});
