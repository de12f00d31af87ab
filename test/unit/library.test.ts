import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../src/core/backup/backup';
import { previewRestore, restoreWrites } from '../../src/core/backup/restore-plan';
import { isValidBackupRecord } from '../../src/core/backup/record-kinds';
import { ADDED_KEYS, addedKey, MAX_ADDED_QUESTIONNAIRES } from '../../src/core/library/added-keys';
import { readAddedIndex } from '../../src/core/library/added-index';
import { contentHash } from '../../src/core/library/content-hash';
import { indexFromRecords, planAddition } from '../../src/core/library/library';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { sittingKey } from '../../src/core/storage/records';
import { addedCatalogEntries } from '../../src/ui/library/added-entries';
import { addToLibrary, LibraryModel, rebuildLibraryIndex } from '../../src/ui/library/library-model';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const own = (id = 'agency-model', version = 1): Questionnaire => ({ ...makeQuestionnaire(), id, version });
const fileOf = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return { size: new TextEncoder().encode(text).length, text: async () => text };
};
const shipped = () => catalogOf({ ...makeQuestionnaire(), id: 'production-service', version: 2 });
const servicesFor = (store: MemoryStore, catalog = shipped()) => ({ store, catalog, now: () => NOW });

describe('a questionnaire\'s content hash', () => {
  it('is the hash questionnaires/lock.json records for every shipped questionnaire', async () => {
    const lock = JSON.parse(await readFile('questionnaires/lock.json', 'utf8')) as Record<string, string>;
    for (const name of ['production-service', 'control-service', 'npm-npg']) {
      const file = JSON.parse(await readFile(`questionnaires/${name}.json`, 'utf8')) as { id: string; version: number };
      expect(await contentHash(file)).toBe(lock[`${file.id}@${file.version}`]);
    }
  });

  it('ignores key order and layout, and changes with any text', async () => {
    const questionnaire = own();
    const reordered = Object.fromEntries(Object.entries(questionnaire).reverse());
    expect(await contentHash(reordered)).toBe(await contentHash(questionnaire));
    expect(await contentHash({ ...questionnaire, title: { ...questionnaire.title, en: 'Other' } })).not.toBe(await contentHash(questionnaire));
  });
});

describe('planning an addition (identity by content)', () => {
  const context = { shippedIds: new Set(['production-service']), known: [], addedCount: 0 };

  it('adds a new id and version, with an entry the lists can show without the items', async () => {
    const questionnaire = own();
    const plan = planAddition({ questionnaire, hash: await contentHash(questionnaire), origin: 'file', now: NOW }, context);
    expect(plan.kind).toBe('add');
    if (plan.kind !== 'add') return;
    expect(plan.key).toBe('added:agency-model@1');
    expect(plan.entry).toMatchObject({ id: 'agency-model', version: 1, origin: 'file', addedAt: NOW.toISOString(), dimensionCount: 3, itemCount: 9, questionCount: 12 });
  });

  it('says "already here" for the same content, and refuses other content under the same id and version', async () => {
    const questionnaire = own();
    const hash = await contentHash(questionnaire);
    const known = [{ id: 'agency-model', version: 1, hash }];
    expect(planAddition({ questionnaire, hash, origin: 'file', now: NOW }, { ...context, known }).kind).toBe('already-here');
    const changed = { ...questionnaire, title: { ...questionnaire.title, en: 'Changed' } };
    expect(planAddition({ questionnaire: changed, hash: await contentHash(changed), origin: 'file', now: NOW }, { ...context, known }))
      .toEqual({ kind: 'other-content', id: 'agency-model', version: 1 });
    // A higher version of the same id sits beside the first.
    const next = { ...changed, version: 2 };
    expect(planAddition({ questionnaire: next, hash: await contentHash(next), origin: 'file', now: NOW }, { ...context, known }).kind).toBe('add');
  });

  it('refuses a shipped questionnaire\'s id, and a full library', async () => {
    const variant = own('production-service', 9);
    expect(planAddition({ questionnaire: variant, hash: await contentHash(variant), origin: 'file', now: NOW }, context)).toEqual({ kind: 'shipped-id', id: 'production-service' });
    const questionnaire = own();
    expect(planAddition({ questionnaire, hash: await contentHash(questionnaire), origin: 'file', now: NOW }, { ...context, addedCount: MAX_ADDED_QUESTIONNAIRES }))
      .toEqual({ kind: 'full', max: MAX_ADDED_QUESTIONNAIRES });
  });
});

