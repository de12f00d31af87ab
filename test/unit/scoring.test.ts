import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemScore, positionToScore, scoreQuestionnaire, wantedScore } from '../../src/core/scoring';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const position = fc.integer({ min: 1, max: 7 });
const pole = fc.constantFrom('from' as const, 'to' as const);
const mirror = (p: number) => 8 - p;

describe('scoring', () => {
  it('maps the scale ends to 0 and 100 from the first pole to the second', () => {
    expect(positionToScore(1, 'from')).toBe(0);
    expect(positionToScore(7, 'from')).toBe(100);
    expect(positionToScore(1, 'to')).toBe(100);
    expect(positionToScore(7, 'to')).toBe(0);
    expect(wantedScore(7)).toBe(100);
  });

  it('scores the midpoint 50 whichever way an item is worded', () => {
    fc.assert(fc.property(pole, (leftPole) => itemScore({ leftPole }, 4) === 50));
  });

  it('gives the same score when the statements swap sides and the answer is mirrored', () => {
    fc.assert(
      fc.property(position, pole, (p, leftPole) => {
        const swapped = leftPole === 'from' ? 'to' : 'from';
        return Math.abs(itemScore({ leftPole }, p) - itemScore({ leftPole: swapped }, mirror(p))) < 1e-9;
      }),
    );
  });

  it('keeps every score in 0–100, and the gap within ±100', () => {
    const questionnaire = makeQuestionnaire(4, 3);
    const answersArb = fc.record(Object.fromEntries(questionnaire.items.map((item) => [item.id, position])));
    const wantedArb = fc.record(Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, position])));
    fc.assert(
      fc.property(answersArb, wantedArb, (answers, wanted) => {
        const score = scoreQuestionnaire(questionnaire, { answers, wanted });
        for (const d of score.dimensions) {
          expect(d.now).toBeGreaterThanOrEqual(0);
          expect(d.now).toBeLessThanOrEqual(100);
          expect(Math.abs(d.gap!)).toBeLessThanOrEqual(100);
        }
        expect(score.overall.now).toBeGreaterThanOrEqual(0);
        expect(score.overall.now).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('scores all-midpoint answers 50 on every dimension and overall', () => {
    const questionnaire = makeQuestionnaire(3, 3);
    const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, 4]));
    const wanted = Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, 4]));
    const score = scoreQuestionnaire(questionnaire, { answers, wanted });
    expect(score.dimensions.map((d) => d.now)).toEqual([50, 50, 50]);
    expect(score.overall).toEqual({ now: 50, wanted: 50, gap: 0 });
  });

  it('averages a dimension over its items, honouring which pole is on the left', () => {
    const questionnaire = makeQuestionnaire(1, 3); // leftPole: from, to, from
    const answers = { 'dim-1-1': 7, 'dim-1-2': 1, 'dim-1-3': 4 }; // 100, 100, 50
    const score = scoreQuestionnaire(questionnaire, { answers, wanted: { 'dim-1': 1 } });
    expect(score.dimensions[0]!.now).toBeCloseTo(250 / 3);
    expect(score.dimensions[0]!.wanted).toBe(0);
    expect(score.dimensions[0]!.gap).toBeCloseTo(-250 / 3);
  });

  it('ignores unanswered items and out-of-range values', () => {
    const questionnaire = makeQuestionnaire(1, 3);
    const score = scoreQuestionnaire(questionnaire, { answers: { 'dim-1-1': 7, 'dim-1-2': 9, 'dim-1-3': 7 }, wanted: {} });
    expect(score.dimensions[0]).toMatchObject({ now: 100, answered: 2, total: 3, wanted: null, gap: null });
  });

  it('shows no score for a dimension with fewer than two answered items ("not enough answers")', () => {
    const questionnaire = makeQuestionnaire(2, 3);
    const score = scoreQuestionnaire(questionnaire, { answers: { 'dim-1-1': 7, 'dim-2-1': 4, 'dim-2-2': 4, 'dim-2-3': 4 }, wanted: {} });
    expect(score.dimensions[0]).toMatchObject({ now: null, answered: 1, gap: null });
    // The overall mean is of the dimensions that have a score, so every shown dimension weighs the same.
    expect(score.overall.now).toBe(50);
  });

  it('leaves "does not apply" out of every mean, now and wanted', () => {
    const questionnaire = makeQuestionnaire(1, 3); // leftPole: from, to, from
    const answers = { 'dim-1-1': 7, 'dim-1-2': 1, 'dim-1-3': 1 };
    const score = scoreQuestionnaire(questionnaire, {
      answers, wanted: {}, notApplicable: ['dim-1-3'], wantedItems: { 'dim-1-1': 4, 'dim-1-2': 4, 'dim-1-3': 7 },
    });
    expect(score.dimensions[0]).toMatchObject({ now: 100, wanted: 50, gap: -50, answered: 2, notApplicable: 1, total: 3 });
    const allNotApplicable = scoreQuestionnaire(questionnaire, { answers: {}, wanted: {}, notApplicable: ['dim-1-1', 'dim-1-2', 'dim-1-3'], wantedItems: {} });
    expect(allNotApplicable.dimensions[0]).toMatchObject({ now: null, wanted: null, answered: 0, notApplicable: 3 });
    expect(allNotApplicable.overall.now).toBeNull();
  });

  it('measures wanted per item on the same footing as now: the same answers give the same score', () => {
    const questionnaire = makeQuestionnaire(2, 3);
    const answers = { 'dim-1-1': 2, 'dim-1-2': 5, 'dim-1-3': 3, 'dim-2-1': 7, 'dim-2-2': 1, 'dim-2-3': 6 };
    const score = scoreQuestionnaire(questionnaire, { answers, wanted: {}, wantedItems: answers });
    for (const dimension of score.dimensions) expect(dimension.wanted).toBe(dimension.now);
    expect(score.overall.gap).toBe(0);
  });

  it('scores every dimension as the plain definition says, whatever is answered, missing, out of range or "does not apply"', () => {
    // The definition, written out the slow way: a dimension's now is the mean of its items'
    // scores over the items answered on the scale and not marked "does not apply", from
    // two such items; its wanted (asked per item) the mean over those same items that have
    // a wanted answer, from two; the counts as named. Scores must match to the last bit.
    const questionnaire = makeQuestionnaire(3, 4);
    const answer = fc.oneof(position, fc.constantFrom(0, 8, 2.5, Number.NaN));
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const itemIds = questionnaire.items.map((item) => item.id);
    const given = fc.record({
      answers: fc.tuple(...itemIds.map(() => optional(answer))),
      wantedItems: fc.tuple(...itemIds.map(() => optional(answer))),
      notApplicable: fc.subarray(itemIds),
    });
    fc.assert(
      fc.property(given, ({ answers, wantedItems, notApplicable }) => {
        const asRecord = (values: (number | undefined)[]) => Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[itemIds[i]!, v]])));
        const sitting = { answers: asRecord(answers), wanted: {}, wantedItems: asRecord(wantedItems), notApplicable };
        const score = scoreQuestionnaire(questionnaire, sitting);
        const onScale = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 7;
        const meanOf = (values: number[]) => (values.length >= 2 ? values.reduce((a, b) => a + b, 0) / values.length : null);
        questionnaire.dimensions.forEach((dimension, d) => {
          const items = questionnaire.items.filter((item) => item.dimension === dimension.id);
          const answered = items.filter((item) => !notApplicable.includes(item.id) && onScale(sitting.answers[item.id]));
          const wanted = answered.filter((item) => onScale(sitting.wantedItems[item.id]));
          expect(score.dimensions[d]).toEqual({
            dimension: dimension.id,
            now: meanOf(answered.map((item) => itemScore(item, sitting.answers[item.id]!))),
            wanted: meanOf(wanted.map((item) => itemScore(item, sitting.wantedItems[item.id]!))),
            gap: score.dimensions[d]!.now === null || score.dimensions[d]!.wanted === null ? null : score.dimensions[d]!.wanted! - score.dimensions[d]!.now!,
            answered: answered.length,
            notApplicable: items.filter((item) => notApplicable.includes(item.id)).length,
            total: items.length,
          });
        });
      }),
    );
  });
});

