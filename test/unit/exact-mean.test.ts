import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanFigure, scoreFigure } from '../../src/core/round/disclosure';
import { unitsPerPosition } from '../../src/core/round/exact-mean';
import { mean, positionToScore, wantedScore } from '../../src/core/scoring';

/** A score as scoring.ts makes it: the mean of the answered statements' scores; positions turned, the statements' left poles alternating from "from". */
const asScoring = (row: number[]) => mean(row.map((p, k) => (k % 2 === 0 ? positionToScore(p, 'from') : positionToScore(8 - p, 'to'))))!;
/** The same score with one division, as contributionOf makes it. */
const oneDivision = (row: number[]) => (100 * (row.reduce((s, p) => s + p, 0) - row.length)) / (6 * row.length);
/** Math.round of an exact fraction a / b (a ≥ 0), in whole numbers. */
const roundExact = (a: bigint, b: bigint) => Number((2n * a + b) / (2n * b));

describe('means published from exact sums', () => {
  it('measures scores in units of 100 / 6L, L the least common multiple of 2 … the statements', () => {
    expect([3, 4, 5, 6, 7, 10, 13].map(unitsPerPosition)).toEqual([6, 12, 60, 60, 420, 2520, 360360]);
    expect(unitsPerPosition(17)).toBeNull(); // finer than the kit sums exactly: the float mean is used
  });

  it('rounds the same score the same way whatever answers gave it, at an exact half too', () => {
    // [2, 6, 3] and [1, 3, 7] (turned positions) both score 44.44…, not to the last bit as scoring makes them.
    expect(asScoring([2, 6, 3])).not.toBe(asScoring([1, 3, 7]));
    expect(oneDivision([2, 6, 3])).toBe(oneDivision([1, 3, 7]));
    // Nine made-up scores beside it bring the mean of ten to exactly 47.5: 44.44… + 4 × 100 + 8.33… + 4 × 5.55… = 475.
    const madeUp = [...Array<number[]>(4).fill([7, 7, 7]), [1, 2], ...Array<number[]>(4).fill([1, 1, 2])].map(asScoring);
    for (const member of [asScoring([2, 6, 3]), asScoring([1, 3, 7]), oneDivision([2, 6, 3])]) {
      expect(scoreFigure([member, ...madeUp], 5, 3).mean).toBe(48);
      expect(scoreFigure([...madeUp, member].reverse(), 5, 3).mean).toBe(48);
    }
  });

  it('gives Math.round of the exact mean of grid scores, and the float mean wherever that is not at a half (property)', () => {
    const rowArb = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })).map((r) => [...r]),
      fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })).map((r) => [...r]),
    );
    fc.assert(fc.property(fc.array(rowArb, { minLength: 3, maxLength: 60 }), (rows) => {
      // Exact: a score is 100 (P − k) / 6k = 100 · (P − k) · (6 / k) / 36, so the mean is 100 · Σ (P − k)(6 / k) / (36 n).
      const units = rows.reduce((s, r) => s + ((r.reduce((a, p) => a + p, 0) - r.length) * 6) / r.length, 0);
      const exact = roundExact(100n * BigInt(units), 36n * BigInt(rows.length));
      const published = scoreFigure(rows.map(asScoring), 3, 3).mean;
      expect(published).toBe(exact);
      expect(scoreFigure(rows.map(oneDivision), 3, 3).mean).toBe(exact);
      const float = rows.map(asScoring).reduce((s, x) => s + x, 0) / rows.length;
      if (Math.abs((float % 1) - 0.5) > 1e-9) expect(published).toBe(Math.round(float));
      // Wanted positions (format 2: the mean of two or three turned positions) the same way.
      const positions = rows.map((r) => r.reduce((a, p) => a + p, 0) / r.length);
      const wantedUnits = rows.reduce((s, r) => s + (r.reduce((a, p) => a + p, 0) * 6) / r.length, 0);
      const wantedExact = roundExact(100n * BigInt(wantedUnits - 6 * rows.length), 36n * BigInt(rows.length));
      expect(meanFigure(positions.reduce((s, x) => s + x, 0), rows.length, 3, wantedScore, 3)).toBe(wantedExact);
    }));
  });

  it('falls back to the float mean for values that are no scores of the dimension', () => {
    expect(scoreFigure([10.3, 20.7, 31.1], 3, 3).mean).toBe(Math.round((10.3 + 20.7 + 31.1) / 3));
    expect(scoreFigure([10, 20, 31], 3).mean).toBe(20);
  });
});