describe('the library in storage', () => {
  it('adds a file: record and index in one write, listed in the catalog as added', async () => {
    const store = new MemoryStore();
    const catalog = shipped();
    const model = new LibraryModel(servicesFor(store, catalog));
    await model.addFile(fileOf(own()));
    expect(model.lastFile.value.kind).toBe('added');
    expect(store.data.has(addedKey('agency-model', 1))).toBe(true);
    expect(readAddedIndex(store.data.get(ADDED_KEYS.index)).entries.map((e) => e.id)).toEqual(['agency-model']);
    expect(catalog.entries.map((e) => [e.id, e.origin])).toEqual([['production-service', undefined], ['agency-model', 'added']]);
    expect(await catalog.find('agency-model')!.load()).toEqual(own());
  });

  it('refuses a damaged file with the validator\'s messages, and changes nothing in storage', async () => {
    const store = new MemoryStore({ 'sitting:a': { kept: true } });
    const model = new LibraryModel(servicesFor(store));
    await until(() => true);
    const before = JSON.stringify(store.snapshot());
    const damaged = { ...own(), items: own().items.slice(1) };
    await model.addFile(fileOf(damaged));
    const outcome = model.lastFile.value;
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') expect(outcome.problems.map((p) => p.message).join('\n')).toMatch(/at least 3/);
    await model.addFile(fileOf('{ "kind": "questionnaire", '));
    expect(model.lastFile.value.kind).toBe('refused');
    await model.addFile({ size: 2_000_000, text: async () => '' });
    expect(model.lastFile.value.kind).toBe('too-big');
    expect(JSON.stringify(store.snapshot())).toBe(before);
  });

  it('refuses other content under an added id and version, and writes nothing', async () => {
    const store = new MemoryStore();
    const model = new LibraryModel(servicesFor(store));
    await model.addFile(fileOf(own()));
    const before = JSON.stringify(store.snapshot());
    await model.addFile(fileOf({ ...own(), title: { en: 'Changed', sv: 'Ändrad', da: 'Ændret' } }));
    expect(model.lastFile.value).toEqual({ kind: 'other-content', id: 'agency-model', version: 1 });
    await model.addFile(fileOf(own()));
    expect(model.lastFile.value.kind).toBe('already-here');
    expect(JSON.stringify(store.snapshot())).toBe(before);
  });

  it('checks the stored record, not only the index: a stale index cannot let other content in', async () => {
    const store = new MemoryStore();
    await addToLibrary(servicesFor(store), own(), 'file');
    await store.set({ [ADDED_KEYS.index]: { schema: 1, entries: [] } });
    const outcome = await addToLibrary(servicesFor(store), { ...own(), title: { en: 'Changed', sv: 'Ändrad', da: 'Ændret' } }, 'file');
    expect(outcome.kind).toBe('other-content');
  });

  it('two pages adding at once both land in the index', async () => {
    const store = new MemoryStore();
    const [a, b] = await Promise.all([addToLibrary(servicesFor(store), own('first'), 'file'), addToLibrary(servicesFor(store), own('second'), 'file')]);
    expect([a.kind, b.kind]).toEqual(['added', 'added']);
    expect(readAddedIndex(store.data.get(ADDED_KEYS.index)).entries.map((e) => e.id).sort()).toEqual(['first', 'second']);
  });

  it('removing keeps the sittings; adding the same file again brings the questionnaire back', async () => {
    const sitting = { schema: 1, id: 's1', questionnaire: { id: 'agency-model', version: 1 } };
    const store = new MemoryStore({ [sittingKey('s1')]: sitting });
    const catalog = shipped();
    const model = new LibraryModel(servicesFor(store, catalog));
    await model.addFile(fileOf(own()));
    await model.remove('agency-model', 1);
    expect(model.lastRemoval.value.kind).toBe('removed');
    expect(catalog.find('agency-model')).toBeUndefined();
    expect(store.data.has(addedKey('agency-model', 1))).toBe(false);
    expect(store.data.get(sittingKey('s1'))).toEqual(sitting);
    await model.addFile(fileOf(own()));
    expect(catalog.find('agency-model')?.version).toBe(1);
  });

  it('a new version sits beside the old one: the lists offer the newer, the older stays for its sittings', async () => {
    const store = new MemoryStore();
    const catalog = shipped();
    await addToLibrary(servicesFor(store, catalog), own('agency-model', 1), 'file');
    await addToLibrary(servicesFor(store, catalog), own('agency-model', 2), 'file');
    expect(catalog.find('agency-model')?.version).toBe(2);
    expect(catalog.findVersion('agency-model', 1)?.version).toBe(1);
    expect(catalog.entries.filter((e) => e.id === 'agency-model')).toHaveLength(1);
  });

  it('rebuilds the index from the records, naming damaged ones and leaving them untouched', async () => {
    const store = new MemoryStore();
    await addToLibrary(servicesFor(store), own('good'), 'file');
    const good = store.data.get(addedKey('good', 1)) as Record<string, unknown>;
    // Another's content under the key: the hash no longer matches.
    const tampered = { ...good, questionnaire: { ...own('bad'), title: { en: 'X', sv: 'X', da: 'X' } }, hash: good.hash };
    await store.set({ [addedKey('bad', 1)]: tampered, [ADDED_KEYS.index]: 'not an index' });
    const catalog = shipped();
    const damaged = await rebuildLibraryIndex(store, catalog);
    expect(damaged).toEqual([addedKey('bad', 1)]);
    expect(catalog.extra.map((e) => e.id)).toEqual(['good']);
    expect(store.data.get(addedKey('bad', 1))).toEqual(tampered);
    const { index } = await indexFromRecords(store.snapshot());
    expect(index.entries.map((e) => e.id)).toEqual(['good']);
  });

  it('an entry whose record was replaced does not load', async () => {
    const store = new MemoryStore();
    await addToLibrary(servicesFor(store), own(), 'file');
    const [entry] = addedCatalogEntries(store.data.get(ADDED_KEYS.index), store);
    await store.remove([addedKey('agency-model', 1)]);
    await expect(entry!.load()).rejects.toThrow(/cannot be read/);
  });
});

