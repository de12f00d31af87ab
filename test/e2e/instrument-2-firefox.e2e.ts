import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { itemsOf } from '../../src/core/questionnaire/types';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { toStoredItems } from '../../src/core/storage/stored-form';
import { pages, plannedAnswers, shippedQuestionnaire, type Plan, type PlannedPage } from './support/answers';
import { eventually } from './support/eventually';
import { clickButton, goTo, launchFirefox, waitForElement, waitForReadyMark, waitUntil } from './support/firefox';
import { expectNoAxeViolationsLightAndDark, storedData, storedRaw } from './support/firefox-pages';
import {
  dimensionName, expectedHistoryTable, expectedSittingScores, fieldsetId, notApplicableCase, resultCells, text, todayText, versionChangeCase, wantedHeading,
} from './support/instrument-2';

/*
 * Issue #13, instrument 2 (questionnaire format 2) in Firefox ESR: "does not apply"
 * leaves a dimension without a score and without a wanted page; the wanted pass comes
 * after every "now" page; a sitting of version 1 is charted beside version 2 after the
 * update. Every page action goes through evaluate (see ./support/firefox.ts).
 */

/** What the assessment page shows: its part, heading, and each question's fieldset id. */
const shownPage = (page: Page) => page.evaluate(() => ({
  progress: document.querySelector('label[for="assessment-progress"]')?.textContent ?? '',
  heading: document.querySelector('h2.dimension-heading')?.textContent ?? '',
  fieldsets: [...document.querySelectorAll('fieldset.scale-question')].map((set) => set.id),
}));

async function expectPart(page: Page, n: number, total: number, shown: PlannedPage, heading: string) {
  await eventually(() => shownPage(page), (seen) => expect(seen).toEqual({ progress: `Part ${n} of ${total}`, heading, fieldsets: shown.questions.map(fieldsetId) }));
}

/** Gives each question of the page shown its planned position, clicking in the page. */
async function answerPage(page: Page, shown: PlannedPage, plan: Plan) {
  const choices = shown.questions.map((question) => [fieldsetId(question), plan.position(question)] as const);
  await page.evaluate((list) => {
    for (const [id, position] of list) {
      const set = document.getElementById(id);
      const input = (position === 'n/a' ? set?.querySelector('input[value="n/a"]') : set?.querySelectorAll('input')[position - 1]) as HTMLInputElement | null | undefined;
      if (!input) throw new Error(`no input ${position} in #${id}`);
      input.click();
    }
  }, choices);
}

/** The checked value of every group on the page, in order. */
const checkedValues = (page: Page) => page.evaluate(() => [...document.querySelectorAll('fieldset.scale-question')].map((set) => (set.querySelector('input:checked') as HTMLInputElement | null)?.value ?? null));

const resultRow = (page: Page, dimension: string) => page.evaluate((id) => [...document.querySelectorAll(`[data-testid="result-table"] tr[data-dimension="${id}"] td`)].map((td) => td.textContent), dimension);

