import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/ui/history/change-words';
import { langPart, withLangParts } from '../../src/ui/lang-parts';
import { createTranslator } from '../../src/ui/i18n/translator';
import { loadDashboardMessages } from '../../src/ui/i18n/dashboard-messages';

/** What a screen reader is given: each piece of text, and the language it is marked with (null: the page's). */
function pieces(node: unknown): [string, string | null][] {
  const list = Array.isArray(node) ? node : [node];
  return list.filter((piece) => piece !== '').map((piece) => (typeof piece === 'string' ? [piece, null] : [String((piece as VNode<{ children: string }>).props.children), (piece as VNode<{ lang: string }>).props.lang]));
}

describe('words of a questionnaire inside a sentence of the page, marked with their own language', () => {
  it('turns each marked part into a span in the questionnaire\'s language and leaves the rest as it is', () => {
    const sentence = `6 poäng mot ${langPart('pole')} sedan 3 aug. 2026`;
    expect(pieces(withLangParts(sentence, { pole: 'service logic' }, 'en'))).toEqual([['6 poäng mot ', null], ['service logic', 'en'], [' sedan 3 aug. 2026', null]]);
    // No part: the sentence alone.
    expect(pieces(withLangParts('ingen förändring', {}, 'en'))).toEqual([['ingen förändring', null]]);
  });

  it('marks the pole, and a dimension\'s name, in a change said in Swedish of an English questionnaire; the overall name stays Swedish', async () => {
    const translator = createTranslator(loadDashboardMessages);
    await translator.setLanguage('sv');
    const t = translator.t.value;
    const format = (n: number) => String(n);
    const dimension = pieces(describeChange(t, 'Measures', 12, 'production logic', 'service logic', format, 'en', 'en'));
    expect(dimension.filter(([, lang]) => lang === 'en').map(([text]) => text)).toEqual(['Measures', 'service logic']);
    expect(dimension.map(([text]) => text).join('')).toMatch(/^Measures: 12 .*service logic/);
    const overall = pieces(describeChange(t, 'Totalt', -5, 'production logic', 'service logic', format, 'en', null));
    expect(overall.filter(([, lang]) => lang === 'en').map(([text]) => text)).toEqual(['production logic']);
    expect(overall[0]![0]).toMatch(/^Totalt/);
  });
});
