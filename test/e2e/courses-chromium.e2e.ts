import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CoursePack } from '../../src/core/pack/types';
import { axeViolations, formatViolations } from './support/axe';
import { launchChromium, waitForReady, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { answerNextByKeyboard, pressButtonByKeyboard, tabUntil } from './support/keyboard';

const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** The right answer to each exercise, as positions in its radio groups (1-based). */
function rightPositions(exercise: CoursePack['exercises'][number]): number[] {
  if (exercise.kind === 'sort') return exercise.statements.map((s) => (s.pole === 'from' ? 1 : 2));
  if (exercise.kind === 'choose') return [exercise.options.findIndex((o) => o.best) + 1];
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
    for (const exercise of pack.exercises) {
      for (const position of rightPositions(exercise)) await answerNextByKeyboard(page, position);
      await pressButtonByKeyboard(page, 'Check my answer');
      const feedback = page.locator(`[data-exercise="${exercise.id}"] [data-testid="feedback"]`);
      await feedback.waitFor();
      await eventually(() => feedback.innerText(), (text) => expect(text).toContain('Well reasoned.'));
    }
    await expectNoAxeViolations(page, 'pack with feedback');
    const reflection = pack.reflections[0]!;
    await tabUntil(page, `el.id === 'reflection-${reflection.id}'`);
    await page.keyboard.type('In my unit nobody owns the whole journey.');
    await page.waitForFunction((key) => chrome.storage.local.get(key).then((d: any) => d[key]?.text === 'In my unit nobody owns the whole journey.'), `pack-note:pack-cafe:${reflection.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), pressButtonByKeyboard(page, 'Save the summary as a file')]);
    const summary = await readFile((await download.path())!, 'utf8');
    expect(summary).toContain(`# ${pack.title.en}`);
    expect(summary).toContain('In my unit nobody owns the whole journey.');
    for (const exercise of pack.exercises) expect(summary).toContain(`### ${exercise.title.en}`);
    expect(summary).not.toMatch(/^Name:/m);
    // Work is kept: reopening the pack shows the answers and the feedback again.
    await page.reload();
    await page.waitForSelector('[data-testid="feedback"]');
    await eventually(() => page.locator('[data-testid="feedback"]').count(), (n) => expect(n).toBe(pack.exercises.length));
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

  it('prints a questionnaire and a pack cleanly: a paper form, and no navigation or buttons on paper', async () => {
    const page = await ext.open('dashboard.html#/take');
    await page.getByRole('link', { name: 'Printable form' }).first().click();
    await page.waitForSelector('.paper-form');
    await eventually(() => page.locator('.paper-table').count(), (n) => expect(n).toBe(8));
    await eventually(() => page.locator('.paper-wanted').count(), (n) => expect(n).toBe(8));
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
