import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { makeResponse } from '../../src/core/round/response';
import { parseInvitation, sealResponse } from '../../src/core/round/sealing';
import { plannedAnswers, shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { launchFirefox, waitForReadyMark } from './support/firefox';

const questionnaire = shippedQuestionnaire('production-service');

/** Sets a field's value the way typing does, so Preact's input handler sees it. */
async function fill(page: Page, selector: string, value: string) {
  await page.evaluate((sel, text) => {
    const field = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement;
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, selector, value);
}

async function clickButton(page: Page, text: string) {
  await page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    if (!button) throw new Error(`no button ${label}`);
    button.click();
  }, text);
}

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
    await page.evaluate(() => {
      location.hash = '#/team';
    });
    await page.waitForSelector('#round-name');
    await fill(page, '#round-name', 'Team Beta');
    await fill(page, '#round-min-group', '3');
    await clickButton(page, 'Start the round');
    await page.waitForSelector('#invitation-code');
    const invitationText = await page.evaluate(() => (document.querySelector('#invitation-code') as HTMLTextAreaElement).value);
    const invitation = parseInvitation(invitationText);
    expect(invitation.ok).toBe(true);
    if (!invitation.ok) return;
    expect(invitation.value).toMatchObject({ name: 'Team Beta', minGroup: 3, questionnaire: { id: 'production-service', version: questionnaire.version } });
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    // A member's code, sealed here in Node with the same code the extension ships.
    const { answers, wanted } = plannedAnswers(questionnaire);
    const code = await sealResponse(makeResponse({ questionnaire, round: invitation.value.round, response: 'firefox-member-1', answers, wanted }), invitation.value.publicKey);

    await page.evaluate(() => location.reload());
    await waitForReadyMark(page);
    await page.waitForSelector('#import-codes');
    await fill(page, '#import-codes', code);
    await clickButton(page, 'Import');
    await page.waitForFunction(() => document.querySelector('[data-testid="import-report"]')?.textContent?.includes('Counted: 1. Not counted: 0.'), { timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('[data-testid="team-count"]')?.textContent)).toMatch(/^Responses counted: 1\./);
  });
});
