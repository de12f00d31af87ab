import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { CHROME_DIST, launchChromium, waitForReady, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { makeSittings } from './support/seed';
import { storedRaw } from './support/stored';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { fromStoredItems, toStoredItems } from '../../src/core/storage/stored-form';

const questionnaire = shippedQuestionnaire('production-service');

const stored = storedRaw;
/** The sittings' keys, sorted: the dashboard adds records of its own (the latest results) beside them. */
const sittingKeys = (data: Record<string, unknown>) => Object.keys(data).filter((key) => key.startsWith('sitting:')).sort();
const replaceStorage = (page: Page, data: Record<string, unknown>) => page.evaluate(async (d) => {
  await chrome.storage.local.clear();
  await chrome.storage.local.set(d);
}, data);

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** Fills the extension's storage to its quota, as years of data or another tool might. */
async function fillStorage(page: Page) {
  await page.evaluate(async () => {
    let size = 10_000_000;
    while (size > 1000) {
      try {
        await chrome.storage.local.set({ filler: 'x'.repeat(size) });
        break;
      } catch {
        size -= 50_000;
      }
    }
    const used = await chrome.storage.local.getBytesInUse(null);
    let rest = chrome.storage.local.QUOTA_BYTES - used;
    for (let i = 0; rest > 10; i++) {
      try {
        await chrome.storage.local.set({ [`filler-${i}`]: 'x'.repeat(Math.max(1, rest - 40)) });
      } catch {
        /* too big: try smaller */
      }
      rest = Math.floor(rest / 2);
    }
  });
}

/** Removes what fillStorage wrote. */
async function emptyFiller(page: Page) {
  await page.evaluate(async () => {
    const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('filler'));
    await chrome.storage.local.remove(keys);
  });
}

