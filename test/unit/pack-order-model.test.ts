import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_ORDER_KEY, shownPack } from '../../src/core/pack/shown-order';
import type { CoursePack } from '../../src/core/pack/types';
import { createCatalog } from '../../src/ui/catalog';
import { PackModel } from '../../src/ui/courses/pack-model';
import { MemoryStore } from '../helpers/memory-store';

const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;
const other = JSON.parse(readFileSync('questionnaires/pack-tax-agency.json', 'utf8')) as CoursePack;
const catalog = createCatalog([]);
const now = () => new Date('2027-03-01T10:00:00.000Z');
const settled = async () => {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

async function openPack(store: MemoryStore, which = pack, newId?: () => string) {
  const model = new PackModel({ store, catalog, now, newId }, which);
  await settled();
  return model;
}

describe('the order of a course’s statements and options in one browser', () => {
  it('makes a seed once, stores it, and shows every pack in its order from then on', async () => {
    const store = new MemoryStore();
    let made = 0;
    const newId = () => `seed-${++made}`;
    const model = await openPack(store, pack, newId);
    expect(model.progress.value).toEqual({ kind: 'ready' });
    expect(store.snapshot()[PACK_ORDER_KEY]).toEqual({ schema: 1, seed: 'seed-1' });
    expect(model.shown.value).toEqual(shownPack(pack, 'seed-1'));
    // Reopened, and another pack: the same seed, nothing new written.
    const writes = store.writes;
    const again = await openPack(store, pack, newId);
    const second = await openPack(store, other, newId);
    expect(made).toBe(1);
    expect(store.writes).toBe(writes);
    expect(again.shown.value).toEqual(model.shown.value);
    expect(second.shown.value).toEqual(shownPack(other, 'seed-1'));
  });

  it('replaces a seed that is not in its form, and follows one written by another page', async () => {
    const store = new MemoryStore({ [PACK_ORDER_KEY]: { schema: 1, seed: 'not a seed' } });
    const model = await openPack(store, pack, () => 'fresh-seed');
    expect(model.orderSeed.value).toBe('fresh-seed');
    expect(store.snapshot()[PACK_ORDER_KEY]).toEqual({ schema: 1, seed: 'fresh-seed' });
    await store.set({ [PACK_ORDER_KEY]: { schema: 1, seed: 'from-another-tab' } });
    await settled();
    expect(model.shown.value).toEqual(shownPack(pack, 'from-another-tab'));
  });

  it('still shows one order throughout the page when the seed cannot be stored, and reports no save problem', async () => {
    const store = new MemoryStore();
    store.quotaBytes = 10;
    const model = await openPack(store, pack, () => 'unsaved-seed');
    expect(model.progress.value).toEqual({ kind: 'ready' });
    expect(model.saveProblem.value).toBeNull();
    expect(model.shown.value).toEqual(shownPack(pack, 'unsaved-seed'));
    expect(store.snapshot()).toEqual({});
  });

  it('makes a random seed by default', async () => {
    const store = new MemoryStore();
    const model = await openPack(store);
    expect(model.orderSeed.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.snapshot()[PACK_ORDER_KEY]).toEqual({ schema: 1, seed: model.orderSeed.value });
  });
});
