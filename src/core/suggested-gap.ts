// Its own small module: the popup counts open actions with it, and must not load the scoring for that.

/**
 * The smallest gap between now and wanted, in points on the 0–100 scale (rounded, as shown),
 * for which a dimension is suggested to work on (the action step) or picked for the team's
 * conversation guide. A team's figures are means of about five people, and one person's
 * come from whole-number answers on a 7-point scale (one step on one item of a
 * three-item dimension moves it by about 5.6 points): a smaller gap is mostly rounding, not
 * a wish to move, and a meeting should not spend its time on it.
 */
export const MIN_GAP_TO_SUGGEST = 5;

/** Whether a gap between now and wanted (either way) is large enough to suggest working on. */
export function gapWorthSuggesting(gap: number | null): boolean {
  return gap !== null && Math.round(Math.abs(gap)) >= MIN_GAP_TO_SUGGEST;
}
