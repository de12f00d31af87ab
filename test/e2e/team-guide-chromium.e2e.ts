import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseInvitation } from '../../src/core/round/invitation';
import { makeResponse } from '../../src/core/round/response';
import { sealResponse } from '../../src/core/round/sealing';
import { textIn } from '../../src/core/questionnaire/types';
import { shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { storedRecords } from './support/stored';

/*
 * Issue #15 in Chromium: a round with figures has a conversation guide for the team's
 * meeting (the dimensions with the largest gap, their questions, what the team agrees),
 * which prints without navigation or buttons; the team's next round on the same
 * questionnaire asks how the agreed actions went.
 */

const questionnaire = shippedQuestionnaire('production-service');

async function expectNoAxeViolations(page: Page, what: string) {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    expect(violations, `${what} (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
  }
}

/** Starts a round in the dashboard, seals three members' codes for it here, and imports them. */
async function roundWithFigures(page: Page, name: string, seed: number): Promise<string> {
  await page.goto(page.url().replace(/#.*$/, '#/team'));
  await page.getByLabel('Questionnaire', { exact: true }).selectOption('production-service');
  await page.getByLabel('Name of the round').fill(name);
  await page.locator('#round-min-group').fill('3');
  await page.getByRole('button', { name: 'Start the round' }).click();
  const invitation = parseInvitation(await eventually(() => page.locator('#invitation-code').inputValue(), (value) => expect(parseInvitation(value).ok).toBe(true)));
  if (!invitation.ok) throw new Error('the invitation did not parse');
  const codes = await Promise.all(Array.from({ length: 3 }, (_, m) => sealResponse(makeResponse({
    questionnaire, round: invitation.value.round, response: `member-${seed}-${m}`,
    answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i + m + seed) % 3)])), wanted: {},
    wantedItems: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 5 + ((i + m) % 3)])),
  }), invitation.value)));
  await page.getByLabel('Paste response codes').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await eventually(() => page.getByTestId('import-report').innerText(), (report) => expect(report).toContain('Counted: 3.'));
  return page.url();
}

describe('a team round\'s conversation guide, in Chromium', () => {
  let lead: ChromiumExtension;
  let page: Page;
  beforeAll(async () => {
    lead = await launchChromium();
    page = await lead.open('dashboard.html#/team');
  });
  afterAll(async () => {
    await lead?.close();
  });

  it('shows the largest gaps with their questions, records what the team agrees, prints without navigation or buttons, and asks at the next round how it went', async () => {
    await roundWithFigures(page, 'Team Delta, spring', 0);
    await page.getByRole('link', { name: 'Open the conversation guide for the team meeting' }).click();
    await eventually(() => page.locator('h1').innerText(), (text) => expect(text).toBe('Conversation guide: Team Delta, spring'));
    // Three dimensions, each with its figures in words and its two questions.
    const sections = page.locator('section.guide-dimension');
    await eventually(() => sections.count(), (n) => expect(n).toBe(3));
    const first = sections.first();
    expect(await first.innerText()).toMatch(/On average, members place the unit at \d+ now and want it at \d+: \d+ points? towards /);
    const name = await first.locator('h2').innerText();
    const dimension = questionnaire.dimensions.find((d) => textIn(d.name, 'en') === name)!;
    expect(await first.innerText()).toContain(textIn(dimension.reflection!.doubleLoop, 'en'));
    // No spread between members, in any form; the meeting is asked instead (docs/privacy.md).
    expect(await page.locator('article.guide').innerText()).toContain('ask whether everyone places the unit about the same');
    await expectNoAxeViolations(page, 'conversation guide');

    // What the team agrees, recorded against the round. Nothing written yet: the field says so and takes the focus.
    await page.getByRole('button', { name: 'Record it' }).press('Enter');
    const field = page.getByLabel('What the team will try');
    await eventually(() => field.getAttribute('aria-invalid'), (invalid) => expect(invalid).toBe('true'));
    expect(await page.locator('#agreed-text-missing').innerText()).toBe('Write what the team will try before you record it.');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'conversation guide, nothing written to record');
    await field.fill('Follow three cases end to end together');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Record it' }).click();
    await eventually(() => page.getByTestId('agreed-actions').innerText(), (text) => expect(text).toContain('Follow three cases end to end together'));
    // Said in a status region, for whoever cannot see the list grow.
    expect(await page.locator('form.guide-form [role="status"]').innerText()).toBe('Recorded: Follow three cases end to end together');
    const roundId = decodeURIComponent(/#\/team\/round\/([^/]+)\/guide/.exec(page.url())![1]!);
    await eventually(() => storedRecords(page), (stored) => expect(stored[`round-actions:${roundId}`].actions).toHaveLength(1));

    // On paper: no navigation, no buttons, no form; the agreed action is there.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.dashboard-header').isVisible()).toBe(false);
    expect(await page.locator('nav.tab-nav').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.locator('form.guide-form').isVisible()).toBe(false);
    expect(await page.getByTestId('agreed-actions').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The team's next round on the same questionnaire asks how it went.
    await roundWithFigures(page, 'Team Delta, autumn', 1);
    await page.getByRole('link', { name: 'Open the conversation guide for the team meeting' }).click();
    const previous = page.getByTestId('previous-agreement');
    await eventually(() => previous.innerText(), (text) => expect(text).toContain('Follow three cases end to end together'));
    await previous.getByLabel('Partly').check();
    await eventually(() => storedRecords(page), (stored) => expect(stored[`round-actions:${roundId}`].actions[0].review).toMatchObject({ status: 'partly' }));
    await expectNoAxeViolations(page, 'conversation guide with the previous round\'s agreements');
  });
});
