import { scoresInUnits } from './exact-mean';
import { statementsOf, type FigureSums } from './figure-sums';

/**
 * How far apart members' "now" scores on a dimension lie, in words: the one figure of
 * spread a round shows, on its conversation guide only, so that a team can talk about
 * where it sees its own work differently and not only about where it wants to go.
 *
 * Why a word and why only from many answers (docs/privacy.md, "The spread in words"):
 * a spread is a second moment. Beside a mean it says more than the sum of the scores:
 * with three members, a mean and a standard deviation leave only a few teams possible,
 * and a lead would learn the three scores, if not whose they are. So:
 * - nothing until a dimension has SPREAD_MIN_ANSWERS answers and at least twice the
 *   round's minimum group;
 * - then only which of three bands the standard deviation lies in, never the figure;
 * - and none where the mean lies within SPREAD_EDGE points of either end.
 * A lead who pads a round with made-up codes already learns one member's score from the
 * mean (docs/privacy.md, "Made-up responses"); the word gives such a lead nothing more,
 * since it depends on the scores only. Kept only for "now": a round keeps each
 * member's "now" score but only the sum of the "wanted" positions.
 *
 * Computed exactly, as the means are (exact-mean.ts): each score as a whole number of
 * units and the bands compared in whole numbers, so that two rows with the same score
 * can never fall on two sides of a band's edge by their last binary digit.
 */
export type SpreadWord = 'close' | 'some' | 'wide';

/** Fewer answers than this never show a spread, whatever the minimum group. */
export const SPREAD_MIN_ANSWERS = 10;

/** Where the bands change: a standard deviation (points on the 0–100 scale) of at least this is "some", or "wide". */
export const SPREAD_BANDS = { some: 10, wide: 20 } as const;

/**
 * No word for a dimension whose mean lies this close to either end of the scale: there, a
 * wide spread could only come from someone at the very end (nine scores of 0 and one of
 * 94 have a mean of 9 and a wide spread, and no team with that mean and that band has its
 * lowest score above 0), so the word would say that someone answered at that end.
 */
export const SPREAD_EDGE = 15;

/** How many answers a dimension needs before its spread is shown, in a round of this minimum group. */
export const spreadAnswersNeeded = (minGroup: number): number => Math.max(SPREAD_MIN_ANSWERS, 2 * minGroup);

/**
 * The band of the standard deviation of `scores` (0–100, a dimension of `items`
 * statements), or null when too few answers lie behind it or the scores cannot be had
 * exactly (a dimension of 17 or more statements).
 */
export function spreadWord(scores: ArrayLike<number>, items: number, minGroup: number): SpreadWord | null {
  if (scores.length < spreadAnswersNeeded(minGroup)) return null;
  const exact = scoresInUnits(scores, items);
  if (exact === null) return null;
  const n = BigInt(exact.units.length);
  let sum = 0n;
  let squares = 0n;
  for (const unit of exact.units) {
    sum += BigInt(unit);
    squares += BigInt(unit) * BigInt(unit);
  }
  const per100 = BigInt(exact.unitsPer100);
  // mean < edge ⇔ sum · 100 < edge · n · 6L (both in whole numbers); the same at the top.
  const edge = BigInt(SPREAD_EDGE);
  if (sum * 100n < edge * n * per100 || sum * 100n > (100n - edge) * n * per100) return null;
  // n² times the variance, in units²: n·Σu² − (Σu)², a whole number.
  const scaledVariance = n * squares - sum * sum;
  // sd ≥ b points ⇔ variance · (100 / 6L)² ≥ b² ⇔ n²·variance · 100² ≥ b² · (6L)² · n².
  const atLeast = (band: number) => scaledVariance * 10_000n >= BigInt(band * band) * per100 * per100 * n * n;
  return atLeast(SPREAD_BANDS.wide) ? 'wide' : atLeast(SPREAD_BANDS.some) ? 'some' : 'close';
}

/** Each dimension's spread word from a round's figure sums (the published batch: sums change only when figures do). */
export function spreadWords(sums: FigureSums, minGroup: number): Record<string, SpreadWord | null> {
  return Object.fromEntries(sums.dimensions.map((d) => [d.id, spreadWord(d.now, statementsOf(d), minGroup)]));
}
