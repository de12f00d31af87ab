import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAggregator } from '../../src/core/round/aggregator';
import { makeResponse, type AnonymisedResponse } from '../../src/core/round/response';
import { createRoundKeys, sealResponse } from '../../src/core/round/sealing';
import { shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { storedRecords } from './support/stored';

const questionnaire = shippedQuestionnaire('production-service');
const ROUND_NAME = 'Team Alpha, spring 2027';
const MEMBERS = 5;
const started = Date.now();
const log = (what: string) => process.env.TEAM_E2E_LOG && console.log(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

async function importCodes(page: Page, codes: string[], files: { name: string; text: string }[] = []) {
  const before = await page.evaluate(() => performance.getEntriesByName('shiftmeter:team-imported').length);
  await page.getByLabel('Paste response codes').fill(codes.join('\n\n'));
  if (files.length > 0) {
    await page.getByLabel('Or choose response files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
  }
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('shiftmeter:team-imported').length > n, before);
}

/**
 * Takes the open questionnaire by clicking each page's radio buttons in the page itself
 * (one round trip per page rather than per question, to spare the 2-core machine), then
 * the page's Next or "See my result" button. Member m answers question i with
 * 1 + ((i·(m+2) + m) mod 7), so every member answers differently.
 */
async function answerByClicks(page: Page, m: number): Promise<void> {
  let index = 0;
  for (;;) {
    await page.waitForSelector('fieldset.scale-question');
    const part = await page.locator('label[for="assessment-progress"]').innerText();
    index = await page.evaluate(({ start, m }) => {
      let i = start;
      for (const fieldset of document.querySelectorAll('fieldset.scale-question')) {
        (fieldset.querySelectorAll('input')[((i * (m + 2) + m) % 7)] as HTMLInputElement).click();
        i++;
      }
      return i;
    }, { start: index, m });
    const finish = page.getByRole('button', { name: 'See my result' });
    if (await finish.count()) {
      await finish.click();
      await page.waitForSelector('#result-heading');
      return;
    }
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction((before) => document.querySelector('label[for="assessment-progress"]')?.textContent !== before, part);
  }
}

/** Changes one character in the middle of a code's body. */
function changeOne(code: string): string {
  const at = Math.floor(code.length / 2);
  return code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
}

/** As the import report names a pasted code: its beginning and end. */
const excerpt = (code: string) => `${code.slice(0, 12)}…${code.slice(-8)}`;

describe('a team round in Chromium, with a lead and five members in separate profiles', () => {
  const opened: ChromiumExtension[] = [];
  afterAll(async () => {
    for (const ext of opened) await ext.close().catch(() => undefined);
  });

  it('counts sealed codes, shows nothing below the minimum group, then the figures of the answers given', { timeout: 600_000 }, async () => {
    // The lead starts a round.
    const lead = await launchChromium();
    opened.push(lead);
    const page = await lead.open('dashboard.html#/team');
    await expectNoAxeViolations(page, 'team rounds (start)');
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('production-service');
    await page.getByLabel('Name of the round').fill(ROUND_NAME);
    await eventually(() => page.getByLabel('Minimum group size').inputValue(), (value) => expect(value).toBe('5'));
    await page.getByRole('button', { name: 'Start the round' }).click();
    const invitation = await eventually(() => page.locator('#invitation-code').inputValue(), (value) => expect(value).toMatch(/^SMI2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/));
    await eventually(() => page.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 0\./));
    await page.waitForFunction(() => /^\d{4} \d{4} \d{4} \d{4}$/.test(document.querySelector('[data-testid="round-fingerprint"]')?.textContent ?? ''));
    const fingerprint = await page.getByTestId('round-fingerprint').innerText();
    await page.getByRole('button', { name: 'Copy the invitation message' }).waitFor();
    await expectNoAxeViolations(page, 'round page before any response');
    const leadStored = await eventually(() => page.evaluate(() => chrome.storage.local.get(null)), (data) => {
      expect(Object.values(data).find((v: any) => v?.publicKey && v?.name === ROUND_NAME)).toBeTruthy();
      expect(JSON.stringify(data)).not.toMatch(/privateKey|"d":/);
    });
    const round = Object.values(leadStored).find((v: any) => v?.publicKey && v?.name === ROUND_NAME) as any;
    // The private key is in IndexedDB, and the browser will not let it be read out.
    await eventually(() => page.evaluate((id) => new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('shiftmeter');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('round-keys').objectStore('round-keys').get(id);
        get.onerror = () => reject(get.error);
        get.onsuccess = () => resolve([get.result?.type, get.result?.extractable, get.result?.usages]);
      };
    }), round.id), (key) => expect(key).toEqual(['private', false, ['deriveBits']]));

    // Five members, one after another, each in a profile of their own.
    const codes: string[] = [];
    const given: AnonymisedResponse[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const member = await launchChromium();
      opened.push(member);
      log(`member ${m + 1}`);
      let answer: Page;
      if (m === 0) {
        // The popup's way in, before its list of questionnaires: by keyboard, it opens the
        // dashboard's "Answer a round" with the focus in the invitation field.
        const popup = await member.open('popup.html');
        const opening = member.context.waitForEvent('page', (p) => p.url().includes('#/team/answer'));
        const entry = popup.getByRole('button', { name: 'Answer an invitation from your team lead' });
        const buttonsBefore = await popup.locator('button, a[href]').evaluateAll((all) => all.findIndex((el) => el.textContent === 'Answer an invitation from your team lead'));
        expect(buttonsBefore).toBeLessThanOrEqual(1);
        await entry.focus();
        // The popup closes itself once the dashboard opens, which can end the key press under it.
        await popup.keyboard.press('Enter').catch((error: Error) => {
          if (!/closed/.test(error.message)) throw error;
        });
        answer = await opening;
        await answer.waitForFunction(() => performance.getEntriesByName('shiftmeter:ready').length > 0);
        await eventually(() => answer.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('invitation-input'));
      } else {
        answer = await member.open('dashboard.html#/team/answer');
      }
      if (m === 0) await expectNoAxeViolations(answer, 'answer a round (paste)');
      await answer.getByLabel('Invitation code').fill(`${invitation.slice(0, 40)}\n${invitation.slice(40)}`);
      await answer.getByRole('button', { name: 'Open the invitation', exact: true }).click();
      await eventually(() => answer.locator('#invitation-found').innerText(), (text) => expect(text).toBe(ROUND_NAME));
      // Before answering, the member sees the minimum group and the same fingerprint as the lead.
      await eventually(() => answer.getByTestId('invitation-min-group').innerText(), (text) => expect(text).toMatch(/^Minimum group size: 5\./));
      // ... and that a code counts only with two statements of a dimension answered (otherwise none is made).
      if (m === 0) await eventually(() => answer.getByTestId('counts-only-if').innerText(), (text) => expect(text).toMatch(/at least two statements of at least one dimension/));
      await answer.waitForFunction((expected) => document.querySelector('[data-testid="round-fingerprint"]')?.textContent === expected, fingerprint);
      if (m === 0) await expectNoAxeViolations(answer, 'answer a round (invitation opened)');
      await answer.getByRole('button', { name: 'Answer the round' }).click();
      if (m === 0) {
        // While answering, the page's h1 names the questionnaire, and a line names the round.
        await answer.waitForSelector('fieldset.scale-question');
        expect(await answer.locator('h1').allInnerTexts()).toEqual([questionnaire.title.en]);
        expect(await answer.locator('h1 + p.hint').innerText()).toBe(`For the team round “${ROUND_NAME}”. When you finish, you get a sealed response code to send back to your team lead.`);
        expect(await answer.title()).toBe(`${questionnaire.title.en} – Shiftmeter`);
      }
      await answerByClicks(answer, m);
      const code = await eventually(() => answer.locator('#response-code').inputValue(), (value) => expect(value).toMatch(/^SMR2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/));
      if (m === 0) await expectNoAxeViolations(answer, 'sealed response code');
      if (m === 0 && process.env.TEAM_E2E_SHOTS) await answer.screenshot({ path: `${process.env.TEAM_E2E_SHOTS}/sealed-code.png`, fullPage: true });
      const sittings = await eventually(async () => Object.values(await storedRecords(answer)).filter((v: any) => v?.completedAt) as any[], (found) => {
        expect(found).toHaveLength(1);
        // The member's own sitting keeps the code made from it, to offer it again.
        expect(found[0].round).toEqual({ id: round.id, name: ROUND_NAME, code });
      });
      // Format 2: "wanted" per item goes into the response, as the member's sitting holds it.
      expect(Object.keys(sittings[0].wantedItems)).toHaveLength(questionnaire.items.length);
      given.push(makeResponse({ questionnaire, round: round.id, response: `expected-${m}`, answers: sittings[0].answers, wanted: sittings[0].wanted, wantedItems: sittings[0].wantedItems }));
      codes.push(code);
      if (m === 0) {
        // Opening the same invitation again tells the member they already answered it.
        const again = await member.open('dashboard.html#/team/answer');
        await again.getByLabel('Invitation code').fill(invitation);
        await again.getByRole('button', { name: 'Open the invitation', exact: true }).click();
        await eventually(() => again.getByTestId('answered-before').innerText(), (text) => expect(text).toMatch(/^You already answered this round on .+\. Every answer counts as one more response/));
        // ... and offers the code made then, so a lost message is sent again rather than answered twice.
        await eventually(() => again.locator('#earlier-response-code').inputValue(), (value) => expect(value).toBe(code));
        await expectNoAxeViolations(again, 'invitation answered before');
      }
      await member.close();
      opened.splice(opened.indexOf(member), 1);
    }
    expect(new Set(codes).size).toBe(MEMBERS);

    log('import');
    // Four codes: counted, but nothing is shown but the count.
    await importCodes(page, codes.slice(0, 4));
    await eventually(() => page.getByTestId('import-report').innerText(), (text) => expect(text).toContain('Counted: 4. Not counted: 0.'));
    await eventually(() => page.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 4\. Figures are shown once 5 responses are in/));
    await expect(page.getByTestId('team-figures').count()).resolves.toBe(0);
    await expect(page.locator('canvas').count()).resolves.toBe(0);

    // The fifth, as a file, with a duplicate, another round's code and a code with one character changed.
    const other = await createRoundKeys();
    const otherRound = makeResponse({ questionnaire, round: 'another-round-0123', response: 'r-1', answers: given[0]!.answers, wanted: {}, wantedItems: given[0]!.wanted });
    const otherCode = await sealResponse(otherRound, { round: 'another-round-0123', minGroup: 5, questionnaire: { id: questionnaire.id, version: questionnaire.version }, publicKey: other.publicKey });
    await importCodes(page, [codes[0]!, otherCode, changeOne(codes[1]!)], [{ name: 'fifth.txt', text: `${codes[4]}\n` }]);
    await eventually(() => page.getByTestId('import-report').innerText(), (text) => expect(text).toContain('Counted: 1. Not counted: 3.'));
    await eventually(() => page.locator('[data-testid="refused-table"] tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th')!.textContent, row.querySelector('td')!.textContent])), (reasons) => expect(reasons).toEqual([
      [`Code 1 (${excerpt(codes[0]!)})`, 'Already counted: this response was imported before.'],
      [`Code 2 (${excerpt(otherCode)})`, 'This code answers another round: another-round-0123.'],
      [`Code 3 (${excerpt(changeOne(codes[1]!))})`, 'This code is damaged or mistyped: check that it was copied whole.'],
    ]));
    // The refused codes stay in the box, to be corrected or asked for again; the one already counted goes.
    await eventually(() => page.locator('#import-codes').inputValue(), (value) => expect(value.split(/\n\n/)).toEqual([otherCode, changeOne(codes[1]!)]));
    await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:team-aggregated').length > 0);
    // The count and when figures can next change; never how many codes wait for a figure.
    await eventually(() => page.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 5\. Figures change only in batches.*\(next at 10\)/));

    // The figures match the answers given.
    const aggregator = createAggregator({ questionnaire, minGroup: 5, round: round.id });
    given.forEach((response, i) => expect(aggregator.add(`m${i}`, response)).toEqual({ status: 'counted' }));
    const expected = aggregator.result();
    expect(expected.suppressed).toBe(false);
    const num = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));
    const shown = (value: number | null) => (value === null ? '–' : String(Math.round(value)));
    await eventually(() => page.locator('[data-testid="team-table"] tbody tr[data-dimension]').evaluateAll((trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-dimension'),
      data: { ...(tr as HTMLElement).dataset },
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    }))), (rows) => {
      expect(rows.map((r) => r.id)).toEqual([...questionnaire.dimensions.map((d) => d.id), 'overall']);
      // Means only: never a median or quartile (one of those is a member's own score), nor Cronbach's alpha.
      for (const dimension of expected.dimensions) {
        const row = rows.find((r) => r.id === dimension.id)!;
        expect([row.data.median, row.data.q1, row.data.alpha]).toEqual([undefined, undefined, undefined]);
        expect(num(row.data.mean)).toBe(dimension.mean);
        expect(num(row.data.wanted)).toBe(dimension.wantedMean);
        expect(row.cells.slice(0, 3)).toEqual([String(dimension.n), shown(dimension.mean), shown(dimension.wantedMean)]);
      }
      const overall = rows.find((r) => r.id === 'overall')!;
      expect(overall.cells.slice(0, 2)).toEqual(['5', shown(expected.overall!.mean)]);
    });
    await eventually(() => page.locator('canvas[role="img"]').getAttribute('aria-label'), (label) => expect(label).toMatch(/^Chart of the team's scores per dimension, 0 to 100, from 5 responses: the mean now/));
    // No column, note or word about Cronbach's alpha: a lead who makes up codes could read a member's answers from it (docs/privacy.md).
    await eventually(() => page.locator('[data-testid="team-table"] thead th').evaluateAll((ths) => ths.map((th) => th.textContent)), (heads) => expect(heads).toEqual(['Dimension', 'Responses', 'Mean', 'Wanted (mean)', 'Gap']));
    expect(await page.getByTestId('alpha-note').count()).toBe(0);
    expect(await page.getByTestId('team-figures').innerText()).not.toMatch(/cronbach/i);

    // The lead's storage keeps the tally only: no response id, no answers.
    const after = JSON.stringify(await storedRecords(page));
    expect(after).not.toContain('"answers"');
    expect(after).not.toContain('expected-');
    for (const code of codes) expect(after).not.toContain(code.slice(5, 40));

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `team figures (${colorScheme})`);
      if (process.env.TEAM_E2E_SHOTS) await page.screenshot({ path: `${process.env.TEAM_E2E_SHOTS}/team-figures-${colorScheme}.png`, fullPage: true });
    }
  });

  it("never shows one invitation's fingerprint beside another's details", { timeout: 300_000 }, async () => {
    // Two rounds of one lead; a member opens one invitation, then the other. The
    // fingerprint is what the member checks with the lead, so not even one frame may pair
    // the second round's name with the first round's digits.
    const lead = await launchChromium();
    opened.push(lead);
    const page = await lead.open('dashboard.html#/team');
    const start = async (name: string) => {
      await page.evaluate(() => { location.hash = '#/team'; });
      await page.getByLabel('Questionnaire', { exact: true }).selectOption('production-service');
      await page.getByLabel('Name of the round').fill(name);
      await page.getByRole('button', { name: 'Start the round' }).click();
      const code = await eventually(() => page.locator('#invitation-code').inputValue(), (value) => expect(value).toMatch(/^SMI2\./));
      await page.waitForFunction(() => /^\d{4} \d{4} \d{4} \d{4}$/.test(document.querySelector('[data-testid="round-fingerprint"]')?.textContent ?? ''));
      return { name, code, digits: await page.getByTestId('round-fingerprint').innerText() };
    };
    const first = await start('Round one');
    const second = await start('Round two');
    expect(second.digits).not.toBe(first.digits);

    const member = await launchChromium();
    opened.push(member);
    const answer = await member.open('dashboard.html#/team/answer');
    // Every state of the page after a change, as a screen reader or an eye could meet it.
    await answer.evaluate(() => {
      const seen: { name: string; digits: string }[] = [];
      (globalThis as Record<string, unknown>).seenPairs = seen;
      new MutationObserver(() => {
        const name = document.querySelector('#invitation-found')?.textContent ?? '';
        const digits = document.querySelector('[data-testid="round-fingerprint"]')?.textContent ?? '';
        seen.push({ name, digits });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    for (const round of [first, second]) {
      await answer.getByLabel('Invitation code').fill(round.code);
      await answer.getByRole('button', { name: 'Open the invitation', exact: true }).click();
      await answer.waitForFunction((expected) => document.querySelector('[data-testid="round-fingerprint"]')?.textContent === expected, round.digits);
      expect(await answer.locator('#invitation-found').innerText()).toBe(round.name);
    }
    const seen = (await answer.evaluate(() => (globalThis as Record<string, unknown>).seenPairs)) as { name: string; digits: string }[];
    expect(seen.some((pair) => pair.name === second.name && pair.digits === second.digits)).toBe(true);
    expect(seen.filter((pair) => pair.name === second.name && pair.digits === first.digits)).toEqual([]);
  });
});
