import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { parseInvitation } from '../../src/core/round/invitation';
import { makeResponse } from '../../src/core/round/response';
import { sealResponse } from '../../src/core/round/sealing';
import { shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { eventually } from './support/eventually';
import { clickButton, fill, launchFirefox, waitForReadyMark, waitUntil } from './support/firefox';
import { startTeamRound } from './support/firefox-pages';

/*
 * Issue #15 in Firefox ESR: a round with figures has a conversation guide that records
 * what the team agrees and prints without navigation or buttons. Every page action goes
 * through evaluate (see ./support/firefox.ts).
 */

const questionnaire = shippedQuestionnaire('production-service');

describe('a team round\'s conversation guide, in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, welcome: page } = await launchFirefox());
    await waitForReadyMark(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the largest gaps with their questions, records what the team agrees, and prints without navigation or buttons', async () => {
    const text = await startTeamRound(page, 'Team Epsilon', 3);
    const invitation = parseInvitation(text);
    if (!invitation.ok) throw new Error('the invitation did not parse');
    const codes = await Promise.all(Array.from({ length: 3 }, (_, m) => sealResponse(makeResponse({
      questionnaire, round: invitation.value.round, response: `epsilon-${m}`,
      answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i + m) % 3)])), wanted: {},
      wantedItems: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 5 + ((i + m) % 3)])),
    }), invitation.value)));
    await fill(page, '#import-codes', codes.join('\n'));
    await clickButton(page, 'Import');
    await waitUntil(page, () => document.querySelector('[data-testid="import-report"]')?.textContent?.includes('Counted: 3.'), { timeout: 15_000 });

    // The guide, from the round's own link.
    await page.evaluate(() => (document.querySelector('a[href$="/guide"]') as HTMLAnchorElement).click());
    await waitUntil(page, () => document.querySelector('h1')?.textContent === 'Conversation guide: Team Epsilon', { timeout: 15_000 });
    await eventually(() => page.evaluate(() => document.querySelectorAll('section.guide-dimension').length), (n) => expect(n).toBe(3));
    await eventually(() => page.evaluate(() => (document.querySelector('section.guide-dimension') as HTMLElement).innerText), (section) => {
      expect(section).toMatch(/On average, members place the unit at \d+ now and want it at \d+: \d+ points? towards /);
      expect(section).toContain('Questioning the assumptions:');
    });
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await fill(page, '#agreed-text', 'Ask each caller what they were trying to get done');
    await clickButton(page, 'Record it');
    await waitUntil(page, () => document.querySelector('[data-testid="agreed-actions"]')?.textContent?.includes('Ask each caller what they were trying to get done'));

    // On paper: Firefox's driver cannot emulate print media (WebDriver BiDi has no such
    // command; Chromium's test checks what shows), so the page's own print rules are read:
    // navigation, buttons and anything marked no-print (the form) are hidden.
    const hiddenOnPaper = await page.evaluate(() => {
      const rule = [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]).find((r) => r instanceof CSSMediaRule && r.conditionText === 'print' && r.cssText.includes('.dashboard-header')) as CSSMediaRule | undefined;
      if (!rule) return null;
      const selectors = [...rule.cssRules].map((r) => (r as CSSStyleRule).selectorText ?? '').join(',');
      return ['.dashboard-header', '.tab-nav', '.no-print', 'button', '.button'].every((s) => selectors.split(',').map((x) => x.trim()).includes(s))
        && document.querySelector('form.guide-form')?.classList.contains('no-print') === true;
    });
    expect(hiddenOnPaper).toBe(true);
  });
});
