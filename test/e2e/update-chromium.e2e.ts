import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KEYS, SCHEMA_VERSION } from '../../src/core/storage/records';
import { fromStoredItems } from '../../src/core/storage/stored-form';
import { CHROME_DIST, launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { PREVIOUS_RELEASE, previousRelease, STORAGE_FIXTURE, type PreviousRelease, type StorageFixture } from './support/previous-release';
import { storedRaw } from './support/stored';
import { takeByClicks } from './support/take-by-clicks';
import {
  codeOfThisBuild, codesOfPreviousRelease, DRAFTED, installInto, expectRecordsKept, expectRoundKept, NOTE, oldSittings, PACK, PLACED, questionnaireV1,
  REFLECTION, ROUND_NAME, SEEDED, TAKEN, type Facts,
} from './support/update-steps';

/**
 * Issue #16, "Updates keep everything": a profile filled by the previous release (built
 * from its commit, see support/previous-release.ts) is updated to this build, in place:
 * Chromium gives an unpacked extension its id from its folder, so the folder's contents
 * are replaced between two starts of the same profile, as an update replaces them. Then
 * this build is replaced by 0.1.0 again (a downgrade), which must change nothing and say
 * why. Without the history, the test starts from the committed storage snapshot of 0.1.0.
 */

const started = Date.now();
const log = (line: string) => console.log(`[update-chromium ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

/** Opens a page without waiting for it to be ready (a page that blocks on newer data never is). */
async function openBare(ext: ChromiumExtension, pagePath: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${pagePath}`);
  return page;
}

/** Storage once nothing has written for a while (the background plans alarms, pages save as they go). */
async function settledStorage(page: Page): Promise<Record<string, unknown>> {
  let last = JSON.stringify(await storedRaw(page));
  for (;;) {
    await page.waitForTimeout(500);
    const now = JSON.stringify(await storedRaw(page));
    if (now === last) return JSON.parse(now) as Record<string, unknown>;
    last = now;
  }
}

/**
 * Fills a profile with 0.1.0, through its own pages where a person would: a sitting taken
 * in the popup, a note, a draft left on part 2, a round with three imported codes, a
 * course exercise checked and a reflection, reminders, language and theme. Earlier
 * sittings are written as its store writes them.
 */
async function fillWithPreviousRelease(ext: ChromiumExtension, release: Extract<PreviousRelease, { kind: 'built' }>) {
  const dashboard = await ext.open('dashboard.html#/settings');
  await dashboard.evaluate((items) => chrome.storage.local.set(items), oldSittings(questionnaireV1(SEEDED), 4));

  // A sitting taken in the popup, and a note on it.
  let popup = await ext.open('popup.html');
  await popup.locator(`button[data-questionnaire="${TAKEN}"]`).click();
  await takeByClicks(popup, (index) => (1 + ((index * 5) % 7)) as 1);
  const taken = await eventually(async () => Object.values(fromStoredItems(await storedRaw(popup))).filter((v: any) => v?.completedAt && v.questionnaire?.id === TAKEN) as any[], (found) => expect(found).toHaveLength(1));
  await popup.close();
  const sittingId = taken[0].id as string;
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/sittings/${sittingId}`);
  await dashboard.getByLabel('Reflection note').fill(NOTE);
  await dashboard.getByText('Note saved.').waitFor();

  // A draft: part 1 answered, one statement of part 2, then the popup closes.
  popup = await ext.open('popup.html');
  await popup.locator(`button[data-questionnaire="${DRAFTED}"]`).click();
  await popup.waitForSelector('fieldset.scale-question');
  for (const fieldset of await popup.locator('fieldset.scale-question').all()) await fieldset.locator('input').nth(2).check();
  await popup.getByRole('button', { name: 'Next' }).click();
  await popup.waitForFunction(() => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith('Part 2 '));
  const draftedItem = (await popup.locator('fieldset.scale-question input').first().getAttribute('name'))!.replace(/^q-/, '');
  await popup.locator('fieldset.scale-question').first().locator('input').nth(5).check();
  await eventually(() => popup.evaluate((key) => chrome.storage.local.get(key).then((d: any) => d[key]), `draft:${DRAFTED}:a:${draftedItem}`), (value) => expect(value).toBe(6));
  const draftProgress = await popup.locator('label[for="assessment-progress"]').innerText();
  await popup.close();

  // A team round of minimum group 3, with three members' codes imported (sealed as 0.1.0 seals them).
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/team`);
  await dashboard.getByLabel('Questionnaire', { exact: true }).selectOption(TAKEN);
  await dashboard.getByLabel('Name of the round').fill(ROUND_NAME);
  await dashboard.getByLabel('Minimum group size').fill('3');
  await dashboard.getByRole('button', { name: 'Start the round' }).click();
  const invitation = await eventually(() => dashboard.locator('#invitation-code').inputValue(), (value) => expect(value).toMatch(/^SMI1\./));
  const { roundId, codes } = await codesOfPreviousRelease(release, invitation, 3);
  await dashboard.getByLabel('Paste response codes').fill(codes.join('\n\n'));
  await dashboard.getByRole('button', { name: 'Import', exact: true }).click();
  await eventually(() => dashboard.getByTestId('import-report').innerText(), (text) => expect(text).toContain('Counted: 3. Not counted: 0.'));
  await eventually(() => dashboard.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 3\./));

  // A course in progress: one exercise answered and checked, one reflection written.
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/courses/${PACK}`);
  const exercise = dashboard.locator(`[data-exercise="${PLACED}"]`);
  await exercise.locator('input[type="radio"]').nth(4).check();
  await exercise.getByRole('button', { name: 'Check my answer' }).click();
  await exercise.getByTestId('feedback').waitFor();
  await dashboard.locator('#reflection-own-journey').fill(REFLECTION);
  await eventually(() => dashboard.evaluate(() => chrome.storage.local.get('pack-note:pack-cafe:own-journey').then((d: any) => d['pack-note:pack-cafe:own-journey']?.text)), (text) => expect(text).toBe(REFLECTION));

  // Reminders, language and theme.
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/settings`);
  await dashboard.locator(`#cadence-${TAKEN}`).selectOption('monthly');
  await dashboard.locator('#cadence-npm-npg').selectOption('quarterly');
  await dashboard.selectOption('#settings-language', 'en');
  await dashboard.getByRole('radio', { name: 'Dark' }).check();
  await eventually(() => dashboard.evaluate(() => chrome.alarms.getAll().then((alarms: any[]) => alarms.map((a) => a.name).sort())), (names) => expect(names).toEqual([`reminder:npm-npg`, `reminder:${TAKEN}`]));
  const storage = await settledStorage(dashboard);
  await dashboard.close();
  return { storage, facts: { sittingId, draftedItem, draftProgress, roundId } };
}


