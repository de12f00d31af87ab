import { cronbachAlpha, summarize, type ItemSums } from './statistics';

/**
 * The disclosure rule for team figures: what may be published from how many answers.
 * One rule, used by the lead's view and by the kit's `aggregate`, and explained with
 * its arithmetic in docs/privacy.md.
 *
 * With c answers behind a figure and the round's minimum group m:
 * - c < m: nothing but the count;
 * - from m: the mean, to a whole number. A mean fixes the sum of the scores, and a sum
 *   of three or more unknown scores fixes none of them unless the team sits at an end
 *   of the scale (the exhaustive check is in test/unit/disclosure.test.ts);
 * - medians and quartiles only from ORDER_STATISTICS_MIN answers and ten times m. An
 *   order statistic of few people is one member's score, and after an earlier mean has
 *   fixed a batch's sum it can say which member has it (a review found teams of 3 to
 *   11 where it did); among a hundred, a quartile depends on where dozens sit;
 * - Cronbach's alpha only from more than 2m complete answers and at least
 *   ALPHA_MIN_ROWS, to two decimals.
 * The overall mean is the mean of the dimension means, not a figure of its own: computed
 * over other answers than a dimension's, it would let the two be subtracted.
 * Together with the batch rule (a figure changes only when at least m new answers count
 * towards it), no two publications differ by fewer than m people.
 */
export const DEFAULT_MIN_GROUP = 5;
/** Below 3, a person who knows one other answer could work out the third. */
export const LOWEST_MIN_GROUP = 3;
export const MAX_MIN_GROUP = 1_000;
/**
 * Complete answers a dimension needs before its Cronbach's alpha is shown. With three
 * items and fewer than ten people, the 95% interval of alpha (Feldt) spans most of the
 * range from 0 to 1, so a value would suggest a precision it does not have.
 */
export const ALPHA_MIN_ROWS = 10;

export interface ScoreFigure {
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

const NOTHING: ScoreFigure = { mean: null, median: null, q1: null, q3: null };

/** Answers a figure needs before its median and quartiles are shown (and ten times the minimum group). */
export const ORDER_STATISTICS_MIN = 100;

/** Whether medians and quartiles may be shown for a figure with `count` answers. */
export function showsOrderStatistics(count: number, minGroup: number): boolean {
  return count >= Math.max(ORDER_STATISTICS_MIN, 10 * minGroup);
}

export const wholeNumber = (value: number) => Math.round(value);

/** A distribution's published figures (0–100 scores) under the rule above. */
export function scoreFigure(values: ArrayLike<number>, minGroup: number): ScoreFigure {
  if (values.length < minGroup) return NOTHING;
  const summary = summarize(values)!;
  if (!showsOrderStatistics(values.length, minGroup)) return { ...NOTHING, mean: wholeNumber(summary.mean) };
  return { mean: wholeNumber(summary.mean), median: wholeNumber(summary.median), q1: wholeNumber(summary.q1), q3: wholeNumber(summary.q3) };
}

/** A mean that is published alone (wanted positions turned into a 0–100 score). */
export function meanFigure(sum: number, count: number, minGroup: number, toScore: (mean: number) => number): number | null {
  return count >= minGroup ? wholeNumber(toScore(sum / count)) : null;
}

export function alphaFigure(sums: ItemSums, minGroup: number): number | null {
  if (sums.n < ALPHA_MIN_ROWS || sums.n <= 2 * minGroup) return null;
  const alpha = cronbachAlpha(sums);
  // "+ 0" turns a rounded -0 into 0, which JSON and every table print the same way.
  return alpha === null ? null : Math.round(alpha * 100) / 100 + 0;
}