describe('data safety in Chromium', () => {
  let ext: ChromiumExtension;
  let dashboard: Page;

  beforeAll(async () => {
    ext = await launchChromium();
    dashboard = await ext.open('dashboard.html#/data');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loses nothing when the popup answers while the dashboard edits notes at the same time', async () => {
    await replaceStorage(dashboard, { schemaVersion: SCHEMA_VERSION, ...toStoredItems(makeSittings(questionnaire, 2)) });
    const notes = await ext.open('dashboard.html#/sittings/seed-00000');
    const popup = await ext.open('popup.html');
    await popup.click('button[data-questionnaire="production-service"]');
    await popup.waitForSelector('fieldset');
    const answering = (async () => {
      for (const [index, fieldset] of (await popup.locator('fieldset.scale-question').all()).entries()) {
        await fieldset.locator('input').nth(index % 7).check();
      }
    })();
    const typing = notes.getByLabel('Reflection note').pressSequentially('Typed while the popup was answering.', { delay: 5 });
    await Promise.all([answering, typing]);
    await notes.getByText('Note saved.').waitFor();
    // Page 1 of format 2 holds the first dimension's statement pairs (wanted comes in a pass of its own): every answer on it is kept.
    const page1 = questionnaire.items.filter((item) => item.dimension === questionnaire.dimensions[0]!.id);
    await eventually(() => stored(popup), (data) => {
      page1.forEach((item, index) => expect(data[`draft:production-service:a:${item.id}`], item.id).toBe((index % 7) + 1));
      expect(Object.keys(data).filter((k) => k.startsWith('draft:production-service:a:'))).toHaveLength(page1.length);
      expect(data['note:seed-00000'].text).toBe('Typed while the popup was answering.');
      expect(Object.keys(data).filter((k) => k.startsWith('sitting:'))).toHaveLength(2);
    });
    await popup.close();
    await notes.close();
  });

  it('keeps the answer in the page and says what to do when storage is full, then saves it on retry', async () => {
    await replaceStorage(dashboard, { schemaVersion: SCHEMA_VERSION });
    const popup = await ext.open('popup.html');
    await popup.click('button[data-questionnaire="production-service"]');
    await popup.waitForSelector('fieldset');
    await fillStorage(popup);
    const first = questionnaire.items[0]!.id;
    await popup.locator(`input[name="q-${first}"]`).nth(5).check();
    const alert = popup.getByRole('alert').filter({ hasText: 'storage for Shiftmeter is full' });
    await alert.waitFor();
    await expectNoAxeViolations(popup, 'storage full message');
    await eventually(() => popup.locator(`input[name="q-${first}"]:checked`).getAttribute('value'), (value) => expect(value).toBe('6'));
    expect((await stored(popup))[`draft:production-service:a:${first}`]).toBeUndefined();
    await emptyFiller(popup);
    await popup.getByRole('button', { name: 'Try again' }).click();
    await alert.waitFor({ state: 'detached' });
    await eventually(() => stored(popup), (data) => expect(data[`draft:production-service:a:${first}`]).toBe(6));
    await popup.close();
  });

  it('says that storage is full, and what to do, in the words of the page when a setting cannot be saved', async () => {
    await replaceStorage(dashboard, { schemaVersion: SCHEMA_VERSION });
    const settings = await ext.open('dashboard.html#/settings');
    const cadence = settings.locator('#cadence-production-service');
    await cadence.waitFor();
    await fillStorage(settings);
    await cadence.selectOption('quarterly');
    const alert = settings.getByRole('alert').filter({ hasText: 'The reminder could not be saved.' });
    await alert.waitFor();
    // Not the browser's English "Storage is full" pasted into a sentence: the page's own words, with what to do.
    expect(await alert.innerText()).toBe("The reminder could not be saved. The browser's storage for Shiftmeter is full. Download a backup under Your data. Then go to Sittings, remove those you no longer need, and try again. The earlier choice still holds.");
    await expectNoAxeViolations(settings, 'setting not saved, storage full');
    expect(await cadence.inputValue()).toBe('off');
    expect((await stored(settings))['reminder:production-service']).toBeUndefined();
    await emptyFiller(settings);
    await settings.close();
  });

  it('exports a backup and a CSV, erases everything after a warning, and restores exactly what was there', async () => {
    // As the extension stores them: sittings in their compact form (src/core/storage/stored-form.ts).
    // With a student's course work and an action chosen after a result: the warning names them too.
    const original = toStoredItems({
      schemaVersion: SCHEMA_VERSION, ...makeSittings(questionnaire, 4),
      'note:seed-00001': { schema: 1, sittingId: 'seed-00001', text: 'A note', updatedAt: '2026-01-01T00:00:00.000Z' },
      'pack-note:pack-cafe:why-queue': { schema: 1, text: 'The queue is the service', updatedAt: '2026-01-01T00:00:00.000Z' },
      [`actions:${questionnaire.id}`]: { schema: 1, questionnaireId: questionnaire.id, actions: [{ id: 'seed-00004-d', sittingId: 'seed-00004', dimension: questionnaire.dimensions[0]!.id, text: 'Follow three cases', createdAt: '2026-01-01T00:00:00.000Z' }] },
      settings: { schema: 1, language: null, theme: 'dark' },
    });
    await replaceStorage(dashboard, original);
    await dashboard.reload();
    await waitForReady(dashboard);
    await expectNoAxeViolations(dashboard, 'data view');
    const [backupDownload] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Download a backup (JSON)' }).click()]);
    const backupFile = path.join(tmpdir(), `shiftmeter-e2e-${Date.now()}.json`);
    await backupDownload.saveAs(backupFile);
    const [csvDownload] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Download sittings as CSV' }).click()]);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 4 * questionnaire.dimensions.length);

    await dashboard.getByRole('button', { name: 'Erase everything…' }).click();
    await dashboard.getByRole('alert').filter({ hasText: 'This erases from this device:' }).waitFor();
    // Each kind there is, none that is not ("0 reminders" told a student nothing of theirs would go).
    expect(await dashboard.getByTestId('erase-list').locator('li').allInnerTexts()).toEqual(['4 sittings', '1 note on a sitting', '1 action chosen after a result, with how it went', 'your answers and reflections in 1 course', 'your settings']);
    await expectNoAxeViolations(dashboard, 'erase confirmation');
    await eventually(() => dashboard.evaluate(() => document.activeElement?.getAttribute('role')), (role) => expect(role).toBe('alert'));
    await dashboard.getByRole('button', { name: 'Yes, erase everything' }).click();
    await eventually(() => dashboard.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toBe('Everything was erased.'));
    await dashboard.getByText('Everything was erased.').waitFor();
    await eventually(() => stored(dashboard), (data) => expect(data).toEqual({ schemaVersion: SCHEMA_VERSION }));

    await dashboard.setInputFiles('#restore-file', backupFile);
    await eventually(() => dashboard.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('restore-outcome'));
    const preview = dashboard.getByTestId('restore-preview');
    await preview.waitFor();
    await eventually(() => preview.innerText(), (text) => expect(text).toContain('8 records not stored here yet'));
    await expectNoAxeViolations(dashboard, 'restore preview');
    expect(await stored(dashboard)).toEqual({ schemaVersion: SCHEMA_VERSION });
    await dashboard.getByRole('button', { name: 'Restore', exact: true }).click();
    // One message, where the focus goes.
    await eventually(() => dashboard.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toBe('The backup was merged. Restored: 8 records written, 0 removed.'));
    await eventually(() => stored(dashboard), (data) => expect(data).toEqual(original));
  });

  it('refuses a damaged or malicious backup, says why, and changes nothing', async () => {
    // The records as the person's; the dashboard's own summary of the latest sittings
    // (recent:<id>, made from the sittings a moment after the restore above) is left out.
    const records = async () => Object.fromEntries(Object.entries(await stored(dashboard)).filter(([key]) => !key.startsWith('recent:')));
    const before = await records();
    const evil = path.join(tmpdir(), `shiftmeter-evil-${Date.now()}.json`);
    await writeFile(evil, JSON.stringify({ format: 'shiftmeter-backup', formatVersion: 1, schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', records: { '__proto__': { polluted: 1 }, 'sitting:x': { schema: 1, id: 'x', answers: { constructor: 1 } } } }));
    await dashboard.setInputFiles('#restore-file', evil);
    const refusal = dashboard.getByTestId('restore-refused');
    await eventually(() => refusal.innerText(), (text) => expect(text).toMatch(/^This backup is damaged or was edited by hand, so it was not restored\. Nothing was changed\./));
    await refusal.getByText('Details').click();
    await eventually(() => refusal.innerText(), (text) => expect(text).toContain('records.sitting:x'));
    expect(await dashboard.locator('#restore-file').evaluate((el) => [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby')])).toEqual(['true', 'restore-outcome']);
    await expectNoAxeViolations(dashboard, 'refused restore');
    expect(await records()).toEqual(before);

    // A course pack chosen as a backup is recognised as one, and the person told where it goes.
    await dashboard.setInputFiles('#restore-file', 'questionnaires/pack-cafe.json');
    await eventually(() => refusal.innerText(), (text) => expect(text).toBe('This file is a course pack. Load it under Courses.'));
    expect(await records()).toEqual(before);
  });

  it('sets a corrupt record aside, reports it, and still shows every other sitting', async () => {
    await dashboard.evaluate(() => chrome.storage.local.set({ 'sitting:broken': { schema: 1, id: 'broken', answers: 'garbage' } }));
    const history = await ext.open('dashboard.html#/sittings');
    await eventually(() => history.getByTestId('set-aside').innerText(), (text) => expect(text).toContain('1 stored record could not be read'));
    await eventually(() => history.locator('[data-testid="sittings-table"] tbody tr').count(), (n) => expect(n).toBe(4));
    expect((await stored(history))['sitting:broken']).toEqual({ schema: 1, id: 'broken', answers: 'garbage' });
    await expectNoAxeViolations(history, 'set-aside notice');
    await history.close();
  });

  it('migrates the stored data of schema 1 when a page opens: the same records, sittings now kept in their compact form', async () => {
    const v1 = JSON.parse(await readFile('test/fixtures/storage/schema-v1.json', 'utf8')) as Record<string, unknown>;
    const v2 = JSON.parse(await readFile('test/fixtures/storage/schema-v2.json', 'utf8')) as Record<string, unknown>;
    await replaceStorage(dashboard, v1);
    const page = await ext.open('dashboard.html#/sittings');
    await eventually(() => page.locator('[data-testid="sittings-table"] tbody tr').count(), (n) => expect(n).toBe(1));
    await expect(page.getByTestId('set-aside').count()).resolves.toBe(0);
    // The same records as schema 2 holds them, under the current version (3 changes no
    // record; 4 keeps each sitting in its compact form, which reads back as the same sitting).
    // The dashboard applies the organisation's policy and the background notifies the
    // fixture's overdue reminder as soon as the data is there: their own records, which the
    // check leaves out rather than racing them.
    // So does the dashboard's summary of each questionnaire's latest sittings (recent:<id>), made from the sittings.
    const own = (key: string) => key === 'organisation-policy' || key.startsWith('reminded:') || key.startsWith('recent:');
    await eventually(async () => Object.fromEntries(Object.entries(await stored(page)).filter(([key]) => !own(key))), (after) => {
      expect(Object.keys(after).sort()).toEqual(Object.keys(v2).sort());
      for (const key of Object.keys(v2).filter((k) => k.startsWith('sitting:'))) expect(after[key]).toMatch(/^s1a?\|/);
      expect(fromStoredItems(after)).toEqual({ ...fromStoredItems(v2), schemaVersion: SCHEMA_VERSION });
    });
    await page.close();
  });

  it('migrates the stored data of schema 3 (as 0.2 leaves it) to the compact form, leaving a damaged sitting and a team round\'s exactly as they were', async () => {
    const v3 = JSON.parse(await readFile('test/fixtures/storage/schema-v3.json', 'utf8')) as Record<string, unknown>;
    const damaged = 'sitting:e7a1c3b5-9d2f-4b6a-8e0c-1a3c5e7b9d02';
    const ofRound = 'sitting:2f8d4b6a-0e1c-4d3f-a5b7-9c1e3a5d7f80';
    await replaceStorage(dashboard, v3);
    const page = await ext.open('dashboard.html#/sittings');
    await eventually(() => page.locator('[data-testid="sittings-table"] tbody tr').count(), (n) => expect(n).toBe(5));
    // The fixture's person reads Swedish: "1 stored record could not be read".
    await eventually(() => page.getByTestId('set-aside').innerText(), (text) => expect(text).toContain('1 sparad post kunde inte läsas'));
    // The page's own records (as in the test above) are left out.
    const own = (key: string) => key === 'organisation-policy' || key.startsWith('reminded:') || key.startsWith('recent:');
    await eventually(async () => Object.fromEntries(Object.entries(await stored(page)).filter(([key]) => !own(key))), (after) => {
      expect(Object.keys(after).sort()).toEqual(Object.keys(v3).sort());
      for (const key of Object.keys(v3).filter((k) => k.startsWith('sitting:'))) {
        if (key === damaged || key === ofRound) expect(after[key], key).toBe(v3[key]);
        else expect(after[key], key).toMatch(/^s1a?\|/);
      }
      expect(fromStoredItems(after)).toEqual({ ...fromStoredItems(v3), schemaVersion: SCHEMA_VERSION });
    });
    await page.close();
  });

  it('leaves data from a newer version untouched and tells the person', async () => {
    // A reminder that falls due in this moment was read before the version changed and may be
    // written just after; let any such reminder be notified first, so the test sees only the pages.
    await eventually(() => dashboard.evaluate(() => chrome.alarms.getAll().then((alarms: { scheduledTime: number }[]) => alarms.map((a) => a.scheduledTime - Date.now()))), (inMs: number[]) => expect(inMs.every((ms: number) => ms > 60_000)).toBe(true), { timeout: 15_000 });
    // The dashboard remakes its summary of the latest sittings (recent:<id>) shortly after the
    // sittings change (the test before wrote some): let storage come to rest first, so that
    // only what happens after the version changes is compared.
    await eventually(async () => {
      const first = JSON.stringify(await stored(dashboard));
      await new Promise((resolve) => setTimeout(resolve, 700));
      return first === JSON.stringify(await stored(dashboard));
    }, (quiet) => expect(quiet).toBe(true), { timeout: 15_000 });
    await dashboard.evaluate(() => chrome.storage.local.set({ schemaVersion: 99 }));
    const before = await stored(dashboard);
    const popup = await ext.open('popup.html');
    await eventually(() => popup.getByRole('alert').innerText(), (text) => expect(text).toContain('saved by a newer version of Shiftmeter'));
    expect(await stored(popup)).toEqual(before);
    await popup.close();
    await dashboard.evaluate((version) => chrome.storage.local.set({ schemaVersion: version }), SCHEMA_VERSION);
  });

  it('words the details of a refused file in the interface language, keeping the place in the file', async () => {
    const chooseLanguage = async (language: string) => {
      const settings = await ext.open('dashboard.html#/settings');
      await settings.selectOption('#settings-language', language);
      await settings.waitForFunction((lang) => document.documentElement.lang === lang, language || 'en');
      await settings.close();
    };
    const details = async (page: Page, testId: string, summary: string) => {
      const refusal = page.getByTestId(testId);
      await refusal.getByText(summary, { exact: true }).waitFor();
      await refusal.getByText(summary, { exact: true }).click();
      return refusal.locator('li').allInnerTexts();
    };

    // A teacher's pack with two mistakes, loaded with the interface in Swedish.
    await chooseLanguage('sv');
    const pack = JSON.parse(await readFile('questionnaires/pack-cafe.json', 'utf8'));
    pack.id = 'teacher-pack';
    pack.version = '2';
    delete pack.exercises[1].options[0].feedback.sv;
    const packFile = path.join(tmpdir(), `teacher-swedish-${Date.now()}.json`);
    await writeFile(packFile, JSON.stringify(pack));
    const courses = await ext.open('dashboard.html#/courses');
    await courses.waitForFunction(() => document.documentElement.lang === 'sv');
    await courses.setInputFiles('#pack-file', packFile);
    await eventually(() => courses.getByTestId('pack-problems').innerText(), (text) => expect(text).toMatch(/^Kurspaketet innehåller fel och lästes därför inte in\./));
    expect(await details(courses, 'pack-problems', 'Detaljer')).toEqual([
      'version: ska vara ett heltal, men är texten "2"',
      'exercises[1].options[0].feedback.sv: saknas; fältet är obligatoriskt',
    ]);
    await expectNoAxeViolations(courses, 'refused pack in Swedish');
    await courses.close();

    // A damaged backup, restored with the interface in Danish.
    await chooseLanguage('da');
    const backupFile = path.join(tmpdir(), `shiftmeter-danish-${Date.now()}.json`);
    await writeFile(backupFile, JSON.stringify({ format: 'shiftmeter-backup', formatVersion: 1, schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', records: { 'sitting:x': { schema: 1, id: 'x' }, 'mystery:y': 1 } }));
    const data = await ext.open('dashboard.html#/data');
    await data.waitForFunction(() => document.documentElement.lang === 'da');
    await data.setInputFiles('#restore-file', backupFile);
    expect(await details(data, 'restore-refused', 'Detaljer')).toEqual([
      'records.sitting:x: er beskadiget (den har ikke den form, som posttypen kræver)',
      'records.mystery:y: er ikke en type post, som Shiftmeter gemmer',
    ]);
    await data.close();
    await chooseLanguage('');
  });

  it('replaces only after saying how many records it removes; Enter on a choice restores nothing; Cancel gives the focus back', async () => {
    const backup = path.join(tmpdir(), `shiftmeter-two-${Date.now()}.json`);
    const two = toStoredItems({ schemaVersion: SCHEMA_VERSION, ...makeSittings(questionnaire, 2) });
    await replaceStorage(dashboard, two);
    await dashboard.reload();
    await waitForReady(dashboard);
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Download a backup (JSON)' }).click()]);
    await download.saveAs(backup);
    const four = toStoredItems({ schemaVersion: SCHEMA_VERSION, ...makeSittings(questionnaire, 4) });
    await replaceStorage(dashboard, four);
    await dashboard.setInputFiles('#restore-file', backup);
    await dashboard.getByTestId('restore-preview').waitFor();
    // By keyboard: to "Replace…", and Enter, as one picks an option.
    await dashboard.getByRole('radio', { name: /^Merge: add what is new, keep/ }).focus();
    await dashboard.keyboard.press('ArrowDown');
    await dashboard.keyboard.press('ArrowDown');
    expect(await dashboard.getByRole('radio', { name: /^Replace:/ }).isChecked()).toBe(true);
    await dashboard.keyboard.press('Enter');
    await dashboard.waitForTimeout(300);
    expect(sittingKeys(await stored(dashboard))).toEqual(sittingKeys(four));
    // Restore asks first, naming what goes; Cancel puts the focus back on Restore.
    await dashboard.getByRole('button', { name: 'Restore', exact: true }).click();
    const warning = dashboard.getByRole('alert').filter({ hasText: 'Replacing removes 2 records stored here but not in the backup.' });
    await warning.waitFor();
    await eventually(() => dashboard.evaluate(() => document.activeElement?.getAttribute('role')), (role) => expect(role).toBe('alert'));
    await expectNoAxeViolations(dashboard, 'replace confirmation');
    await dashboard.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dashboard.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toBe('Restore'));
    expect(sittingKeys(await stored(dashboard))).toEqual(sittingKeys(four));
    await dashboard.getByRole('button', { name: 'Restore', exact: true }).click();
    await dashboard.getByRole('button', { name: 'Replace and remove 2 records' }).click();
    await eventually(() => dashboard.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toMatch(/^The backup replaced what was stored\. Restored: \d+ records? written, 2 removed\.$/));
    await eventually(() => stored(dashboard), (data) => expect(sittingKeys(data)).toEqual(sittingKeys(two)));
    // The same file chosen again is read again; Cancel gives the focus to the file field.
    await dashboard.setInputFiles('#restore-file', backup);
    await dashboard.getByTestId('restore-preview').waitFor();
    await dashboard.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dashboard.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('restore-file'));
    await dashboard.setInputFiles('#restore-file', backup);
    await dashboard.getByTestId('restore-preview').waitFor();
    await dashboard.getByRole('button', { name: 'Cancel' }).click();
  });

  it('skips to the content without leaving the view', async () => {
    const page = await ext.open('dashboard.html#/data');
    await page.locator('#data-heading').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => [location.hash, document.activeElement?.id]), (state) => expect(state).toEqual(['#/data', 'main']));
    expect(await page.locator('#data-heading').count()).toBe(1);
    // The next Tab goes on from the content, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.close();
  });
});

describe('a dashboard view whose code cannot be loaded, in Chromium', () => {
  it('says so in the page, with what to do, and the other views still work', async () => {
    // A copy of the extension without the team view's chunk: what an open dashboard meets
    // when the files under it change (an update half applied, a damaged install).
    const copy = await mkdtemp(path.join(tmpdir(), 'shiftmeter-no-team-'));
    await cp(CHROME_DIST, copy, { recursive: true });
    const chunks = await readdir(path.join(copy, 'chunks'));
    const team = chunks.filter((name) => name.startsWith('dashboard-team-view-'));
    expect(team, 'the team view is a chunk of its own').toHaveLength(1);
    await rm(path.join(copy, 'chunks', team[0]!));
    const ext = await launchChromium(copy);
    try {
      const page = await ext.open('dashboard.html#/team');
      await eventually(() => page.getByRole('alert').innerText(), (text) => expect(text).toMatch(/^This part of the dashboard could not be loaded\. Reload the page; if Shiftmeter has just been updated, close this tab and open the dashboard again\. \(Technical detail: .+\)$/));
      await expectNoAxeViolations(page, 'a view that could not be loaded');
      // Another view, by the navigation, as a person would go on.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.locator('#settings-language').waitFor();
      await page.close();
    } finally {
      await ext.close();
    }
  });
});
