import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { en } from './en';
import { interpolate, type Params } from './interpolate';
import type { MessageKey } from './en-dashboard';
import { formatLocale, loadMessages, type UiLanguage } from './languages';

export type { Params };
export type Translate = (key: MessageKey, params?: Params) => string;

export interface Translator {
  language: ReadonlySignal<UiLanguage>;
  /** Reading `t` inside a component subscribes it to language changes. */
  t: ReadonlySignal<Translate>;
  formatNumber: ReadonlySignal<(value: number) => string>;
  formatDate: ReadonlySignal<(iso: string) => string>;
  /** A day without the time ("12 Nov 2026"), where a list has room for little. */
  formatDay: ReadonlySignal<(iso: string) => string>;
  setLanguage(language: UiLanguage): Promise<void>;
}

/** More texts for one page (the dashboard's), loaded with the language. */
export type ExtraMessages = (language: UiLanguage) => Promise<Readonly<Record<string, string>>>;

export function createTranslator(extra?: ExtraMessages): Translator {
  const language = signal<UiLanguage>('en');
  const messages = signal<Readonly<Record<string, string>>>(en);
  let requested: UiLanguage = 'en';
  return {
    language,
    t: computed(() => {
      const current = messages.value;
      const lang = language.value;
      return (key, params) => interpolate(current[key] ?? (en as Readonly<Record<string, string>>)[key] ?? key, params, lang);
    }),
    formatNumber: computed(() => {
      const format = new Intl.NumberFormat(formatLocale(language.value), { maximumFractionDigits: 0 });
      return (value: number) => format.format(value);
    }),
    formatDate: computed(() => {
      const format = new Intl.DateTimeFormat(formatLocale(language.value), { dateStyle: 'long', timeStyle: 'short' });
      return (iso: string) => format.format(new Date(iso));
    }),
    formatDay: computed(() => {
      const format = new Intl.DateTimeFormat(formatLocale(language.value), { dateStyle: 'medium' });
      return (iso: string) => format.format(new Date(iso));
    }),
    async setLanguage(next) {
      requested = next;
      const [core, more] = await Promise.all([loadMessages(next), extra?.(next) ?? {}]);
      const loaded = { ...more, ...core };
      // A slower load of an earlier choice must not win over a later one.
      if (requested !== next) return;
      messages.value = loaded;
      language.value = next;
    },
  };
}
