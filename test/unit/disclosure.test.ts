import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreFigure } from '../../src/core/round/disclosure';
import type { Round } from '../../src/core/round/round-record';
import { addToRound, hashResponseId, newRoundState, publishedOf } from '../../src/core/round/round-state';
import { makeResponse, type AnonymisedResponse } from '../../src/core/round/response';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';
import { rankValuesBySum } from '../helpers/teams';

/**
 * The disclosure rule's claim (docs/privacy.md): from the figures published for a
 * figure with n answers, minGroup ≤ n ≤ 2·minGroup, no one can work out the score of the
 * member at any rank (lowest, second lowest, …), unless the published mean lies within
 * one step of the scale (100/steps) of 0 or 100, where nearly everyone answered at that
 * end. The same holds for the two publications the batch rule allows in that range (at n1
 * and at n2 ≥ n1 + minGroup), for the ranks within each batch. Scores are on a grid:
 * a three-item dimension has 18 steps, a "wanted" answer 6.
 */

/** The product's published mean for n scores with this sum (a mean depends on the sum only). */
function publishedMean(n: number, steps: number, sum: number, minGroup: number): number {
  const scores = Array.from({ length: n }, (_, i) => (i === 0 ? sum : 0) * (100 / steps));
  return scoreFigure(scores, minGroup).mean!;
}

const nearAnEnd = (published: number, steps: number) => published <= Math.round(100 / steps) || published >= 100 - Math.round(100 / steps);

/** Ranks determined by a set of possible sums: those whose value is the same whatever the sum. */
function determinedRanks(ranksBySum: Map<number, Set<number>[]>, sums: number[], n: number): number[] {
  const determined: number[] = [];
  for (let r = 0; r < n; r++) {
    const values = new Set<number>();
    for (const sum of sums) for (const v of ranksBySum.get(sum)![r]!) values.add(v);
    if (values.size < 2) determined.push(r);
  }
  return determined;
}

describe('the disclosure rule', () => {
  it('publishes means from the minimum group, and never a median or quartile however many answers', () => {
    for (const minGroup of [3, 5, 10, 12]) {
      for (let n = 0; n <= 1_000; n += n < 150 ? 1 : 50) {
        const figure = scoreFigure(Array.from({ length: n }, (_, i) => (i * 37) % 101), minGroup);
        expect(figure.mean === null).toBe(n < minGroup);
        expect(Object.keys(figure)).toEqual(['mean']);
      }
    }
  });

  for (const steps of [18, 6]) {
    it(`fixes no member's score from one publication, minimum group 3 and 4, on a grid of ${steps} steps (exhaustive)`, () => {
      for (const minGroup of [3, 4]) {
        for (let n = minGroup; n <= 2 * minGroup; n++) {
          const ranks = rankValuesBySum(n, steps);
          const sumsByPublished = new Map<number, number[]>();
          for (const sum of ranks.keys()) {
            const published = publishedMean(n, steps, sum, minGroup);
            sumsByPublished.set(published, [...(sumsByPublished.get(published) ?? []), sum]);
          }
          for (const [published, sums] of sumsByPublished) {
            if (nearAnEnd(published, steps)) continue;
            expect({ minGroup, n, published, determined: determinedRanks(ranks, sums, n) }).toEqual({ minGroup, n, published, determined: [] });
          }
        }
      }
    });
  }

  it('fixes no member’s score from the two publications the batch rule allows up to twice the minimum (exhaustive, minimum 3)', () => {
    const steps = 18;
    const minGroup = 3;
    const batch = rankValuesBySum(minGroup, steps);
    const sums = [...batch.keys()];
    // Publication 1 after batch A (3 answers); publication 2 after batch B (3 more).
    const groups = new Map<string, { a: number[]; b: number[] }>();
    for (const a of sums) {
      for (const b of sums) {
        const first = publishedMean(3, steps, a, minGroup);
        const second = publishedMean(6, steps, a + b, minGroup);
        const key = `${first}/${second}`;
        const group = groups.get(key) ?? { a: [], b: [] };
        group.a.push(a);
        group.b.push(b);
        groups.set(key, group);
      }
    }
    for (const [key, group] of groups) {
      const [first, second] = key.split('/').map(Number) as [number, number];
      // Batch B's own mean, as the publications give it away (to within the rounding).
      const bMeans = group.b.map((b) => publishedMean(3, steps, b, minGroup));
      if (nearAnEnd(first, steps) || bMeans.every((m) => nearAnEnd(m, steps))) continue;
      expect({ key, a: determinedRanks(batch, [...new Set(group.a)], 3), b: determinedRanks(batch, [...new Set(group.b)], 3), second }).toEqual({ key, a: [], b: [], second });
    }
  });

  it('holds for random teams imported through the lead’s round state (property)', async () => {
    const questionnaire = makeQuestionnaire(2, 3);
    const items = questionnaire.items.map((i) => i.id);
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 3, max: 6 }).chain((minGroup) => fc.record({
        minGroup: fc.constant(minGroup),
        team: fc.array(fc.tuple(...items.map(() => fc.integer({ min: 1, max: 7 }))), { minLength: minGroup, maxLength: 2 * minGroup }),
        cut: fc.integer({ min: 0, max: 2 * minGroup }),
      })),
      async ({ minGroup, team, cut }) => {
        const round: Round = { schema: 1, id: 'r', name: 'R', questionnaire: { id: questionnaire.id, version: 1 }, minGroup, createdAt: '2027-01-01T00:00:00.000Z', publicKey: 'A'.repeat(87) };
        const responses: AnonymisedResponse[] = team.map((answers, i) => makeResponse({ questionnaire, round: 'r', response: `m${i}`, answers: Object.fromEntries(items.map((id, j) => [id, answers[j]!])), wanted: {} }));
        const book = new Map(responses.map((r) => [`code-${r.response}`, r]));
        const counted = async (batch: AnonymisedResponse[]) => Promise.all(batch.map(async (r) => ({ code: `code-${r.response}`, hash: await hashResponseId('r', r.response) })));
        let state = newRoundState(round, questionnaire);
        for (const batch of [responses.slice(0, cut), responses.slice(cut)]) {
          state = (await addToRound(state, questionnaire, await counted(batch), async (code) => book.get(code) ?? null)).state;
          const figures = publishedOf(state);
          if (!figures) continue;
          expect(Object.keys(figures.overall)).toEqual(['mean']);
          for (const d of figures.dimensions) {
            for (const withdrawn of ['median', 'alpha', 'alphaN']) expect(d).not.toHaveProperty(withdrawn);
            // The published mean is the one the exhaustive check reasons about.
            const scoresSum = Math.round(d.mean! * d.n * 18 / 100);
            expect(Math.abs(publishedMean(d.n, 18, scoresSum, minGroup) - d.mean!)).toBeLessThanOrEqual(1);
          }
        }
      },
    ), { numRuns: 100 });
  });
});
