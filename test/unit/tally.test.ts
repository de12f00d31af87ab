import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../src/core/round/aggregator';
import { createSimulation } from '../../src/core/round/simulation';
import { addToTally, countOf, emptyTally, figuresOf, hashResponseId, readTally, type RoundTally } from '../../src/core/round/tally';
import type { AnonymisedResponse } from '../../src/core/round/response';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(3, 4);
const ROUND = 'round-x';

function responses(count: number, seed = 7): AnonymisedResponse[] {
  const simulation = createSimulation(questionnaire, seed, ROUND);
  return Array.from({ length: count }, () => simulation.next());
}

/** Stands in for sealing: a waiting code is an opaque token only this test can open. */
const vault = new Map<string, AnonymisedResponse>();
const open = async (code: string) => vault.get(code) ?? null;

async function add(tally: RoundTally, batch: AnonymisedResponse[]) {
  const counted = await Promise.all(batch.map(async (response) => {
    const code = `sealed-${vault.size}`;
    vault.set(code, response);
    return { code, hash: await hashResponseId(ROUND, response.response) };
  }));
  return addToTally(tally, questionnaire, counted, open);
}

function aggregate(batch: AnonymisedResponse[], minGroup: number) {
  const aggregator = createAggregator({ questionnaire, minGroup, round: ROUND });
  batch.forEach((response, i) => aggregator.add(`r${i}`, response));
  return aggregator.result();
}

describe('the round tally', () => {
  it('gives the same figures as createAggregator on the same responses', async () => {
    const batch = responses(37);
    let tally = emptyTally({ id: ROUND, minGroup: 5 }, questionnaire);
    // In several imports of different sizes, each at least the minimum group.
    for (const [from, to] of [[0, 5], [5, 17], [17, 37]] as const) tally = (await add(tally, batch.slice(from, to))).tally;
    const expected = aggregate(batch, 5);
    expect(tally.published).not.toBeNull();
    expect(tally.published!.n).toBe(37);
    expect(tally.published!.dimensions).toEqual(expected.dimensions);
    expect(tally.published!.overall).toEqual(expected.overall);
    expect(expected.dimensions.every((d) => d.alpha !== null)).toBe(true);
  });

  it('publishes nothing below the minimum group size', async () => {
    const batch = responses(4);
    const { tally, outcomes } = await add(emptyTally({ id: ROUND, minGroup: 5 }, questionnaire), batch);
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'counted']);
    expect(countOf(tally)).toBe(4);
    expect(tally.published).toBeNull();
    expect(tally.main.n).toBe(0);
    const fifth = await add(tally, responses(5, 99).slice(0, 1));
    expect(fifth.tally.published?.n).toBe(5);
    expect(fifth.tally.published?.dimensions).toEqual(aggregate([...batch, responses(5, 99)[0]!], 5).dimensions);
  });

  it('changes the figures only when at least the minimum group of new responses has come in', async () => {
    const batch = responses(14);
    let tally = (await add(emptyTally({ id: ROUND, minGroup: 5 }, questionnaire), batch.slice(0, 5))).tally;
    const first = tally.published;
    for (let i = 5; i < 9; i++) {
      tally = (await add(tally, [batch[i]!])).tally;
      expect(tally.published).toEqual(first);
      expect(countOf(tally)).toBe(i + 1);
    }
    tally = (await add(tally, [batch[9]!])).tally;
    expect(tally.published).not.toEqual(first);
    expect(tally.published!.dimensions).toEqual(aggregate(batch.slice(0, 10), 5).dimensions);
  });

  it('refuses duplicates, within one import and across imports', async () => {
    const batch = responses(6);
    const once = await add(emptyTally({ id: ROUND, minGroup: 5 }, questionnaire), [...batch.slice(0, 3), batch[0]!]);
    expect(once.outcomes).toEqual(['counted', 'counted', 'counted', 'duplicate']);
    const twice = await add(once.tally, [batch[1]!, batch[3]!]);
    expect(twice.outcomes).toEqual(['duplicate', 'counted']);
    expect(countOf(twice.tally)).toBe(4);
  });

  it('stores no response id and no per-response record', async () => {
    const batch = responses(12);
    const first = await add(emptyTally({ id: ROUND, minGroup: 5 }, questionnaire), batch.slice(0, 10));
    const { tally } = await add(first.tally, batch.slice(10));
    // Two responses wait, and only as sealed codes.
    expect(tally.pendingCodes).toHaveLength(2);
    const json = JSON.stringify(tally);
    for (const response of batch) expect(json).not.toContain(response.response);
    expect(json).not.toContain('answers');
    // Arrays hold numbers (sorted, so their order follows no response) or id hashes only.
    const arrays: unknown[][] = [];
    JSON.parse(json, (_key, value) => (Array.isArray(value) ? (arrays.push(value), value) : value));
    for (const array of arrays) expect(array.every((v) => typeof v === 'number' || typeof v === 'string' || (typeof v === 'object' && v !== null && 'id' in v))).toBe(true);
    for (const d of tally.main.dimensions) expect(d.scores).toEqual([...d.scores].sort((a, b) => a - b));
    // It survives storage and reads back with the same figures.
    expect(readTally(JSON.parse(json), { id: ROUND, minGroup: 5 }, questionnaire)?.published).toEqual(tally.published);
    expect(readTally({ ...JSON.parse(json), seen: 'x' }, { id: ROUND, minGroup: 5 }, questionnaire)).toBeNull();
  });

  it('gives no figures from accumulators below the minimum', () => {
    expect(figuresOf(emptyTally({ id: ROUND, minGroup: 5 }, questionnaire).main, 5)).toBeNull();
  });
});
