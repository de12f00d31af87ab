import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { makeResponse } from '../../src/core/round/response';
import { parseInvitation } from '../../src/core/round/invitation';
import { roundFingerprint } from '../../src/core/round/round-binding';
import { sealResponse } from '../../src/core/round/sealing';
import { plannedAnswers, shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { eventually } from './support/eventually';
import { clickButton, fill, launchFirefox, reloadPage, show, waitForElement, waitForReadyMark, waitUntil } from './support/firefox';
import { startTeamRound } from './support/firefox-pages';

const questionnaire = shippedQuestionnaire('production-service');

describe('a team round in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
    await waitForReadyMark(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the round key in IndexedDB across a reload and opens a sealed code with it', async () => {
    const invitationText = await startTeamRound(page, 'Team Beta', 3);
    const invitation = parseInvitation(invitationText);
    expect(invitation.ok).toBe(true);
    if (!invitation.ok) return;
    expect(invitation.value).toMatchObject({ name: 'Team Beta', minGroup: 3, questionnaire: { id: 'production-service', version: questionnaire.version } });
    // The lead's page shows the round's fingerprint, worked out from the invitation's own contents.
    const fingerprint = await roundFingerprint(invitation.value);
    await waitUntil(page, (expected: string) => document.querySelector('[data-testid="round-fingerprint"]')?.textContent === expected, { timeout: 15_000 }, fingerprint);
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    // A member's code, sealed here in Node with the same code the extension ships.
    const { answers, wanted, wantedItems } = plannedAnswers(questionnaire);
    const code = await sealResponse(makeResponse({ questionnaire, round: invitation.value.round, response: 'firefox-member-1', answers, wanted, wantedItems }), invitation.value);

    await reloadPage(page);
    await waitForElement(page, '#import-codes');
    await fill(page, '#import-codes', code);
    await clickButton(page, 'Import');
    await waitUntil(page, () => document.querySelector('[data-testid="import-report"]')?.textContent?.includes('Counted: 1. Not counted: 0.'), { timeout: 15_000 });
    await eventually(() => page.evaluate(() => document.querySelector('[data-testid="team-count"]')?.textContent), (text) => expect(text).toMatch(/^Responses counted: 1\./));

    // A member opening the invitation sees the minimum group and the same fingerprint before answering.
    await show(page, '#/team/answer');
    await waitForElement(page, '#invitation-input');
    await fill(page, '#invitation-input', invitationText);
    await clickButton(page, 'Open the invitation');
    await waitUntil(page, (expected: string) => document.querySelector('[data-testid="round-fingerprint"]')?.textContent === expected, { timeout: 15_000 }, fingerprint);
    await eventually(() => page.evaluate(() => document.querySelector('[data-testid="invitation-min-group"]')?.textContent), (text) => expect(text).toMatch(/^Minimum group size: 3\./));
    const memberViolations = await axeViolations(page);
    expect(memberViolations, formatViolations(memberViolations)).toEqual([]);
  });
});
