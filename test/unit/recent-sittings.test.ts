import { describe, expect, it, vi } from 'vitest';
import { readRecent, recentKey } from '../../src/core/history/recent';
import { scoreQuestionnaire } from '../../src/core/scoring';
import type { Sitting } from '../../src/core/storage/records';
import { keepRecentCurrent, rebuildRecent, storeSittingWithRecent } from '../../src/ui/history/recent-sittings';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
const catalog = catalogOf(questionnaire);

/** A finished sitting answering every item at `position` and wanting 7 of each dimension. */
function sitting(n: number, position: number): Sitting {
  const completedAt = new Date(Date.UTC(2027, 0, 1 + n * 30)).toISOString();
  return {
    schema: 1, id: `s-${n}`, questionnaire: { id: questionnaire.id, version: questionnaire.version }, startedAt: completedAt, completedAt, language: 'en',
    answers: Object.fromEntries(questionnaire.items.map((item) => [item.id, position])),
    wanted: Object.fromEntries(questionnaire.dimensions.map((dimension) => [dimension.id, 7])),
  };
}

/** Waits up to five seconds for `check` (the dashboard waits 300 ms for a restore's writes to end), then asserts it. */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

const overall = (s: Sitting) => scoreQuestionnaire(questionnaire, s).overall;

describe('recent records beside the sittings', () => {
  it('stores a sitting, its last-taken time and the recent record in one write, scored as the result shows it', async () => {
    const store = new MemoryStore();
    for (const [n, position] of [[0, 2], [1, 5]] as const) await storeSittingWithRecent(store, catalog, questionnaire, sitting(n, position));
    const stored = store.snapshot();
    expect(stored[`last-taken:${questionnaire.id}`]).toBe(sitting(1, 5).completedAt);
    const recent = readRecent(stored[recentKey(questionnaire.id)]);
    expect(recent?.sittings.map((s) => s.id)).toEqual(['s-0', 's-1']);
    expect(recent?.sittings[1]).toMatchObject({ now: Math.round(overall(sitting(1, 5)).now! * 10) / 10, wanted: Math.round(overall(sitting(1, 5)).wanted! * 10) / 10, version: 1 });
  });

  it('makes the record from every stored sitting when a history from before it has none', async () => {
    const old = [sitting(0, 1), sitting(1, 3), sitting(2, 4)];
    const store = new MemoryStore({ ...Object.fromEntries(old.map((s) => [`sitting:${s.id}`, s])), [`last-taken:${questionnaire.id}`]: old[2]!.completedAt });
    await storeSittingWithRecent(store, catalog, questionnaire, sitting(3, 6));
    expect(readRecent(store.snapshot()[recentKey(questionnaire.id)])?.sittings.map((s) => s.id)).toEqual(['s-0', 's-1', 's-2', 's-3']);
  });

  it('rebuilds after a deletion, and removes the record of a questionnaire with no sittings left', async () => {
    const store = new MemoryStore();
    await storeSittingWithRecent(store, catalog, questionnaire, sitting(0, 2));
    await storeSittingWithRecent(store, catalog, questionnaire, sitting(1, 4));
    await store.remove(['sitting:s-1']);
    await rebuildRecent(store, catalog);
    expect(readRecent(store.snapshot()[recentKey(questionnaire.id)])?.sittings.map((s) => s.id)).toEqual(['s-0']);
    await store.remove(['sitting:s-0']);
    await rebuildRecent(store, catalog);
    expect(store.snapshot()[recentKey(questionnaire.id)]).toBeUndefined();
  });

  it('leaves data from a newer Shiftmeter exactly as it is', async () => {
    const s = sitting(0, 3);
    const store = new MemoryStore({ schemaVersion: 99, [`sitting:${s.id}`]: s, [`last-taken:${questionnaire.id}`]: s.completedAt });
    const before = JSON.stringify(store.snapshot());
    await rebuildRecent(store, catalog);
    expect(JSON.stringify(store.snapshot())).toBe(before);
  });

  it('the dashboard makes missing records at start and follows sittings changed on any page', async () => {
    const s = sitting(0, 3);
    const store = new MemoryStore({ [`sitting:${s.id}`]: s, [`last-taken:${questionnaire.id}`]: s.completedAt });
    const stop = keepRecentCurrent(store, catalog, await store.get([recentKey(questionnaire.id), `last-taken:${questionnaire.id}`]));
    await eventually(() => readRecent(store.snapshot()[recentKey(questionnaire.id)]) !== null);
    const restored = sitting(1, 6);
    await store.set({ [`sitting:${restored.id}`]: restored });
    await eventually(() => readRecent(store.snapshot()[recentKey(questionnaire.id)])?.sittings.length === 2);
    stop();
  });

  it('reads no history again when a sitting arrives with its recent record, and does after one arrives without', async () => {
    const first = sitting(0, 3);
    const store = new MemoryStore();
    await storeSittingWithRecent(store, catalog, questionnaire, first);
    const stop = keepRecentCurrent(store, catalog, await store.get([recentKey(questionnaire.id), `last-taken:${questionnaire.id}`]));
    const getAll = vi.spyOn(store, 'getAll');
    // As the popup stores a finished sitting while the dashboard is open.
    await storeSittingWithRecent(store, catalog, questionnaire, sitting(1, 5));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(getAll).not.toHaveBeenCalled();
    expect(readRecent(store.snapshot()[recentKey(questionnaire.id)])?.sittings.map((s) => s.id)).toEqual(['s-0', 's-1']);
    // An undo in the history writes the sitting alone: the record is made again from every sitting.
    const restored = sitting(2, 6);
    await store.set({ [`sitting:${restored.id}`]: restored });
    await eventually(() => readRecent(store.snapshot()[recentKey(questionnaire.id)])?.sittings.length === 3);
    expect(getAll).toHaveBeenCalled();
    stop();
  });
});
