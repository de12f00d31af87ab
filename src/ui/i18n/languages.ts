import { en, type CoreMessages } from './en';

export const UI_LANGUAGES = ['en', 'sv', 'da'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's own name, so a person finds theirs whatever is shown now. */
export const LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = { en: 'English', sv: 'Svenska', da: 'Dansk' };

/**
 * The locale each language's dates, numbers and lists are written in. English is
 * British English, as the texts are: the people Shiftmeter is for work in European
 * administrations, where "3 March 2026, 14:05" is how a date reads, not the month first
 * and a 12-hour clock.
 */
const FORMAT_LOCALES: Readonly<Record<UiLanguage, string>> = { en: 'en-GB', sv: 'sv-SE', da: 'da-DK' };

export function formatLocale(language: UiLanguage): string {
  return FORMAT_LOCALES[language];
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The chosen language, else the first of the browser's languages we ship, else English. */
export function resolveLanguage(chosen: string | null, browserLanguages: readonly string[]): UiLanguage {
  if (isUiLanguage(chosen)) return chosen;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'nb' || base === 'nn' || base === 'no') continue;
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

/** The texts every page shows. English is bundled; the others load on demand so the popup stays small. */
export async function loadMessages(language: UiLanguage): Promise<CoreMessages> {
  switch (language) {
    case 'sv':
      return (await import('./sv')).sv;
    case 'da':
      return (await import('./da')).da;
    default:
      return en;
  }
}
