import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createItemAnalyser, type Analysis } from '../../src/core/analysis/item-analysis';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { createAggregator } from '../../src/core/round/aggregator';
import type { AnonymisedResponse } from '../../src/core/round/response';
import type { ScalePosition } from '../../src/core/scoring';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

function response(questionnaire: Questionnaire, id: string, answers: Record<string, number>): AnonymisedResponse {
  return {
    format: 'shiftmeter-response', formatVersion: 1,
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    round: 'r', response: id, answers: answers as Record<string, ScalePosition>, wanted: {},
  };
}

function analyse(questionnaire: Questionnaire, responses: readonly AnonymisedResponse[], minGroup: number): Analysis {
  const analyser = createItemAnalyser(questionnaire);
  for (const r of responses) analyser.add(r);
  return analyser.result(minGroup);
}

describe('the item analysis of a small data set, worked out by hand', () => {
  // One dimension of three items; makeQuestionnaire puts item 2's "to" pole on the left,
  // so its answers are turned (8 − position) before anything is computed.
  const questionnaire: Questionnaire = { ...makeQuestionnaire(1, 3), formatVersion: 2 };
  expect(questionnaire.items.map((i) => i.leftPole)).toEqual(['from', 'to', 'from']);
  // Turned positions (x, y, z) of six responses; the sixth answered item 2 "does not apply".
  const turned: [number, number | null, number][] = [[2, 3, 3], [4, 4, 5], [5, 6, 6], [3, 3, 2], [6, 5, 7], [4, null, 4]];
  const responses = turned.map(([x, y, z], i) => response(questionnaire, `p${i + 1}`, {
    'dim-1-1': x, ...(y === null ? {} : { 'dim-1-2': 8 - y }), 'dim-1-3': z,
  }));
  const result = analyse(questionnaire, responses, 5);
  const [dimension] = result.dimensions;
  const [x, y, z] = dimension!.items;

  /*
   * By hand. Complete rows (the first five): x = 2 4 5 3 6, y = 3 4 6 3 5, z = 3 5 6 2 7.
   * Means 4, 4.2, 4.6; sums of squared deviations Sxx = 10, Syy = 6.8, Szz = 17.2;
   * cross products Sxy = 7.0, Sxz = 12.0, Syz = 9.4. Totals 8 13 17 8 18:
   * STT = 10 + 6.8 + 17.2 + 2 (7 + 12 + 9.4) = 90.8.
   *   alpha = 3/2 · (1 − (10 + 6.8 + 17.2) / 90.8) = 1.5 · 56.8 / 90.8 = 21.3 / 22.7 = 0.93833
   * Item–rest, e.g. x against y + z: S(rest) = 6.8 + 17.2 + 2·9.4 = 42.8,
   *   S(x, rest) = 7 + 12 = 19, r = 19 / √(10 · 42.8) = 0.91840;
   *   y: 16.4 / √(6.8 · 51.2) = 0.87893;  z: 21.4 / √(17.2 · 30.8) = 0.92977.
   * Alpha if dropped (two items left, k/(k−1) = 2):
   *   without x: 2 (1 − (6.8 + 17.2) / 42.8) = 0.87850;
   *   without y: 2 (1 − 27.2 / 51.2) = 0.9375;  without z: 2 (1 − 16.8 / 30.8) = 0.90909.
   * Per item over all its answers (six for x and z, five for y):
   *   x = 2 4 5 3 6 4: mean 4, sd √(10 / 5) = 1.41421, no 1 and no 7;
   *   y: mean 4.2, sd √(6.8 / 4) = 1.30384, "does not apply" 1 of 6 = 0.16667;
   *   z = 3 5 6 2 7 4: mean 4.5, sd √(17.5 / 5) = 1.87083, ceiling 1 of 6 = 0.16667.
   * Feldt (n = 5, k = 3): see f-distribution.test.ts, 0.6884 to 0.9931.
   */
  it('gives alpha, its interval and the counts behind them', () => {
    expect(result).toMatchObject({ n: 6, minGroup: 5, suppressed: false, missingAnswer: 'not-applicable' });
    expect(dimension).toMatchObject({ id: 'dim-1', n: 6, complete: 5, flags: [] });
    expect(dimension!.alpha).toBeCloseTo(21.3 / 22.7, 12);
    expect(dimension!.interval!.lower).toBeCloseTo(0.6884, 4);
    expect(dimension!.interval!.upper).toBeCloseTo(0.9931, 4);
  });

  it('gives each item its n, "does not apply" share, mean, sd, floor and ceiling', () => {
    expect(x).toMatchObject({ id: 'dim-1-1', reversed: false, n: 6, notApplicable: 0, mean: 4, floor: 0, ceiling: 0, flags: [] });
    expect(x!.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(y).toMatchObject({ id: 'dim-1-2', reversed: true, n: 5, floor: 0, ceiling: 0 });
    expect(y!.notApplicable).toBeCloseTo(1 / 6, 12);
    expect(y!.mean).toBeCloseTo(4.2, 12);
    expect(y!.sd).toBeCloseTo(Math.sqrt(1.7), 12);
    expect(z).toMatchObject({ n: 6, mean: 4.5, floor: 0 });
    expect(z!.sd).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(z!.ceiling).toBeCloseTo(1 / 6, 12);
  });

  it('gives each item its item–rest correlation and alpha if dropped', () => {
    expect(x!.itemRest).toBeCloseTo(19 / Math.sqrt(428), 12);
    expect(y!.itemRest).toBeCloseTo(16.4 / Math.sqrt(6.8 * 51.2), 12);
    expect(z!.itemRest).toBeCloseTo(21.4 / Math.sqrt(17.2 * 30.8), 12);
    expect(x!.alphaIfDropped).toBeCloseTo(9.4 / 10.7, 12);
    expect(y!.alphaIfDropped).toBeCloseTo(0.9375, 12);
    expect(z!.alphaIfDropped).toBeCloseTo(7 / 7.7, 12);
  });

  it('gives only the count below the minimum group, and leaves out figures of fewer answers than it', () => {
    expect(analyse(questionnaire, responses, 7)).toEqual({ n: 6, minGroup: 7, suppressed: true, missingAnswer: 'not-applicable', dimensions: [] });
    const six = analyse(questionnaire, responses, 6).dimensions[0]!;
    // Five complete rows and five answers to y: fewer than 6.
    expect(six).toMatchObject({ n: 6, complete: 5, alpha: null, interval: null });
    expect(six.items[1]).toMatchObject({ n: 5, mean: null, sd: null, floor: null, ceiling: null, itemRest: null, alphaIfDropped: null });
    expect(six.items[0]).toMatchObject({ n: 6, mean: 4, itemRest: null });
  });

  it('flags an item that goes against its dimension, naming the threshold', () => {
    // Item 3 now runs against the other two: its turned positions reversed row by row.
    const against = turned.map(([a, b, c], i) => response(questionnaire, `q${i}`, { 'dim-1-1': a, ...(b === null ? {} : { 'dim-1-2': 8 - b }), 'dim-1-3': 8 - c }));
    const flagged = analyse(questionnaire, against, 5).dimensions[0]!;
    expect(flagged.items[2]!.itemRest).toBeCloseTo(-21.4 / Math.sqrt(17.2 * 30.8), 12);
    expect(flagged.items[2]!.flags.map((f) => f.text)).toEqual([
      'item–rest correlation -.93 is below .30: the item goes along little with the other items of its dimension; read its wording again, and ask whether it measures this dimension',
    ]);
    // Sxz and Syz change sign: STT = 34 + 2 (7 − 12 − 9.4) = 5.2, alpha = 1.5 (1 − 34 / 5.2) = −8.3077.
    expect(flagged.alpha).toBeCloseTo(1.5 * (1 - 34 / 5.2), 12);
    expect(flagged.flags.map((f) => [f.kind, f.threshold, f.text])).toEqual([
      ['low-alpha', 0.7, 'Cronbach\'s alpha -8.31 is below .70: the items agree too little for their mean to be read as one score'],
    ]);
  });
});

// Arbitrary data: a questionnaire of 1–3 dimensions of 2–5 items, each item's left pole
// drawn, and 3–40 responses with unique ids, each answer present or left out (1 in 8).
const dataSet = fc.record({
  dimensions: fc.integer({ min: 1, max: 3 }),
  items: fc.integer({ min: 2, max: 5 }),
  poles: fc.array(fc.constantFrom('from' as const, 'to' as const), { minLength: 15, maxLength: 15 }),
  formatVersion: fc.constantFrom(1 as const, 2 as const),
  rows: fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { freq: 7, nil: null }), { minLength: 15, maxLength: 15 }), { minLength: 3, maxLength: 40 }),
}).map(({ dimensions, items, poles, formatVersion, rows }) => {
  const base = makeQuestionnaire(dimensions, items);
  const questionnaire: Questionnaire = { ...base, formatVersion, items: base.items.map((item, i) => ({ ...item, leftPole: poles[i]! })) };
  const responses = rows.map((row, r) => response(questionnaire, `id${r}`, Object.fromEntries(
    questionnaire.items.flatMap((item, i) => (row[i] === null ? [] : [[item.id, row[i]!]])),
  )));
  return { questionnaire, responses };
});

