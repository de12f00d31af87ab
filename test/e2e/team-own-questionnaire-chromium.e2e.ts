import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnonymisedResponse } from '../../src/core/round/response';
import { plannedAnswers } from './support/answers';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import type { Theme } from './support/languages';
import { expectAdded, expectNoAxeViolations, say, writeOwnFiles, type OwnFiles } from './support/own-questionnaires';
import {
  addedHere, answerByClicks, answerByKeyboard, answerShown, expectAskedForFile, expectInvitationFile, expectInvitationFileBox,
  expectNoAxeViolationsLightAndDark, expectOpensDirectly, expectSealed, expectTeamFigures, expectWillAdd, importCodes, invitationFileBox,
  invitationFileName, MEMBERS, pasteInvitation, profilesAhead, shoot, show, startRound, waitFor, type StartedRound,
} from './support/team-own-questionnaire';

/*
 * A team round on a questionnaire of one's own, in Chromium: the lead adds agency-model
 * from a file, starts a round on it and downloads the invitation file (Playwright's
 * download event); three members, each in a fresh profile of their own (Chromium runs an
 * extension only in a persistent profile: a browser each, the next started while the one
 * before answers), are asked for that file, open it, answer and send their codes; the
 * lead sees the figures. A member who added the very same file before is not asked for it. The walk
 * is shared with Firefox (./support/team-own-questionnaire.ts).
 */

/**
 * A fresh profile, and a page of it in front. The extension opens its welcome tab on
 * install, a moment after the browser starts (later under load); a page it lands in
 * front of is hidden, gets no animation frames, and Playwright's own waits (a file
 * input's, a click's) poll by animation frame. So the page is opened once the welcome
 * tab is there: nothing opens in front of it after that.
 */
async function launchWithPage(pagePath: string): Promise<{ ext: ChromiumExtension; page: Page }> {
  const ext = await launchChromium();
  try {
    await eventually(() => ext.context.pages().map((page) => page.url()), (urls) => expect(urls.some((url) => url.includes('dashboard.html'))).toBe(true), { timeout: 15_000 });
    return { ext, page: await ext.open(pagePath) };
  } catch (error) {
    await ext.close();
    throw error;
  }
}

const setTheme = (page: Page) => async (theme: Theme) => {
  await page.emulateMedia({ colorScheme: theme });
};

describe('a team round on a questionnaire of one’s own in Chromium', () => {
  let files: OwnFiles;
  let lead: ChromiumExtension;
  let leadPage: Page;
  let round: StartedRound;
  let downloads: string;
  let invitationFile: string;
  const codes: string[] = [];
  const responses: AnonymisedResponse[] = [];

  /** Members' fresh profiles, on "Answer a round", started ahead while others answer. */
  const members = profilesAhead(() => launchWithPage('dashboard.html#/team/answer'), (member) => member.ext.close());

  beforeAll(async () => {
    files = await writeOwnFiles();
    downloads = await mkdtemp(path.join(tmpdir(), 'shiftmeter-invitation-'));
    ({ ext: lead, page: leadPage } = await launchWithPage('dashboard.html#/take'));
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
    await waitFor(leadPage, '#questionnaire-file');
    await leadPage.setInputFiles('#questionnaire-file', files.valid);
    await expectAdded(leadPage, questionnaire);
    round = await startRound(leadPage, questionnaire);
    await expectInvitationFileBox(leadPage);
    await expectNoAxeViolationsLightAndDark(leadPage, 'round page with the invitation file', setTheme(leadPage));
    await shoot(leadPage, 'chromium', 'lead-invitation-file', '[data-testid="invitation-file"]');

    const downloading = leadPage.waitForEvent('download');
    await leadPage.getByRole('button', { name: say('team.downloadInvitationFile') }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(invitationFileName(round.roundId));
    invitationFile = path.join(downloads, download.suggestedFilename());
    await download.saveAs(invitationFile);
    await expectInvitationFile(await readFile(invitationFile, 'utf8'), round, questionnaire);
    await eventually(() => invitationFileBox(leadPage), (box) => expect(box?.status).toBe(say('data.exported')));
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
        await shoot(page, 'chromium', 'member-asked-for-file');
      }

      await waitFor(page, '#invitation-file');
      await page.setInputFiles('#invitation-file', invitationFile);
      await expectWillAdd(page, round, questionnaire);
      // Told, not done: nothing is added before the member starts answering.
      expect(await addedHere(page)).toEqual({});
      if (m === 0) {
        await expectNoAxeViolationsLightAndDark(page, 'answer a round: the invitation file opened', setTheme(page));
        await shoot(page, 'chromium', 'member-will-add', '[data-testid="will-add"]');
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
    await waitFor(page, '#questionnaire-file');
    await page.setInputFiles('#questionnaire-file', files.valid);
    await expectAdded(page, questionnaire);
    await show(page, '#/team/answer');
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
