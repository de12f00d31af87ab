import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerNextByKeyboard, pressButtonByKeyboard, tabUntil } from './support/keyboard';
import { axeViolations, formatViolations } from './support/axe';
import { pages, plannedAnswers, shippedQuestionnaire } from './support/answers';
import { launchChromium, waitForReady, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { storedRaw, storedRecords } from './support/stored';
import { SCHEMA_VERSION } from '../../src/core/storage/records';

const questionnaire = shippedQuestionnaire('production-service');
const plan = plannedAnswers(questionnaire);
const pageList = pages(questionnaire);

const storedData = storedRecords;

async function progressText(page: Page): Promise<string> {
  return page.locator('label[for="assessment-progress"]').innerText();
}

/** A planned position as the keyboard reaches it: "does not apply" is the group's eighth radio. */
const keyPosition = (question: string) => {
  const position = plan.position(question);
  return position === 'n/a' ? 8 : position;
};

/** Answers one page of the questionnaire (a "now" page or one of the wanted pass) with the keyboard alone and moves on. */
async function answerPageByKeyboard(page: Page, index: number, from = 0): Promise<void> {
  for (const question of pageList[index]!.questions.slice(from)) await answerNextByKeyboard(page, keyPosition(question));
  const last = index === pageList.length - 1;
  await pressButtonByKeyboard(page, last ? 'See my result' : 'Next');
  if (last) await page.waitForSelector('#result-heading');
  else await page.waitForFunction((n) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${n} `), index + 2);
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

describe('a self-assessment in Chromium', () => {
  let ext: ChromiumExtension;

  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('opens the welcome view on first install, and it reaches ready', async () => {
    const welcome = await ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('dashboard.html'), timeout: 15_000 }).catch(() => ext.context.pages().find((p) => p.url().includes('dashboard.html')));
    const page = welcome ?? ext.context.pages().find((p) => p.url().includes('dashboard.html'));
    expect(page, 'the welcome tab').toBeDefined();
    await waitForReady(page!);
    await eventually(() => page!.url(), (url) => expect(url).toContain('#/welcome'));
    await eventually(() => page!.locator('h1').innerText(), (text) => expect(text).toBe('Welcome to Shiftmeter'));
    await page!.close();
  });

  it('has no axe violations on the welcome view, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await ext.open('dashboard.html#/welcome', { colorScheme });
      await expectNoAxeViolations(page, `welcome (${colorScheme})`);
      await page.close();
    }
  });

  it('takes the whole assessment with the keyboard alone, resuming after the popup closes mid-way', async () => {
    let popup = await ext.open('popup.html');
    await tabUntil(popup, `el.dataset.questionnaire === 'production-service'`);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('fieldset');
    await eventually(() => progressText(popup), (text) => expect(text).toBe(`Part 1 of ${pageList.length}`));
    await answerPageByKeyboard(popup, 0);

    // Page 2: answer one statement pair, then close the popup as a click elsewhere would.
    const firstOfPage2 = pageList[1]!.questions[0]!;
    await answerNextByKeyboard(popup, plan.answers[firstOfPage2]!);
    // Each answer is its own storage key, written as it is given.
    const answerKey = `draft:production-service:a:${firstOfPage2}`;
    await eventually(() => popup.evaluate(async (key) => (await chrome.storage.local.get(key))[key], answerKey), (value) => expect(value).toBe(plan.answers[firstOfPage2]));
    await popup.close();

    popup = await ext.open('popup.html');
    await eventually(() => progressText(popup), (text) => expect(text).toBe(`Part 2 of ${pageList.length}`));
    await eventually(() => popup.locator(`input[name="q-${firstOfPage2}"]:checked`).getAttribute('value'), (value) => expect(value).toBe(String(plan.answers[firstOfPage2])));
    // Nothing from page 1 was lost either: go back and look.
    await popup.getByRole('button', { name: 'Back' }).click();
    await popup.waitForFunction(() => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith('Part 1 '));
    for (const item of pageList[0]!.questions) {
      await eventually(() => popup.locator(`input[name="q-${item}"]:checked`).getAttribute('value'), (value) => expect(value).toBe(String(plan.answers[item])));
    }
    await popup.getByRole('button', { name: 'Next' }).click();
    await popup.waitForFunction(() => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith('Part 2 '));
    await popup.keyboard.press('Shift+Tab'); // start tabbing from the top of the page again
    await answerPageByKeyboard(popup, 1, 1);
    // The rest of the "now" pass, then the wanted pass over the same statements.
    for (let index = 2; index < pageList.length; index++) await answerPageByKeyboard(popup, index);

    // The result agrees with the answers given.
    await eventually(() => storedData(popup), (given) => expect(Object.values(given).find((v: any) => v?.answers && v.completedAt)?.answers).toEqual(plan.answers));
    for (const entry of plan.score.dimensions) {
      await eventually(() => popup.locator(`tr[data-dimension="${entry.dimension}"] td`).allInnerTexts(), (cells) => expect(cells.slice(0, 2), entry.dimension).toEqual([String(Math.round(entry.now!)), String(Math.round(entry.wanted!))]));
    }
    await eventually(() => popup.getByTestId('overall-score').innerText(), (text) => expect(text).toBe(String(Math.round(plan.score.overall.now!))));

    // So does the stored sitting.
    const stored = await eventually(() => storedData(popup), (data) => {
      const sittings = Object.entries(data).filter(([k]) => k.startsWith('sitting:'));
      expect(sittings).toHaveLength(1);
      const [key, sitting] = sittings[0]!;
      expect(key).toBe(`sitting:${sitting.id}`);
      expect(sitting.questionnaire).toEqual({ id: 'production-service', version: questionnaire.version });
      expect(sitting.answers).toEqual(plan.answers);
      // Format 2: "wanted" per item, none per dimension, and nothing answered "does not apply".
      expect(sitting.wanted).toEqual({});
      expect(sitting.wantedItems).toEqual(plan.wantedItems);
      expect(sitting.notApplicable).toEqual([]);
      expect(Math.abs(Date.parse(sitting.completedAt) - Date.now())).toBeLessThan(10 * 60_000);
      expect(Object.keys(data).filter((k) => k.startsWith('draft:'))).toEqual([]);
      expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    });
    const [key] = Object.entries(stored).find(([k]) => k.startsWith('sitting:'))!;
    // Kept as text in storage, its compact form (src/core/storage/stored-form.ts).
    await eventually(() => storedRaw(popup), (raw) => expect(typeof raw[key]).toBe('string'));
    await popup.close();
  });

  it('refuses to go on with unanswered questions and says how many are open', async () => {
    const popup = await ext.open('popup.html');
    await popup.click('button[data-questionnaire="production-service"]');
    await popup.waitForSelector('fieldset');
    await popup.locator('fieldset').first().locator('input').nth(2).check();
    await popup.getByRole('button', { name: 'Next' }).click();
    const open = pageList[0]!.questions.length - 1; // the page's other statement pairs (format 2 asks "wanted" in a pass of its own)
    await eventually(() => popup.getByRole('alert').first().innerText(), (text) => expect(text).toContain(`${open} still open`));
    expect(await progressText(popup)).toBe(`Part 1 of ${pageList.length}`);
    // "Stop for now" goes back to the list, with the focus on its heading.
    await popup.getByRole('button', { name: 'Stop for now' }).click();
    await eventually(() => popup.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toBe('Self-assessments'));
    await popup.close();
  });

  it('has no axe violations on a question and on the result, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await ext.open('popup.html', { colorScheme });
      await page.waitForSelector('fieldset');
      await expectNoAxeViolations(page, `question (${colorScheme})`);
      // Show the validation state too.
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('alert').first().waitFor();
      await expectNoAxeViolations(page, `question with errors (${colorScheme})`);
      await page.close();
    }
    const result = await ext.open('dashboard.html#/take/production-service');
    await result.waitForSelector('fieldset');
    for (let index = 0; index < pageList.length; index++) {
      for (const fieldset of await result.locator('fieldset').all()) await fieldset.locator('input').nth(3).check();
      await result.getByRole('button', { name: index === pageList.length - 1 ? 'See my result' : 'Next' }).click();
      if (index < pageList.length - 1) await result.waitForFunction((n) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${n} `), index + 2);
    }
    await result.waitForSelector('#result-heading');
    await eventually(() => result.getByTestId('overall-score').innerText(), (text) => expect(text).toBe('50'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await result.emulateMedia({ colorScheme });
      await expectNoAxeViolations(result, `result (${colorScheme})`);
    }
    await result.close();
  });

  it('names the questionnaire being taken in a tab as its h1 and window title, with the focus on the part it starts on', async () => {
    const page = await ext.open('dashboard.html#/take');
    await page.locator('button[data-questionnaire="production-service"]').waitFor();
    expect(await page.title()).toBe('Self-assessments – Shiftmeter');
    await tabUntil(page, "el.getAttribute('data-questionnaire') === 'production-service'", 60);
    await page.keyboard.press('Enter');
    await page.waitForSelector('fieldset');
    expect(await page.locator('h1').allInnerTexts()).toEqual([questionnaire.title.en]);
    expect(await page.locator('h1').getAttribute('lang')).toBe('en');
    await eventually(() => page.title(), (title) => expect(title).toBe(`${questionnaire.title.en} – Shiftmeter`));
    // The part's own heading has the focus, not the h1 above it: the questions start there.
    await eventually(() => page.evaluate(() => document.activeElement?.className), (focused) => expect(focused).toBe('dimension-heading'));
    await expectNoAxeViolations(page, 'a questionnaire taken in a tab');
    // Back to the list: the view's own title again.
    await page.evaluate(() => { location.hash = '#/take'; });
    await eventually(() => page.title(), (title) => expect(title).toBe('Self-assessments – Shiftmeter'));
    await page.close();
  });

  it('switches the interface language in the app', async () => {
    const popup = await ext.open('popup.html');
    await popup.waitForSelector('select');
    await popup.selectOption('#language-select', 'sv');
    await popup.waitForFunction(() => document.documentElement.lang === 'sv');
    await eventually(() => popup.locator('h2').first().innerText(), (text) => expect(text).toBe('Självskattningar'));
    const dashboard = await ext.open('dashboard.html#/welcome');
    await eventually(() => dashboard.locator('h1').innerText(), (text) => expect(text).toBe('Välkommen till Shiftmeter'));
    await dashboard.selectOption('#welcome-language', 'da');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'da');
    await expectNoAxeViolations(dashboard, 'welcome in Danish');
    await popup.close();
    await dashboard.close();
  });
});
