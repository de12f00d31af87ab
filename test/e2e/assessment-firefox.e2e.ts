import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { axeViolations, formatViolations } from './support/axe';
import { pages, plannedAnswers, shippedQuestionnaire } from './support/answers';
import { eventually } from './support/eventually';
import { clickButton, goTo, launchFirefox, reloadPage, selectOption, typeInto, waitForElement, waitForReadyMark, waitUntil } from './support/firefox';
import { storedData, waitForPart } from './support/firefox-pages';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { toStoredItems } from '../../src/core/storage/stored-form';
import { makeSittings } from './support/seed';
import { answerNextByKeyboard, pressButtonByKeyboard, tabUntil } from './support/keyboard';

const questionnaire = shippedQuestionnaire('production-service');
const plan = plannedAnswers(questionnaire);
const pageList = pages(questionnaire);

const progress = (page: Page) => page.evaluate(() => document.querySelector('label[for="assessment-progress"]')?.textContent ?? '');

describe('a self-assessment in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the welcome view on install, ready and without axe violations', async () => {
    await waitForReadyMark(page);
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toBe('#/welcome'));
    await eventually(() => page.evaluate(() => document.querySelector('h1')?.textContent), (text) => expect(text).toBe('Welcome to Shiftmeter'));
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('completes the assessment by keyboard in the popup page, resuming after it closes', async () => {
    await goTo(page, 'popup.html');
    await tabUntil(page, `el.dataset.questionnaire === 'production-service'`);
    await page.keyboard.press('Enter');
    await waitForPart(page, 1);
    // Every "now" page, then the wanted pass over the same statements.
    for (let index = 0; index < pageList.length; index++) {
      const { questions } = pageList[index]!;
      for (const question of questions) await answerNextByKeyboard(page, plan.position(question) as number);
      if (index === 2) {
        // Leave mid-way, as a popup does when the person clicks elsewhere, and come back.
        await goTo(page, 'dashboard.html#/welcome');
        await goTo(page, 'popup.html');
        await eventually(() => progress(page), (text) => expect(text).toBe(`Part 3 of ${pageList.length}`));
        await eventually(() => page.evaluate((id) => (document.querySelector(`input[name="q-${id}"]:checked`) as HTMLInputElement | null)?.value, questions[0]!), (value) => expect(value).toBe(String(plan.answers[questions[0]!])));
      }
      const last = index === pageList.length - 1;
      await pressButtonByKeyboard(page, last ? 'See my result' : 'Next');
      if (!last) await waitForPart(page, index + 2);
    }
    await waitForElement(page, '#result-heading');
    await eventually(() => page.evaluate(() => document.querySelector('[data-testid="overall-score"]')?.textContent), (overall) => expect(overall).toBe(String(Math.round(plan.score.overall.now!))));
    for (const entry of plan.score.dimensions) {
      await eventually(
        () => page.evaluate((id) => [...document.querySelectorAll(`tr[data-dimension="${id}"] td`)].map((td) => td.textContent), entry.dimension),
        (cells) => expect(cells.slice(0, 2), entry.dimension).toEqual([String(Math.round(entry.now!)), String(Math.round(entry.wanted!))]),
      );
    }
    await eventually(
      () => storedData(page),
      (stored) => {
        const sittings = Object.keys(stored).filter((key) => key.startsWith('sitting:')).map((key) => stored[key]);
        expect(sittings).toHaveLength(1);
        expect(sittings[0].questionnaire).toEqual({ id: 'production-service', version: questionnaire.version });
        expect(sittings[0].answers).toEqual(plan.answers);
        // Format 2: "wanted" per item, none per dimension, and nothing answered "does not apply".
        expect(sittings[0].wanted).toEqual({});
        expect(sittings[0].wantedItems).toEqual(plan.wantedItems);
        expect(sittings[0].notApplicable).toEqual([]);
        expect(Object.keys(stored).filter((key) => key.startsWith('draft:'))).toEqual([]);
      },
    );
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('charts the sittings in the dashboard, keeps a note across a reload, undoes a delete and sets a reminder alarm', async () => {
    // A second sitting, taken in the dashboard by clicking.
    await goTo(page, 'dashboard.html#/take/production-service');
    // The page's h1 and window title name the questionnaire being taken.
    await waitForElement(page, 'fieldset.scale-question');
    expect(await page.evaluate(() => [[...document.querySelectorAll('h1')].map((h) => h.textContent), document.title])).toEqual([[questionnaire.title.en], `${questionnaire.title.en} – Shiftmeter`]);
    for (let index = 0; index < pageList.length; index++) {
      await page.evaluate(() => document.querySelectorAll('fieldset.scale-question').forEach((set) => (set.querySelectorAll('input')[5] as HTMLInputElement).click()));
      const label = index === pageList.length - 1 ? 'See my result' : 'Next';
      await clickButton(page, label);
      if (index < pageList.length - 1) await waitForPart(page, index + 2);
    }
    await waitForElement(page, '#result-heading');
    const sittings = await eventually(
      async () => Object.values(await storedData(page)).filter((v: any) => v?.completedAt).sort((a: any, b: any) => a.completedAt.localeCompare(b.completedAt)),
      (found) => expect(found).toHaveLength(2),
    );

    await goTo(page, 'dashboard.html#/history');
    await waitUntil(page, () => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0, { timeout: 15_000 });
    await page.evaluate(() => ((document.querySelector('#over-time-heading ~ details') as HTMLDetailsElement).open = true));
    await waitForElement(page, '[data-testid="over-time-table"]');
    await eventually(
      () => page.evaluate(() => [...document.querySelectorAll('[data-testid="over-time-table"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))),
      (rows) => expect(rows).toEqual(sittings.map((sitting: any) => {
        const score = scoreQuestionnaire(questionnaire, sitting);
        return [String(Math.round(score.overall.now!)), String(Math.round(score.overall.wanted!))];
      })),
    );
    let violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    const id = (sittings[0] as any).id as string;
    await goTo(page, `dashboard.html#/sittings/${id}`);
    await waitForElement(page, '#note');
    await typeInto(page, '#note', 'Firefox note');
    await waitUntil(page, () => document.getElementById('note-status')?.textContent === 'Note saved.');
    await reloadPage(page);
    await waitUntil(page, () => (document.getElementById('note') as HTMLTextAreaElement | null)?.value === 'Firefox note', { timeout: 15_000 });

    await clickButton(page, 'Delete this sitting');
    await waitUntil(page, () => document.querySelectorAll('[data-testid="sittings-table"] tbody tr').length === 1);
    await eventually(() => storedData(page), (data) => expect(data[`sitting:${id}`]).toBeUndefined());
    await clickButton(page, 'Undo');
    await waitUntil(page, () => document.querySelectorAll('[data-testid="sittings-table"] tbody tr').length === 2);
    await eventually(() => storedData(page), (data) => expect(data[`note:${id}`].text).toBe('Firefox note'));

    await goTo(page, 'dashboard.html#/settings');
    await selectOption(page, '#cadence-production-service', 'quarterly');
    await waitUntil(page, () => (globalThis as any).browser.alarms.getAll().then((alarms: any[]) => alarms.some((a) => a.name === 'reminder:production-service')), { timeout: 15_000 });
    violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('picks the sittings to compare by year, then by date and time, with the keyboard alone', async () => {
    // Twelve sittings of another questionnaire over several years.
    const other = shippedQuestionnaire('silos-joined-up');
    const start = Date.parse('2023-03-01T09:00:00.000Z');
    const seeded = makeSittings(other, 12, start);
    await page.evaluate((items) => (globalThis as any).browser.storage.local.set(items), toStoredItems(seeded));
    const byYear = new Map<number, string[]>();
    for (const sitting of Object.values(seeded) as { id: string; completedAt: string }[]) {
      const year = new Date(sitting.completedAt).getFullYear();
      byYear.set(year, [...(byYear.get(year) ?? []), sitting.id]);
    }
    const [firstYear, firstIds] = [...byYear.entries()][0]!;

    await goTo(page, `dashboard.html#/history/${other.id}`);
    await waitForElement(page, '#compare-earlier-year');
    const values = (selector: string) => page.evaluate((s) => [...document.querySelectorAll<HTMLOptionElement>(`${s} option`)].map((o) => o.value), selector);
    expect(await values('#compare-earlier-year')).toEqual([...byYear.keys()].map(String));
    await page.focus('#compare-earlier-year');
    await page.keyboard.press('Home');
    await eventually(() => page.evaluate(() => (document.getElementById('compare-earlier') as HTMLSelectElement).value), (value) => expect(value).toBe(firstIds.at(-1)));
    expect(await values('#compare-earlier')).toEqual(firstIds);
    expect(await page.evaluate(() => (document.getElementById('compare-earlier-year') as HTMLSelectElement).value)).toBe(String(firstYear));
    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('compare-earlier'));
    await page.keyboard.press('Home');
    await eventually(() => page.evaluate(() => (document.getElementById('compare-earlier') as HTMLSelectElement).value), (value) => expect(value).toBe(firstIds[0]));
    const picked = await page.evaluate(() => (document.querySelector('#compare-earlier option:checked') as HTMLOptionElement).textContent);
    await eventually(() => page.evaluate(() => document.querySelector('[data-testid="comparison-table"] thead')?.textContent ?? ''), (text) => expect(text).toContain(picked));
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
