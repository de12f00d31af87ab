import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRow, createItemSums, cronbachAlpha, mean, sortedMean } from '../../src/core/round/statistics';

function sumsOf(rows: number[][]) {
  const sums = createItemSums(rows[0]!.length);
  for (const row of rows) addRow(sums, row);
  return sums;
}

describe('statistics', () => {
  it('computes the mean, summed in ascending order', () => {
    expect(sortedMean([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(5.5);
    expect(sortedMean([3, 1, 2, 10])).toBe(4);
  });

  it('handles one value and no values', () => {
    expect(sortedMean([42])).toBe(42);
    expect(sortedMean([])).toBeNull();
    expect(mean([])).toBeNull();
  });

  it('leaves its input untouched and does not depend on the order of values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const copy = [...values];
        const forward = sortedMean(values);
        expect(values).toEqual(copy);
        expect(sortedMean([...values].reverse())).toBe(forward);
      }),
    );
  });

  it("computes Cronbach's alpha of a known table", () => {
    // Python: k/(k-1) * (1 - sum of item variances / variance of totals) with statistics.variance
    const rows = [[2, 3, 3], [4, 4, 5], [3, 5, 4], [5, 6, 6], [1, 2, 2], [4, 3, 5]];
    expect(cronbachAlpha(sumsOf(rows))).toBeCloseTo(0.9385796545105567, 12);
  });

  it('gives no alpha for fewer than 3 rows, fewer than 2 items, or totals that do not vary', () => {
    expect(cronbachAlpha(sumsOf([[1, 2], [3, 4]]))).toBeNull();
    expect(cronbachAlpha(sumsOf([[1], [3], [5]]))).toBeNull();
    expect(cronbachAlpha(sumsOf([[4, 4], [4, 4], [4, 4]]))).toBeNull();
    // Items vary but every total is 8: the variance of totals is 0.
    expect(cronbachAlpha(sumsOf([[1, 7], [7, 1], [4, 4]]))).toBeNull();
  });

  it('is unchanged by a common scale and per-item shifts, as between positions and 0–100 scores', () => {
    const row = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 30 }), (rows) => {
        const alpha = cronbachAlpha(sumsOf(rows));
        const scaled = cronbachAlpha(sumsOf(rows.map((r) => r.map((v, i) => ((v - 1) / 6) * 100 + i * 7))));
        if (alpha === null) return;
        expect(scaled).not.toBeNull();
        expect(Math.abs(alpha - scaled!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(alpha)));
      }),
    );
  });
});