describe('a profile on two axes (format 2)', () => {
  it('places each axis at the mean of its dimensions, now and wanted, and only from two scored dimensions', async () => {
    const { makeProfileQuestionnaire } = await import('../helpers/questionnaire-fixture');
    const profile = makeProfileQuestionnaire(); // direction: dim-1, dim-2; certainty: dim-3, dim-4
    const towardsTo = (item: { leftPole: 'from' | 'to' }) => (item.leftPole === 'from' ? 7 : 1);
    const answers: Record<string, number> = {};
    for (const item of profile.items) answers[item.id] = item.dimension === 'dim-1' ? towardsTo(item) : 4;
    const score = scoreQuestionnaire(profile, { answers, wanted: {}, wantedItems: answers });
    expect(score.axes).toEqual([
      { axis: 'direction', now: 75, wanted: 75, gap: 0, scored: 2, total: 2 },
      { axis: 'certainty', now: 50, wanted: 50, gap: 0, scored: 2, total: 2 },
    ]);
    // dim-3 does not apply at all: the certainty axis rests on one dimension and shows no position.
    const dim3 = profile.items.filter((item) => item.dimension === 'dim-3').map((item) => item.id);
    const partial = scoreQuestionnaire(profile, { answers, wanted: {}, wantedItems: answers, notApplicable: dim3 });
    expect(partial.axes![1]).toMatchObject({ axis: 'certainty', now: null, scored: 1, total: 2 });
    expect(scoreQuestionnaire(makeQuestionnaire(), { answers, wanted: {} }).axes).toBeUndefined();
  });
});
