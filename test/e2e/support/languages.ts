import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { da } from '../../../src/ui/i18n/da';
import { daDashboard } from '../../../src/ui/i18n/da-dashboard';
import { en } from '../../../src/ui/i18n/en';
import { enDashboard, type MessageKey } from '../../../src/ui/i18n/en-dashboard';
import type { UiLanguage } from '../../../src/ui/i18n/languages';
import { sv } from '../../../src/ui/i18n/sv';
import { svDashboard } from '../../../src/ui/i18n/sv-dashboard';
import { axeViolations, formatViolations } from './axe';
import { eventually } from './eventually';

/*
 * Shared by languages-chromium.e2e.ts and languages-firefox.e2e.ts: every view in every
 * interface language, light and dark. The pages are Playwright's or Puppeteer's; both
 * evaluate a function with one argument, which is all these helpers ask of them.
 */

export const LANGUAGES: readonly UiLanguage[] = ['en', 'sv', 'da'];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The page's background in each theme (base.css: --bg), to tell that the theme really applies. */
export const BACKGROUND: Readonly<Record<Theme, string>> = { light: 'rgb(255, 255, 255)', dark: 'rgb(21, 24, 28)' };

const MESSAGES: Readonly<Record<UiLanguage, Readonly<Record<string, string>>>> = {
  en: { ...enDashboard, ...en },
  sv: { ...svDashboard, ...sv },
  da: { ...daDashboard, ...da },
};

/** A message as the interface shows it in `language` (texts without parameters). */
export function message(language: UiLanguage, key: MessageKey): string {
  const text = MESSAGES[language][key];
  if (text === undefined) throw new Error(`no message ${key} in ${language}`);
  return text;
}

export interface Evaluator {
  evaluate<R>(fn: string | ((...args: any[]) => R), ...args: any[]): Promise<any>;
}

/** What the page shows in the document's language: text nodes, whole short elements, and the names and hints in attributes. */
function shownTexts(): string[] {
  const root = document.documentElement;
  const inDocumentLanguage = (element: Element | null) => {
    const owner = element?.closest('[lang]');
    return !owner || owner === root || owner.getAttribute('lang') === root.lang;
  };
  const texts = new Set<string>();
  const add = (text: string | null | undefined) => {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    if (clean) texts.add(clean);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template') || !inDocumentLanguage(parent)) continue;
    add(node.textContent);
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (!inDocumentLanguage(element) || element.closest('script, style, template')) continue;
    // Only elements whose text is all in the document's language: a message with a title in it reads whole.
    if (element.children.length > 0 && (element.textContent ?? '').length < 400 && ![...element.querySelectorAll('[lang]')].some((inner) => !inDocumentLanguage(inner))) add(element.textContent);
    for (const name of ['aria-label', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt']) add(element.getAttribute(name));
  }
  add(document.title);
  return [...texts];
}

interface Pattern { key: string; english: string; regex: RegExp }

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(\w+)\s*\{([^{}]*)\}/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message template as a regular expression matching any text it can produce. */
function templateRegex(template: string): { regex: RegExp; literal: number } {
  let literal = 0;
  const parts: string[] = [];
  const plain = (text: string) => {
    literal += text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length;
    return text.split(/\{\w+\}/).map(escape).join('[\\s\\S]+?');
  };
  let last = 0;
  for (const match of template.matchAll(PLURAL)) {
    parts.push(plain(template.slice(last, match.index)));
    const forms = [...match[2]!.matchAll(FORM)].map(([, , form]) => form!.split('#').map((piece) => escape(piece).replace(/\\\{\w+\\\}/g, '[\\s\\S]+?')).join('[\\d\\s.,\u00a0]+'));
    parts.push(`(?:${forms.join('|')})`);
    last = match.index! + match[0].length;
  }
  parts.push(plain(template.slice(last)));
  return { regex: new RegExp(`^${parts.join('')}$`, 'u'), literal };
}

/**
 * The English interface texts that `language` words differently, as patterns; a page in
 * `language` that shows one of them, and nothing the language's own texts would produce,
 * shows English where a translation belongs. Texts with too little wording of their own
 * (a lone `{detail}`) are left out on both sides: they match anything.
 */
function englishOnlyPatterns(language: UiLanguage): { english: Pattern[]; own: RegExp[]; ownLiteral: Set<string> } {
  const own = MESSAGES[language];
  const ownPatterns = Object.values(own).map(templateRegex).filter((p) => p.literal >= 4).map((p) => p.regex);
  const english: Pattern[] = [];
  for (const [key, text] of Object.entries(MESSAGES.en)) {
    if (own[key] === text) continue;
    const { regex, literal } = templateRegex(text);
    if (literal < 4) continue;
    english.push({ key, english: text, regex });
  }
  return { english, own: ownPatterns, ownLiteral: new Set(Object.values(own)) };
}

const patternsByLanguage = new Map<UiLanguage, ReturnType<typeof englishOnlyPatterns>>();

/**
 * The texts on the page that are the English wording of an interface message where
 * `language` has its own, or a message's bare key: what a missing translation shows.
 * Nothing for English.
 */
export async function untranslatedTexts(page: Evaluator, language: UiLanguage): Promise<string[]> {
  const texts: string[] = await page.evaluate(shownTexts);
  const keys = new Set(Object.keys(MESSAGES.en));
  const found = texts.filter((text) => keys.has(text)).map((text) => `the bare key “${text}”`);
  if (language === 'en') return found;
  let patterns = patternsByLanguage.get(language);
  if (!patterns) patternsByLanguage.set(language, (patterns = englishOnlyPatterns(language)));
  const { english, own, ownLiteral } = patterns;
  for (const text of texts) {
    if (ownLiteral.has(text) || own.some((regex) => regex.test(text))) continue;
    const hit = english.find((pattern) => pattern.regex.test(text));
    if (hit) found.push(`“${text}” (English for ${hit.key})`);
  }
  return found;
}

/**
 * Where a screenshot of a view goes when LANGUAGE_SHOTS names a folder
 * (`chromium-sv-dark-history.png`), else null.
 */
export function shotFile(browser: 'chromium' | 'firefox', language: UiLanguage, theme: Theme, view: string): string | null {
  const folder = process.env.LANGUAGE_SHOTS;
  if (!folder) return null;
  mkdirSync(folder, { recursive: true });
  return path.join(folder, `${browser}-${language}-${theme}-${view}.png`);
}

/** The document's language and background, read together. */
export function languageAndBackground(page: Evaluator): Promise<{ lang: string; background: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, background: getComputedStyle(document.body).backgroundColor }));
}

/**
 * The checks every view gets, once the view is on screen in `theme`: `<html lang>` is the
 * language, the theme's background shows, no interface text is left in English (or a
 * bare key), and axe finds no WCAG 2.2 A/AA violation. Each is read until it holds.
 */
export async function expectViewInLanguage(page: Evaluator, language: UiLanguage, theme: Theme, what: string): Promise<void> {
  await eventually(() => languageAndBackground(page), (seen) => expect(seen, `${what}: language and ${theme} background`).toEqual({ lang: language, background: BACKGROUND[theme] }));
  await eventually(() => untranslatedTexts(page, language), (found) => expect(found, `${what}: interface text not in ${language}`).toEqual([]), { timeout: 5_000 });
  await eventually(() => axeViolations(page), (violations) => expect(violations, `${what} (${language}, ${theme}):\n${formatViolations(violations)}`).toEqual([]), { timeout: 5_000, interval: 250 });
}
