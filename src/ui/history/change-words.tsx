import type { ComponentChildren } from 'preact';
import type { RecentView } from '../../core/history/recent';
import type { Translate } from '../i18n/translator';
import { langPart, withLangParts } from '../lang-parts';

/**
 * "Measures: 12 points towards service logic", or "no change", in the person's language.
 * The poles, and a dimension's name (`nameLang` given), are the questionnaire's words in
 * `contentLanguage`: they are marked with it, so a screen reader reads them in it.
 */
export function describeChange(
  t: Translate, name: string, change: number | null, fromPole: string, toPole: string, format: (n: number) => string,
  contentLanguage: string, nameLang: string | null,
): ComponentChildren {
  const named = nameLang === null ? name : langPart('name');
  const parts = { name, pole: change !== null && change > 0 ? toPole : fromPole };
  if (change === null) return withLangParts(t('history.changeUnknown', { name: named }), parts, contentLanguage);
  const points = Math.round(Math.abs(change));
  if (points === 0) return withLangParts(t('history.changeNone', { name: named }), parts, contentLanguage);
  return withLangParts(t('history.changeTowards', { name: named, points: format(points), pole: langPart('pole') }), parts, contentLanguage);
}

/**
 * "6 points towards service logic since 3 Aug 2026" for a questionnaire's latest sitting,
 * or null with no earlier sitting of the same version to compare (the popup's rows and
 * the overview say it alike). The pole is marked with the questionnaire's language.
 */
export function changeSince(t: Translate, view: RecentView, poles: { from: string; to: string }, contentLanguage: string, day: (iso: string) => string): ComponentChildren | null {
  const { previous, change } = view;
  if (!previous || change === null) return null;
  const points = Math.round(Math.abs(change));
  if (points === 0) return t('list.changeNone', { date: day(previous.completedAt) });
  return withLangParts(t('list.changeTowards', { points, pole: langPart('pole'), date: day(previous.completedAt) }), { pole: change > 0 ? poles.to : poles.from }, contentLanguage);
}
