import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itemsOf } from '../../src/core/questionnaire/types';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { toStoredItems } from '../../src/core/storage/stored-form';
import { pages, plannedAnswers, positionsInOrder, shippedQuestionnaire, type PlannedPage, type Plan } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import {
  dimensionName, expectedHistoryTable, expectedSittingScores, fieldsetId, notApplicableCase, resultCells, text, todayText, versionChangeCase, wantedHeading,
} from './support/instrument-2';
import { storedRaw, storedRecords } from './support/stored';
import { takeByClicks } from './support/take-by-clicks';

/*
 * Issue #13, instrument 2 (questionnaire format 2) in Chromium: "does not apply" leaves a
 * dimension without a score and without a wanted page; the wanted pass comes after every
 * "now" page; a sitting of version 1 is charted beside version 2 after the update; and a
 * profile questionnaire shows its two axes.
 */

async function expectNoAxeViolationsLightAndDark(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    expect(violations, `${what} (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const progress = (page: Page) => page.locator('label[for="assessment-progress"]').innerText();
const heading = (page: Page) => page.locator('h2.dimension-heading').innerText();
const fieldsetIds = (page: Page) => page.locator('fieldset.scale-question').evaluateAll((sets) => sets.map((set) => set.id));

/** Gives each question of the page shown its planned position, by clicks ("does not apply" included). */
async function answerPage(page: Page, shown: PlannedPage, plan: Plan): Promise<void> {
  for (const question of shown.questions) {
    const position = plan.position(question);
    const fieldset = page.locator(`#${fieldsetId(question)}`);
    await (position === 'n/a' ? fieldset.locator('input[value="n/a"]') : fieldset.locator('input').nth(position - 1)).check();
  }
}

/** Waits for part `n` of `total`, with the page's heading and its questions as planned. */
async function expectPart(page: Page, n: number, total: number, shown: PlannedPage, headingText: string): Promise<void> {
  await eventually(() => progress(page), (label) => expect(label).toBe(`Part ${n} of ${total}`));
  await eventually(() => heading(page), (shownHeading) => expect(shownHeading).toBe(headingText));
  await eventually(() => fieldsetIds(page), (ids) => expect(ids).toEqual(shown.questions.map(fieldsetId)));
}

async function next(page: Page, label: 'Next' | 'See my result' = 'Next'): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** The cells of the result table's row for a dimension (or "overall"). */
const resultRow = (page: Page, dimension: string) => page.locator(`[data-testid="result-table"] tr[data-dimension="${dimension}"] td`).allInnerTexts();

