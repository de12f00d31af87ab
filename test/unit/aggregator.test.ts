import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAggregator, type AggregateResult } from '../../src/core/round/aggregator';
import { makeResponse, type AnonymisedResponse } from '../../src/core/round/response';
import { wantedScore } from '../../src/core/scoring';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(3, 3);
const itemIds = questionnaire.items.map((item) => item.id);
const dimensionIds = questionnaire.dimensions.map((d) => d.id);

function response(id: string, answers: Record<string, number>, wanted: Record<string, number> = {}, round = 'r1'): AnonymisedResponse {
  return makeResponse({ questionnaire, round, response: id, answers, wanted });
}

function allAnswered(position: number): Record<string, number> {
  return Object.fromEntries(itemIds.map((id) => [id, position]));
}

/** Random responses with unique ids; each answers every item and, mostly, every wanted. */
const responses = (minLength: number, maxLength: number) =>
  fc
    .array(
      fc.record({
        answers: fc.tuple(...itemIds.map(() => fc.integer({ min: 1, max: 7 }))),
        wanted: fc.tuple(...dimensionIds.map(() => fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }))),
      }),
      { minLength, maxLength },
    )
    .map((list) =>
      list.map(({ answers, wanted }, i) =>
        response(
          `resp-${i}`,
          Object.fromEntries(itemIds.map((id, j) => [id, answers[j]!])),
          Object.fromEntries(dimensionIds.flatMap((id, j) => (wanted[j] === undefined ? [] : [[id, wanted[j]!]]))),
        ),
      ),
    );

function aggregate(list: readonly AnonymisedResponse[], minGroup = 3): AggregateResult {
  const aggregator = createAggregator({ questionnaire, minGroup, round: 'r1' });
  list.forEach((r, i) => aggregator.add(`file-${i}`, r));
  return aggregator.result();
}


