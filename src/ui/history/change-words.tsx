import type { ComponentChildren } from 'preact';
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
