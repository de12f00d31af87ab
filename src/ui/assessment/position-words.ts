import type { Translate } from '../i18n/translator';

/** Scores within this distance of the middle read as "between the two poles". */
const MIDDLE_BAND = 10;

/** Words for where a score stands, which describe a position and never grade it. */
export function describePosition(t: Translate, score: number, fromPole: string, toPole: string): string {
  if (score < 50 - MIDDLE_BAND) return t('result.positionFrom', { pole: fromPole });
  if (score > 50 + MIDDLE_BAND) return t('result.positionTo', { pole: toPole });
  return t('result.positionMiddle');
}

export function describeGap(t: Translate, gap: number, fromPole: string, toPole: string, format: (n: number) => string): string {
  const points = Math.round(Math.abs(gap));
  if (points === 0) return t('result.gapNone');
  return t('result.gapTowards', { points: format(points), pole: gap > 0 ? toPole : fromPole });
}
