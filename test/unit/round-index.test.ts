import { describe, expect, it, vi } from 'vitest';
import { makeBackup } from '../../src/core/backup/backup';
import { readRoundIndex, roundIndexOf, ROUND_INDEX_KEY, sameRoundIndex } from '../../src/core/round/round-index';
import { roundKey } from '../../src/core/round/round-record';
import { listRounds, scanRounds, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
const start = (store: MemoryStore, name: string, at = '2027-01-01T00:00:00.000Z') => startRound(store, memoryRoundVault(), { name, questionnaire, minGroup: 3 }, new Date(at));
const indexIn = (store: MemoryStore) => readRoundIndex(store.data.get(ROUND_INDEX_KEY));

describe('the round index, read from storage', () => {
  it('reads an index of round ids, each once, and refuses anything else', () => {
    expect(readRoundIndex({ schema: 1, ids: ['a', 'b', 'a'] })).toEqual({ schema: 1, ids: ['a', 'b'] });
    expect(readRoundIndex({ schema: 1, ids: [] })).toEqual({ schema: 1, ids: [] });
    for (const bad of [undefined, null, 'a', { schema: 2, ids: [] }, { schema: 1 }, { schema: 1, ids: ['a b'] }, { schema: 1, ids: [1] }, { schema: 1, ids: Array.from({ length: 10_001 }, (_, i) => `r${i}`) }]) {
      expect(readRoundIndex(bad)).toBeNull();
    }
  });

  it('compares indexes as sets', () => {
    expect(sameRoundIndex({ schema: 1, ids: ['b', 'a'] }, roundIndexOf(['a', 'b']))).toBe(true);
    expect(sameRoundIndex({ schema: 1, ids: ['a'] }, roundIndexOf(['a', 'b']))).toBe(false);
    expect(sameRoundIndex(null, roundIndexOf([]))).toBe(false);
  });
});

describe('listing rounds by their index', () => {
  it('makes the index by scanning where there is none, and then reads the rounds by key', async () => {
    const store = new MemoryStore({ 'sitting:x': { schema: 1, id: 'x' } });
    const first = await start(store, 'Front desk');
    expect(indexIn(store)).toBeNull();
    expect((await listRounds(store)).map((round) => round.id)).toEqual([first.id]);
    expect(indexIn(store)?.ids).toEqual([first.id]);
    // With an index, a round started is added to it in the same write, and the list never reads storage whole.
    const second = await start(store, 'Back office', '2027-02-01T00:00:00.000Z');
    expect(indexIn(store)?.ids.sort()).toEqual([first.id, second.id].sort());
    const getPrefixed = vi.spyOn(store, 'getPrefixed');
    const getAll = vi.spyOn(store, 'getAll');
    expect((await listRounds(store)).map((round) => round.name)).toEqual(['Back office', 'Front desk']);
    expect(getPrefixed).not.toHaveBeenCalled();
    expect(getAll).not.toHaveBeenCalled();
  });

  it('keeps both of two rounds started at once in two tabs', async () => {
    const store = new MemoryStore();
    await listRounds(store);
    const [a, b] = await Promise.all([start(store, 'One'), start(store, 'Two')]);
    expect(indexIn(store)?.ids.sort()).toEqual([a.id, b.id].sort());
  });

  it('leaves out a listed round whose record is gone, and the rounds page puts an index that left one out right', async () => {
    const store = new MemoryStore();
    const kept = await start(store, 'Kept');
    const hidden = await start(store, 'Hidden from the index');
    await store.set({ [ROUND_INDEX_KEY]: { schema: 1, ids: [kept.id, 'gone'] } });
    expect((await listRounds(store)).map((round) => round.id)).toEqual([kept.id]);
    expect((await scanRounds(store)).map((round) => round.id).sort()).toEqual([kept.id, hidden.id].sort());
    expect(indexIn(store)?.ids.sort()).toEqual([kept.id, hidden.id].sort());
    expect((await listRounds(store)).length).toBe(2);
  });

  it('lists the rounds when the index cannot be written (storage full), and tries again next time', async () => {
    const store = new MemoryStore();
    const round = await start(store, 'Front desk');
    store.quotaBytes = 0;
    expect((await listRounds(store)).map((r) => r.id)).toEqual([round.id]);
    expect(indexIn(store)).toBeNull();
    expect(store.data.has(roundKey(round.id))).toBe(true);
  });

  it('is never backed up: it is made from the rounds, which are', async () => {
    const store = new MemoryStore();
    const round = await start(store, 'Front desk');
    await listRounds(store);
    const backup = makeBackup(store.snapshot(), new Date('2027-03-01T00:00:00.000Z'));
    expect(Object.keys(backup.records)).toContain(roundKey(round.id));
    expect(Object.keys(backup.records)).not.toContain(ROUND_INDEX_KEY);
  });
});

describe('the round index after a restore', () => {
  it('is forgotten, so the summary lists a restored round, and made again at the next listing', async () => {
    const { DataModel } = await import('../../src/ui/data-model');
    const { createCatalog } = await import('../../src/ui/catalog');
    const catalog = createCatalog([]);
    const now = () => new Date('2027-03-01T00:00:00.000Z');
    const source = new MemoryStore();
    const restored = await start(source, 'From the other computer');
    const text = await new DataModel({ store: source, catalog, now, vault: memoryRoundVault() }).backupText();
    const target = new MemoryStore();
    const own = await start(target, 'Started here');
    await listRounds(target);
    expect(indexIn(target)?.ids).toEqual([own.id]);
    const model = new DataModel({ store: target, catalog, now, vault: memoryRoundVault() });
    await model.readBackupFile({ size: text.length, text: async () => text });
    expect(await model.applyRestore('merge-keep-mine')).toBe(true);
    expect(indexIn(target)).toBeNull();
    expect((await listRounds(target)).map((round) => round.id).sort()).toEqual([own.id, restored.id].sort());
    expect(indexIn(target)?.ids.sort()).toEqual([own.id, restored.id].sort());
  });
});
