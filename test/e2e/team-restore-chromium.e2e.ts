import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseInvitation } from '../../src/core/round/invitation';
import { makeResponse } from '../../src/core/round/response';
import { sealResponse } from '../../src/core/round/sealing';
import { shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';

const questionnaire = shippedQuestionnaire('production-service');

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** The team table's numbers, as the lead sees them. */
async function teamTable(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="team-table"] tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
}

async function importCodes(page: Page, codes: string[]): Promise<void> {
  const before = await page.evaluate(() => performance.getEntriesByName('shiftmeter:team-imported').length);
  await page.getByLabel('Paste response codes').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('shiftmeter:team-imported').length > n, before);
  // The focus moves to what the import did.
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), (id) => expect(id).toBe('import-report'));
}

function importReport(page: Page): Promise<string> {
  return page.getByTestId('import-report').innerText();
}

async function restore(page: Page, file: string, mode: string, onPreview?: () => Promise<void>): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/data'));
  await page.reload();
  await page.setInputFiles('#restore-file', file);
  await page.getByTestId('restore-preview').or(page.getByTestId('restore-refused-rounds')).waitFor();
  if (await page.getByTestId('restore-refused-rounds').count()) return;
  await onPreview?.();
  await page.getByLabel(mode).check();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByText(/^The backup (was merged|replaced what was stored)\. Restored: /).waitFor();
}

/**
 * The lead's own product cannot undo what protects the members: a backup taken before
 * an import and restored after it leaves the round's count, duplicates and figures as
 * they were, and an edited backup is refused whole.
 */
describe('a team round survives restore and edited backups, in Chromium', () => {
  let lead: ChromiumExtension;
  let page: Page;
  let codes: string[];
  let roundUrl: string;
  let backupFile: string;

  beforeAll(async () => {
    lead = await launchChromium();
    page = await lead.open('dashboard.html#/team');
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('production-service');
    await page.getByLabel('Name of the round').fill('Team Gamma');
    await page.getByRole('button', { name: 'Start the round' }).click();
    // The new round's page takes the focus on its heading, the round's name.
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('round-heading'));
    const invitation = parseInvitation(await eventually(() => page.locator('#invitation-code').inputValue(), (value) => expect(parseInvitation(value).ok).toBe(true)));
    if (!invitation.ok) throw new Error('the invitation did not parse');
    roundUrl = page.url();
    // Six members' codes, sealed here with the code the extension ships.
    codes = await Promise.all(Array.from({ length: 6 }, (_, m) => sealResponse(makeResponse({
      questionnaire, round: invitation.value.round, response: `gamma-${m}`,
      answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i * (m + 2) + m) % 7)])), wanted: {},
      // Format 2 asks "wanted" per item.
      wantedItems: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i * (m + 3) + 2) % 7)])),
    }), invitation.value)));
    // A backup from before any code came in.
    await page.goto(roundUrl.replace(/#.*$/, '#/data'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup (JSON)' }).click()]);
    backupFile = path.join(tmpdir(), `shiftmeter-round-backup-${Date.now()}.json`);
    await download.saveAs(backupFile);
  });
  afterAll(async () => {
    await lead?.close();
  });

  it('names each view in the window title', async () => {
    await page.goto(roundUrl);
    await eventually(() => page.title(), (title) => expect(title).toBe('Team Gamma – Shiftmeter'));
    await page.goto(roundUrl.replace(/#.*$/, '#/data'));
    await eventually(() => page.title(), (title) => expect(title).toBe('Your data – Shiftmeter'));
    await page.goto(roundUrl.replace(/#.*$/, '#/team'));
    await eventually(() => page.title(), (title) => expect(title).toBe('Team rounds – Shiftmeter'));
  });

  it('keeps the count, the refusals of repeats and the figures after the backup from before is restored', async () => {
    await page.goto(roundUrl);
    await importCodes(page, codes.slice(0, 5));
    await eventually(() => importReport(page), (report) => expect(report).toContain('Counted: 5. Not counted: 0.'));
    const figures = await eventually(() => teamTable(page), (table) => expect(table.length).toBeGreaterThan(1));

    await restore(page, backupFile, 'Merge: add what is new, take the backup’s version where they differ', async () => {
      await eventually(() => page.getByTestId('restore-kept-rounds').innerText(), (text) => expect(text).toMatch(/^1 team round you started in this browser stays exactly as it is/));
      await expectNoAxeViolations(page, 'restore preview with a round kept');
    });

    await page.goto(roundUrl);
    await page.reload();
    await page.getByTestId('team-count').waitFor();
    await eventually(() => page.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 5\./));
    await importCodes(page, codes.slice(1, 6));
    await eventually(() => importReport(page), (report) => expect(report).toContain('Counted: 1. Not counted: 4.'));
    await eventually(() => page.getByTestId('team-count').innerText(), (text) => expect(text).toMatch(/^Responses counted: 6\. Figures change only in batches.*next at 10/));
    await eventually(() => teamTable(page), (table) => expect(table).toEqual(figures));
    await page.getByLabel('People invited (optional)').fill('5');
    await page.getByRole('button', { name: 'Save the number invited' }).click();
    await eventually(() => page.getByTestId('too-many').innerText(), (text) => expect(text).toMatch(/^6 responses have come in, but you invited only 5/));
    await expectNoAxeViolations(page, 'round page after the restore');
  });

  it('refuses a backup whose round was edited to a lower minimum group, and writes nothing', async () => {
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    const key = Object.keys(backup.records).find((k) => k.startsWith('round:'))!;
    backup.records[key].minGroup = 3;
    const edited = path.join(tmpdir(), `shiftmeter-round-edited-${Date.now()}.json`);
    await writeFile(edited, JSON.stringify(backup));
    const before = await page.evaluate(() => chrome.storage.local.get(null));
    await restore(page, edited, '');
    await eventually(() => page.getByTestId('restore-refused-rounds').innerText(), (text) => expect(text).toMatch(/^The backup's copy of the team round “Team Gamma” is not an earlier state/));
    await expectNoAxeViolations(page, 'restore refused for an edited round');
    expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual(before);
  });
});
