import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { eventually } from './support/eventually';
import { clickButton, goTo, launchFirefox, waitForElement, waitUntil } from './support/firefox';
import { expectNoAxeViolationsLightAndDark, storedData, waitForPart } from './support/firefox-pages';
import { pressButtonByKeyboard } from './support/keyboard';

/*
 * Issue #15 in Firefox ESR: the popup shows a returning person's last result and open
 * action, the dashboard opens on the overview, and the next sitting asks how the action
 * went first. Every page action goes through evaluate (see ./support/firefox.ts).
 */

const ID = 'production-service';

/** Answers every page of the open questionnaire by clicking, to the result: the n-th question shown gets position 1 + (n × step) mod 7. */
async function takeWithClicks(page: Page, step: number) {
  let shown = 0;
  for (;;) {
    await waitForElement(page, 'fieldset.scale-question');
    shown = await page.evaluate((first, by) => {
      const sets = document.querySelectorAll('fieldset.scale-question');
      sets.forEach((set, i) => (set.querySelectorAll('input')[(first + i) * by % 7] as HTMLInputElement).click());
      return first + sets.length;
    }, shown, step);
    const last = await page.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'See my result'));
    const part = await page.evaluate(() => Number(/^Part (\d+) /.exec(document.querySelector('label[for="assessment-progress"]')?.textContent ?? '')?.[1]));
    await clickButton(page, last ? 'See my result' : 'Next');
    if (last) break;
    await waitForPart(page, part + 1);
  }
  await waitForElement(page, '#result-heading');
}

const rowText = (page: Page, id: string) => page.evaluate((qid) => (document.querySelector(`button[data-questionnaire="${qid}"]`)?.closest('li') as HTMLElement | null)?.innerText ?? '', id);

describe('a returning person in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees the last result and the open action, the overview, and is asked about the action first at the next sitting', async () => {
    await goTo(page, 'popup.html');
    await page.evaluate((qid) => (document.querySelector(`button[data-questionnaire="${qid}"]`) as HTMLButtonElement).click(), ID);
    await takeWithClicks(page, 3);

    // The action step, by keyboard: the suggested dimension's box, its text, its date.
    await waitForElement(page, '#plan-heading');
    await page.evaluate(() => {
      const label = [...document.querySelectorAll('.action-plan fieldset label')].find((l) => l.textContent?.includes('(suggested')) as HTMLLabelElement;
      label.querySelector('input')!.focus();
    });
    await page.keyboard.press(' ');
    await waitForElement(page, '.action-entry textarea');
    await page.evaluate(() => (document.querySelector('.action-entry textarea') as HTMLTextAreaElement).focus());
    await page.keyboard.type('Map one case from start to end with the person');
    await page.keyboard.press('Tab');
    // The value and its change event in one step, as a person's entry gives them: between two
    // driver calls the page may render, and a controlled field then shows its state again.
    await page.evaluate(() => {
      const field = document.querySelector('.action-entry input[type="date"]') as HTMLInputElement;
      field.value = '2031-06-30';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await eventually(() => storedData(page), (stored) => {
      expect(stored[`actions:${ID}`]?.actions).toHaveLength(1);
      expect(stored[`actions:${ID}`].actions[0]).toMatchObject({ text: 'Map one case from start to end with the person', by: '2031-06-30T12:00:00.000Z' });
    });
    await expectNoAxeViolationsLightAndDark(page, 'result with the action step');
    // (Tab inside a date field moves between its day, month and year: the button is clicked.)
    await clickButton(page, 'Done');

    // The list: when, where the unit stands, and the open action.
    await waitForElement(page, 'li.questionnaire-row');
    await eventually(() => rowText(page, ID), (text) => {
      expect(text).toMatch(/Last taken .+ · now \d+, wanted \d+/);
      expect(text).toContain('1 open action');
    });
    await expectNoAxeViolationsLightAndDark(page, 'popup, returning');

    // The dashboard, with no view named, opens on the overview.
    await goTo(page, 'dashboard.html#/');
    await eventually(() => page.evaluate(() => document.querySelector('h1')?.textContent), (text) => expect(text).toBe('Overview'));
    await eventually(() => page.evaluate(() => document.querySelector('.action-list')?.textContent ?? ''), (text) => expect(text).toContain('Map one case from start to end with the person'));
    await expectNoAxeViolationsLightAndDark(page, 'overview');

    // The next sitting asks how it went first; the answer is stored as it is given.
    await goTo(page, 'popup.html');
    await page.evaluate((qid) => (document.querySelector(`button[data-questionnaire="${qid}"]`) as HTMLButtonElement).click(), ID);
    await waitUntil(page, () => document.getElementById('review-heading')?.textContent === 'How did it go?');
    await expectNoAxeViolationsLightAndDark(page, 'how did it go');
    await page.evaluate(() => (document.querySelector('.review-statuses input[value="done"]') as HTMLInputElement).click());
    await eventually(() => storedData(page), (stored) => expect(stored[`actions:${ID}`].actions[0].review).toMatchObject({ status: 'done', note: '' }));
    await clickButton(page, 'Continue to the questions');
    await takeWithClicks(page, 5);
    await pressButtonByKeyboard(page, 'Done');
    await waitForElement(page, 'li.questionnaire-row');
    await eventually(() => rowText(page, ID), (text) => {
      expect(text).toMatch(/\d+ points? towards .+ since /);
      expect(text).not.toContain('open action');
    });
  });
});
