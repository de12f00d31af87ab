import { exactMeanScore, exactWantedScore, roundedMean } from './exact-mean';
import { sortedMean } from './statistics';

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
 * - never Cronbach's alpha, nor its count of complete answers. Alpha is not a sum: it
 *   depends on how each member's answers spread over a dimension's statements, and each
 *   publication after a batch of made-up rows chosen for the purpose is a new equation
 *   about one member's row. Published coarsely (one decimal, within 0 to 1, "below 0"),
 *   a lead who chose each batch by a search still read a member's answer to every
 *   statement of a dimension in one to three batches. No coarsening of a statistic that
 *   can be probed with any number of crafted rows protects the members; how well the
 *   questionnaire measured is a question for whoever holds the files (`analyse`).
 * So every figure published is a count or a mean, and a mean is a sum: of a member's
 * answers to a dimension, the figures can tell only whether they count in it and their
 * score (test/unit/attack-review-2.test.ts).
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

export interface ScoreFigure {
  mean: number | null;
}

export const wholeNumber = (value: number) => Math.round(value);

/**
 * A distribution's published figure (0–100 scores) under the rule above: its mean, from
 * the minimum group. Given the dimension's number of statements, the mean is computed
 * from the exact sum of the scores (exact-mean.ts), so that it depends on them only
 * through that sum, not on the last bits of their floating-point form.
 */
export function scoreFigure(values: ArrayLike<number>, minGroup: number, items?: number): ScoreFigure {
  if (values.length < minGroup) return { mean: null };
  const exact = items === undefined ? null : exactMeanScore(values, items);
  return { mean: exact ? roundedMean(exact) : wholeNumber(sortedMean(values)!) };
}

/**
 * A mean that is published alone (wanted positions turned into a 0–100 score by
 * `toScore`, which is wantedScore). Given the dimension's number of statements, computed
 * from the exact sum of the positions, as scoreFigure is.
 */
export function meanFigure(sum: number, count: number, minGroup: number, toScore: (mean: number) => number, items?: number): number | null {
  if (count < minGroup) return null;
  return (items === undefined ? null : exactWantedScore(sum, count, items)) ?? wholeNumber(toScore(sum / count));
}
