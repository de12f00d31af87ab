import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { CoursePack } from '../../src/core/pack/types';
import { pages, plannedAnswers, shippedQuestionnaire } from './support/answers';
import { eventually } from './support/eventually';
import { launchFirefox, show, waitForElement, waitForReadyMark, waitUntil } from './support/firefox';
import { expectNoAxeViolationsLightAndDark, storedData } from './support/firefox-pages';
import { answerNextByKeyboard, pressButtonByKeyboard, tabUntil } from './support/keyboard';

const pack = JSON.parse(readFileSync('questionnaires/pack-asymmetries.json', 'utf8')) as CoursePack;
const questionnaire = shippedQuestionnaire(pack.questionnaire as string);
const plan = plannedAnswers(questionnaire);
const sort = pack.exercises[0]!;
if (sort.kind !== 'sort') throw new Error('pack-asymmetries starts with a sort exercise');

const text = (page: Page, selector: string) => page.evaluate((css) => (document.querySelector(css) as HTMLElement | null)?.innerText ?? null, selector);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('course packs in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
    await waitForReadyMark(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the statements that are off, takes the self-assessment from the course by keyboard and back, and sums it up with the name', async () => {
    await show(page, '#/courses/pack-asymmetries');
    await waitForElement(page, '.exercise');
    await eventually(() => focusedId(page), (id) => expect(id).toBe('pack-heading'));

    // The sort exercise by keyboard, with the statements shown second and seventh on the wrong side.
    // Each browser shows them in its own order: they are found by their text, numbered as shown.
    const legends = await page.evaluate((id) => [...document.querySelectorAll(`section.exercise[data-exercise="${id}"] fieldset.sort-statement legend`)].map((legend) => (legend as HTMLElement).innerText.trim()), sort.id);
    const shown = legends.map((legend, index) => {
      const [, number, statementText] = /^(\d+)\.\s+(.*)$/s.exec(legend) ?? [];
      expect(Number(number), legend).toBe(index + 1);
      const statement = sort.statements.find((s) => s.text.en === statementText);
      if (!statement) throw new Error(`No statement reads “${statementText}”`);
      return statement;
    });
    expect(shown.map((s) => s.id).sort()).toEqual(sort.statements.map((s) => s.id).sort());
    const wrong = new Set([1, 6]);
    for (const [index, statement] of shown.entries()) {
      const right = statement.pole === 'from' ? 1 : 2;
      await answerNextByKeyboard(page, wrong.has(index) ? 3 - right : right);
    }
    await pressButtonByKeyboard(page, 'Check my answer');
    const exercise = `section.exercise[data-exercise="${sort.id}"]`;
    await eventually(() => text(page, `${exercise} [data-testid="check-status"]`), (status) => expect(status).toBe('Checked: 6 of 8 match.'));
    await eventually(() => focusedId(page), (id) => expect(id).toBe(`feedback-${sort.id}`));
    await eventually(() => text(page, `${exercise} [data-testid="verdict"]`), (verdict) => expect(verdict).toBe('2 of 8 are on the other side: statements 2 and 7. Each is marked in the exercise above and explained below.'));
    await eventually(
      () => page.evaluate((css) => [...document.querySelectorAll(`${css} fieldset.item-off`)].map((set) => [set.getAttribute('data-statement'), set.querySelector('[data-testid="item-mark"]')?.textContent]), exercise),
      (marks) => expect(marks).toEqual([...wrong].map((index) => [shown[index]!.id, `✗ On the other side: it belongs with ${pack.poles[shown[index]!.pole].en}`])),
    );
    await expectNoAxeViolationsLightAndDark(page, 'feedback with marked items');

    // The self-assessment, from the course, by keyboard.
    await tabUntil(page, `el.dataset.take === '${questionnaire.id}'`);
    await page.keyboard.press('Enter');
    await waitUntil(page, () => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith('Part 1 '));
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toBe(`#/take/${questionnaire.id}/course/pack-asymmetries`));
    const pageList = pages(questionnaire);
    // Every "now" page, then the wanted pass over the same statements.
    for (const [index, { questions }] of pageList.entries()) {
      for (const question of questions) await answerNextByKeyboard(page, plan.position(question) as number);
      const last = index === pageList.length - 1;
      await pressButtonByKeyboard(page, last ? 'See my result' : 'Next');
      if (!last) await waitUntil(page, (n) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${n} `), {}, index + 2);
    }
    await waitForElement(page, '#result-heading');
    const stored = await eventually(() => storedData(page), (data) => expect(data['pack-sitting:pack-asymmetries']).toMatchObject({ packId: 'pack-asymmetries', questionnaireId: questionnaire.id }));
    expect(stored[`sitting:${stored['pack-sitting:pack-asymmetries'].sittingId}`]).toMatchObject({ answers: plan.answers, wanted: {}, wantedItems: plan.wantedItems, notApplicable: [] });
    await eventually(() => page.evaluate(() => [...document.querySelectorAll('.result button')].map((b) => b.textContent)), (labels) => expect(labels).toEqual(['See your history', 'Back to the course']));
    await expectNoAxeViolationsLightAndDark(page, 'result taken from a course');
    await pressButtonByKeyboard(page, 'Back to the course');

    // The course shows the result, and the focus is on it.
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toBe('#/courses/pack-asymmetries/self-assessment'));
    await eventually(() => focusedId(page), (id) => expect(id).toBe('questionnaire-heading'));
    const overall = `Overall your unit stands at ${Math.round(plan.score.overall.now!)} of 100, and you want it at ${Math.round(plan.score.overall.wanted!)}.`;
    await eventually(() => text(page, '[data-testid="course-self-assessment"]'), (shown) => {
      expect(shown).toMatch(new RegExp(`^You took “${questionnaire.title.en}” from this course on `));
      expect(shown).toContain(overall);
    });
    await expectNoAxeViolationsLightAndDark(page, 'course with the self-assessment result');

    // The summary, with the name, by keyboard.
    await pressButtonByKeyboard(page, 'Open your summary');
    await eventually(() => focusedId(page), (id) => expect(id).toBe('summary-page-heading'));
    await tabUntil(page, `el.id === 'summary-include-name'`);
    await page.keyboard.press(' ');
    await tabUntil(page, `el.id === 'summary-name'`);
    await page.keyboard.type('Mette Sørensen');
    await eventually(() => text(page, '[data-testid="summary-name"]'), (name) => expect(name).toBe('Mette Sørensen'));
    await eventually(() => text(page, '[data-testid="summary"]'), (summary) => {
      expect(summary).toContain('Feedback: 2 of 8 are on the other side: statements 2 and 7.');
      expect(summary).toContain(overall);
    });
    await expectNoAxeViolationsLightAndDark(page, 'summary');

    // The print stylesheet leaves the summary alone on paper.
    await eventually(
      () => page.evaluate(() => {
        const summary = document.querySelector('[data-testid="summary"]')!;
        const printRules = [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText === 'print');
        const hidden = printRules.flatMap((rule) => [...rule.cssRules]).filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule && rule.style.display === 'none');
        const page = summary.parentElement!;
        return [...page.children].filter((el) => el !== summary).map((el) => hidden.some((rule) => el.matches(rule.selectorText)));
      }),
      (hiddenOnPaper) => expect(hiddenOnPaper.length > 0 && hiddenOnPaper.every(Boolean)).toBe(true),
    );
  });
});