describe('instrument 2 (questionnaire format 2) in Chromium', () => {
  let ext: ChromiumExtension;

  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('asks "wanted" in a second pass after every "now" page: "Part 9 of 16" is the first wanted page, each pair shows today\'s answer, and "Same as today" fills the page and storage with it', async () => {
    const questionnaire = shippedQuestionnaire('production-service');
    const plan = plannedAnswers(questionnaire);
    const pageList = pages(questionnaire);
    const dimensions = questionnaire.dimensions.length;
    expect(pageList).toHaveLength(2 * dimensions);
    const popup = await ext.open('popup.html');
    await popup.click('button[data-questionnaire="production-service"]');

    // The "now" pass: one page per dimension, its statement pairs only, each with "does not apply" as the last radio of its group.
    for (let index = 0; index < dimensions; index++) {
      const shown = pageList[index]!;
      expect(shown.kind).toBe('now');
      await expectPart(popup, index + 1, 2 * dimensions, shown, dimensionName(questionnaire, shown.dimension));
      await eventually(() => popup.locator('fieldset.scale-question').evaluateAll((sets) => sets.map((set) => [...set.querySelectorAll('input[type="radio"]')].map((input) => `${(input as HTMLInputElement).name}=${(input as HTMLInputElement).value}`))), (groups) => {
        expect(groups).toEqual(shown.questions.map((item) => [...[1, 2, 3, 4, 5, 6, 7].map((p) => `q-${item}=${p}`), `q-${item}=n/a`]));
      });
      if (index === 0) {
        await eventually(() => popup.locator('.scale-not-applicable').allInnerTexts(), (labels) => expect(labels).toEqual(shown.questions.map(() => text['assess.notApplicable'])));
      }
      await answerPage(popup, shown, plan);
      await next(popup);
    }

    // The wanted pass starts after the last "now" page, on the first dimension.
    const first = pageList[dimensions]!;
    expect(first).toMatchObject({ kind: 'wanted', dimension: questionnaire.dimensions[0]!.id });
    await expectPart(popup, dimensions + 1, 2 * dimensions, first, wantedHeading(questionnaire, first.dimension));
    expect(`Part ${dimensions + 1} of ${2 * dimensions}`).toBe('Part 9 of 16');
    const firstItems = itemsOf(questionnaire, first.dimension).map((item) => item.id);
    // The same pairs again, as groups of their own with seven positions (no "does not apply"), and today's answer under each.
    await eventually(() => popup.locator('fieldset.scale-question').evaluateAll((sets) => sets.map((set) => [...set.querySelectorAll('input')].map((input) => (input as HTMLInputElement).name))), (groups) => {
      expect(groups).toEqual(firstItems.map((item) => Array(7).fill(`q-wanted-${item}`)));
    });
    await eventually(() => popup.locator('fieldset.scale-question .scale-now').allInnerTexts(), (shown) => expect(shown).toEqual(firstItems.map((item) => todayText(plan.answers[item]!))));
    await eventually(() => popup.locator('fieldset.scale-question input:checked').count(), (n) => expect(n).toBe(0));
    await expectNoAxeViolationsLightAndDark(popup, 'first page of the wanted pass');

    // "Same as today for all of these" chooses today's answer for each pair, and stores each as the pair's wanted.
    await popup.getByRole('button', { name: text['assess.sameAsNow'] }).click();
    for (const item of firstItems) {
      await eventually(() => popup.locator(`input[name="q-wanted-${item}"]:checked`).getAttribute('value'), (value) => expect(value).toBe(String(plan.answers[item])));
    }
    await eventually(() => storedRaw(popup), (stored) => {
      for (const item of firstItems) expect(stored[`draft:production-service:wi:${item}`], item).toBe(plan.answers[item]);
    });
    await expectNoAxeViolationsLightAndDark(popup, 'wanted page filled with "Same as today"');

    // Back leads to the last "now" page, whose answers are kept; Next returns to the wanted page as it was left.
    await popup.getByRole('button', { name: 'Back', exact: true }).click();
    await expectPart(popup, dimensions, 2 * dimensions, pageList[dimensions - 1]!, dimensionName(questionnaire, pageList[dimensions - 1]!.dimension));
    for (const item of pageList[dimensions - 1]!.questions) {
      await eventually(() => popup.locator(`input[name="q-${item}"]:checked`).getAttribute('value'), (value) => expect(value).toBe(String(plan.answers[item])));
    }
    await next(popup);
    await expectPart(popup, dimensions + 1, 2 * dimensions, first, wantedHeading(questionnaire, first.dimension));
    await eventually(() => popup.locator('fieldset.scale-question input:checked').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)), (values) => expect(values).toEqual(firstItems.map((item) => String(plan.answers[item]))));
    await next(popup);

    // The rest of the wanted pass, a page per dimension in order.
    for (let index = dimensions + 1; index < pageList.length; index++) {
      const shown = pageList[index]!;
      await expectPart(popup, index + 1, 2 * dimensions, shown, wantedHeading(questionnaire, shown.dimension));
      await answerPage(popup, shown, plan);
      await next(popup, index === pageList.length - 1 ? 'See my result' : 'Next');
    }
    await popup.waitForSelector('#result-heading');

    // The result and the stored sitting count the first dimension's wanted as today's answers.
    const wantedItems = { ...plan.wantedItems, ...Object.fromEntries(firstItems.map((item) => [item, plan.answers[item]!])) };
    const score = scoreQuestionnaire(questionnaire, { answers: plan.answers, wanted: {}, wantedItems, notApplicable: [] });
    for (const entry of score.dimensions) {
      await eventually(() => resultRow(popup, entry.dimension), (cells) => expect(cells, entry.dimension).toEqual(resultCells(entry)));
    }
    await eventually(() => storedRecords(popup), (stored) => {
      const sittings = Object.values(stored).filter((v: any) => v?.completedAt && v.questionnaire?.id === 'production-service') as any[];
      expect(sittings).toHaveLength(1);
      expect(sittings[0]).toMatchObject({ answers: plan.answers, wanted: {}, wantedItems, notApplicable: [] });
      expect(Object.keys(stored).filter((key) => key.startsWith('draft:'))).toEqual([]);
    });
    await popup.close();
  });

  it('leaves a dimension answered "does not apply" throughout without a score ("Not enough answers…", "–" in the table) and without a wanted page', async () => {
    const { questionnaire, allOut, oneOut, notApplicable, plan } = notApplicableCase();
    const pageList = pages(questionnaire, notApplicable);
    const dimensions = questionnaire.dimensions.length;
    // Every dimension but one gets a wanted page.
    expect(pageList.filter((p) => p.kind === 'wanted').map((p) => p.dimension)).toEqual(questionnaire.dimensions.map((d) => d.id).filter((id) => id !== allOut));
    const page = await ext.open(`dashboard.html#/take/${questionnaire.id}`);
    const allOutIndex = questionnaire.dimensions.findIndex((d) => d.id === allOut);

    for (let index = 0; index < dimensions; index++) {
      const shown = pageList[index]!;
      // Until the dimension's items are answered "does not apply", it still counts a wanted page.
      const total = index <= allOutIndex ? 2 * dimensions : pageList.length;
      await expectPart(page, index + 1, total, shown, dimensionName(questionnaire, shown.dimension));
      await answerPage(page, shown, plan);
      if (shown.dimension === allOut) {
        // The page count drops as soon as the dimension can no longer be scored.
        await eventually(() => progress(page), (label) => expect(label).toBe(`Part ${index + 1} of ${pageList.length}`));
        await eventually(() => page.locator('fieldset.scale-question input[value="n/a"]:checked').count(), (n) => expect(n).toBe(3));
        await eventually(() => storedRaw(page), (stored) => {
          for (const item of shown.questions) expect(stored[`draft:${questionnaire.id}:a:${item}`], item).toBe('n/a');
        });
        await expectNoAxeViolationsLightAndDark(page, 'a page answered "does not apply" throughout');
      }
      await next(page);
    }

    // The wanted pass skips the dimension; the one with a single "does not apply" asks for its two other pairs.
    for (let index = dimensions; index < pageList.length; index++) {
      const shown = pageList[index]!;
      expect(shown.dimension).not.toBe(allOut);
      await expectPart(page, index + 1, pageList.length, shown, wantedHeading(questionnaire, shown.dimension));
      if (shown.dimension === oneOut) {
        expect(shown.questions).toHaveLength(2);
        await eventually(() => page.locator('fieldset.scale-question .scale-label').allInnerTexts(), (labels) => expect(labels).toEqual(['Statement pair 1 of 2', 'Statement pair 2 of 2']));
      }
      await answerPage(page, shown, plan);
      await next(page, index === pageList.length - 1 ? 'See my result' : 'Next');
    }
    await page.waitForSelector('#result-heading');

    // The dimension says why it has no score, shows no marker, and its row in the table is all dashes.
    const rows = page.locator('li.position-row');
    await eventually(() => rows.nth(allOutIndex).locator('.position-words').innerText(), (words) => expect(words).toBe(text['result.notEnough']));
    await eventually(() => rows.nth(allOutIndex).locator('.marker').count(), (n) => expect(n).toBe(0));
    await eventually(() => resultRow(page, allOut), (cells) => expect(cells).toEqual(['–', '–', '–']));
    // The one with two answered pairs keeps its score; every other row and the overall score (mean of the dimensions with a score) match the plan.
    expect(plan.score.dimensions.find((d) => d.dimension === oneOut)).toMatchObject({ answered: 2, notApplicable: 1 });
    for (const entry of plan.score.dimensions) {
      await eventually(() => resultRow(page, entry.dimension), (cells) => expect(cells, entry.dimension).toEqual(resultCells(entry)));
    }
    await eventually(() => resultRow(page, 'overall'), (cells) => expect(cells).toEqual(resultCells(plan.score.overall)));
    await eventually(() => page.getByTestId('overall-score').innerText(), (shown) => expect(shown).toBe(String(Math.round(plan.score.overall.now!))));
    await eventually(() => storedRecords(page), (stored) => {
      const sittings = Object.values(stored).filter((v: any) => v?.completedAt && v.questionnaire?.id === questionnaire.id) as any[];
      expect(sittings).toHaveLength(1);
      expect([...sittings[0].notApplicable].sort()).toEqual([...notApplicable].sort());
      expect(sittings[0].answers).toEqual(plan.answers);
      expect(sittings[0].wantedItems).toEqual(plan.wantedItems);
      expect(sittings[0].wanted).toEqual({});
    });
    await expectNoAxeViolationsLightAndDark(page, 'result with a dimension without enough answers');
    // The sitting's own page says which statements did not apply, and each answer's wanted.
    const sitting = (Object.values(await storedRecords(page)).find((v: any) => v?.completedAt && v.questionnaire?.id === questionnaire.id)) as any;
    await page.goto(page.url().replace(/#.*/, `#/sittings/${sitting.id}`));
    await page.locator('details.table-toggle summary').first().click();
    await eventually(() => page.locator('.answer-position').allInnerTexts(), (shown) => {
      expect(shown.filter((line) => line === 'Does not apply to my unit')).toHaveLength(notApplicable.length);
      expect(shown.some((line) => line.includes('Wanted: '))).toBe(true);
    });
    await page.close();
  });

  it('still charts a sitting of version 1 beside version 2 after the update, says where the version changed, and opens the version-1 sitting with its own dimensions', async () => {
    const { current, v1, v1Sitting, v1Score, v2Plan, continued, dropped, added } = versionChangeCase();
    const page = await ext.open('dashboard.html#/history');
    await page.evaluate((records) => chrome.storage.local.set(records), toStoredItems({ [`sitting:${v1Sitting.id}`]: v1Sitting }));
    // Version 2, taken after the update.
    await page.goto(page.url().replace(/#.*/, `#/take/${current.id}`));
    await takeByClicks(page, (index) => positionsInOrder(current, v2Plan)[index]!);
    await eventually(() => storedRecords(page), (stored) => {
      const sittings = Object.values(stored).filter((v: any) => v?.completedAt && v.questionnaire?.id === current.id) as any[];
      expect(sittings.map((s) => s.questionnaire.version).sort()).toEqual([1, 2]);
      expect(sittings.find((s) => s.questionnaire.version === 2)).toMatchObject({ answers: v2Plan.answers, wantedItems: v2Plan.wantedItems });
    });

    await page.goto(page.url().replace(/#.*/, `#/history/${current.id}`));
    await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0);
    await eventually(() => page.locator('#over-time-summary').innerText(), (summary) => expect(summary).toMatch(/^2 sittings, from /));
    await eventually(() => page.getByTestId('version-change').innerText(), (note) => {
      expect(note).toMatch(/^From .+, you answered version 2 of this questionnaire\. /);
      expect(note).toContain(text['history.versionJoin']);
    });
    // A dimension that continues and one new in version 2, beside the overall line.
    await page.getByLabel(dimensionName(current, continued), { exact: true }).check();
    await page.getByLabel(dimensionName(current, added), { exact: true }).check();
    await eventually(() => page.locator('section[aria-labelledby="over-time-heading"] canvas[role="img"]').getAttribute('aria-label'), (label) => {
      expect(label).toContain(dimensionName(current, continued));
      expect(label).toContain(dimensionName(current, added));
    });
    await page.locator('#over-time-heading ~ details summary').first().click();
    const expected = expectedHistoryTable(current, [continued, added], v1Score, v2Plan);
    await eventually(() => page.locator('[data-testid="over-time-table"] thead th').allInnerTexts(), (headers) => expect(headers).toEqual(expected.headers));
    await eventually(() => page.locator('[data-testid="over-time-table"] tbody tr').evaluateAll((rows) => rows.map((row) => ({
      date: row.querySelector('th')!.textContent,
      cells: [...row.querySelectorAll('td')].map((td) => td.textContent),
    }))), (rows) => {
      expect(rows).toHaveLength(2);
      expect(rows[0]!.date).toMatch(/2025.* \(Version 1\)$/);
      expect(rows[1]!.date).toMatch(/ \(Version 2\)$/);
      expect(rows.map((row) => row.cells)).toEqual(expected.rows);
    });
    // The continued dimension has a figure in both rows; the new one has none for version 1.
    expect(expected.rows[0]![1]).toMatch(/^\d+$/);
    expect(expected.rows[0]![2]).toBe('–');
    await expectNoAxeViolationsLightAndDark(page, 'history across a version change');

    // The version-1 sitting's own page, in version 1's terms.
    await page.goto(page.url().replace(/#.*/, `#/sittings/${v1Sitting.id}`));
    await eventually(() => page.locator('#sitting-heading').count(), (n) => expect(n).toBe(1));
    await eventually(() => page.locator('article[aria-labelledby="sitting-heading"] > p').nth(1).innerText(), (line) => expect(line).toBe(`${v1.title.en} · Version 1`));
    await eventually(() => page.locator('[data-testid="sitting-scores"] tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))), (rows) => {
      expect(rows).toEqual(expectedSittingScores(v1, v1Score));
      expect(rows.map((row) => row[0])).toContain(dimensionName(v1, dropped));
    });
    await expect(page.getByText(text['sittings.versionGone']).count()).resolves.toBe(0);
    await expectNoAxeViolationsLightAndDark(page, 'a version-1 sitting after the update');
    await page.close();
  });

  it('shows innovation-orientation\'s result as a profile on its two axes, with no overall score', async () => {
    const questionnaire = shippedQuestionnaire('innovation-orientation');
    const plan = plannedAnswers(questionnaire);
    expect(questionnaire.axes?.map((axis) => axis.id)).toEqual(['direction', 'certainty']);
    const popup = await ext.open('popup.html');
    await popup.click(`button[data-questionnaire="${questionnaire.id}"]`);
    await takeByClicks(popup, (index) => positionsInOrder(questionnaire, plan)[index]!);
    await eventually(() => popup.locator('[data-testid="profile-table"] tbody tr').evaluateAll((rows) => rows.map((row) => ({
      axis: row.getAttribute('data-axis'),
      name: row.querySelector('th')!.textContent,
      cells: [...row.querySelectorAll('td')].map((td) => td.textContent),
    }))), (rows) => {
      expect(rows).toEqual(plan.score.axes!.map((entry) => {
        const axis = questionnaire.axes!.find((a) => a.id === entry.axis)!;
        return { axis: entry.axis, name: `${axis.name.en} (${axis.from.en} – ${axis.to.en})`, cells: resultCells(entry) };
      }));
    });
    expect(plan.score.axes!.every((axis) => axis.now !== null && axis.wanted !== null)).toBe(true);
    await expect(popup.getByTestId('overall-score').count()).resolves.toBe(0);
    // The dimension table lists the six dimensions and no overall row.
    await eventually(() => popup.locator('[data-testid="result-table"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-dimension'))), (ids) => {
      expect(ids).toEqual(questionnaire.dimensions.map((d) => d.id));
    });
    await expectNoAxeViolationsLightAndDark(popup, 'profile result');
    await popup.close();
  });
});
