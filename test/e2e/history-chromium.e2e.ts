import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { storedRecords } from './support/stored';
import { launchChromium, waitForReady, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { takeByClicks } from './support/take-by-clicks';

const questionnaire = shippedQuestionnaire('production-service');

const stored = storedRecords;

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** Opens the history's table (a click on its summary toggles it, so once only). */
async function openHistoryTable(page: Page): Promise<void> {
  await page.locator('#over-time-heading ~ details summary').first().click();
  await page.locator('[data-testid="over-time-table"]').waitFor();
}

/** The cells of each row of the open history table, as shown now. */
async function historyTableRows(page: Page): Promise<string[][]> {
  const rows = page.locator('[data-testid="over-time-table"] tbody tr');
  return Promise.all((await rows.all()).map((row) => row.locator('td').allInnerTexts()));
}

describe('the dashboard history in Chromium', () => {
  let ext: ChromiumExtension;

  beforeAll(async () => {
    ext = await launchChromium();
    // Three sittings taken through the popup, each answered differently.
    for (const shift of [0, 2, 4]) {
      const popup = await ext.open('popup.html');
      await popup.click('button[data-questionnaire="production-service"]');
      await takeByClicks(popup, (index) => 1 + ((index + shift) % 7));
      await popup.close();
    }
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('charts every sitting, with a table whose rows match the stored sittings and their scores', async () => {
    const page = await ext.open('dashboard.html#/history/production-service');
    await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0);
    await eventually(() => page.locator('canvas[role="img"]').first().getAttribute('aria-label'), (label) => expect(label).toContain('Line chart'));
    const sittings = await eventually(
      async () => Object.values(await stored(page)).filter((v: any) => v?.completedAt).sort((a: any, b: any) => a.completedAt.localeCompare(b.completedAt)),
      (found) => expect(found).toHaveLength(3),
    );
    await openHistoryTable(page);
    await eventually(() => historyTableRows(page), (rows) => {
      expect(rows).toHaveLength(3);
      sittings.forEach((sitting: any, index) => {
        const score = scoreQuestionnaire(questionnaire, sitting);
        expect(rows[index]).toEqual([String(Math.round(score.overall.now!)), String(Math.round(score.overall.wanted!))]);
      });
    });
    await eventually(() => page.locator('#over-time-summary').innerText(), (text) => expect(text).toMatch(/^3 sittings/));
    // Comparing the latest with the previous one, in words.
    await eventually(() => page.getByTestId('change-words').locator('li').allInnerTexts(), (words) => {
      expect(words).toHaveLength(questionnaire.dimensions.length + 1);
      expect(words.at(-1)).toMatch(/^Overall: (no change|\d+ points? towards (Production|Service) logic)$/);
    });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `history (${colorScheme})`);
    }
    // Choosing a dimension adds its line to the chart and its columns to the table.
    await page.getByLabel('What counts as value').check();
    await eventually(() => page.locator('[data-testid="over-time-table"] thead th').count(), (n) => expect(n).toBe(5));
    await page.close();
  });

  it('keeps a reflection note across a reload', async () => {
    const page = await ext.open('dashboard.html#/sittings');
    await expectNoAxeViolations(page, 'sittings list');
    await page.locator('[data-testid="sittings-table"] tbody a').first().click();
    await page.getByLabel('Reflection note').fill('We started calling people back the same day.');
    await page.getByText('Note saved.').waitFor().catch(async (error) => {
      await page.screenshot({ path: '/tmp/note-fail.png', fullPage: true });
      throw error;
    });
    await expectNoAxeViolations(page, 'sitting detail');
    await page.reload();
    await waitForReady(page);
    await eventually(() => page.getByLabel('Reflection note').inputValue(), (text) => expect(text).toBe('We started calling people back the same day.'));
    await page.close();
  });

  it('removes a deleted sitting from chart and table, and brings it back on undo', async () => {
    const page = await ext.open('dashboard.html#/sittings');
    const firstLink = page.locator('[data-testid="sittings-table"] tbody a').first();
    const href = (await firstLink.getAttribute('href'))!;
    const id = href.split('/').pop()!;
    await firstLink.click();
    await page.getByRole('button', { name: 'Delete this sitting' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    // Undo is where the focus goes, one key press from bringing the sitting back.
    await eventually(() => page.evaluate(() => document.activeElement?.textContent), (text) => expect(text).toBe('Undo'));
    await eventually(() => stored(page), (data) => expect(data[`sitting:${id}`]).toBeUndefined());
    await eventually(() => page.locator('[data-testid="sittings-table"] tbody tr').count(), (n) => expect(n).toBe(2));
    await expectNoAxeViolations(page, 'sittings list with undo');
    await page.goto(page.url().replace(/#.*/, '#/history'));
    await openHistoryTable(page);
    await eventually(() => historyTableRows(page), (rows) => expect(rows).toHaveLength(2));
    await eventually(() => page.locator('#over-time-summary').innerText(), (text) => expect(text).toMatch(/^2 sittings/));
    await page.goto(page.url().replace(/#.*/, '#/sittings'));
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => page.locator('[data-testid="sittings-table"] tbody tr').count(), (n) => expect(n).toBe(3));
    await eventually(() => stored(page), (data) => {
      expect(data[`sitting:${id}`]).toMatchObject({ id });
      expect(data[`note:${id}`]).toMatchObject({ text: 'We started calling people back the same day.' });
    });
    await page.goto(page.url().replace(/#.*/, '#/history'));
    await openHistoryTable(page);
    await eventually(() => historyTableRows(page), (rows) => expect(rows).toHaveLength(3));
    await page.close();
  });

  it('creates an alarm when a reminder cadence is chosen, and the popup shows what is due', async () => {
    const page = await ext.open('dashboard.html#/settings');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `settings (${colorScheme})`);
    }
    await page.getByLabel('Control and service').selectOption('monthly');
    await page.waitForFunction(() => chrome.alarms.getAll().then((alarms: any[]) => alarms.some((a) => a.name === 'reminder:control-service')));
    // The background replaces every reminder alarm (clear, then create) on each reminder
    // change, so the alarm may be missing for a moment after it was first seen.
    await eventually(() => page.evaluate(() => chrome.alarms.get('reminder:control-service')), (alarm: any) => expect(alarm.scheduledTime).toBeGreaterThan(Date.now() + 27 * 86_400_000));
    // A reminder whose time has come shows as due in the popup.
    await page.evaluate(() => chrome.storage.local.set({ 'reminder:npm-npg': { schema: 1, questionnaireId: 'npm-npg', cadence: 'monthly', since: '2020-01-01T00:00:00.000Z' } }));
    const popup = await ext.open('popup.html');
    await eventually(() => popup.locator('.questionnaire-card', { has: popup.locator('button[data-questionnaire="npm-npg"]') }).locator('.due').innerText(), (text) => expect(text).toBe('Due now'));
    await eventually(() => popup.locator('.due').count(), (n) => expect(n).toBe(1));
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await expectNoAxeViolations(page, 'settings in the dark theme');
    await popup.close();
    await page.close();
  });
});