describe('instrument 2 (questionnaire format 2) in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
    await waitForReadyMark(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks "wanted" in a second pass after every "now" page: "Part 9 of 16" is the first wanted page, each pair shows today\'s answer, and "Same as today" fills the page and storage with it', async () => {
    const questionnaire = shippedQuestionnaire('production-service');
    const plan = plannedAnswers(questionnaire);
    const pageList = pages(questionnaire);
    const dimensions = questionnaire.dimensions.length;
    expect(pageList).toHaveLength(2 * dimensions);
    await goTo(page, 'popup.html');
    await waitForElement(page, 'button[data-questionnaire="production-service"]');
    await page.evaluate(() => (document.querySelector('button[data-questionnaire="production-service"]') as HTMLButtonElement).click());

    // The "now" pass: each dimension's pairs, with "does not apply" as the last radio of each group.
    for (let index = 0; index < dimensions; index++) {
      const shown = pageList[index]!;
      await expectPart(page, index + 1, 2 * dimensions, shown, dimensionName(questionnaire, shown.dimension));
      if (index === 0) {
        await eventually(
          () => page.evaluate(() => [...document.querySelectorAll('fieldset.scale-question')].map((set) => [...set.querySelectorAll('input[type="radio"]')].map((input) => `${(input as HTMLInputElement).name}=${(input as HTMLInputElement).value}`))),
          (groups) => expect(groups).toEqual(shown.questions.map((item) => [...[1, 2, 3, 4, 5, 6, 7].map((p) => `q-${item}=${p}`), `q-${item}=n/a`])),
        );
      }
      await answerPage(page, shown, plan);
      await clickButton(page, 'Next');
    }

    // Part 9 of 16: the wanted pass, on the first dimension, with today's answer under each pair and nothing chosen yet.
    const first = pageList[dimensions]!;
    expect(`Part ${dimensions + 1} of ${2 * dimensions}`).toBe('Part 9 of 16');
    await expectPart(page, dimensions + 1, 2 * dimensions, first, wantedHeading(questionnaire, first.dimension));
    const firstItems = itemsOf(questionnaire, first.dimension).map((item) => item.id);
    await eventually(() => page.evaluate(() => [...document.querySelectorAll('fieldset.scale-question .scale-now')].map((p) => p.textContent)), (shown) => expect(shown).toEqual(firstItems.map((item) => todayText(plan.answers[item]!))));
    await eventually(() => checkedValues(page), (values) => expect(values).toEqual(firstItems.map(() => null)));
    await expectNoAxeViolationsLightAndDark(page, 'first page of the wanted pass');

    // "Same as today for all of these": today's answers, on the page and in storage.
    await clickButton(page, text['assess.sameAsNow']);
    await eventually(() => checkedValues(page), (values) => expect(values).toEqual(firstItems.map((item) => String(plan.answers[item]))));
    await eventually(() => storedRaw(page), (stored) => {
      for (const item of firstItems) expect(stored[`draft:production-service:wi:${item}`], item).toBe(plan.answers[item]);
    });
    await expectNoAxeViolationsLightAndDark(page, 'wanted page filled with "Same as today"');
    await clickButton(page, 'Next');

    for (let index = dimensions + 1; index < pageList.length; index++) {
      const shown = pageList[index]!;
      await expectPart(page, index + 1, 2 * dimensions, shown, wantedHeading(questionnaire, shown.dimension));
      await answerPage(page, shown, plan);
      await clickButton(page, index === pageList.length - 1 ? 'See my result' : 'Next');
    }
    await waitForElement(page, '#result-heading');

    const wantedItems = { ...plan.wantedItems, ...Object.fromEntries(firstItems.map((item) => [item, plan.answers[item]!])) };
    const score = scoreQuestionnaire(questionnaire, { answers: plan.answers, wanted: {}, wantedItems, notApplicable: [] });
    for (const entry of score.dimensions) {
      await eventually(() => resultRow(page, entry.dimension), (cells) => expect(cells, entry.dimension).toEqual(resultCells(entry)));
    }
    await eventually(() => storedData(page), (stored) => {
      const sittings = Object.values(stored).filter((v: any) => v?.completedAt && v.questionnaire?.id === 'production-service') as any[];
      expect(sittings).toHaveLength(1);
      expect(sittings[0]).toMatchObject({ answers: plan.answers, wanted: {}, wantedItems, notApplicable: [] });
      expect(Object.keys(stored).filter((key) => key.startsWith('draft:'))).toEqual([]);
    });
  });

  it('leaves a dimension answered "does not apply" throughout without a score ("Not enough answers…", "–" in the table) and without a wanted page', async () => {
    const { questionnaire, allOut, oneOut, notApplicable, plan } = notApplicableCase();
    const pageList = pages(questionnaire, notApplicable);
    const dimensions = questionnaire.dimensions.length;
    const allOutIndex = questionnaire.dimensions.findIndex((d) => d.id === allOut);
    expect(pageList.filter((p) => p.kind === 'wanted').map((p) => p.dimension)).toEqual(questionnaire.dimensions.map((d) => d.id).filter((id) => id !== allOut));
    await goTo(page, `dashboard.html#/take/${questionnaire.id}`);

    for (let index = 0; index < dimensions; index++) {
      const shown = pageList[index]!;
      await expectPart(page, index + 1, index <= allOutIndex ? 2 * dimensions : pageList.length, shown, dimensionName(questionnaire, shown.dimension));
      await answerPage(page, shown, plan);
      if (shown.dimension === allOut) {
        await eventually(() => shownPage(page), (seen) => expect(seen.progress).toBe(`Part ${index + 1} of ${pageList.length}`));
        await eventually(() => checkedValues(page), (values) => expect(values).toEqual(['n/a', 'n/a', 'n/a']));
        await eventually(() => storedRaw(page), (stored) => {
          for (const item of shown.questions) expect(stored[`draft:${questionnaire.id}:a:${item}`], item).toBe('n/a');
        });
        await expectNoAxeViolationsLightAndDark(page, 'a page answered "does not apply" throughout');
      }
      await clickButton(page, 'Next');
    }

    for (let index = dimensions; index < pageList.length; index++) {
      const shown = pageList[index]!;
      expect(shown.dimension).not.toBe(allOut);
      await expectPart(page, index + 1, pageList.length, shown, wantedHeading(questionnaire, shown.dimension));
      if (shown.dimension === oneOut) expect(shown.questions).toHaveLength(2);
      await answerPage(page, shown, plan);
      await clickButton(page, index === pageList.length - 1 ? 'See my result' : 'Next');
    }
    await waitForElement(page, '#result-heading');

    await eventually(
      () => page.evaluate((at) => {
        const row = document.querySelectorAll('li.position-row')[at];
        return { words: row?.querySelector('.position-words')?.textContent, markers: row?.querySelectorAll('.marker').length };
      }, allOutIndex),
      (row) => expect(row).toEqual({ words: text['result.notEnough'], markers: 0 }),
    );
    await eventually(() => resultRow(page, allOut), (cells) => expect(cells).toEqual(['–', '–', '–']));
    for (const entry of plan.score.dimensions) {
      await eventually(() => resultRow(page, entry.dimension), (cells) => expect(cells, entry.dimension).toEqual(resultCells(entry)));
    }
    await eventually(() => resultRow(page, 'overall'), (cells) => expect(cells).toEqual(resultCells(plan.score.overall)));
    await eventually(() => storedData(page), (stored) => {
      const sittings = Object.values(stored).filter((v: any) => v?.completedAt && v.questionnaire?.id === questionnaire.id) as any[];
      expect(sittings).toHaveLength(1);
      expect([...sittings[0].notApplicable].sort()).toEqual([...notApplicable].sort());
      expect(sittings[0].answers).toEqual(plan.answers);
      expect(sittings[0].wantedItems).toEqual(plan.wantedItems);
    });
    await expectNoAxeViolationsLightAndDark(page, 'result with a dimension without enough answers');
  });

  it('still charts a sitting of version 1 beside version 2 after the update, says where the version changed, and opens the version-1 sitting with its own dimensions', async () => {
    const { current, v1, v1Sitting, v1Score, v2Plan, continued, dropped, added } = versionChangeCase();
    await goTo(page, 'dashboard.html#/history');
    await page.evaluate((records) => (globalThis as any).browser.storage.local.set(records), toStoredItems({ [`sitting:${v1Sitting.id}`]: v1Sitting }));

    // Version 2, taken after the update.
    await goTo(page, `dashboard.html#/take/${current.id}`);
    const pageList = pages(current);
    for (const [index, shown] of pageList.entries()) {
      await waitUntil(page, (n) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${n} `), {}, index + 1);
      await answerPage(page, shown, v2Plan);
      await clickButton(page, index === pageList.length - 1 ? 'See my result' : 'Next');
    }
    await waitForElement(page, '#result-heading');
    await eventually(() => storedData(page), (stored) => {
      const sittings = Object.values(stored).filter((v: any) => v?.completedAt && v.questionnaire?.id === current.id) as any[];
      expect(sittings.map((s) => s.questionnaire.version).sort()).toEqual([1, 2]);
    });

    await goTo(page, `dashboard.html#/history/${current.id}`);
    await waitUntil(page, () => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0, { timeout: 15_000 });
    await eventually(() => page.evaluate(() => document.querySelector('#over-time-summary')?.textContent), (summary) => expect(summary).toMatch(/^2 sittings, from /));
    await eventually(() => page.evaluate(() => document.querySelector('[data-testid="version-change"]')?.textContent ?? ''), (note) => {
      expect(note).toMatch(/^From .+, you answered version 2 of this questionnaire\. /);
      expect(note).toContain(text['history.versionJoin']);
    });
    for (const dimension of [continued, added]) {
      await page.evaluate((name) => {
        const label = [...document.querySelectorAll('fieldset.checkbox-row label')].find((l) => l.textContent?.trim() === name);
        (label?.querySelector('input') as HTMLInputElement | undefined)?.click();
      }, dimensionName(current, dimension));
    }
    await page.evaluate(() => ((document.querySelector('#over-time-heading ~ details') as HTMLDetailsElement).open = true));
    await waitForElement(page, '[data-testid="over-time-table"]');
    const expected = expectedHistoryTable(current, [continued, added], v1Score, v2Plan);
    await eventually(() => page.evaluate(() => [...document.querySelectorAll('[data-testid="over-time-table"] thead th')].map((th) => th.textContent)), (headers) => expect(headers).toEqual(expected.headers));
    await eventually(
      () => page.evaluate(() => [...document.querySelectorAll('[data-testid="over-time-table"] tbody tr')].map((row) => ({
        date: row.querySelector('th')!.textContent,
        cells: [...row.querySelectorAll('td')].map((td) => td.textContent),
      }))),
      (rows) => {
        expect(rows).toHaveLength(2);
        expect(rows[0]!.date).toMatch(/2025.* \(Version 1\)$/);
        expect(rows[1]!.date).toMatch(/ \(Version 2\)$/);
        expect(rows.map((row) => row.cells)).toEqual(expected.rows);
      },
    );
    expect(expected.rows[0]![1]).toMatch(/^\d+$/);
    expect(expected.rows[0]![2]).toBe('–');
    await expectNoAxeViolationsLightAndDark(page, 'history across a version change');

    await goTo(page, `dashboard.html#/sittings/${v1Sitting.id}`);
    await waitForElement(page, '[data-testid="sitting-scores"]');
    await eventually(() => page.evaluate(() => document.querySelectorAll('article[aria-labelledby="sitting-heading"] > p')[1]?.textContent), (line) => expect(line).toBe(`${v1.title.en} · Version 1`));
    await eventually(
      () => page.evaluate(() => [...document.querySelectorAll('[data-testid="sitting-scores"] tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))),
      (rows) => {
        expect(rows).toEqual(expectedSittingScores(v1, v1Score));
        expect(rows.map((row) => row[0])).toContain(dimensionName(v1, dropped));
      },
    );
    await expectNoAxeViolationsLightAndDark(page, 'a version-1 sitting after the update');
  });
});
