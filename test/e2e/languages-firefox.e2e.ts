import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { CoursePack } from '../../src/core/pack/types';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { toStoredItems } from '../../src/core/storage/stored-form';
import type { MessageKey } from '../../src/ui/i18n/en-dashboard';
import type { UiLanguage } from '../../src/ui/i18n/languages';
import { shippedQuestionnaire } from './support/answers';
import { eventually } from './support/eventually';
import { goTo, launchFirefox, selectOption, show, waitForElement, waitForReadyMark } from './support/firefox';
import { storedData } from './support/firefox-pages';
import { expectViewInLanguage, LANGUAGES, message, shotFile, THEMES, type Theme } from './support/languages';
import { makeSittings } from './support/seed';

/*
 * Issue #20, the lighter pass in Firefox ESR: the popup's list and a question page, and
 * the dashboard's welcome, history, Team rounds home, a course page and Settings, in each
 * interface language (chosen as a person chooses it) and in the light and the dark theme
 * (chosen in Settings), have <html lang> in that language, no interface text left in
 * English, and no WCAG 2.2 A/AA violation that axe finds. LANGUAGE_SHOTS=<folder> saves
 * a full-page screenshot of each (firefox-<language>-<theme>-<view>.png).
 */

const history = shippedQuestionnaire('production-service');
const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;
const CHOSEN_IN: Record<UiLanguage, 'settings' | 'popup'> = { en: 'settings', sv: 'popup', da: 'settings' };

const textOf = (page: Page, selector: string) => page.evaluate((css) => document.querySelector(css)?.textContent?.trim() ?? null, selector);
const count = (page: Page, selector: string) => page.evaluate((css) => document.querySelectorAll(css).length, selector);

async function expectHeading(page: Page, selector: string, text: string) {
  await eventually(() => textOf(page, selector), (shown) => expect(shown, selector).toBe(text));
}

/** Another view of the dashboard, by its hash route, once the address shows it. */
async function showView(page: Page, hash: string) {
  await show(page, hash);
  await eventually(() => page.evaluate(() => location.hash), (now) => expect(now).toBe(hash));
}

async function click(page: Page, selector: string) {
  await waitForElement(page, selector);
  await page.evaluate((css) => (document.querySelector(css) as HTMLElement).click(), selector);
}

async function check(page: Page, language: UiLanguage, theme: Theme, view: string) {
  await expectViewInLanguage(page, language, theme, view);
  const file = shotFile('firefox', language, theme, view);
  if (file) await page.screenshot({ path: file, fullPage: true });
}

describe('views in English, Swedish and Danish, light and dark, in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
    await waitForReadyMark(page);
    // Two sittings of one questionnaire, for the history's chart.
    const records = { schemaVersion: SCHEMA_VERSION, ...toStoredItems(makeSittings(history, 2)) };
    await page.evaluate((data) => (globalThis as any).browser.storage.local.set(data), records);
    await eventually(() => storedData(page), (data) => expect(Object.keys(data).filter((key) => key.startsWith('sitting:'))).toHaveLength(2));
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const language of LANGUAGES) {
    const heading = (key: MessageKey) => message(language, key);

    describe(`in ${language}`, () => {
      it(`sets the interface language to ${language} with the language select in ${CHOSEN_IN[language] === 'popup' ? 'the popup' : 'Settings'}: the stored setting and <html lang> become ${language}`, async () => {
        if (CHOSEN_IN[language] === 'popup') {
          await goTo(page, 'popup.html');
          await selectOption(page, '#language-select', language);
        } else {
          await showView(page, '#/settings');
          await selectOption(page, '#settings-language', language);
        }
        await eventually(() => storedData(page), (stored) => expect(stored.settings?.language).toBe(language));
        await eventually(() => page.evaluate(() => document.documentElement.lang), (lang) => expect(lang).toBe(language));
        if (CHOSEN_IN[language] === 'popup') await goTo(page, 'dashboard.html#/settings');
      });

      for (const theme of THEMES) {
        it(`in ${language} with the ${theme} theme chosen in Settings: Settings, welcome, the history of two seeded sittings, Team rounds home, a course page, the popup's list and a questionnaire's first page have <html lang="${language}">, the ${theme} theme's background, no interface text in English or as a bare message key, and no WCAG 2.2 A/AA axe violations`, async () => {
          await showView(page, '#/settings');
          await expectHeading(page, '#settings-heading', heading('settings.heading'));
          await click(page, `input[name="theme"][value="${theme}"]`);
          await eventually(() => storedData(page), (stored) => expect(stored.settings?.theme).toBe(theme));
          await eventually(() => page.evaluate(() => document.documentElement.dataset.theme), (shown) => expect(shown).toBe(theme));
          await eventually(() => count(page, `select#cadence-${history.id}`), (n) => expect(n).toBe(1));
          await check(page, language, theme, 'settings');

          await showView(page, '#/welcome');
          await expectHeading(page, 'main h1', heading('welcome.heading'));
          await check(page, language, theme, 'welcome');

          await showView(page, `#/history/${history.id}`);
          await expectHeading(page, '#history-heading', heading('history.heading'));
          await eventually(() => count(page, 'canvas[role="img"]'), (n) => expect(n).toBeGreaterThan(0));
          await eventually(() => textOf(page, '#over-time-summary'), (summary) => expect(summary).toMatch(/^2 /));
          await check(page, language, theme, 'history');

          await showView(page, '#/team');
          await expectHeading(page, 'main h1', heading('team.heading'));
          await eventually(() => count(page, '#round-name'), (n) => expect(n).toBe(1));
          await check(page, language, theme, 'team-home');

          await showView(page, `#/courses/${pack.id}`);
          await expectHeading(page, '#pack-heading', pack.title[language]!);
          await eventually(() => count(page, 'section.exercise'), (n) => expect(n).toBe(pack.exercises.length));
          await check(page, language, theme, 'course');

          await goTo(page, 'popup.html');
          await expectHeading(page, 'h2[data-view-heading]', heading('popup.heading'));
          await eventually(() => count(page, 'button[data-questionnaire]'), (n) => expect(n).toBe(6));
          await check(page, language, theme, 'popup-list');
          await click(page, `button[data-questionnaire="${history.id}"]`);
          await eventually(() => page.evaluate(() => (document.querySelector('#assessment-progress') as HTMLProgressElement | null)?.value), (part) => expect(part).toBe(1));
          await eventually(() => count(page, 'fieldset.scale-question'), (n) => expect(n).toBeGreaterThan(1));
          await check(page, language, theme, 'popup-question');
          await goTo(page, 'dashboard.html#/settings');
        });
      }
    });
  }
});
