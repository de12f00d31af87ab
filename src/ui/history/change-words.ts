import type { Translate } from '../i18n/translator';

/** "Measures: 12 points towards service logic", or "no change", in the person's language. */
export function describeChange(t: Translate, name: string, change: number | null, fromPole: string, toPole: string, format: (n: number) => string): string {
  if (change === null) return t('history.changeUnknown', { name });
  const points = Math.round(Math.abs(change));
  if (points === 0) return t('history.changeNone', { name });
  return t('history.changeTowards', { name, points: format(points), pole: change > 0 ? toPole : fromPole });
}
