import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { roundKey, tallyKey } from '../../src/core/round/round-record';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { eventually } from './support/eventually';
import { clickButton, extensionPage, fill, FIREFOX_DIST, goTo, launchFirefoxProfile, selectOption, waitForElement, waitUntil } from './support/firefox';
import { storedRaw } from './support/firefox-pages';
import { PREVIOUS_RELEASE, previousRelease, readStorageFixture, type PreviousRelease, type StorageFixture } from './support/previous-release';
import { codeOfThisBuild, codesOfPreviousRelease, expectRecordsKept, expectRoundKept, installInto, NOTE, PACK, PLACED, REFLECTION, ROUND_NAME, TAKEN, type Facts } from './support/update-steps';

/**
 * Issue #16 in Firefox ESR: the update of update-chromium.e2e.ts. Firefox can replace a
 * temporary add-on in one session (the same gecko id installed again), but it closes the
 * add-on's pages when it does, and the driver may not open moz-extension:// pages, so
 * nothing could be checked after it. So the extension is installed for good in a profile
 * of its own (support/firefox.ts, launchFirefoxProfile) and updated as in Chromium:
 * the folder's contents replaced between two starts, the start opening an extension page.
 *
 * The profile is filled with the records 0.1.0 wrote in Chromium (the committed snapshot,
 * test/e2e/fixtures/storage-0.1.0.json: a sitting, a note, a draft, a course, reminders,
 * settings), written from 0.1.0's own page here, and a round started and counted through
 * 0.1.0's pages in this profile, so its key is here.
 */

const started = Date.now();
const log = (line: string) => console.log(`[update-firefox ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

const text = (page: Page, selector: string) => page.evaluate((css) => document.querySelector(css)?.textContent ?? '', selector);
const value = (page: Page, selector: string) => page.evaluate((css) => (document.querySelector(css) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '', selector);

/** Storage once nothing has written for a while. */
async function settledStorage(page: Page): Promise<Record<string, unknown>> {
  let last = JSON.stringify(await storedRaw(page));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = JSON.stringify(await storedRaw(page));
    if (now === last) return JSON.parse(now) as Record<string, unknown>;
    last = now;
  }
}

/** The records of 0.1.0 but its round (whose key stayed in the profile that wrote the snapshot). */
function withoutRound(fixture: StorageFixture): Record<string, unknown> {
  const roundId = fixture.facts.roundId as string;
  const { [roundKey(roundId)]: _round, [tallyKey(roundId)]: _tally, ...rest } = fixture.storage;
  return rest;
}

/** What this build shows of 0.1.0's data, from the popup the start opened. */
async function expectEverythingKept(browser: Browser, before: Record<string, unknown>, facts: Facts, heldRound: boolean): Promise<void> {
  const page = await extensionPage(browser, 'popup.html');
  await eventually(() => text(page, 'label[for="assessment-progress"]'), (progress) => expect(progress).toBe(facts.draftProgress));
  await eventually(() => page.evaluate((id) => (document.querySelector(`input[name="q-${id}"]:checked`) as HTMLInputElement | null)?.value, facts.draftedItem), (checked) => expect(checked).toBe('6'));

  await goTo(page, `dashboard.html#/sittings/${facts.sittingId}`);
  await eventually(() => value(page, '#note'), (note) => expect(note).toBe(NOTE));
  await waitUntil(page, () => document.documentElement.dataset.theme === 'dark' && document.documentElement.lang === 'en');
  expectRecordsKept(before, await storedRaw(page), facts);

  await goTo(page, `dashboard.html#/courses/${PACK}`);
  await waitForElement(page, `[data-exercise="${PLACED}"] [data-testid="feedback"]`);
  await eventually(() => value(page, '#reflection-own-journey'), (reflection) => expect(reflection).toBe(REFLECTION));

  const alarms = await eventually(() => page.evaluate(() => (globalThis as any).browser.alarms.getAll()), (list: { name: string; scheduledTime: number }[]) => expect(list.map((a) => a.name).sort()).toEqual(['reminder:npm-npg', `reminder:${TAKEN}`]));
  for (const alarm of alarms) expect(alarm.scheduledTime).toBeGreaterThan(Date.now() + 27 * 86_400_000);

  await goTo(page, `dashboard.html#/team/round/${facts.roundId}`);
  await eventually(() => text(page, '[data-testid="team-count"]'), (count) => expect(count).toMatch(/^Responses counted: 3\./));
  await waitForElement(page, '[data-testid="team-figures"]');
  if (!heldRound) await waitForElement(page, '[data-testid="round-not-held"]');
  expectRoundKept(before, await storedRaw(page), facts, heldRound);
  if (heldRound) {
    const invitation = await eventually(() => value(page, '#invitation-code'), (code) => expect(code).toMatch(/^SMI2\./));
    await fill(page, '#import-codes', await codeOfThisBuild(invitation));
    await clickButton(page, 'Import');
    await eventually(() => text(page, '[data-testid="import-report"]'), (report) => expect(report).toContain('Counted: 1. Not counted: 0.'));
    await eventually(() => text(page, '[data-testid="team-count"]'), (count) => expect(count).toMatch(/^Responses counted: 4\./));
  }
}

