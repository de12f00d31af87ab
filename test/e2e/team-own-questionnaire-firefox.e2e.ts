import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { AnonymisedResponse } from '../../src/core/round/response';
import { plannedAnswers } from './support/answers';
import { eventually } from './support/eventually';
import { FIREFOX, FIREFOX_DIST, launchFirefox, waitForElement, waitForReadyMark, waitUntil } from './support/firefox';
import type { Theme } from './support/languages';
import { expectAdded, expectNoAxeViolations, say, writeOwnFiles, type OwnFiles } from './support/own-questionnaires';
import {
  addedHere, answerByClicks, answerByKeyboard, answerShown, clickButton, expectAskedForFile, expectInvitationFile, expectInvitationFileBox,
  expectNoAxeViolationsLightAndDark, expectOpensDirectly, expectSealed, expectTeamFigures, expectWillAdd, importCodes, invitationFileBox,
  invitationFileName, MEMBERS, pasteInvitation, profilesAhead, shoot, show, startRound, type StartedRound,
} from './support/team-own-questionnaire';

/*
 * A team round on a questionnaire of one's own, in Firefox ESR over WebDriver BiDi: the
 * same walk as in Chromium (./support/team-own-questionnaire.ts). Puppeteer sets a
 * download folder over CDP only, so the lead's Firefox is started with preferences that
 * save every download into a temporary folder without asking, and the test reads the
 * invitation file from there as Firefox saved it. Every member is a Firefox of their own
 * (the extension's storage is per profile, not per container), the next started while
 * the one before answers.
 */

/** Firefox with the extension, as launchFirefox, saving downloads into `downloads` without asking. */
async function launchFirefoxSavingTo(downloads: string): Promise<{ browser: Browser; welcome: Page }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('dashboard.html')) return { browser, welcome: page };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await browser.close();
  throw new Error('Firefox never opened the Shiftmeter welcome page');
}

/** Chooses a file in a file input, as the file picker would (BiDi's input.setFiles). */
async function chooseFile(page: Page, selector: string, file: string) {
  await waitForElement(page, selector);
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`no ${selector}`);
  await input.uploadFile(file);
  await input.dispose();
}

/** The dashboard's own theme setting, as Settings sets it. */
const setTheme = (page: Page) => async (theme: Theme) => {
  await page.evaluate((chosen) => {
    document.documentElement.dataset.theme = chosen;
  }, theme);
};

