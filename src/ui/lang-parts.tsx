import type { ComponentChildren } from 'preact';

/**
 * A translated sentence can carry words from a questionnaire (a pole, a dimension's
 * name) in the questionnaire's language, which may not be the page's: a screen reader
 * then needs those words marked with their own `lang` (WCAG 3.1.2), or it reads English
 * poles with a Swedish voice. The translator makes strings, so a part goes into the
 * sentence as a marker (`langPart`) and `withLangParts` turns the markers into spans.
 * The markers are private-use characters, which no message or questionnaire text holds.
 */
export const langPart = (name: string): string => `\uE000${name}\uE001`;

const MARKER = /\uE000([A-Za-z]+)\uE001/;

/** The sentence with each marked part as a span in `lang`; a part not given is left out. */
export function withLangParts(sentence: string, parts: Readonly<Record<string, string>>, lang: string): ComponentChildren {
  const pieces = sentence.split(MARKER);
  // split with a capturing group: text, name, text, name, …, text.
  return pieces.map((piece, i) => (i % 2 === 0 ? piece : <span key={i} lang={lang}>{parts[piece] ?? ''}</span>));
}

