import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADDED_KEYS, addedKey } from '../../src/core/library/added-keys';
import { plannedAnswers } from './support/answers';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { BACKGROUND } from './support/languages';
import { eventually } from './support/eventually';
import {
  expectAdded, expectCharted, expectNoAxeViolations, expectResult, expectStoredSitting, historyRemoved, libraryShown, popupCards,
  removeByKeyboard, say, shoot, sittingsTable, storageDump, storedRecords, takeByKeyboard, writeOwnFiles, type OwnFiles,
} from './support/own-questionnaires';

/*
 * A questionnaire of one's own in Chromium: added from a file on the Self-assessments
 * page, taken in the popup by keyboard alone, charted in the history, damaged files
 * refused without a byte of storage changing, removed (its sitting kept) and added
 * again. The page walk is shared with Firefox (./support/own-questionnaires.ts).
 */

/** Shows a view of the open dashboard by its address, as a link in the page does. */
async function show(page: Page, hash: string) {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
}

/** axe in the light and the dark theme (the browser's preference), ending in light. */
async function expectNoAxeViolationsLightAndDark(page: Page, what: string, darkShot?: string) {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await eventually(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor), (background) => expect(background).toBe(BACKGROUND[colorScheme]));
    await expectNoAxeViolations(page, `${what} (${colorScheme})`);
    if (darkShot && colorScheme === 'dark') await shoot(page, 'chromium', darkShot);
  }
}

