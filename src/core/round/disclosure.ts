import { cronbachAlpha, sortedMean, type ItemSums } from './statistics';

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
 * - never a median or a quartile. An order statistic is one person's score, and no
 *   threshold on the count can keep it from being one *real* person's: made-up answers
 *   count like real ones, so a lead who pads a round with made-up answers at 0 and at
 *   100 puts the median on the member of their choosing (test/unit/attack-review-2.test.ts);
 * - Cronbach's alpha only from more than 2m complete answers and at least
 *   ALPHA_MIN_ROWS, to one decimal and within 0 to 1, a value below 0 published as
 *   "below 0" (alphaBelowZero). Alpha is not a sum: each publication after made-up rows is
 *   a new equation about how one member's answers spread over the statements. Coarse,
 *   each says little (one of twelve values); it does not stop a lead who makes up batch
 *   after batch from narrowing those answers down (docs/privacy.md, "Made-up responses").
 * The overall mean is the mean of the dimension means, not a figure of its own: computed
 * over other answers than a dimension's, it would let the two be subtracted.
 * Together with the batch rule (a figure changes only when at least m new answers count
 * towards it, and only when the count of responses is a multiple of m), no two
 * publications differ by fewer than m people.
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
}

export const wholeNumber = (value: number) => Math.round(value);

/** A distribution's published figure (0–100 scores) under the rule above: its mean, from the minimum group. */
export function scoreFigure(values: ArrayLike<number>, minGroup: number): ScoreFigure {
  return { mean: values.length < minGroup ? null : wholeNumber(sortedMean(values)!) };
}

/** A mean that is published alone (wanted positions turned into a 0–100 score). */
export function meanFigure(sum: number, count: number, minGroup: number, toScore: (mean: number) => number): number | null {
  return count >= minGroup ? wholeNumber(toScore(sum / count)) : null;
}

export interface AlphaFigure {
  /** Cronbach's alpha to one decimal, within 0 to 1; null when not published. */
  alpha: number | null;
  /** True when alpha is below 0 (then `alpha` is 0): "below 0" is all that is published of it. */
  alphaBelowZero: boolean;
}

/**
 * Alpha as published: one decimal, within 0 to 1, and only "below 0" below it. Made-up
 * rows can make alpha as sensitive to one member's row as they like (a review reached
 * -433 and read a member's answer to every statement from two decimals); clamped and
 * coarse, each publication is one of twelve values, and a stored summary always passes
 * its own check (below -1000 it once did not).
 */
export function alphaFigure(sums: ItemSums, minGroup: number): AlphaFigure {
  if (sums.n < ALPHA_MIN_ROWS || sums.n <= 2 * minGroup) return NO_ALPHA;
  const alpha = cronbachAlpha(sums);
  if (alpha === null) return NO_ALPHA;
  if (alpha < 0) return { alpha: 0, alphaBelowZero: true };
  // "+ 0" turns a rounded -0 into 0, which JSON and every table print the same way.
  return { alpha: Math.min(1, Math.round(alpha * 10) / 10) + 0, alphaBelowZero: false };
}

const NO_ALPHA: AlphaFigure = { alpha: null, alphaBelowZero: false };