/**
 * What this build must show of 0.1.0's data: every record read by its own reading
 * functions, the draft resumed where it was left, the round, the course, the settings
 * and the reminders planned. `heldRound`: the round's private key is in this profile
 * (not with a storage snapshot, where the key never was).
 */
async function expectEverythingKept(ext: ChromiumExtension, before: Record<string, unknown>, facts: Facts, heldRound: boolean) {
  // Each page migrates before its first read; the popup resumes the draft where it was left.
  const popup = await ext.open('popup.html');
  await eventually(() => popup.locator('label[for="assessment-progress"]').innerText(), (text) => expect(text).toBe(facts.draftProgress));
  await expect(popup.locator(`input[name="q-${facts.draftedItem}"]:checked`).getAttribute('value')).resolves.toBe('6');
  await popup.close();

  const dashboard = await ext.open(`dashboard.html#/sittings/${facts.sittingId}`);
  await eventually(() => dashboard.getByLabel('Reflection note').inputValue(), (text) => expect(text).toBe(NOTE));
  await dashboard.waitForFunction(() => document.documentElement.dataset.theme === 'dark' && document.documentElement.lang === 'en');

  expectRecordsKept(before, await storedRaw(dashboard), facts);

  // The course: the checked exercise shows its feedback again, the reflection its text.
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/courses/${PACK}`);
  await dashboard.locator(`[data-exercise="${PLACED}"] [data-testid="feedback"]`).waitFor();
  await eventually(() => dashboard.locator('#reflection-own-journey').inputValue(), (text) => expect(text).toBe(REFLECTION));

  // Reminders are planned by this build: one month after the sitting, three after choosing.
  const alarms = await eventually(() => dashboard.evaluate(() => chrome.alarms.getAll()), (list: any[]) => expect(list.map((a) => a.name).sort()).toEqual(['reminder:npm-npg', `reminder:${TAKEN}`]));
  for (const alarm of alarms as { scheduledTime: number }[]) expect(alarm.scheduledTime).toBeGreaterThan(Date.now() + 27 * 86_400_000);

  // The round: its figures as they were, and, where the key is here, a new code counted.
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/team/round/${facts.roundId}`);
  await eventually(() => dashboard.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 3\./));
  // 0.1.0 showed figures from three codes (its minimum group); they are still shown.
  await dashboard.getByTestId('team-figures').waitFor();
  if (!heldRound) await dashboard.getByTestId('round-not-held').waitFor();
  expectRoundKept(before, await storedRaw(dashboard), facts, heldRound);
  if (heldRound) {
    const invitation = await eventually(() => dashboard.locator('#invitation-code').inputValue(), (value) => expect(value).toMatch(/^SMI2\./));
    const code = await codeOfThisBuild(invitation);
    await dashboard.getByLabel('Paste response codes').fill(code);
    await dashboard.getByRole('button', { name: 'Import', exact: true }).click();
    await eventually(() => dashboard.getByTestId('import-report').innerText(), (text) => expect(text).toContain('Counted: 1. Not counted: 0.'));
    await eventually(() => dashboard.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 4\./));
  }

  // A reminder that falls due is shown by this build's background, from 0.1.0's record.
  await dashboard.evaluate((key) => chrome.storage.local.get(key).then((d: any) => chrome.storage.local.set({ [key]: { ...d[key], since: '2020-01-01T00:00:00.000Z' } })), 'reminder:npm-npg');
  await eventually(() => dashboard.evaluate(() => chrome.notifications.getAll()), (shown: Record<string, unknown>) => expect(Object.keys(shown)).toContain('reminder:npm-npg'), { timeout: 15_000 });
  // ... and marked as notified, so it is not shown again for the same due time.
  await eventually(() => dashboard.evaluate(() => chrome.storage.local.get('reminded:npm-npg')), (stored: Record<string, unknown>) => expect(typeof stored['reminded:npm-npg']).toBe('string'));
  await dashboard.close();
}

