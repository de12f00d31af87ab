import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../src/core/round/aggregator';
import { allFigures, contributionOf, figuresTouched, type FigureId, type TeamFigures } from '../../src/core/round/figure-sums';
import type { Round } from '../../src/core/round/round-record';
import { addToRound, countOf, hashResponseId, newRoundState, publishedOf, readRoundState, type RoundState } from '../../src/core/round/round-state';
import { makeResponse, type AnonymisedResponse } from '../../src/core/round/response';
import { createSimulation } from '../../src/core/round/simulation';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(3, 3);
const ROUND = 'round-x';

function roundWith(minGroup: number): Round {
  return { schema: 1, id: ROUND, name: 'Test', questionnaire: { id: questionnaire.id, version: 1 }, minGroup, createdAt: '2027-01-01T00:00:00.000Z', publicKey: 'A'.repeat(87) };
}

function simulated(count: number, seed = 7): AnonymisedResponse[] {
  const simulation = createSimulation(questionnaire, seed, ROUND);
  return Array.from({ length: count }, () => simulation.next());
}

/** Stands in for sealing: a waiting code is an opaque token only this test can open. */
function codeBook() {
  const book = new Map<string, AnonymisedResponse>();
  return {
    open: async (code: string) => book.get(code) ?? null,
    async add(state: RoundState, batch: readonly AnonymisedResponse[]) {
      const counted = await Promise.all(batch.map(async (response) => {
        const code = `sealed-${book.size}-${response.response}`;
        book.set(code, response);
        return { code, hash: await hashResponseId(ROUND, response.response) };
      }));
      return addToRound(state, questionnaire, counted, this.open);
    },
  };
}

function aggregate(batch: readonly AnonymisedResponse[], minGroup: number) {
  const aggregator = createAggregator({ questionnaire, minGroup, round: ROUND });
  batch.forEach((response, i) => aggregator.add(`r${i}`, response));
  return aggregator.result();
}

/**
 * The figures each figure id stands for, as published (null when not published). An
 * `alpha:` figure publishes nothing: its sums are kept in the state and shown nowhere.
 */
function figureValues(figures: TeamFigures | null, figure: FigureId): unknown {
  if (figures === null) return null;
  // The overall mean is the mean of the dimension means, not a figure of its own; what the
  // overall figure itself holds is its count.
  if (figure === 'overall') return [figures.n];
  const [kind, id] = figure.split(':') as [string, string];
  const d = figures.dimensions.find((x) => x.id === id)!;
  return kind === 'now' ? [d.n, d.mean] : kind === 'wanted' ? [d.wantedN, d.wantedMean] : [];
}

