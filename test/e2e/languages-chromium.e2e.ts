import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CoursePack } from '../../src/core/pack/types';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { toStoredItems } from '../../src/core/storage/stored-form';
import type { MessageKey } from '../../src/ui/i18n/en-dashboard';
import type { UiLanguage } from '../../src/ui/i18n/languages';
import { shippedQuestionnaire } from './support/answers';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { expectViewInLanguage, LANGUAGES, message, shotFile, THEMES } from './support/languages';
import { makeSittings } from './support/seed';
import { storedRecords } from './support/stored';

/*
 * Issue #20: every view and state a person reaches, in each interface language (chosen as
 * a person chooses it) and in the light and the dark theme (the browser's preference,
 * emulated), has <html lang> in that language, no interface text left in English, and no
 * WCAG 2.2 A/AA violation that axe finds. LANGUAGE_SHOTS=<folder> saves a full-page
 * screenshot of each (chromium-<language>-<theme>-<view>.png).
 */

const history = shippedQuestionnaire('production-service');
const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;
const sortExercise = pack.exercises[0]!;
/** The popup's result comes from this one, so the history of `history` keeps its two seeded sittings. */
const POPUP_QUESTIONNAIRE = 'control-service';

/** How each language is chosen: the Settings view's select, or the popup's. */
const CHOSEN_IN: Record<UiLanguage, 'settings' | 'popup'> = { en: 'settings', sv: 'popup', da: 'settings' };

/** Checks the view in light and dark (emulating the browser's preference), with a screenshot of each when asked. */
async function checkInBothThemes(page: Page, language: UiLanguage, view: string) {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await expectViewInLanguage(page, language, theme, view);
    const file = shotFile('chromium', language, theme, view);
    if (file) await page.screenshot({ path: file, fullPage: true });
  }
}

const textOf = (page: Page, selector: string) => page.evaluate((css) => document.querySelector(css)?.textContent?.trim() ?? null, selector);

async function expectHeading(page: Page, selector: string, text: string) {
  await eventually(() => textOf(page, selector), (shown) => expect(shown, selector).toBe(text));
}

/** Moves the dashboard to a view by its hash route, as its links do. */
async function goTo(page: Page, hash: string) {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
  await eventually(() => page.evaluate(() => location.hash), (now) => expect(now).toBe(hash));
}

/** Clicks the `position`-th choice (1-based) of every question in `scope`, in the page itself (each answer of a questionnaire is stored on its own). */
async function chooseEverywhere(page: Page, scope: string, position: number) {
  await page.evaluate(({ css, at }) => {
    for (const fieldset of document.querySelectorAll(`${css} fieldset`)) (fieldset.querySelectorAll('input')[at - 1] as HTMLInputElement | undefined)?.click();
  }, { css: scope, at: position });
}

/**
 * Answers the open questionnaire by clicks, a page at a time, until its result shows;
 * `onWantedPass` runs once on the first page of the wanted pass (format 2), before it is answered.
 */
async function answerToResult(page: Page, onWantedPass?: () => Promise<void>) {
  let wantedSeen = false;
  for (let part = 1; ; part++) {
    const { value, max, wanted } = await eventually(
      () => page.evaluate(() => {
        const progress = document.querySelector<HTMLProgressElement>('#assessment-progress');
        return { value: progress?.value ?? 0, max: progress?.max ?? 0, questions: document.querySelectorAll('fieldset.scale-question').length, wanted: document.querySelector('fieldset[id^="q-wanted-"]') !== null };
      }),
      (seen) => {
        expect(seen.value).toBe(part);
        expect(seen.questions).toBeGreaterThan(0);
      },
    );
    if (wanted && !wantedSeen) {
      wantedSeen = true;
      await onWantedPass?.();
    }
    await chooseEverywhere(page, 'form', 1 + (part % 7));
    await page.click('form button[type="submit"]');
    if (value === max) break;
  }
  await eventually(() => page.locator('#result-heading').count(), (n) => expect(n).toBe(1));
}

