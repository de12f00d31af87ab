import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shownExercise } from '../../src/core/pack/shown-order';
import type { CoursePack } from '../../src/core/pack/types';
import { pages, plannedAnswers, shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { launchChromium, waitForReady, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { answerNextByKeyboard, pressButtonByKeyboard, tabUntil } from './support/keyboard';
import { pdfPages, squeeze } from './support/pdf-text';
import { storedRecords } from './support/stored';

const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** axe in the light and the dark theme (the browser's preference), ending in light. */
async function expectNoAxeViolationsLightAndDark(page: Page, what: string) {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${what} (${colorScheme})`);
  }
}

/** Screenshots of the new states for a person to look at, when COURSE_SHOTS names a folder. */
async function shoot(target: Page | Locator, name: string) {
  const folder = process.env.COURSE_SHOTS;
  if (!folder) return;
  const file = path.join(folder, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
}

type Exercise = CoursePack['exercises'][number];
type Statement = Extract<Exercise, { kind: 'sort' }>['statements'][number];

/**
 * A sort exercise's statements in the order the page shows them (each browser shuffles
 * them its own way), found by their text; their numbers must run 1, 2, 3… as shown.
 */
async function shownStatements(page: Page, exercise: Exercise): Promise<Statement[]> {
  if (exercise.kind !== 'sort') throw new Error(`${exercise.id} is not a sort exercise`);
  const legends = await page.locator(`section.exercise[data-exercise="${exercise.id}"] fieldset.sort-statement legend`).allInnerTexts();
  return legends.map((legend, index) => {
    const [, number, text] = /^(\d+)\.\s+(.*)$/s.exec(legend.trim()) ?? [];
    expect(Number(number), legend).toBe(index + 1);
    const statement = exercise.statements.find((s) => s.text.en === text);
    if (!statement) throw new Error(`No statement of ${exercise.id} reads “${text}”`);
    return statement;
  });
}

/** The right answer to each exercise, as positions in its radio groups (1-based) in the order shown. */
async function rightPositions(page: Page, exercise: Exercise): Promise<number[]> {
  if (exercise.kind === 'sort') return (await shownStatements(page, exercise)).map((s) => (s.pole === 'from' ? 1 : 2));
  if (exercise.kind === 'choose') {
    const best = exercise.options.find((o) => o.best)!;
    const shown = await page.locator(`section.exercise[data-exercise="${exercise.id}"] .radio-column label`).allInnerTexts();
    const position = shown.findIndex((label) => label.trim() === best.text.en);
    expect(position, `the best option of ${exercise.id} among ${JSON.stringify(shown)}`).toBeGreaterThanOrEqual(0);
    return [position + 1];
  }
  return [exercise.expert.position];
}

describe('course packs in Chromium', () => {
  let ext: ChromiumExtension;
  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('lets a student complete a shipped pack by keyboard, with feedback on each exercise and a summary to hand in', async () => {
    const page = await ext.open('dashboard.html#/courses');
    await expectNoAxeViolations(page, 'course list');
    await tabUntil(page, `el.dataset.pack === 'pack-cafe'`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.exercise');
    await waitForReady(page);
    // The window names the course.
    await eventually(() => page.title(), (title) => expect(title).toBe(`${pack.title.en} – Shiftmeter`));
    const sorted = pack.exercises.find((e) => e.kind === 'sort')!;
    const firstOrder = await shownStatements(page, sorted);
    for (const exercise of pack.exercises) {
      for (const position of await rightPositions(page, exercise)) await answerNextByKeyboard(page, position);
      await pressButtonByKeyboard(page, 'Check my answer');
      const section = page.locator(`section.exercise[data-exercise="${exercise.id}"]`);
      await eventually(() => section.getByTestId('verdict').innerText(), (text) => expect(text).toBe({
        sort: `All ${exercise.kind === 'sort' ? exercise.statements.length : 0} match. Well reasoned.`,
        choose: 'You chose the better option for the aim.',
        place: 'Within one step of the expert.',
      }[exercise.kind]));
      await eventually(() => section.getByTestId('check-status').innerText(), (text) => expect(text).toMatch(/^Checked: /));
    }
    await expectNoAxeViolations(page, 'pack with feedback');
    // A checked answer changed: its feedback goes, and the page says why rather than letting it vanish.
    const place = pack.exercises.find((e) => e.kind === 'place')!;
    const placed = page.locator(`section.exercise[data-exercise="${place.id}"]`);
    await placed.locator('input[type="radio"]').nth(place.expert.position === 1 ? 1 : 0).check();
    await eventually(() => placed.getByTestId('check-status').innerText(), (text) => expect(text).toBe('You changed your answer, so its feedback is hidden. Check it again to see feedback on the new answer.'));
    expect(await placed.getByTestId('feedback').count()).toBe(0);
    await placed.getByRole('button', { name: 'Check my answer' }).click();
    await eventually(() => placed.getByTestId('check-status').innerText(), (text) => expect(text).toMatch(/^Checked: /));
    const reflection = pack.reflections[0]!;
    // No Save button: the field says its text is kept as it is typed.
    expect(await page.locator(`#reflection-${reflection.id}`).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('Your notes are saved as you type, on this device only.');
    await tabUntil(page, `el.id === 'reflection-${reflection.id}'`);
    await page.keyboard.type('In my unit nobody owns the whole journey.');
    await page.waitForFunction((key) => chrome.storage.local.get(key).then((d: any) => d[key]?.text === 'In my unit nobody owns the whole journey.'), `pack-note:pack-cafe:${reflection.id}`);
    await pressButtonByKeyboard(page, 'Open your summary');
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('summary-page-heading'));
    const [download] = await Promise.all([page.waitForEvent('download'), pressButtonByKeyboard(page, 'Save the summary (HTML file)')]);
    expect(download.suggestedFilename()).toMatch(/^pack-cafe-summary-\d{4}-\d{2}-\d{2}\.html$/);
    await page.getByRole('status').filter({ hasText: 'The file is in your downloads.' }).waitFor();
    const summary = await readFile((await download.path())!, 'utf8');
    expect(summary).toMatch(/^<!doctype html>/);
    expect(summary).toContain(`<h1 id="summary-title">Summary: <span lang="en">${pack.title.en}</span></h1>`);
    expect(summary).toContain('In my unit nobody owns the whole journey.');
    for (const exercise of pack.exercises) expect(summary).toContain(exercise.title.en);
    expect(summary).not.toContain('data-testid="summary-name"');
    expect(summary).not.toMatch(/<script|<link|<img|\son[a-z]+=/i);
    // Work is kept: reopening the pack shows the answers and the feedback again, without announcing them.
    await page.goto(page.url().replace(/#.*/, '#/courses/pack-cafe'));
    await page.reload();
    await page.waitForSelector('[data-testid="feedback"]');
    await eventually(() => page.locator('[data-testid="feedback"]').count(), (n) => expect(n).toBe(pack.exercises.length));
    await eventually(() => page.getByTestId('check-status').allInnerTexts(), (texts) => expect(texts.join('')).toBe(''));
    // The statements come back in the same order: this browser's seed is stored once, and orders them.
    expect(await shownStatements(page, sorted)).toEqual(firstOrder);
    const { 'pack-order': order } = await eventually(() => storedRecords(page), (stored) => expect(stored['pack-order']).toMatchObject({ schema: 1, seed: expect.stringMatching(/^[0-9a-f-]{36}$/) }));
    expect(firstOrder).toEqual((shownExercise(sorted, order.seed) as typeof sorted).statements);
    await page.close();
  });

  it('closes the loop: names what is off, takes the self-assessment from the course and back, and prints and saves a summary with the name and the result', async () => {
    const taxPack = JSON.parse(readFileSync('questionnaires/pack-tax-agency.json', 'utf8')) as CoursePack;
    const sort = taxPack.exercises[0]!;
    if (sort.kind !== 'sort') throw new Error('pack-tax-agency starts with a sort exercise');
    const questionnaire = shippedQuestionnaire(taxPack.questionnaire as string);
    const plan = plannedAnswers(questionnaire);
    const name = 'Åsa Lindqvist';
    const page = await ext.open('dashboard.html#/courses/pack-tax-agency');
    await page.waitForSelector('.exercise');

    // The sort exercise, by keyboard, with the statements shown third and sixth on the wrong side.
    const wrong = new Set([2, 5]);
    const shown = await shownStatements(page, sort);
    for (const [index, statement] of shown.entries()) {
      const right = statement.pole === 'from' ? 1 : 2;
      await answerNextByKeyboard(page, wrong.has(index) ? 3 - right : right);
    }
    await pressButtonByKeyboard(page, 'Check my answer');
    const exercise = page.locator(`section.exercise[data-exercise="${sort.id}"]`);
    // One short sentence is announced; the feedback is content, and the focus is on its heading.
    await eventually(() => exercise.getByTestId('check-status').innerText(), (text) => expect(text).toBe('Checked: 6 of 8 match.'));
    await eventually(() => page.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toBe('Feedback on exercise 1'));
    await eventually(() => exercise.getByTestId('feedback').getAttribute('role'), (role) => expect(role).not.toBe('status'));
    await eventually(() => exercise.getByTestId('verdict').innerText(), (text) => expect(text).toBe('2 of 8 are on the other side: statements 3 and 6. Each is marked in the exercise above and explained below.'));
    const misplaced = [...wrong].map((index) => shown[index]!);
    await eventually(
      () => exercise.locator('fieldset.item-off').evaluateAll((sets) => sets.map((set) => [set.getAttribute('data-statement'), set.querySelector('[data-testid="item-mark"]')?.textContent])),
      (marks) => expect(marks).toEqual(misplaced.map((statement) => [statement.id, `✗ On the other side: it belongs with ${taxPack.poles[statement.pole].en}`])),
    );
    await eventually(() => exercise.locator('fieldset.item-matches [data-testid="item-mark"]').allInnerTexts(), (marks) => expect(marks).toEqual(Array(6).fill('✓ Matches')));
    // The mark is part of each group's description, so a screen reader hears it with the statement.
    await eventually(
      () => exercise.locator('fieldset.item-off').evaluateAll((sets) => sets.map((set) => document.getElementById(set.getAttribute('aria-describedby') ?? '')?.textContent)),
      (descriptions) => expect(descriptions.every((text) => text?.includes('On the other side'))).toBe(true),
    );
    // The feedback lists the statements in the order shown, with the numbers shown.
    await eventually(() => exercise.locator('.feedback-items li').evaluateAll((items) => items.map((item) => item.getAttribute('data-statement'))), (order) => expect(order).toEqual(shown.map((s) => s.id)));
    const pole = (side: 'from' | 'to') => taxPack.poles[side].en;
    await eventually(() => exercise.locator('.feedback-items li.item-off .item-mark').allInnerTexts(), (texts) => expect(texts).toEqual(misplaced.map((statement, i) => (
      `✗ Statement ${[3, 6][i]} is on the other side: you chose ${pole(statement.pole === 'from' ? 'to' : 'from')}, but it belongs with ${pole(statement.pole)}.`
    ))));
    await expectNoAxeViolationsLightAndDark(page, 'feedback with marked items');
    await shoot(exercise.locator('form'), 'feedback-marks-in-exercise');
    await shoot(exercise.getByTestId('feedback'), 'feedback-naming-items');

    // The self-assessment, from the course, by keyboard.
    await tabUntil(page, `el.dataset.take === '${questionnaire.id}'`);
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toBe(`#/take/${questionnaire.id}/course/pack-tax-agency`));
    await page.waitForSelector('label[for="assessment-progress"]');
    const pageList = pages(questionnaire);
    // Every "now" page, then the wanted pass over the same statements.
    for (const [index, { questions }] of pageList.entries()) {
      for (const question of questions) await answerNextByKeyboard(page, plan.position(question) as number);
      const last = index === pageList.length - 1;
      await pressButtonByKeyboard(page, last ? 'See my result' : 'Next');
      if (!last) await page.waitForFunction((n) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${n} `), index + 2);
    }
    await page.waitForSelector('#result-heading');
    await eventually(() => page.getByText(`Your result is shown in the course “${taxPack.title.en}” too, and in your summary.`).count(), (n) => expect(n).toBe(1));
    const link = await eventually(() => storedRecords(page), (stored) => expect(stored['pack-sitting:pack-tax-agency']).toMatchObject({ schema: 1, packId: 'pack-tax-agency', questionnaireId: questionnaire.id }));
    const sittingId = link['pack-sitting:pack-tax-agency'].sittingId as string;
    expect(link[`sitting:${sittingId}`]).toMatchObject({ answers: plan.answers, wanted: {}, wantedItems: plan.wantedItems, notApplicable: [] });
    await eventually(() => page.locator('.result button').allInnerTexts(), (labels) => expect(labels).toEqual(['See your history', 'Back to the course']));
    await expectNoAxeViolationsLightAndDark(page, 'result taken from a course');
    await pressButtonByKeyboard(page, 'Back to the course');

    // Back in the course, on its self-assessment, which shows the result.
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toBe('#/courses/pack-tax-agency/self-assessment'));
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('questionnaire-heading'));
    const overall = `Overall your unit stands at ${Math.round(plan.score.overall.now!)} of 100, and you want it at ${Math.round(plan.score.overall.wanted!)}.`;
    const courseResult = page.getByTestId('course-self-assessment');
    await eventually(() => courseResult.innerText(), (text) => {
      expect(text).toMatch(new RegExp(`^You took “${questionnaire.title.en}” from this course on `));
      expect(text).toContain(overall);
    });
    await eventually(
      () => courseResult.locator('tr[data-dimension]').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-dimension'), ...[...row.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)])),
      (rows) => expect(rows).toEqual([
        ...plan.score.dimensions.map((d) => [d.dimension, String(Math.round(d.now!)), String(Math.round(d.wanted!))]),
        ['overall', String(Math.round(plan.score.overall.now!)), String(Math.round(plan.score.overall.wanted!))],
      ]),
    );
    await expectNoAxeViolationsLightAndDark(page, 'course with the self-assessment result');
    await shoot(page.locator('section[aria-labelledby="questionnaire-heading"]'), 'course-with-result');

    // A reflection, then the summary, with the name ticked in.
    const reflection = taxPack.reflections[0]!;
    await tabUntil(page, `el.id === 'reflection-${reflection.id}'`);
    await page.keyboard.type('Our letters should come before the deadline, not after.');
    await pressButtonByKeyboard(page, 'Open your summary');
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('summary-page-heading'));
    await tabUntil(page, `el.id === 'summary-include-name'`);
    await page.keyboard.press(' ');
    await tabUntil(page, `el.id === 'summary-name'`);
    await page.keyboard.type(name);
    const summary = page.getByTestId('summary');
    await eventually(() => summary.getByTestId('summary-name').innerText(), (text) => expect(text).toBe(name));
    await eventually(() => summary.innerText(), (text) => {
      expect(text).toContain(`Summary: ${taxPack.title.en}`);
      expect(text).toContain('Feedback: 2 of 8 are on the other side: statements 3 and 6.');
      expect(text).toContain(`You took “${questionnaire.title.en}” from this course on`);
      expect(text).toContain(overall);
      expect(text).toContain('Our letters should come before the deadline, not after.');
      expect(text).not.toContain('Not quite');
    });
    await eventually(() => summary.locator('li.item-off').count(), (n) => expect(n).toBe(2));
    // The summary numbers the statements as the course showed them: its list is in that order, with 3 and 6 off.
    const summaryStatements = summary.locator(`[data-exercise="${sort.id}"] ol.summary-statements > li`);
    await eventually(() => summaryStatements.locator('span[lang]').allInnerTexts(), (texts) => expect(texts).toEqual(shown.map((s) => s.text.en)));
    await eventually(() => summaryStatements.evaluateAll((items) => items.flatMap((item, i) => (item.classList.contains('item-off') ? [i + 1] : []))), (off) => expect(off).toEqual([3, 6]));
    await expectNoAxeViolationsLightAndDark(page, 'summary');
    await shoot(page, 'summary');

    // The saved file is the same document, self-contained, with no script.
    const [download] = await Promise.all([page.waitForEvent('download'), pressButtonByKeyboard(page, 'Save the summary (HTML file)')]);
    const file = await readFile((await download.path())!, 'utf8');
    expect(file).toContain(`<dd data-testid="summary-name">${name}</dd>`);
    expect(file).toContain(overall);
    expect(file).toContain('2 of 8 are on the other side: statements 3 and 6.');
    expect(file).toContain("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(file).not.toMatch(/<script|<link|<img|\son[a-z]+=|tabindex/i);

    // On paper: the summary and nothing else.
    await page.emulateMedia({ media: 'print' });
    await eventually(() => summary.isVisible(), (visible) => expect(visible).toBe(true));
    await eventually(
      () => page.evaluate(() => {
        const document_ = document.querySelector('[data-testid="summary"]')!;
        return [...document.body.querySelectorAll('*')]
          .filter((el) => !document_.contains(el) && !el.contains(document_) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.textContent?.trim())
          .map((el) => `${el.tagName}: ${el.textContent!.trim().slice(0, 40)}`);
      }),
      (visibleOutside) => expect(visibleOutside).toEqual([]),
    );
    await shoot(page, 'summary-as-printed');
    const pdf = await page.pdf({ format: 'A4' });
    if (process.env.COURSE_SHOTS) await writeFile(path.join(process.env.COURSE_SHOTS, 'summary.pdf'), pdf);
    const printed = pdfPages(pdf);
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.length).toBeLessThanOrEqual(3);
    const paper = squeeze(printed.join(''));
    for (const expected of [name, `Summary: ${taxPack.title.en}`, overall, 'The self-assessment', '2 of 8 are on the other side: statements 3 and 6.', 'Our letters should come before the deadline']) {
      expect(paper).toContain(squeeze(expected));
    }
    for (const absent of ['Your summary', 'Print the summary', 'Team rounds']) expect(paper).not.toContain(squeeze(absent));
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('refuses a teacher’s pack with an error, naming the place, and runs a valid one', async () => {
    const page = await ext.open('dashboard.html#/courses');
    const broken = structuredClone(pack) as any;
    broken.id = 'teacher-pack';
    delete broken.exercises[1].options[0].feedback.sv;
    const brokenFile = path.join(tmpdir(), `teacher-broken-${Date.now()}.json`);
    await writeFile(brokenFile, JSON.stringify(broken));
    const before = await page.evaluate(() => chrome.storage.local.get(null));
    await page.setInputFiles('#pack-file', brokenFile);
    // A plain sentence first; the place in the file and what was expected under Details.
    await eventually(() => page.getByTestId('pack-problems').innerText(), (text) => expect(text).toMatch(/^This course pack has mistakes, so it was not loaded\. Nothing was changed\./));
    await page.getByTestId('pack-problems').getByText('Details').click();
    await eventually(() => page.getByTestId('pack-problems').innerText(), (text) => expect(text).toContain('exercises[1].options[0].feedback.sv'));
    // The field says it was refused, and where the reason is.
    expect(await page.locator('#pack-file').evaluate((el) => [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby')])).toEqual(['true', 'pack-file-problem']);
    await expectNoAxeViolations(page, 'refused pack');
    expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual(before);

    // A file of another kind is recognised, and the person told where it belongs.
    const backupFile = path.join(tmpdir(), `not-a-pack-${Date.now()}.json`);
    await writeFile(backupFile, JSON.stringify({ format: 'shiftmeter-backup', formatVersion: 1, schemaVersion: 2, exportedAt: '2026-01-01T00:00:00.000Z', records: {} }));
    await page.setInputFiles('#pack-file', backupFile);
    await eventually(() => page.getByTestId('pack-problems').innerText(), (text) => expect(text).toBe('This file is a Shiftmeter backup. Restore it under Your data.'));
    const junkFile = path.join(tmpdir(), `junk-${Date.now()}.json`);
    await writeFile(junkFile, '{"foo":2}');
    await page.setInputFiles('#pack-file', junkFile);
    await eventually(() => page.getByTestId('pack-problems').innerText(), (text) => expect(text).toBe('This file is JSON, but not a Shiftmeter file.'));
    expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual(before);

    broken.exercises[1].options[0].feedback.sv = 'Återkoppling.';
    broken.title.en = 'Teacher’s own pack';
    const validFile = path.join(tmpdir(), `teacher-valid-${Date.now()}.json`);
    await writeFile(validFile, JSON.stringify(broken));
    await page.setInputFiles('#pack-file', validFile);
    await page.getByText('Loaded “Teacher’s own pack”.').waitFor();
    await page.click('a[data-pack="teacher-pack"]');
    await page.waitForSelector('.exercise');
    await eventually(() => page.locator('h1').innerText(), (text) => expect(text).toBe('Teacher’s own pack'));
    const first = page.locator('.exercise').first();
    for (const fieldset of await first.locator('fieldset').all()) await fieldset.locator('input').first().check();
    await first.getByRole('button', { name: 'Check my answer' }).click();
    await first.getByTestId('feedback').waitFor();
    await page.close();
  });

  it('marks a pack in another language than the page as such, and the page’s own words as the page’s (WCAG 3.1.2)', async () => {
    // A teacher's pack in English only, read with the interface in Swedish.
    const onlyEnglish = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(onlyEnglish);
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.some(([key]) => key === 'en') && entries.every(([key]) => ['en', 'sv', 'da'].includes(key))) return { en: (value as Record<string, unknown>).en };
      return Object.fromEntries(entries.map(([key, inner]) => [key, onlyEnglish(inner)]));
    };
    const english = { ...(onlyEnglish(structuredClone(pack)) as any), id: 'english-pack', languages: ['en'] };
    const file = path.join(tmpdir(), `english-pack-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(english));
    const page = await ext.open('dashboard.html#/courses');
    await page.evaluate(() => chrome.storage.local.set({ settings: { schema: 1, language: 'sv', theme: 'system' } }));
    await page.reload();
    await page.setInputFiles('#pack-file', file);
    await page.click('a[data-pack="english-pack"]');
    const first = page.locator('.exercise').first();
    await first.waitFor();
    for (const fieldset of await first.locator('fieldset').all()) await fieldset.locator('input').first().check();
    await first.getByRole('button', { name: 'Kontrollera mitt svar' }).click();
    await first.getByTestId('feedback').waitFor();
    // Each text's nearest lang: the page's words in Swedish, the pack's in English.
    const langOf = (selector: string) => first.locator(selector).first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
    expect(await langOf('button[type="submit"]')).toBe('sv');
    expect(await langOf('[data-testid="check-status"]')).toBe('sv');
    expect(await langOf('[data-testid="verdict"]')).toBe('sv');
    expect(await langOf('h3 > span')).toBe('en');
    expect(await langOf('legend > span:not(.statement-number)')).toBe('en');
    expect(await langOf('.feedback-items li > p:not(.item-mark)')).toBe('en');
    expect(await langOf('.feedback-items .item-mark span[lang]')).toBe('en');
    expect(await page.locator('#case-heading').evaluate((el) => [el.closest('[lang]')?.getAttribute('lang'), el.querySelector('span')?.getAttribute('lang')])).toEqual(['sv', 'en']);
    await expectNoAxeViolations(page, 'an English pack under a Swedish interface');
    await page.evaluate(() => chrome.storage.local.set({ settings: { schema: 1, language: 'en', theme: 'system' } }));
    await page.close();
  });

  it('prints a questionnaire and a pack cleanly: a paper form, and no navigation or buttons on paper', async () => {
    const page = await ext.open('dashboard.html#/take');
    await page.getByRole('link', { name: 'Printable form' }).first().click();
    await page.waitForSelector('.paper-form');
    // Asked as the extension asks a questionnaire of format 2: the 8 dimensions with "does not apply"
    // under each pair, then "wanted" as a second part over the same 8 (no wanted row per dimension).
    await eventually(() => page.locator('.paper-table').count(), (n) => expect(n).toBe(16));
    await eventually(() => page.locator('.paper-not-applicable').count(), (n) => expect(n).toBe(24));
    await eventually(() => page.locator('.paper-wanted').count(), (n) => expect(n).toBe(0));
    await eventually(() => page.locator('.paper-part').innerText(), (text) => expect(text).toBe('Where you want to be'));
    await expectNoAxeViolations(page, 'paper form');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.dashboard-header', 'button']) {
      await eventually(() => page.locator(selector).first().isVisible(), (visible) => expect(visible).toBe(false));
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.goto(page.url().replace(/#.*/, '#/courses/pack-cafe'));
    await page.waitForSelector('.exercise');
    await eventually(() => page.locator('button').first().isVisible(), (visible) => expect(visible).toBe(false));
    await eventually(() => page.locator('h1').isVisible(), (visible) => expect(visible).toBe(true));
    await page.close();
  });
});