describe('a team round on a questionnaire of one’s own in Firefox ESR', () => {
  let files: OwnFiles;
  let lead: Browser;
  let leadPage: Page;
  let round: StartedRound;
  let downloads: string;
  let invitationFile: string;
  const codes: string[] = [];
  const responses: AnonymisedResponse[] = [];

  /** Members' fresh profiles, on "Answer a round", started ahead while others answer. */
  const members = profilesAhead(async () => {
    const { browser, welcome: page } = await launchFirefox();
    try {
      await waitForReadyMark(page);
      await show(page, '#/team/answer');
      await waitForElement(page, '#invitation-input');
      return { browser, page };
    } catch (error) {
      await browser.close();
      throw error;
    }
  }, (member) => member.browser.close());

  beforeAll(async () => {
    files = await writeOwnFiles();
    downloads = await mkdtemp(path.join(tmpdir(), 'shiftmeter-invitation-'));
    ({ browser: lead, welcome: leadPage } = await launchFirefoxSavingTo(downloads));
    await waitForReadyMark(leadPage);
  });
  afterAll(async () => {
    await members.dispose();
    await lead?.close();
    if (files) await rm(path.dirname(files.valid), { recursive: true, force: true });
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('the lead adds agency-model, starts a round on it with minimum group 3 and downloads the invitation file', async () => {
    const { questionnaire } = files;
    // The first members' browsers start while the lead works.
    members.prepare(2);
    await show(leadPage, '#/take');
    await chooseFile(leadPage, '#questionnaire-file', files.valid);
    await expectAdded(leadPage, questionnaire);
    round = await startRound(leadPage, questionnaire);
    await expectInvitationFileBox(leadPage);
    await expectNoAxeViolationsLightAndDark(leadPage, 'round page with the invitation file', setTheme(leadPage));
    await shoot(leadPage, 'firefox', 'lead-invitation-file', '[data-testid="invitation-file"]');

    await clickButton(leadPage, say('team.downloadInvitationFile'));
    await eventually(() => invitationFileBox(leadPage), (box) => expect(box?.status).toBe(say('data.exported')));
    // Firefox writes the file under a temporary name and renames it when done: the one file, whole, under the page's name.
    invitationFile = path.join(downloads, invitationFileName(round.roundId));
    const text = await eventually(async () => {
      expect(await readdir(downloads)).toEqual([invitationFileName(round.roundId)]);
      return readFile(invitationFile, 'utf8');
    }, (saved) => expect(() => JSON.parse(saved)).not.toThrow(), { timeout: 15_000, interval: 200 });
    await expectInvitationFile(text, round, questionnaire);
  });

  it('three members, each in a fresh profile, are asked for the file, open it, see what it adds, answer (the first by keyboard) and get sealed codes', async () => {
    const { questionnaire } = files;
    for (let m = 0; m < MEMBERS; m++) {
      const member = await members.next();
      // Two stay started ahead, up to the fourth profile (the member who added the file, below).
      if (m < MEMBERS - 1) members.prepare(1);
      const { page } = member;
      await pasteInvitation(page, round.code, m === 0 ? 'keyboard' : 'click');
      await expectAskedForFile(page, questionnaire);
      if (m === 0) {
        await expectNoAxeViolations(page, 'answer a round: asked for the invitation file');
        await shoot(page, 'firefox', 'member-asked-for-file');
      }

      await chooseFile(page, '#invitation-file', invitationFile);
      await expectWillAdd(page, round, questionnaire);
      // Told, not done: nothing is added before the member starts answering.
      expect(await addedHere(page)).toEqual({});
      if (m === 0) {
        await expectNoAxeViolationsLightAndDark(page, 'answer a round: the invitation file opened', setTheme(page));
        await shoot(page, 'firefox', 'member-will-add', '[data-testid="will-add"]');
      }

      if (m === 0) await answerByKeyboard(page, questionnaire, plannedAnswers(questionnaire));
      else await answerByClicks(page, questionnaire, m);
      const sealed = await expectSealed(page, round, questionnaire, m, 'team-round');
      codes.push(sealed.code);
      responses.push(sealed.response);
      members.close(member);
    }
    expect(new Set(codes).size).toBe(MEMBERS);
  });

  it('a member who added the very same questionnaire file is not asked for the invitation file', async () => {
    const { questionnaire } = files;
    const member = await members.next();
    const { page } = member;
    await show(page, '#/take');
    await chooseFile(page, '#questionnaire-file', files.valid);
    await expectAdded(page, questionnaire);
    await show(page, '#/team/answer');
    await waitUntil(page, () => document.getElementById('invitation-input') !== null);
    await eventually(() => answerShown(page), (shown) => expect(shown.found).toBe(''));
    await pasteInvitation(page, round.code);
    await expectOpensDirectly(page, round, questionnaire);
    // Nothing more to add: the questionnaire stays the one added from the file.
    expect(await addedHere(page)).toEqual({ [`${questionnaire.id}@${questionnaire.version}`]: { origin: 'file', hash: round.invitation.questionnaire.hash } });
    members.close(member);
  });

  it('the lead imports the three codes and sees the team’s figures (n = 3)', async () => {
    await importCodes(leadPage, codes);
    await expectTeamFigures(leadPage, round, files.questionnaire, responses);
    await expectNoAxeViolations(leadPage, 'team figures of a round on a questionnaire of one’s own');
  });
});