describe(`an update from ${PREVIOUS_RELEASE.version} to this build in Firefox ESR`, () => {
  let release: PreviousRelease;
  let fixture: StorageFixture;
  let work: string;
  const opened: Browser[] = [];
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'shiftmeter-update-firefox-'));
    release = await previousRelease(log);
    fixture = await readStorageFixture();
  });
  afterAll(async () => {
    for (const browser of opened) await browser.close().catch(() => undefined);
    if (release?.kind === 'built') await release.remove();
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  const folder = () => path.join(work, 'extension');
  const profile = () => path.join(work, 'profile');
  const launch = async (page?: string, origin?: string) => {
    const browser = await launchFirefoxProfile(folder(), profile(), page && origin ? { origin, page } : undefined);
    opened.push(browser);
    return browser;
  };
  // The next start of the profile needs this Firefox gone, its profile lock with it.
  const close = async (browser: Browser) => {
    opened.splice(opened.indexOf(browser), 1);
    const child = browser.process();
    const exited = child && child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    await browser.close();
    await exited;
  };

  it('keeps every record of a profile filled by 0.1.0 through an update, and a downgrade changes nothing and says why', { timeout: 240_000 }, async () => {
    // Without the history, this build is installed first and 0.1.0's records written into it.
    const built = release.kind === 'built' ? release : null;
    await installInto(folder(), built ? built.firefox : FIREFOX_DIST);
    let browser = await launch();
    const page = await extensionPage(browser, 'dashboard.html');
    const origin = await page.evaluate(() => location.origin);
    let before: Record<string, unknown>;
    let facts: Facts;
    if (built) {
      await page.evaluate((items) => (globalThis as any).browser.storage.local.set(items), withoutRound(fixture));
      // A round started in 0.1.0's pages, with three members' codes sealed by 0.1.0's code.
      await goTo(page, 'dashboard.html#/team');
      await selectOption(page, '#round-questionnaire', TAKEN);
      await fill(page, '#round-name', ROUND_NAME);
      await fill(page, '#round-min-group', '3');
      await clickButton(page, 'Start the round');
      const invitation = await eventually(() => value(page, '#invitation-code'), (code) => expect(code).toMatch(/^SMI1\./));
      const { roundId, codes } = await codesOfPreviousRelease(built, invitation, 3);
      await fill(page, '#import-codes', codes.join('\n\n'));
      await clickButton(page, 'Import');
      await eventually(() => text(page, '[data-testid="team-count"]'), (count) => expect(count).toMatch(/^Responses counted: 3\./));
      await eventually(() => page.evaluate(() => (globalThis as any).browser.alarms.getAll()), (list: { name: string }[]) => expect(list).toHaveLength(2));
      before = await settledStorage(page);
      facts = { ...(fixture.facts as unknown as Facts), roundId };
      log('profile filled by 0.1.0');
    } else {
      log(`0.1.0 not built (${release.kind === 'fixture' ? release.reason : ''}): its snapshot written into this build, no downgrade`);
      await page.evaluate((items) => (globalThis as any).browser.storage.local.clear().then(() => (globalThis as any).browser.storage.local.set(items)), fixture.storage);
      before = fixture.storage;
      facts = fixture.facts as unknown as Facts;
    }
    await close(browser);

    // The update: this build in the same folder, the profile started again at the popup.
    await installInto(folder(), FIREFOX_DIST);
    browser = await launch('popup.html', origin);
    await expectEverythingKept(browser, before, facts, built !== null);
    const updated = await settledStorage(await extensionPage(browser, 'dashboard.html'));
    await close(browser);
    log('updated; every record kept');
    if (!built) return;

    // The downgrade: 0.1.0 over data this build wrote leaves it byte for byte and says why.
    await installInto(folder(), built.firefox);
    browser = await launch('popup.html', origin);
    const popup = await extensionPage(browser, 'popup.html');
    await eventually(() => text(popup, '[role="alert"]'), (alert) => expect(alert).toContain(`Your data was saved by a newer version of Shiftmeter (data version ${SCHEMA_VERSION}; this version knows up to 2). Nothing has been changed.`));
    expect(await settledStorage(popup)).toEqual(updated);
    await close(browser);
    log('downgraded; nothing changed');
  });
});