describe('createAggregator', () => {
  it('scores all-midpoint answers 50 on every dimension and overall (the midpoint rule)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 95, max: 120 })), fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }), (n, wanted) => {
        const list = Array.from({ length: n }, (_, i) => response(`m${i}`, allAnswered(4), wanted ? { 'dim-1': wanted } : {}));
        const result = aggregate(list, 5);
        expect(result.suppressed).toBe(false);
        // Means only, however many answers (the disclosure rule: no median, quartile or alpha).
        for (const d of result.dimensions) {
          expect([d.n, d.mean, d.wantedN, d.wantedMean === null]).toEqual([n, 50, wanted && d.id === 'dim-1' ? n : 0, !(wanted && d.id === 'dim-1')]);
          for (const withdrawn of ['median', 'alpha', 'alphaN']) expect(d).not.toHaveProperty(withdrawn);
        }
        expect(result.overall).toEqual({ mean: 50 });
      }),
    );
  });

  it('keeps a set consistent with its parts: n adds up, the mean is the n-weighted mean (to the published whole number)', () => {
    fc.assert(
      fc.property(responses(6, 40), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (list, sides) => {
        const left = list.filter((_, i) => sides[i]);
        const right = list.filter((_, i) => !sides[i]);
        fc.pre(left.length >= 3 && right.length >= 3);
        const [whole, a, b] = [aggregate(list), aggregate(left), aggregate(right)];
        expect(whole.n).toBe(a.n + b.n);
        const weighted = (x: number | null, y: number | null) => (x! * a.n + y! * b.n) / whole.n;
        // Each published mean is rounded to a whole number, so they agree to within one point.
        expect(Math.abs(whole.overall!.mean! - weighted(a.overall!.mean, b.overall!.mean))).toBeLessThanOrEqual(1);
        whole.dimensions.forEach((d, i) => {
          const [da, db] = [a.dimensions[i]!, b.dimensions[i]!];
          expect(d.n).toBe(da.n + db.n);
          expect(Math.abs(d.mean! - (da.mean! * da.n + db.mean! * db.n) / d.n)).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('shows no figure at all for fewer responses than the minimum group, only n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), responses(0, 12), (minGroup, list) => {
        fc.pre(list.length < minGroup);
        const result = aggregate(list, minGroup);
        expect(result).toEqual({
          questionnaire: { id: 'test-questionnaire', version: 1 },
          round: 'r1',
          n: list.length,
          minGroup,
          suppressed: true,
          dimensions: [],
          overall: null,
          duplicates: 0,
          rejected: [],
        });
      }),
    );
  });

  it('counts a duplicate once, whatever the order', () => {
    fc.assert(
      fc.property(responses(3, 15), fc.array(fc.nat(), { maxLength: 20 }), fc.array(fc.nat()), (list, extra, order) => {
        const copies = extra.map((k) => structuredClone(list[k % list.length]!));
        const all = [...list, ...copies];
        const shuffled = all.map((r, i) => ({ r, key: order[i] ?? i })).sort((x, y) => x.key - y.key).map(({ r }) => r);
        const result = aggregate(shuffled);
        expect(result.duplicates).toBe(copies.length);
        expect({ ...result, duplicates: 0 }).toEqual(aggregate(list));
      }),
    );
  });

  it('keeps the first of two responses with the same id', () => {
    const aggregator = createAggregator({ questionnaire, minGroup: 3, round: 'r1' });
    const kept = [response('same', allAnswered(7)), response('c', allAnswered(7)), response('d', allAnswered(7))];
    expect(aggregator.add('a', kept[0]!)).toEqual({ status: 'counted' });
    expect(aggregator.add('b', response('same', allAnswered(1)))).toEqual({ status: 'duplicate' });
    aggregator.add('c', kept[1]!);
    aggregator.add('d', kept[2]!);
    expect(aggregator.result()).toEqual({ ...aggregate(kept), duplicates: 1 });
  });

  it('rejects responses to another round, questionnaire or version, saying why', () => {
    const aggregator = createAggregator({ questionnaire, minGroup: 3, round: 'spring' });
    const base = response('x1', allAnswered(3), {}, 'spring');
    expect(aggregator.add('f1', { ...base, round: 'autumn' })).toEqual({ status: 'rejected', reason: 'for round autumn, not spring' });
    expect(aggregator.add('f2', { ...base, response: 'x2', questionnaire: { id: 'test-questionnaire', version: 2 } })).toEqual({
      status: 'rejected',
      reason: 'answers version 2 of test-questionnaire; this aggregate is for version 1',
    });
    expect(aggregator.add('f3', { ...base, response: 'x3', questionnaire: { id: 'other', version: 1 } }).status).toBe('rejected');
    expect(aggregator.add('f4', { ...base, response: 'x4', answers: { ...base.answers, 'dim-9-9': 3 } })).toEqual({
      status: 'rejected',
      reason: 'answers.dim-9-9: names no item of test-questionnaire version 1',
    });
    aggregator.reject('f5', 'is not valid JSON');
    const result = aggregator.result();
    expect(result.n).toBe(0);
    expect(result.rejected.map((r) => r.source)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(result.rejected[2]!.reason).toBe('answers questionnaire other (version 1); this aggregate is for test-questionnaire');
  });

  it('without a round set, pools every round and names the round only when there is one', () => {
    const one = createAggregator({ questionnaire, minGroup: 3 });
    const mixed = createAggregator({ questionnaire, minGroup: 3 });
    for (let i = 0; i < 3; i++) {
      one.add(`${i}`, response(`o${i}`, allAnswered(2), {}, 'r1'));
      mixed.add(`${i}`, response(`m${i}`, allAnswered(2), {}, `r${i}`));
    }
    expect([one.result().round, one.result().n]).toEqual(['r1', 3]);
    expect([mixed.result().round, mixed.result().n]).toEqual([null, 3]);
  });

  it('refuses a minimum group below 3 and defaults to 5', () => {
    expect(() => createAggregator({ questionnaire, minGroup: 2 })).toThrow(RangeError);
    expect(() => createAggregator({ questionnaire, minGroup: 3.5 })).toThrow(RangeError);
    expect(createAggregator({ questionnaire }).result().minGroup).toBe(5);
  });

  it('scores each response with its answered items and withholds figures behind too few responses', () => {
    const aggregator = createAggregator({ questionnaire, minGroup: 3, round: 'r1' });
    // dim-1 answered by everyone, dim-2 by two people only; dim-3 by nobody.
    const partial = (i: number, withDim2: boolean) =>
      response(`p${i}`, { 'dim-1-1': 1 + i, 'dim-1-2': 1 + i, ...(withDim2 ? { 'dim-2-1': 7, 'dim-2-2': 1 } : {}) }, { 'dim-1': 7 });
    [partial(0, true), partial(1, true), partial(2, false), partial(3, false)].forEach((r, i) => aggregator.add(`${i}`, r));
    const [d1, d2, d3] = aggregator.result().dimensions;
    // dim-1-1 has leftPole "from", dim-1-2 "to": answering p on both scores 50 whatever p.
    expect([d1!.n, d1!.mean, d1!.wantedMean]).toEqual([4, 50, 100]);
    expect(d2).toEqual({ id: 'dim-2', n: 2, mean: null, wantedN: 0, wantedMean: null });
    expect(d3!.n).toBe(0);
    // The overall mean is the mean of the dimension means: none while a dimension has too few answers.
    expect(aggregator.result().overall!.mean).toBeNull();
    expect(aggregator.result().n).toBe(4);
  });

  it('publishes no Cronbach\'s alpha and no count of complete answers, however many complete responses (alpha is analyse\'s)', () => {
    fc.assert(
      fc.property(responses(5, 40), (list) => {
        for (const d of aggregate(list).dimensions) expect(Object.keys(d)).toEqual(['id', 'n', 'mean', 'wantedN', 'wantedMean']);
      }),
    );
  });

  it('gives plain JSON numbers with the exact shape of the design', () => {
    const list = Array.from({ length: 5 }, (_, i) => response(`s${i}`, allAnswered(1 + i), { 'dim-2': 1 + i }));
    const result = JSON.parse(JSON.stringify(aggregate(list, 5)));
    expect(Object.keys(result)).toEqual(['questionnaire', 'round', 'n', 'minGroup', 'suppressed', 'dimensions', 'overall', 'duplicates', 'rejected']);
    expect(Object.keys(result.dimensions[0])).toEqual(['id', 'n', 'mean', 'wantedN', 'wantedMean']);
    expect(Object.keys(result.overall)).toEqual(['mean']);
    expect(result.dimensions[1].wantedMean).toBe(Math.round(wantedScore(3))); // positions 1..5
    expect(result.dimensions[0].wantedMean).toBeNull();
  });
});