describe('the round state', () => {
  it('gives the same figures as the kit’s aggregator on the same responses', async () => {
    const batch = simulated(35);
    const book = codeBook();
    let state = newRoundState(roundWith(5), questionnaire);
    for (const [from, to] of [[0, 5], [5, 17], [17, 35]] as const) state = (await book.add(state, batch.slice(from, to))).state;
    const expected = aggregate(batch, 5);
    const published = publishedOf(state)!;
    expect(published.dimensions).toEqual(expected.dimensions);
    expect(published.overall).toEqual(expected.overall);
    expect(state.pending).toEqual([]);
  });

  it('publishes nothing below the minimum group size, then means (never a median, quartile or alpha)', async () => {
    const book = codeBook();
    const { state, outcomes } = await book.add(newRoundState(roundWith(5), questionnaire), simulated(4));
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'counted']);
    expect(countOf(state)).toBe(4);
    expect(publishedOf(state)).toBeNull();
    const fifth = await book.add(state, simulated(1, 99));
    const figures = publishedOf(fifth.state)!;
    expect(figures.n).toBe(5);
    expect(figures.overall).toEqual({ mean: expect.any(Number) });
    expect(figures.dimensions.every((d) => d.mean !== null && !('median' in d) && !('q1' in d) && !('alpha' in d) && !('alphaN' in d))).toBe(true);
  });

  it('changes figures only when the count reaches a multiple of the minimum group, with the codes up to it', async () => {
    const book = codeBook();
    const all = simulated(13, 5);
    let state = (await book.add(newRoundState(roundWith(5), questionnaire), all.slice(0, 5))).state;
    const first = publishedOf(state)!;
    expect(first.n).toBe(5);
    // One code at a time: nothing moves at 6, 7, 8 or 9; the four wait, in no figure.
    for (let i = 5; i < 9; i++) {
      state = (await book.add(state, [all[i]!])).state;
      expect(publishedOf(state)).toEqual(first);
      expect(countOf(state)).toBe(i + 1);
    }
    // The tenth makes a batch of five: all five go in at once.
    state = (await book.add(state, [all[9]!])).state;
    expect(publishedOf(state)!.n).toBe(10);
    expect(state.pending).toEqual([]);
    // An import that passes a multiple stops at it: of three codes from 10 to 13, none goes in
    // (13 is no multiple); from 13, two more reach 15 and all five go in.
    state = (await book.add(state, all.slice(10, 13))).state;
    expect(publishedOf(state)!.n).toBe(10);
    const more = simulated(4, 6);
    state = (await book.add(state, more)).state; // 17: the multiple 15 is passed
    expect(publishedOf(state)!.n).toBe(15);
    // The last two of this import, after the multiple, are in no figure (every other code is in the overall one).
    const inNoFigure = state.pending.filter((p) => p.released.length === 0).map((p) => p.code);
    expect(inNoFigure.sort()).toEqual(more.slice(2).map((r) => expect.stringContaining(r.response)));
  });

  it('refuses duplicates, within one import and across imports', async () => {
    const batch = simulated(6);
    const book = codeBook();
    const once = await book.add(newRoundState(roundWith(5), questionnaire), [...batch.slice(0, 3), batch[0]!]);
    expect(once.outcomes).toEqual(['counted', 'counted', 'counted', 'duplicate']);
    const twice = await book.add(once.state, [batch[1]!, batch[3]!]);
    expect(twice.outcomes).toEqual(['duplicate', 'counted']);
    expect(countOf(twice.state)).toBe(4);
    const nothingNew = await book.add(twice.state, [batch[0]!]);
    expect(nothingNew.state).toBe(twice.state);
  });

  it('does not let crafted partial codes move one figure by one member (attack 4)', async () => {
    // Five full responses are in the figures; then one real member and four codes made up
    // by the lead that answer only dimension 1.
    const book = codeBook();
    const full = simulated(6, 11);
    let state = (await book.add(newRoundState(roundWith(5), questionnaire), full.slice(0, 5))).state;
    const before = publishedOf(state)!;
    const dim1Items = questionnaire.items.filter((i) => i.dimension === 'dim-1').map((i) => i.id);
    const crafted = [1, 2, 3, 4].map((i) => makeResponse({ questionnaire, round: ROUND, response: `crafted-${i}`, answers: Object.fromEntries(dim1Items.map((id) => [id, 4])), wanted: {} }));
    state = (await book.add(state, [full[5]!, ...crafted])).state;
    const after = publishedOf(state)!;
    // Dimension 1 and the overall figure got five new answers each (four of them made up,
    // which no rule can tell from real ones: docs/privacy.md) and change; no other figure
    // got more than one, and none of them moves.
    expect(after.dimensions[0]!.n).toBe(10);
    expect(after.n).toBe(10);
    for (const figure of allFigures(questionnaire).filter((f) => !['overall', 'now:dim-1', 'alpha:dim-1'].includes(f))) {
      expect(figureValues(after, figure)).toEqual(figureValues(before, figure));
    }
    // The real member's answers wait, sealed, for the figures that have not taken them in.
    expect(state.pending.map((p) => p.code)).toEqual([expect.stringContaining(full[5]!.response)]);
    expect(state.pending[0]!.released).toEqual(['overall', 'now:dim-1', 'alpha:dim-1']);
  });

  it('holds the batch rule per figure for any arrival of partial responses (property)', async () => {
    const items = questionnaire.items.map((i) => i.id);
    const dims = questionnaire.dimensions.map((d) => d.id);
    const responseArb = fc.record({
      answers: fc.tuple(...items.map(() => fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined, freq: 3 }))),
      wanted: fc.tuple(...dims.map(() => fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined, freq: 3 }))),
    }).filter((r) => r.answers.some((a) => a !== undefined));
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 3, max: 6 }),
      fc.array(fc.array(responseArb, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 8 }),
      async (minGroup, imports) => {
        const book = codeBook();
        let state = newRoundState(roundWith(minGroup), questionnaire);
        let previous = publishedOf(state);
        let previousCount = 0;
        const inFigure = new Map<FigureId, number>(allFigures(questionnaire).map((f) => [f, 0]));
        let id = 0;
        const all: AnonymisedResponse[] = [];
        for (const batch of imports) {
          const responses = batch.map((r) => makeResponse({
            questionnaire, round: ROUND, response: `p-${id++}`,
            answers: Object.fromEntries(items.flatMap((item, i) => (r.answers[i] === undefined ? [] : [[item, r.answers[i]!]]))),
            wanted: Object.fromEntries(dims.flatMap((d, i) => (r.wanted[i] === undefined ? [] : [[d, r.wanted[i]!]]))),
          }));
          all.push(...responses);
          state = (await book.add(state, responses)).state;
          const published = publishedOf(state);
          const count = countOf(state);
          // The responses up to the last multiple of the minimum group: the only ones that can be in a figure.
          const upToMultiple = all.slice(0, Math.floor(count / minGroup) * minGroup);
          // Count what each figure holds now from the pending markers and all responses.
          for (const figure of allFigures(questionnaire)) {
            const answering = all.filter((r) => figuresTouched(questionnaire, contributionOf(questionnaire, r)).includes(figure)).length;
            const waiting = state.pending.filter((p) => {
              const response = all.find((r) => p.code.endsWith(`-${r.response}`))!;
              return !p.released.includes(figure) && figuresTouched(questionnaire, contributionOf(questionnaire, response)).includes(figure);
            }).length;
            const holds = answering - waiting;
            const before = inFigure.get(figure)!;
            // A figure takes in nothing, or at least the minimum group of new answers at once,
            // and only when the count reached a multiple of the minimum group, with the codes up to it.
            expect(holds === before || holds - before >= minGroup).toBe(true);
            if (holds !== before) expect(Math.floor(count / minGroup)).toBeGreaterThan(Math.floor(previousCount / minGroup));
            expect(holds).toBeLessThanOrEqual(upToMultiple.filter((r) => figuresTouched(questionnaire, contributionOf(questionnaire, r)).includes(figure)).length);
            if (count % minGroup === 0) expect(waiting).toBeLessThan(minGroup);
            if (holds === before && previous !== null && published !== null) expect(figureValues(published, figure)).toEqual(figureValues(previous, figure));
            inFigure.set(figure, holds);
          }
          previous = published;
          previousCount = count;
        }
        expect(countOf(state)).toBe(all.length);
      },
    ), { numRuns: 60 });
  });

  it('stores no response id and no answers, and reads back only what it wrote', async () => {
    const batch = simulated(12);
    const book = codeBook();
    const first = await book.add(newRoundState(roundWith(5), questionnaire), batch.slice(0, 10));
    const { state } = await book.add(first.state, batch.slice(10));
    expect(state.pending).toHaveLength(2);
    const json = JSON.stringify({ ...state, pending: [] });
    for (const response of batch) expect(json).not.toContain(response.response);
    expect(json).not.toContain('answers');
    for (const d of state.sums.dimensions) expect(d.now).toEqual([...d.now].sort((a, b) => a - b));
    expect(readRoundState(JSON.parse(JSON.stringify(state)), questionnaire)).toEqual(state);
    expect(readRoundState({ ...JSON.parse(JSON.stringify(state)), seen: 'x' }, questionnaire)).toBeNull();
    expect(readRoundState({ ...JSON.parse(JSON.stringify(state)), pending: [{ code: 'x', released: ['now:nope'] }] }, questionnaire)).toBeNull();
  });
});