describe(`an update from ${PREVIOUS_RELEASE.version} to this build in Chromium`, () => {
  let release: PreviousRelease;
  let work: string;
  const opened: ChromiumExtension[] = [];
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'shiftmeter-update-'));
    release = await previousRelease(log);
  });
  afterAll(async () => {
    for (const ext of opened) await ext.close().catch(() => undefined);
    if (release?.kind === 'built') await release.remove();
    await rm(work, { recursive: true, force: true });
  });

  const launch = async (folder: string, profile: string) => {
    const ext = await launchChromium(folder, profile);
    opened.push(ext);
    return ext;
  };
  const close = async (ext: ChromiumExtension) => {
    opened.splice(opened.indexOf(ext), 1);
    await ext.close();
  };

  it('keeps every record of a profile filled by 0.1.0, and a downgrade changes nothing and says why', { timeout: 240_000 }, async () => {
    if (release.kind !== 'built') {
      // Without the history there is no 0.1.0 to fill a profile or to downgrade to; the
      // snapshot test below still runs the update.
      log(`build-from-commit path not run: ${release.reason}`);
      return;
    }
    const folder = path.join(work, 'extension');
    const profile = path.join(work, 'profile');
    await installInto(folder, release.chrome);
    let ext = await launch(folder, profile);
    const id = ext.extensionId;
    const { storage: before, facts } = await fillWithPreviousRelease(ext, release);
    expect(before[KEYS.schemaVersion]).toBe(2);
    log('profile filled by 0.1.0');
    if (process.env.UPDATE_FIXTURE_WRITE) {
      const fixture: StorageFixture = {
        about: 'storage.local of a profile filled by the real 0.1.0 build (test/e2e/update-chromium.e2e.ts, UPDATE_FIXTURE_WRITE=1); the round\'s private key stayed in that profile',
        release: PREVIOUS_RELEASE, storage: before, facts,
      };
      await writeFile(STORAGE_FIXTURE, `${JSON.stringify(fixture, null, 2)}\n`);
      log(`wrote ${path.relative(process.cwd(), STORAGE_FIXTURE)}`);
    }
    await close(ext);

    // The update: this build in the same folder, the same profile started again.
    await installInto(folder, CHROME_DIST);
    ext = await launch(folder, profile);
    expect(ext.extensionId).toBe(id);
    await expectEverythingKept(ext, before, facts, true);
    const page = await ext.open('dashboard.html#/settings');
    const updated = await settledStorage(page);
    await page.close();
    await close(ext);
    log('updated; every record kept');

    // The downgrade: 0.1.0 over data this build wrote leaves it byte for byte and says why.
    await installInto(folder, release.chrome);
    ext = await launch(folder, profile);
    const popup = await openBare(ext, 'popup.html');
    await eventually(() => popup.getByRole('alert').innerText(), (text) => expect(text).toContain(`Your data was saved by a newer version of Shiftmeter (data version ${SCHEMA_VERSION}; this version knows up to 2). Nothing has been changed.`));
    const dashboard = await openBare(ext, 'dashboard.html#/sittings');
    await eventually(() => dashboard.getByRole('alert').first().innerText(), (text) => expect(text).toContain('saved by a newer version of Shiftmeter'));
    expect(await settledStorage(dashboard)).toEqual(updated);
    await close(ext);
    log('downgraded; nothing changed');
  });

  it(`updates from the committed snapshot of ${PREVIOUS_RELEASE.version}'s storage`, { timeout: 120_000 }, async () => {
    const fixture = release.kind === 'fixture' ? release.fixture : (JSON.parse(await readFile(STORAGE_FIXTURE, 'utf8')) as StorageFixture);
    expect(fixture.release).toEqual(PREVIOUS_RELEASE);
    const folder = path.join(work, 'extension-snapshot');
    const profile = path.join(work, 'profile-snapshot');
    await installInto(folder, CHROME_DIST);
    // This build installed, then its storage replaced by 0.1.0's as if 0.1.0 had written it
    // (there is no 0.1.0 to run here); the next start is the update.
    let ext = await launch(folder, profile);
    const page = await ext.open('dashboard.html#/settings');
    await page.evaluate((items) => chrome.storage.local.clear().then(() => chrome.storage.local.set(items)), fixture.storage);
    await close(ext);
    ext = await launch(folder, profile);
    await expectEverythingKept(ext, fixture.storage, fixture.facts as unknown as Facts, false);
    await close(ext);
    log('updated from the snapshot; every record kept');
  });
});
