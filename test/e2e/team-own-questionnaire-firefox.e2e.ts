import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { AnonymisedResponse } from '../../src/core/round/response';
import { plannedAnswers } from './support/answers';
import { eventually } from './support/eventually';
import { chooseFile, launchFirefox, waitForElement, waitForReadyMark, waitUntil } from './support/firefox';
import { setTheme } from './support/firefox-pages';
import { expectAdded, expectNoAxeViolations, say, writeOwnFiles, type OwnFiles } from './support/own-questionnaires';
import {
  addedHere, answerByClicks, answerByKeyboard, answerShown, clickButton, expectAskedForFile, expectInvitationFile, expectInvitationFileBox,
  expectNoAxeViolationsLightAndDark, expectOpensDirectly, expectSealed, expectTeamFigures, expectWillAdd, importCodes, invitationFileBox,
  invitationFileName, MEMBERS, pasteInvitation, profilesAhead, shoot, show, startRound, type StartedRound,
} from './support/team-own-questionnaire';

/*
 * A team round on a questionnaire of one's own, in Firefox ESR over WebDriver BiDi: the
 * same walk as in Chromium (./support/team-own-questionnaire.ts). The lead's Firefox saves
 * every download into a temporary folder without asking (launchFirefox's `downloadsTo`,
 * ./support/firefox.ts), and the test reads the invitation file from there as Firefox
 * saved it. Every member is a Firefox of their own (the extension's storage is per
 * profile, not per container), the next started while the one before answers.
 */

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
      // Launched ahead, while up to three other Firefox profiles work on two cores: a
      // fresh profile's first views can take longer than the usual 10 s there (CI once
      // timed out here), so the view is asked for up to three times, 10 s each. Only
      // this preparation waits longer; the answering keeps its limits.
      for (let attempt = 1; ; attempt++) {
        await show(page, '#/team/answer');
        try {
          await waitForElement(page, '#invitation-input');
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      return { browser, page };
    } catch (error) {
      await browser.close();
      throw error;
    }
  }, (member) => member.browser.close());

  beforeAll(async () => {
    files = await writeOwnFiles();
    downloads = await mkdtemp(path.join(tmpdir(), 'shiftmeter-invitation-'));
    ({ browser: lead, welcome: leadPage } = await launchFirefox({ downloadsTo: downloads }));
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