/** The same analysis with one item's left pole swapped and its answers mirrored: the same data, only written the other way round. */
function mirrored(questionnaire: Questionnaire, responses: readonly AnonymisedResponse[], itemIndex: number) {
  const item = questionnaire.items[itemIndex]!;
  const flipped: Questionnaire = { ...questionnaire, items: questionnaire.items.map((it, i) => (i === itemIndex ? { ...it, leftPole: it.leftPole === 'from' ? 'to' : 'from' } : it)) };
  const answers = responses.map((r) => (Object.hasOwn(r.answers, item.id) ? { ...r, answers: { ...r.answers, [item.id]: (8 - r.answers[item.id]!) as ScalePosition } } : r));
  return { questionnaire: flipped, responses: answers };
}

describe('invariants of the item analysis', () => {
  it('is the same, but for the item\'s "reversed" mark, when an item is written the other way round', () => {
    fc.assert(fc.property(dataSet, fc.nat(), ({ questionnaire, responses }, pick) => {
      const index = pick % questionnaire.items.length;
      const before = analyse(questionnaire, responses, 3);
      const flipped = mirrored(questionnaire, responses, index);
      const after = analyse(flipped.questionnaire, flipped.responses, 3);
      const unmarked = (analysis: Analysis) => ({ ...analysis, dimensions: analysis.dimensions.map((d) => ({ ...d, items: d.items.map(({ reversed: _, ...rest }) => rest) })) });
      expect(unmarked(after)).toEqual(unmarked(before));
      expect(after.dimensions.flatMap((d) => d.items).map((i) => i.reversed)).toEqual(flipped.questionnaire.items.map((i) => i.leftPole === 'to'));
    }));
  });

  it('keeps alpha at most 1, correlations within [−1, 1] and shares within [0, 1]', () => {
    fc.assert(fc.property(dataSet, ({ questionnaire, responses }) => {
      for (const d of analyse(questionnaire, responses, 3).dimensions) {
        if (d.alpha !== null) expect(d.alpha).toBeLessThanOrEqual(1);
        for (const item of d.items) {
          if (item.alphaIfDropped !== null) expect(item.alphaIfDropped).toBeLessThanOrEqual(1);
          if (item.itemRest !== null) {
            expect(item.itemRest).toBeGreaterThanOrEqual(-1);
            expect(item.itemRest).toBeLessThanOrEqual(1);
          }
          for (const share of [item.notApplicable, item.floor, item.ceiling]) {
            if (share === null) continue;
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
      }
    }));
  });

  it('gives identical figures for the responses in any order', () => {
    fc.assert(fc.property(dataSet.chain((data) => fc.shuffledSubarray(data.responses, { minLength: data.responses.length }).map((shuffled) => ({ ...data, shuffled }))), ({ questionnaire, responses, shuffled }) => {
      expect(analyse(questionnaire, shuffled, 3)).toEqual(analyse(questionnaire, responses, 3));
    }));
  });

  it('leaves alpha if dropped out (null) for every item of a dimension of two items', () => {
    fc.assert(fc.property(dataSet.filter(({ questionnaire }) => questionnaire.items.length / questionnaire.dimensions.length === 2), ({ questionnaire, responses }) => {
      const analysis = analyse(questionnaire, responses, 3);
      for (const item of analysis.dimensions.flatMap((d) => d.items)) expect(item.alphaIfDropped).toBeNull();
    }));
  });

  it('agrees with the team aggregate on n and each dimension\'s n (alpha is the analysis\'s alone: the aggregate publishes none)', () => {
    fc.assert(fc.property(dataSet, ({ questionnaire, responses }) => {
      const aggregator = createAggregator({ questionnaire, minGroup: 3 });
      const analyser = createItemAnalyser(questionnaire);
      for (const r of responses) if (aggregator.add(r.response, r).status === 'counted') analyser.add(r);
      const team = aggregator.result();
      const analysis = analyser.result(3);
      expect(analysis.n).toBe(team.n);
      if (team.suppressed) return;
      analysis.dimensions.forEach((d, i) => {
        expect(d.n).toBe(team.dimensions[i]!.n);
        expect(team.dimensions[i]).not.toHaveProperty('alpha');
      });
    }));
  });
});