describe('a questionnaire of one’s own in Chromium', () => {
  let ext: ChromiumExtension;
  let files: OwnFiles;
  let dashboard: Page;
  let sittingId: string;

  beforeAll(async () => {
    files = await writeOwnFiles();
    ext = await launchChromium();
    dashboard = await ext.open('dashboard.html#/take');
  });
  afterAll(async () => {
    await ext?.close();
    if (files) await rm(path.dirname(files.valid), { recursive: true, force: true });
  });

  it('adds a questionnaire from a file on the Self-assessments page, and lists it as added', async () => {
    const { questionnaire } = files;
    await eventually(() => libraryShown(dashboard), (shown) => expect(shown).toMatchObject({ status: [], alert: '', refusal: null, added: [] }));
    await dashboard.setInputFiles('#questionnaire-file', files.valid);
    await expectAdded(dashboard, questionnaire);
    // The list of questionnaires above has it too, marked as the person's own.
    await eventually(() => popupCards(dashboard), (cards) => expect(cards.at(-1)).toEqual({ id: questionnaire.id, title: questionnaire.title.en, mark: say('list.added') }));
    // Stored as a record of its own, with the content hash the list shows, and in the index.
    await eventually(() => storedRecords(dashboard), (stored) => {
      expect(stored[addedKey(questionnaire.id, questionnaire.version)]).toMatchObject({ schema: 1, origin: 'file', questionnaire, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
      expect(stored[ADDED_KEYS.index].entries.map((entry: any) => `${entry.id}@${entry.version}`)).toEqual([`${questionnaire.id}@${questionnaire.version}`]);
    });
    await expectNoAxeViolationsLightAndDark(dashboard, 'Self-assessments with the added list');
    await dashboard.evaluate(() => document.getElementById('library-heading')?.scrollIntoView());
    await shoot(dashboard, 'chromium', 'take-list');
  });

  it('lists it in the popup, marked “Added by you”, and takes it with the keyboard alone, wanted pass included', async () => {
    const { questionnaire } = files;
    const plan = plannedAnswers(questionnaire);
    const popup = await ext.open('popup.html');
    await eventually(() => popupCards(popup), (cards) => {
      expect(cards.filter((card) => card.mark !== '')).toEqual([{ id: questionnaire.id, title: questionnaire.title.en, mark: say('list.added') }]);
      expect(cards.at(-1)!.id).toBe(questionnaire.id);
    });
    await expectNoAxeViolations(popup, 'popup list with an added questionnaire');
    await shoot(popup, 'chromium', 'popup-list');
    await takeByKeyboard(popup, questionnaire, plan);
    await expectResult(popup, plan);
    await expectNoAxeViolations(popup, 'result of an added questionnaire');
    sittingId = (await expectStoredSitting(popup, questionnaire, plan)).id;
    await popup.close();
  });

  it('charts the sitting in the history, with the figures in its table', async () => {
    await show(dashboard, `#/history/${files.questionnaire.id}`);
    await expectCharted(dashboard, files.questionnaire, plannedAnswers(files.questionnaire), sittingId);
    await expectNoAxeViolations(dashboard, 'history of an added questionnaire');
    await shoot(dashboard, 'chromium', 'history');
  });

  it('refuses damaged files with the validator’s details and leaves storage byte for byte as it was', async () => {
    const { questionnaire } = files;
    await show(dashboard, '#/take');
    await eventually(() => libraryShown(dashboard), (shown) => expect(shown.added.map((entry) => entry.key)).toEqual([`${questionnaire.id}@${questionnaire.version}`]));
    const before = await storageDump(dashboard);

    // A dimension left with two statement pairs: the plain sentence, then the validator's lines under Details.
    await dashboard.setInputFiles('#questionnaire-file', files.tooFewItems);
    await eventually(() => libraryShown(dashboard), (shown) => {
      expect(shown.refusal).toBe(say('file.badQuestionnaire'));
      expect(shown.status).toEqual([]);
    });
    // The same file chosen again is said again: the alert empties while it is read, then fills anew.
    await dashboard.evaluate(() => {
      const region = document.querySelector('#questionnaire-file')!.closest('section')!.querySelector('[role="alert"]')!;
      const states: string[] = [];
      (window as unknown as { alertStates: string[] }).alertStates = states;
      new MutationObserver(() => states.push(region.textContent ?? '')).observe(region, { childList: true, subtree: true, characterData: true });
    });
    await dashboard.setInputFiles('#questionnaire-file', files.tooFewItems);
    await eventually(() => dashboard.evaluate(() => (window as unknown as { alertStates: string[] }).alertStates), (states) => {
      expect(states).toContain('');
      expect(states.at(-1)).toContain(say('file.badQuestionnaire'));
    });
    await dashboard.getByTestId('questionnaire-problems').getByText('Details').click();
    await eventually(() => libraryShown(dashboard), (shown) => {
      expect(shown.detailsOpen).toBe(true);
      expect(shown.details).toEqual(files.tooFewItemsProblems);
      // The questionnaire added before is still listed.
      expect(shown.added.map((entry) => entry.key)).toEqual([`${questionnaire.id}@${questionnaire.version}`]);
    });
    expect(files.tooFewItemsProblems.join('\n')).toContain('dimensions[1]');
    expect(await storageDump(dashboard)).toBe(before);
    await expectNoAxeViolationsLightAndDark(dashboard, 'Self-assessments with a refused file', 'refusal-dark');
    await dashboard.getByTestId('questionnaire-problems').scrollIntoViewIfNeeded();
    await shoot(dashboard, 'chromium', 'refusal');

    // Not JSON at all, and JSON cut off half-way: one plain sentence and where the text went wrong, nothing stored.
    for (const file of [files.notJson, files.truncated]) {
      await dashboard.setInputFiles('#questionnaire-file', file);
      await eventually(() => libraryShown(dashboard), (shown) => {
        expect(shown.refusal, path.basename(file)).toBe(say('file.notJson'));
        expect(shown.alert.startsWith(say('file.notJson'))).toBe(true);
        // Where the text stops being JSON, for whoever wrote the file: one line, with its line and column.
        expect(shown.details).toHaveLength(1);
        expect(shown.details[0]).toMatch(/line \d+, column \d+|line \d+/);
      });
      expect(await storageDump(dashboard), path.basename(file)).toBe(before);
    }
    await expectNoAxeViolations(dashboard, 'Self-assessments with a file that is not JSON');

    // The same valid file again is already here: said so, and nothing written either.
    await dashboard.setInputFiles('#questionnaire-file', files.valid);
    await eventually(() => libraryShown(dashboard), (shown) => {
      expect(shown.status).toEqual([say('library.alreadyHere', { title: questionnaire.title.en!, version: questionnaire.version })]);
      expect(shown.alert).toBe('');
    });
    expect(await storageDump(dashboard)).toBe(before);
  });

  it('removes it by keyboard: the history keeps the sitting and says so, and the same file brings the chart back', async () => {
    const { questionnaire } = files;
    const plan = plannedAnswers(questionnaire);
    await eventually(() => libraryShown(dashboard), (shown) => expect(shown.added).toHaveLength(1));
    await dashboard.evaluate(() => (document.querySelector('h1') as HTMLElement).focus());
    await removeByKeyboard(dashboard, questionnaire);
    await eventually(() => storedRecords(dashboard), (stored) => {
      expect(stored[addedKey(questionnaire.id, questionnaire.version)]).toBeUndefined();
      expect(stored[ADDED_KEYS.index].entries).toEqual([]);
      expect(stored[`sitting:${sittingId}`]).toMatchObject({ id: sittingId, questionnaire: { id: questionnaire.id, version: questionnaire.version } });
    });
    await eventually(() => popupCards(dashboard), (cards) => expect(cards.map((card) => card.id)).not.toContain(questionnaire.id));
    await expectNoAxeViolations(dashboard, 'Self-assessments after a removal');

    await show(dashboard, `#/history/${questionnaire.id}`);
    await eventually(() => historyRemoved(dashboard), (shown) => {
      expect(shown.notice).toBe(say('history.removed', { count: 1, ids: questionnaire.id }));
      expect(shown.chart).toBe(false);
    });
    await expectNoAxeViolations(dashboard, 'history with a removed questionnaire');
    await shoot(dashboard, 'chromium', 'history-removed');
    await show(dashboard, '#/sittings');
    await eventually(() => sittingsTable(dashboard), (rows) => expect(rows).toEqual([{ id: sittingId, questionnaire: say('sittings.removedQuestionnaire', { id: questionnaire.id }) }]));

    await show(dashboard, '#/take');
    await dashboard.setInputFiles('#questionnaire-file', files.valid);
    await expectAdded(dashboard, questionnaire);
    await show(dashboard, `#/history/${questionnaire.id}`);
    await expectCharted(dashboard, questionnaire, plan, sittingId);
    await shoot(dashboard, 'chromium', 'history-again');
    await show(dashboard, '#/sittings');
    await eventually(() => sittingsTable(dashboard), (rows) => expect(rows).toEqual([{ id: sittingId, questionnaire: questionnaire.title.en }]));
  });
});