describe('added questionnaires in backups', () => {
  it('are carried, checked, and never replaced by a restore', async () => {
    const store = new MemoryStore();
    await addToLibrary(servicesFor(store), own(), 'file');
    const backup = makeBackup(store.snapshot(), NOW);
    const key = addedKey('agency-model', 1);
    expect(Object.keys(backup.records)).toContain(key);
    // The index is made from the records, never backed up.
    expect(Object.keys(backup.records)).not.toContain(ADDED_KEYS.index);
    expect(isValidBackupRecord(key, backup.records[key])).toBe(true);
    expect(isValidBackupRecord('added:other@1', backup.records[key])).toBe(false);

    const changed = { ...(backup.records[key] as object), questionnaire: { ...own(), title: { en: 'Changed', sv: 'Ändrad', da: 'Ændret' } } };
    const edited = { ...backup, records: { ...backup.records, [key]: changed } };
    const preview = previewRestore(edited, store.snapshot());
    expect(preview.keptQuestionnaires).toEqual([key]);
    expect(preview.conflicting).not.toContain(key);
    expect(Object.keys(restoreWrites(edited, preview, 'merge-take-backup').set)).not.toContain(key);
  });

  it('an organisation\'s questionnaire comes back as the person\'s own copy, so no policy takes it back', async () => {
    const store = new MemoryStore();
    await addToLibrary(servicesFor(store), own(), 'file');
    const key = addedKey('agency-model', 1);
    const record = { ...(store.data.get(key) as object), origin: 'organisation' };
    const backup = makeBackup({ [key]: record }, NOW);
    const writes = restoreWrites(backup, previewRestore(backup, {}), 'merge-keep-mine');
    expect(writes.set[key]).toEqual({ ...record, origin: 'file' });
  });
});
