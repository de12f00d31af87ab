import { accessSync, constants, existsSync, rmdirSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADDED_KEYS } from '../../src/core/library/added-keys';
import { POLICY_SETTINGS_KEY } from '../../src/core/policy/policy-settings';
import { interpolate, type Params } from '../../src/ui/i18n/interpolate';
import { sv } from '../../src/ui/i18n/sv';
import { svDashboard } from '../../src/ui/i18n/sv-dashboard';
import { CHROME_DIST, launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { expectNoAxeViolations, libraryShown, ownQuestionnaire, popupCards, shoot, storedRecords } from './support/own-questionnaires';

/*
 * An organisation's policy as an IT department deploys it on Linux (docs/deploying.md):
 * a JSON file in Chromium's managed policy folder, read by the real browser and handed
 * to Shiftmeter through managed storage. The test writes the file, so it needs that
 * folder to be writable (root, as CI runs); elsewhere it is skipped, saying why. The
 * file is always removed afterwards: every Chromium on the machine reads that folder.
 */

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'shiftmeter-e2e.json');

/** Why this machine's Chromium policy folder cannot be written by this test; null when it can. */
function policyFolderUnwritable(): string | null {
  if (process.platform !== 'linux') return `Chromium reads ${POLICY_DIR} on Linux only`;
  let existing = POLICY_DIR;
  while (!existsSync(existing)) existing = path.dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return null;
  } catch {
    return `${existing} is not writable by this user (uid ${process.getuid?.() ?? '?'}); the managed policy test writes ${POLICY_FILE} and runs as root, as CI does`;
  }
}

/** Computed up front, as the other environment guards are (test/unit/cli-aggregate.test.ts, noFifos). */
const noPolicyFolder = policyFolderUnwritable();
if (noPolicyFolder) console.warn(`policy-chromium.e2e.ts is skipped: ${noPolicyFolder}`);

/** The folders this test made on the way to POLICY_DIR, deepest first, so it can take them away again. */
const madeFolders: string[] = [];

async function writePolicy(extensionId: string, settings: Record<string, unknown>): Promise<void> {
  for (let dir = POLICY_DIR; !existsSync(dir); dir = path.dirname(dir)) madeFolders.push(dir);
  await mkdir(POLICY_DIR, { recursive: true });
  // Readable by everyone, as docs/deploying.md asks; Chromium ignores nothing about a file's mode, but an admin's would be so.
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }, null, 2), { mode: 0o644 });
}

/** Takes the policy file away, and the folders the test made for it if they are empty. Synchronous, so it can run on exit too. */
function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
  for (const dir of madeFolders) {
    try {
      rmdirSync(dir);
    } catch {
      break; // not empty (another policy is there) or gone: leave it and those above it.
    }
  }
  madeFolders.length = 0;
}
// Even when the run is cut short, the machine's Chromium is not left with this policy.
if (!noPolicyFolder) process.once('exit', removePolicy);

/** The Swedish interface texts, filled in as the page fills them. */
const svText = (key: keyof typeof svDashboard | keyof typeof sv, params?: Params) => interpolate(({ ...svDashboard, ...sv } as Record<string, string>)[key]!, params, 'sv');