describe('every view in English, Swedish and Danish, light and dark, in Chromium', () => {
  let ext: ChromiumExtension;
  let dashboard: Page;

  beforeAll(async () => {
    ext = await launchChromium();
    // The welcome tab the extension opens on install goes; the tests open their own pages.
    const welcome = await eventually(() => ext.context.pages().find((p) => p.url().includes('dashboard.html')), (page) => expect(page).toBeDefined(), { timeout: 15_000 });
    await welcome!.close();
    dashboard = await ext.open('dashboard.html#/settings', { reducedMotion: 'reduce' });
    // Two sittings of one questionnaire, for the history's chart and table and a sitting's page.
    await dashboard.evaluate((records) => chrome.storage.local.set(records), { schemaVersion: SCHEMA_VERSION, ...toStoredItems(makeSittings(history, 2)) });
  });
  afterAll(async () => {
    await ext?.close();
  });

  for (const language of LANGUAGES) {
    const heading = (key: MessageKey) => message(language, key);
    const checks = `have <html lang="${language}">, no interface text in English or as a bare message key, and no WCAG 2.2 A/AA axe violations, in the light and then the dark colour scheme (the browser's preference, emulated; the page's background checked in each)`;

    describe(`in ${language}`, () => {
      let popup: Page;
      let roundName: string;
      let invitation: string;
      let fingerprint: string;

      it(`sets the interface language to ${language} with the language select in ${CHOSEN_IN[language] === 'popup' ? 'the popup' : 'Settings'}: the stored setting, and <html lang> in the popup and the dashboard, become ${language}`, async () => {
        popup = await ext.open('popup.html', { reducedMotion: 'reduce' });
        if (CHOSEN_IN[language] === 'popup') {
          await popup.selectOption('#language-select', language);
        } else {
          await dashboard.bringToFront();
          await goTo(dashboard, '#/settings');
          await dashboard.selectOption('#settings-language', language);
          await popup.bringToFront();
        }
        await eventually(() => storedRecords(popup), (stored) => expect(stored.settings?.language).toBe(language));
        await eventually(() => popup.evaluate(() => document.documentElement.lang), (lang) => expect(lang).toBe(language));
        await eventually(() => dashboard.evaluate(() => document.documentElement.lang), (lang) => expect(lang).toBe(language));
      });

      it(`popup in ${language}: the list of questionnaires, a questionnaire's first page, the first page of its wanted pass and its result after answering ${checks}`, async () => {
        await expectHeading(popup, 'h2[data-view-heading]', heading('popup.heading'));
        await eventually(() => popup.locator('button[data-questionnaire]').count(), (n) => expect(n).toBe(6));
        await checkInBothThemes(popup, language, 'popup-list');

        await popup.click(`button[data-questionnaire="${POPUP_QUESTIONNAIRE}"]`);
        await eventually(() => popup.evaluate(() => (document.querySelector('#assessment-progress') as HTMLProgressElement | null)?.value), (part) => expect(part).toBe(1));
        await eventually(() => popup.locator('fieldset.scale-question').count(), (n) => expect(n).toBeGreaterThan(1));
        await checkInBothThemes(popup, language, 'popup-question');

        // The wanted pass's first page too: its heading, "Same as today" and each pair's "Today: …".
        await answerToResult(popup, () => checkInBothThemes(popup, language, 'popup-wanted'));
        await expectHeading(popup, '#result-heading', heading('result.heading'));
        await eventually(() => textOf(popup, '[data-testid="overall-score"]'), (score) => expect(score).toMatch(/^\d+$/));
        await checkInBothThemes(popup, language, 'popup-result');

        // The action step of the result (the suggested dimensions, what the unit will try and by when), then the next
        // sitting's first step, which asks how it went.
        await expectHeading(popup, '#plan-heading', heading('actions.heading'));
        await popup.locator('.action-plan fieldset input[type="checkbox"]').first().check();
        await popup.locator('.action-entry textarea').first().fill(`${language}: ring the next ten callers`);
        await popup.locator('.action-entry input[type="date"]').first().fill('2031-03-31');
        await popup.locator('.action-entry textarea').first().focus();
        await popup.keyboard.press('Tab');
        await eventually(() => storedRecords(popup), (stored) => expect(stored[`actions:${POPUP_QUESTIONNAIRE}`]?.actions).toHaveLength(1));
        await checkInBothThemes(popup, language, 'popup-action');
        await popup.close();
        const again = await ext.open('popup.html', { reducedMotion: 'reduce' });
        await again.click(`button[data-questionnaire="${POPUP_QUESTIONNAIRE}"]`);
        await expectHeading(again, '#review-heading', heading('review.heading'));
        await checkInBothThemes(again, language, 'popup-review');
        // The next language starts, as this one did, with no action waiting to be asked about.
        await again.evaluate((key) => chrome.storage.local.remove(key), `actions:${POPUP_QUESTIONNAIRE}`);
        await again.close();
        await dashboard.bringToFront();
      });

      it(`dashboard in ${language}: the overview, the welcome view and the list of self-assessments ${checks}`, async () => {
        // The overview of a person with a history (the seeded sittings and the one just taken in the popup).
        await goTo(dashboard, '#/home');
        await expectHeading(dashboard, 'main h1', heading('home.heading'));
        await eventually(() => dashboard.locator('main table tbody tr').count(), (n) => expect(n).toBeGreaterThan(0));
        await checkInBothThemes(dashboard, language, 'overview');

        await goTo(dashboard, '#/welcome');
        await expectHeading(dashboard, 'main h1', heading('welcome.heading'));
        await checkInBothThemes(dashboard, language, 'welcome');

        await goTo(dashboard, '#/take');
        await expectHeading(dashboard, 'main h1', heading('dashboard.take'));
        await eventually(() => dashboard.locator('main button[data-questionnaire]').count(), (n) => expect(n).toBe(6));
        await checkInBothThemes(dashboard, language, 'self-assessments');
      });

      it(`dashboard in ${language}: the history of two seeded sittings (chart and its table open) and a sitting's page ${checks}`, async () => {
        await goTo(dashboard, `#/history/${history.id}`);
        await expectHeading(dashboard, '#history-heading', heading('history.heading'));
        await eventually(() => dashboard.locator('canvas[role="img"]').count(), (n) => expect(n).toBeGreaterThan(0));
        await eventually(() => textOf(dashboard, '#over-time-summary'), (summary) => expect(summary).toMatch(/^2 /));
        await dashboard.locator('#over-time-heading ~ details summary').first().click();
        await eventually(() => dashboard.locator('[data-testid="over-time-table"] tbody tr').count(), (n) => expect(n).toBe(2));
        await checkInBothThemes(dashboard, language, 'history');

        await goTo(dashboard, '#/sittings/seed-00000');
        await eventually(() => dashboard.locator('#sitting-heading').count(), (n) => expect(n).toBe(1));
        await eventually(() => dashboard.locator('#note').count(), (n) => expect(n).toBe(1));
        await checkInBothThemes(dashboard, language, 'sitting');
      });

      it(`dashboard in ${language}: a round started through Team rounds (its page, then the rounds home listing it) and Answer a round with its invitation opened ${checks}`, async () => {
        roundName = `Round ${language.toUpperCase()} 2027`;
        await goTo(dashboard, '#/team');
        await expectHeading(dashboard, 'main h1', heading('team.heading'));
        await dashboard.fill('#round-name', roundName);
        await dashboard.click('form:has(#round-name) button[type="submit"]');
        await eventually(() => dashboard.evaluate(() => location.hash), (hash) => expect(hash).toMatch(/^#\/team\/round\/./));
        await expectHeading(dashboard, '#round-heading', roundName);
        invitation = await eventually(() => dashboard.locator('#invitation-code').inputValue(), (code) => expect(code).toMatch(/^SMI2\./));
        fingerprint = await eventually(() => textOf(dashboard, '[data-testid="round-fingerprint"]'), (shown) => expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/)) as string;
        await checkInBothThemes(dashboard, language, 'team-round');

        await goTo(dashboard, '#/team');
        await eventually(() => textOf(dashboard, '[data-testid="round-list"]'), (list) => expect(list).toContain(roundName));
        await checkInBothThemes(dashboard, language, 'team-home');

        await goTo(dashboard, '#/team/answer');
        await expectHeading(dashboard, 'main h1', heading('team.answerHeading'));
        await dashboard.fill('#invitation-input', invitation);
        await dashboard.click('form:has(#invitation-input) button[type="submit"]');
        await expectHeading(dashboard, '#invitation-found', roundName);
        await expectHeading(dashboard, '[data-testid="round-fingerprint"]', fingerprint);
        await checkInBothThemes(dashboard, language, 'team-answer');
      });

      it(`dashboard in ${language}: the courses, a course with its first exercise checked (feedback shown) and the course summary ${checks}`, async () => {
        await goTo(dashboard, '#/courses');
        await expectHeading(dashboard, '#courses-heading', heading('course.heading'));
        await eventually(() => dashboard.locator('a[data-pack]').count(), (n) => expect(n).toBe(3));
        await checkInBothThemes(dashboard, language, 'courses');

        await goTo(dashboard, `#/courses/${pack.id}`);
        await expectHeading(dashboard, '#pack-heading', pack.title[language]!);
        const exercise = `section.exercise[data-exercise="${sortExercise.id}"]`;
        await eventually(() => dashboard.locator(`${exercise} fieldset`).count(), (n) => expect(n).toBeGreaterThan(1));
        // One statement at a time, as a person clicks: each answer is added to the ones the page shows.
        for (const fieldset of await dashboard.locator(`${exercise} fieldset`).all()) await fieldset.locator('input').first().check();
        await dashboard.click(`${exercise} button[type="submit"]`);
        await eventually(() => textOf(dashboard, `${exercise} [data-testid="check-status"]`), (status) => expect(status).not.toBe(''));
        await eventually(() => textOf(dashboard, `${exercise} [data-testid="verdict"]`), (verdict) => expect(verdict).not.toBe(''));
        await checkInBothThemes(dashboard, language, 'course');

        await goTo(dashboard, `#/courses/${pack.id}/summary`);
        await expectHeading(dashboard, '#summary-page-heading', heading('course.summary'));
        await eventually(() => dashboard.locator('[data-testid="summary"]').count(), (n) => expect(n).toBe(1));
        await checkInBothThemes(dashboard, language, 'course-summary');
      });

      it(`dashboard in ${language}: Your data (backup and restore) and Settings ${checks}`, async () => {
        await goTo(dashboard, '#/data');
        await expectHeading(dashboard, '#data-heading', heading('data.heading'));
        await eventually(() => dashboard.locator('#restore-file').count(), (n) => expect(n).toBe(1));
        await checkInBothThemes(dashboard, language, 'data');

        await goTo(dashboard, '#/settings');
        await expectHeading(dashboard, '#settings-heading', heading('settings.heading'));
        await eventually(() => dashboard.locator(`select#cadence-${history.id}`).count(), (n) => expect(n).toBe(1));
        await eventually(() => dashboard.locator('#settings-language').inputValue(), (value) => expect(value).toBe(language));
        await checkInBothThemes(dashboard, language, 'settings');
      });
    });
  }

  it('at 320 CSS px wide, in Swedish (the longest texts), no dashboard view scrolls sideways (WCAG 1.4.10 Reflow)', async () => {
    await dashboard.evaluate(() => chrome.storage.local.get('settings').then(({ settings }: Record<string, any>) => chrome.storage.local.set({ settings: { ...settings, language: 'sv' } })));
    const narrow = await ext.open('dashboard.html#/welcome', { reducedMotion: 'reduce' });
    await narrow.setViewportSize({ width: 320, height: 800 });
    await eventually(() => narrow.evaluate(() => document.documentElement.lang), (lang) => expect(lang).toBe('sv'));
    for (const hash of ['#/home', '#/welcome', '#/take', '#/history', '#/sittings', '#/team', '#/team/answer', '#/courses', '#/data', '#/settings']) {
      await goTo(narrow, hash);
      await eventually(
        () => narrow.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          // What sticks out, to say in the failure what to fix.
          wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 4).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`).join(', '),
        })),
        ({ scroll, client, wide }) => expect(scroll, `${hash}: ${wide}`).toBeLessThanOrEqual(client),
      );
    }
    await narrow.close();
  });
});
