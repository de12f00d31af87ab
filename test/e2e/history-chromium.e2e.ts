import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { toStoredItems } from '../../src/core/storage/stored-form';
import { pages, shippedQuestionnaire } from './support/answers';
import { axeViolations, formatViolations } from './support/axe';
import { storedRecords } from './support/stored';
import { launchChromium, waitForReady, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { makeSittings } from './support/seed';
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
    // Three sittings of 16 pages each (format 2 asks every pair twice) are some 50 page
    // turns: 100-130 s on a busy two-core machine, so the hook gets room for that, not 120 s.
  }, 300_000);
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
      // The poles as the questionnaire names them inside a sentence.
      expect(words.at(-1)).toMatch(new RegExp(`^Overall: (no change|\\d+ points? towards (${questionnaire.poles.from.en}|${questionnaire.poles.to.en}))$`));
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

  it('counts itself ready only once the chart of the questionnaire taken last is in the page', async () => {
    // Opened without a questionnaire named, the view picks the one taken last once the
    // sittings are read, and loads its text then. What the page holds at the moment of
    // its ready mark (the figure the bench times) is recorded as the mark is set.
    const page = await ext.context.newPage();
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'shiftmeter:ready') {
          (globalThis as Record<string, unknown>).atReady = {
            heading: document.querySelector('#over-time-heading') !== null,
            questionnaire: (document.querySelector('#history-questionnaire') as HTMLSelectElement | null)?.value ?? null,
          };
        }
        return mark(name, options);
      };
    });
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/history`);
    await waitForReady(page);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).atReady)).toEqual({ heading: true, questionnaire: 'production-service' });
    await page.close();
  });

  it("draws the questionnaire's actions in its first view, not a read later", async () => {
    // An action chosen after the first sitting: the page's first read carries it, so the
    // marker and the table's words are there at the ready mark (they used to follow a
    // read later, under the reader's eyes).
    const setup = await ext.open('dashboard.html#/data');
    const records = await stored(setup);
    const first = Object.values(records).filter((value: any) => value?.questionnaire?.id === 'production-service').sort((a: any, b: any) => a.completedAt.localeCompare(b.completedAt))[0] as { id: string; completedAt: string };
    const dimension = questionnaire.dimensions[0]!.id;
    const record = { schema: 1, questionnaireId: 'production-service', actions: [{ id: crypto.randomUUID(), sittingId: first.id, dimension, text: 'Call back the same day', createdAt: first.completedAt }] };
    await setup.evaluate((value) => chrome.storage.local.set({ 'actions:production-service': value }), record);
    const page = await ext.context.newPage();
    // The table is drawn only when opened and the markers are on a canvas, so the page's
    // storage calls are watched instead: which asked for the actions, and whether they
    // were back before the ready mark.
    await page.addInitScript(() => {
      const area = chrome.storage.local;
      const get = area.get.bind(area) as (...args: unknown[]) => unknown;
      const seen = ((globalThis as Record<string, unknown>).actionsRead = { askedWithSettings: false, backBeforeReady: false });
      const back = (result: unknown) => {
        if (result && typeof result === 'object' && 'actions:production-service' in result && performance.getEntriesByName('shiftmeter:ready').length === 0) seen.backBeforeReady = true;
      };
      (area as { get: unknown }).get = (...args: unknown[]) => {
        const keys = args[0];
        if (Array.isArray(keys) && keys.includes('settings') && keys.includes('actions:production-service')) seen.askedWithSettings = true;
        const callback = args.at(-1);
        if (typeof callback === 'function') return get(...args.slice(0, -1), (result: unknown) => (back(result), callback(result)));
        const answer = get(...args) as Promise<unknown>;
        void answer.then(back, () => undefined);
        return answer;
      };
    });
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/history`);
    await waitForReady(page);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).actionsRead)).toEqual({ askedWithSettings: true, backBeforeReady: true });
    // And they are drawn: the table, once opened, says the action beside its sitting.
    await page.locator('#over-time-heading ~ details summary').first().click();
    await eventually(() => page.locator('[data-testid="over-time-table"]').innerText(), (text) => expect(text).toContain('Call back the same day'));
    await page.close();
    await setup.evaluate(() => chrome.storage.local.remove('actions:production-service'));
    await setup.close();
  });

  it('keeps a reflection note across a reload', async () => {
    const page = await ext.open('dashboard.html#/sittings');
    await expectNoAxeViolations(page, 'sittings list');
    await page.locator('[data-testid="sittings-table"] tbody a').first().click();
    // Opening a sitting puts the focus on its heading (it fell to the page while the questionnaire loaded).
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('sitting-heading'));
    await page.getByLabel('Reflection note').fill('We started calling people back the same day.');
    await page.getByText('Note saved.').waitFor().catch(async (error) => {
      await page.screenshot({ path: '/tmp/note-fail.png', fullPage: true });
      throw error;
    });
    await expectNoAxeViolations(page, 'sitting detail');
    // Typing on, the status is not emptied and filled again at each pause: it spoke over the person every 400 ms.
    await page.evaluate(() => {
      (window as any).__noteStatus = [];
      new MutationObserver(() => (window as any).__noteStatus.push(document.getElementById('note-status')?.textContent)).observe(document.getElementById('note-status')!, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel('Reflection note').pressSequentially(' And kept at it.', { delay: 30 });
    await eventually(() => stored(page), (data) => expect(Object.values(data).some((v: any) => v?.text === 'We started calling people back the same day. And kept at it.')).toBe(true));
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => (window as any).__noteStatus)).toEqual([]);
    await page.getByLabel('Reflection note').fill('We started calling people back the same day.');
    await eventually(() => stored(page), (data) => expect(Object.values(data).some((v: any) => v?.text === 'We started calling people back the same day.')).toBe(true));
    await page.reload();
    await waitForReady(page);
    await eventually(() => page.getByLabel('Reflection note').inputValue(), (text) => expect(text).toBe('We started calling people back the same day.'));
    // Back to the list, by its link and by the browser's Back: the list's heading has the focus.
    await page.getByRole('link', { name: '← All sittings' }).click();
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('sittings-heading'));
    await page.locator('[data-testid="sittings-table"] tbody a').first().click();
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('sitting-heading'));
    await page.goBack();
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('sittings-heading'));
    await page.close();
  });

  it('removes a deleted sitting from chart and table, and brings it back on undo', async () => {
    const page = await ext.open('dashboard.html#/sittings');
    const firstLink = page.locator('[data-testid="sittings-table"] tbody a').first();
    const href = (await firstLink.getAttribute('href'))!;
    const id = href.split('/').pop()!;
    await firstLink.click();
    await page.getByRole('button', { name: 'Delete this sitting' }).waitFor();
    // While the delete is written, the page never says the sitting "is not stored".
    await page.evaluate(() => {
      (window as any).__alerts = [];
      new MutationObserver(() => document.querySelectorAll('[role="alert"]').forEach((el) => (window as any).__alerts.push(el.textContent))).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Delete this sitting' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    expect((await page.evaluate(() => (window as any).__alerts as string[])).filter((text) => /not stored/.test(text))).toEqual([]);
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
    // Undo is said, where the deletion was, and the focus goes back to the list rather than to the page.
    await eventually(() => page.locator('.toast[role="status"]').innerText(), (text) => expect(text).toMatch(/^The sitting of .+ was brought back\.$/));
    await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => expect(id).toBe('sittings-heading'));
    await eventually(() => stored(page), (data) => {
      expect(data[`sitting:${id}`]).toMatchObject({ id });
      expect(data[`note:${id}`]).toMatchObject({ text: 'We started calling people back the same day.' });
    });
    await page.goto(page.url().replace(/#.*/, '#/history'));
    await openHistoryTable(page);
    await eventually(() => historyTableRows(page), (rows) => expect(rows).toHaveLength(3));
    // A sitting that is not stored is still a page with a heading, and says so.
    await page.goto(page.url().replace(/#.*/, '#/sittings/not-a-sitting'));
    await page.getByRole('alert').filter({ hasText: 'This sitting is not stored' }).waitFor();
    expect(await page.locator('h1').allInnerTexts()).toEqual(['Sittings']);
    await page.close();
  });

  it('creates an alarm when a reminder cadence is chosen, and the popup shows what is due', async () => {
    const page = await ext.open('dashboard.html#/settings');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `settings (${colorScheme})`);
    }
    // Each cadence is a select in a group named Reminders: out of context its own name is only the questionnaire's.
    const cadence = page.getByRole('group', { name: 'Reminders' }).getByRole('combobox', { name: 'Control and service' });
    await cadence.selectOption('monthly');
    await page.waitForFunction(() => chrome.alarms.getAll().then((alarms: any[]) => alarms.some((a) => a.name === 'reminder:control-service')));
    // The background replaces every reminder alarm (clear, then create) on each reminder
    // change, so the alarm may be missing for a moment after it was first seen.
    await eventually(() => page.evaluate(() => chrome.alarms.get('reminder:control-service')), (alarm: any) => expect(alarm.scheduledTime).toBeGreaterThan(Date.now() + 27 * 86_400_000));
    // A reminder whose time has come shows as due in the popup.
    await page.evaluate(() => chrome.storage.local.set({ 'reminder:npm-npg': { schema: 1, questionnaireId: 'npm-npg', cadence: 'monthly', since: '2020-01-01T00:00:00.000Z' } }));
    const popup = await ext.open('popup.html');
    await eventually(() => popup.locator('.questionnaire-row', { has: popup.locator('button[data-questionnaire="npm-npg"]') }).locator('.due').innerText(), (text) => expect(text).toBe('Due now'));
    await eventually(() => popup.locator('.due').count(), (n) => expect(n).toBe(1));
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await expectNoAxeViolations(page, 'settings in the dark theme');
    await popup.close();
    await page.close();
  });
});

/** Screenshots for a person to look at, when HISTORY_SHOTS names a folder. */
async function shoot(target: Page | Locator, name: string) {
  const folder = process.env.HISTORY_SHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
}

/** `count` sittings of a questionnaire as stored, with ids of their own (makeSittings numbers every questionnaire from 0). */
function seeded(questionnaire: Questionnaire, count: number, start: string): Record<string, unknown> {
  const records: Record<string, unknown> = {};
  for (const value of Object.values(makeSittings(questionnaire, count, Date.parse(start))) as { id: string }[]) {
    const id = `${questionnaire.id}-${value.id}`;
    records[`sitting:${id}`] = { ...value, id };
  }
  return toStoredItems(records);
}

describe('the history’s time axis and the result’s markers in Chromium', () => {
  let ext: ChromiumExtension;

  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('draws the history of one sitting and of several, each on an axis that fits them', async () => {
    const setup = await ext.open('dashboard.html#/history');
    await setup.evaluate((records) => chrome.storage.local.set(records), {
      ...seeded(shippedQuestionnaire('control-service'), 1, '2026-02-20T09:00:00.000Z'),
      ...seeded(shippedQuestionnaire('npm-npg'), 6, '2025-01-10T09:00:00.000Z'),
    });
    await setup.close();
    for (const [id, count] of [['control-service', 1], ['npm-npg', 6]] as const) {
      const page = await ext.open(`dashboard.html#/history/${id}`, { reducedMotion: 'reduce' });
      await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0);
      await eventually(() => page.locator('#over-time-summary').innerText(), (text) => expect(text).toMatch(count === 1 ? /^1 sitting, on \d{1,2} \w+ 2026 at \d\d:\d\d\.$/ : /^6 sittings, from .* to .*\. Overall: /));
      await shoot(page.locator('section[aria-labelledby="over-time-heading"]'), count === 1 ? 'history-one-sitting' : 'history-several-sittings');
      await page.close();
    }
  });

  it('keeps the focus in the questionnaire list while arrow keys choose, and keeps the comparison table within 320 px', async () => {
    const page = await ext.open('dashboard.html#/history/control-service');
    await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0);
    await page.locator('#history-questionnaire').focus();
    const before = await page.evaluate(() => location.hash);
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).not.toBe(before));
    // The address follows the choice; the focus stays for the next arrow key (it went to the h1).
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-questionnaire');
    await page.keyboard.press('ArrowUp');
    await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toBe(before));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-questionnaire');
    // npm-npg has six sittings to compare: at 320 px its table scrolls in its own named region, not the page.
    await page.evaluate(() => { location.hash = '#/history/npm-npg'; });
    await page.locator('[data-testid="change-words"]').waitFor();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.locator('details:has([data-testid="comparison-table"]) summary').click();
    const region = page.getByRole('region', { name: 'Two sittings compared, 0 to 100' });
    await region.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page, 'comparison table at 320 px');
    await page.close();
  });

  it('picks the two sittings to compare by year, then by date, with the keyboard alone', async () => {
    const questionnaire = shippedQuestionnaire('silos-joined-up');
    const start = '2023-03-01T09:00:00.000Z';
    const setup = await ext.open('dashboard.html#/history');
    await setup.evaluate((items) => chrome.storage.local.set(items), seeded(questionnaire, 12, start));
    await setup.close();
    // The seeded sittings by year, in this machine's time zone, as the page groups them.
    const completed = (Object.values(makeSittings(questionnaire, 12, Date.parse(start))) as { id: string; completedAt: string }[])
      .map((sitting) => ({ id: `${questionnaire.id}-${sitting.id}`, year: new Date(sitting.completedAt).getFullYear() }));
    const byYear = new Map<number, string[]>();
    for (const { id, year } of completed) byYear.set(year, [...(byYear.get(year) ?? []), id]);
    expect(byYear.size, 'the seeded sittings span several years').toBeGreaterThan(1);
    const [firstYear, firstIds] = [...byYear.entries()][0]!;

    const page = await ext.open(`dashboard.html#/history/${questionnaire.id}`);
    await page.locator('#comparison-heading').waitFor();
    expect(await page.locator('#compare-earlier-year option').allInnerTexts()).toEqual([...byYear.keys()].map(String));
    // What choosing a year does is said beside the lists, and is each year list's description.
    await expect.poll(() => page.locator('#compare-earlier-year').evaluate((select) => (select as HTMLSelectElement).getAttribute('aria-describedby'))).toBe('compare-year-hint');
    expect(await page.locator('#compare-year-hint').innerText()).toBe('Choosing a year picks its most recent sitting; you can then pick another date in that year.');
    // By default: the latest sitting against the one before it.
    expect(await page.locator('#compare-later').inputValue()).toBe(completed.at(-1)!.id);
    expect(await page.locator('#compare-earlier').inputValue()).toBe(completed.at(-2)!.id);

    // Another year shows its latest sitting, and only that year's dates to pick from.
    await page.locator('#compare-earlier-year').focus();
    await page.keyboard.press('Home');
    await eventually(() => page.locator('#compare-earlier').inputValue(), (value) => expect(value).toBe(firstIds.at(-1)));
    expect(await page.locator('#compare-earlier-year').inputValue()).toBe(String(firstYear));
    expect(await page.locator('#compare-earlier option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(firstIds);

    // Then a date within it: the comparison's figures are for the sitting picked.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('compare-earlier');
    await page.keyboard.press('Home');
    await eventually(() => page.locator('#compare-earlier').inputValue(), (value) => expect(value).toBe(firstIds[0]));
    const picked = await page.locator('#compare-earlier option:checked').innerText();
    await eventually(() => page.locator('[data-testid="comparison-table"] thead').textContent(), (text) => expect(text).toContain(picked));
    expect(await page.getByTestId('comparison-notice').count()).toBe(0);
    await expectNoAxeViolations(page, 'the history with sittings over several years');

    // The latest year in the earlier list: the same sitting as the later list's. Said so.
    await page.locator('#compare-earlier-year').focus();
    await page.keyboard.press('End');
    await eventually(() => page.getByTestId('comparison-notice').innerText(), (text) => expect(text).toBe('The same sitting is picked under both “Earlier sitting” and “Later sitting”. Pick another sitting in one of them to compare.'));
    // The first year in the later list: now the "earlier" pick is the later sitting. They are compared oldest first, and that is said.
    await page.locator('#compare-later-year').focus();
    await page.keyboard.press('Home');
    await eventually(() => page.getByTestId('comparison-notice').innerText(), (text) => expect(text).toBe('The sitting picked under “Earlier sitting” is more recent than the one under “Later sitting”, so they are compared with the oldest first.'));
    const laterPick = await page.locator('#compare-later option:checked').innerText();
    const headers = await page.locator('[data-testid="comparison-table"] thead th').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(headers[1], 'the older sitting is the earlier column').toContain(laterPick);
    await expectNoAxeViolations(page, 'the comparison with its notice');
    await page.close();
  });

  it('keeps a wanted marker at 100 and at 0 whole inside its track, in the light and the dark theme', async () => {
    const questionnaire = shippedQuestionnaire('production-service');
    // Every item at 4 now. Wanted (asked per item, on the item's own scale): every item of the first
    // dimension at its "to" statement (100), of the second at its "from" statement (0), the rest in the middle.
    const poleAt = (itemId: string, pole: 'from' | 'to') => ((questionnaire.items.find((item) => item.id === itemId)!.leftPole === pole) ? 1 : 7);
    const wantedAt = (dimension: string, itemId: string) => (dimension === questionnaire.dimensions[0]!.id ? poleAt(itemId, 'to') : dimension === questionnaire.dimensions[1]!.id ? poleAt(itemId, 'from') : 4);
    const choices = pages(questionnaire).flatMap((page) => page.questions.map((question) => (page.kind === 'now' ? 4 : wantedAt(page.dimension, question.slice('wanted:'.length)))));
    const page = await ext.open(`dashboard.html#/take/${questionnaire.id}`);
    await takeByClicks(page, (index) => choices[index]!);
    const overflow = () => page.locator('.position-track').evaluateAll((tracks) => tracks.flatMap((track) => {
      const box = track.getBoundingClientRect();
      return [...track.querySelectorAll<HTMLElement>('.marker')].map((marker) => {
        const inner = marker.getBoundingClientRect();
        // How far the marker's drawn box (its 45° turn included) reaches past the track's on each side; ≤ 0 is inside.
        return { at: marker.dataset.at, kind: marker.classList.contains('marker-wanted') ? 'wanted' : 'now', width: inner.width, past: Math.max(box.left - inner.left, inner.right - box.right, box.top - inner.top, inner.bottom - box.bottom) };
      });
    }));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const markers = await overflow();
      const wanted = markers.filter((m) => m.kind === 'wanted');
      expect(wanted.map((m) => m.at)).toEqual(questionnaire.dimensions.map((_d, i) => String([100, 0][i] ?? 50)));
      for (const marker of markers) {
        expect(marker.width, JSON.stringify(marker)).toBeGreaterThan(8);
        expect(marker.past, `${colorScheme}: ${JSON.stringify(marker)}`).toBeLessThanOrEqual(0.01);
      }
      await expectNoAxeViolations(page, `result with markers at 0 and 100 (${colorScheme})`);
      await shoot(page.locator('section.result'), `result-wanted-at-100-${colorScheme}`);
    }
    await page.close();
  });
});