describe('an organisation policy read by Chromium from its managed policy folder', () => {
  let ext: ChromiumExtension | undefined;
  let profileDir: string | undefined;
  let extensionDir: string | undefined;

  afterAll(async () => {
    try {
      await ext?.close();
    } finally {
      // Skipped, the test wrote nothing, and this user may not touch the folder.
      if (!noPolicyFolder) removePolicy();
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
      if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
    }
  });

  it.skipIf(noPolicyFolder !== null)('preinstalls the organisation’s questionnaire, sets Swedish and raises the minimum group to 8', async () => {
    const questionnaire = ownQuestionnaire();
    const floor = 8;
    // A copy of the build in a folder of this test's own: its unpacked id is this run's alone, so the
    // policy reaches no other test's Shiftmeter (the id of an unpacked extension follows its path).
    extensionDir = await mkdtemp(path.join(tmpdir(), 'shiftmeter-policy-ext-'));
    await cp(CHROME_DIST, extensionDir, { recursive: true });
    profileDir = await mkdtemp(path.join(tmpdir(), 'shiftmeter-policy-profile-'));
    try {
      // 1. Install, to learn the extension's id; then close the browser.
      ext = await launchChromium(extensionDir, profileDir);
      const extensionId = ext.extensionId;
      expect(extensionId).toMatch(/^[a-p]{32}$/);
      await ext.close();
      ext = undefined;

      // 2. The policy, as docs/deploying.md has an admin write it, with the questionnaire file's text as one string.
      await writePolicy(extensionId, {
        preinstalledQuestionnaires: [JSON.stringify(questionnaire, null, 2)],
        minimumGroupFloor: floor,
        defaultLanguage: 'sv',
      });

      // 3. The same browser profile again: Chromium reads the folder as it starts, and Shiftmeter applies what it hands over.
      ext = await launchChromium(extensionDir, profileDir);
      expect(ext.extensionId).toBe(extensionId);

      // The popup lists the questionnaire as the organisation's, in Swedish. (The background applies the
      // policy on startup and when Chromium reports it; the popup follows storage, so it is read until it shows.)
      const popup = await ext.open('popup.html');
      await eventually(() => popupCards(popup), (cards) => {
        expect(cards.filter((card) => card.mark !== '')).toEqual([{ id: questionnaire.id, title: questionnaire.title.sv, mark: svText('list.organisation') }]);
      }, { timeout: 30_000, interval: 250 });
      expect(svText('list.organisation')).toBe('Från din organisation');
      await eventually(() => popup.evaluate(() => document.documentElement.lang), (lang) => expect(lang).toBe('sv'));
      await eventually(() => storedRecords(popup), (stored) => {
        expect(stored[POLICY_SETTINGS_KEY]).toEqual({ schema: 1, defaultLanguage: 'sv', minimumGroupFloor: floor, allowAddingQuestionnaires: true });
        expect(stored[ADDED_KEYS.index].entries).toMatchObject([{ id: questionnaire.id, version: questionnaire.version, origin: 'organisation' }]);
        expect(stored[`added:${questionnaire.id}@${questionnaire.version}`]).toMatchObject({ origin: 'organisation', questionnaire });
      });
      await expectNoAxeViolations(popup, 'popup with the organisation’s questionnaire');
      await shoot(popup, 'chromium', 'policy-popup');
      await popup.close();

      // The team page: the start-round form's minimum group starts at the floor and refuses less.
      const team = await ext.open('dashboard.html#/team');
      const minGroup = team.locator('#round-min-group');
      await eventually(() => minGroup.evaluate((input: HTMLInputElement) => ({ min: input.min, value: input.value })), (seen) => expect(seen).toEqual({ min: String(floor), value: String(floor) }));
      await eventually(() => team.locator('#round-min-group-hint').innerText(), (hint) => {
        expect(hint).toContain(svText('team.minGroupHint'));
        expect(hint).not.toContain(svText('team.minGroupAtLeast', { min: floor }));
        expect(hint).toContain(svText('team.minGroupFloor', { min: floor }));
      });
      await team.locator('#round-name').fill('Vårens omgång');
      await minGroup.fill('5');
      await team.locator('form button[type="submit"]').click();
      await eventually(() => team.getByRole('alert').allInnerTexts(), (alerts) => expect(alerts).toEqual([svText('team.minGroupInvalid', { min: floor })]));
      await eventually(() => team.evaluate(() => location.hash), (hash) => expect(hash).toBe('#/team'));
      await eventually(() => storedRecords(team), (stored) => expect(Object.keys(stored).filter((key) => key.startsWith('round:') || key.startsWith('round-tally:'))).toEqual([]));
      await expectNoAxeViolations(team, 'team page refusing a minimum group below the floor');
      await shoot(team, 'chromium', 'policy-team');
      await team.close();

      // The Self-assessments page lists it as the organisation's, not among the person's own, which can be removed.
      const take = await ext.open('dashboard.html#/take');
      await eventually(() => popupCards(take), (cards) => expect(cards.filter((card) => card.mark !== '')).toEqual([{ id: questionnaire.id, title: questionnaire.title.sv, mark: svText('list.organisation') }]));
      await eventually(() => take.evaluate(() => document.documentElement.lang), (lang) => expect(lang).toBe('sv'));
      await eventually(() => libraryShown(take), (shown) => expect(shown).toMatchObject({ added: [], refusal: null, alert: '' }));
      // Nothing of the policy was left out, so there is nothing to tell the person.
      expect(await take.locator('[data-testid="policy-notice"]').count()).toBe(0);
      await expectNoAxeViolations(take, 'Self-assessments with the organisation’s questionnaire');
      await shoot(take, 'chromium', 'policy-take');
      await take.close();
    } finally {
      removePolicy();
    }
  });
});
