import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { ADDED_KEYS, addedKey } from '../../src/core/library/added-keys';
import { plannedAnswers } from './support/answers';
import { eventually } from './support/eventually';
import { chooseFile, goTo, launchFirefox, show, waitForReadyMark } from './support/firefox';
import { setTheme } from './support/firefox-pages';
import {
  expectAdded, expectCharted, expectNoAxeViolations, expectResult, expectStoredSitting, historyRemoved, libraryShown, openRefusalDetails, popupCards,
  removeByKeyboard, say, shoot, sittingsTable, storageDump, storedRecords, takeByKeyboard, writeOwnFiles, type OwnFiles,
} from './support/own-questionnaires';
import { expectNoAxeViolationsLightAndDark as expectNoAxeViolationsInBothThemes } from './support/team-own-questionnaire';

/*
 * A questionnaire of one's own in Firefox ESR, over WebDriver BiDi: the same walk as in
 * Chromium (./support/own-questionnaires.ts). The file is chosen with the input's
 * element handle (BiDi's input.setFiles); everything else goes through evaluate and
 * the keyboard, as the other Firefox tests do (./support/firefox.ts).
 */

/**
 * axe in the dashboard's dark and light theme, read until it holds, each once the page's
 * background shows the theme applies (./support/team-own-questionnaire.ts); `darkShot`
 * names a screenshot of the dark one.
 */
const expectNoAxeViolationsLightAndDark = (page: Page, what: string, darkShot?: string) =>
  expectNoAxeViolationsInBothThemes(page, what, setTheme(page), darkShot ? () => shoot(page, 'firefox', darkShot) : undefined);

describe('a questionnaire of one’s own in Firefox ESR', () => {
  let browser: Browser;
  let page: Page;
  let files: OwnFiles;
  let sittingId: string;

  beforeAll(async () => {
    files = await writeOwnFiles();
    ({ browser, welcome: page } = await launchFirefox());
    await waitForReadyMark(page);
  });
  afterAll(async () => {
    await browser?.close();
    if (files) await rm(path.dirname(files.valid), { recursive: true, force: true });
  });

  it('adds a questionnaire from a file on the Self-assessments page, and lists it as added', async () => {
    const { questionnaire } = files;
    await goTo(page, 'dashboard.html#/take');
    await eventually(() => libraryShown(page), (shown) => expect(shown).toMatchObject({ status: [], alert: '', refusal: null, added: [] }));
    await chooseFile(page, '#questionnaire-file', files.valid);
    await expectAdded(page, questionnaire);
    await eventually(() => popupCards(page), (cards) => expect(cards.at(-1)).toEqual({ id: questionnaire.id, title: questionnaire.title.en, mark: say('list.added') }));
    await eventually(() => storedRecords(page), (stored) => {
      expect(stored[addedKey(questionnaire.id, questionnaire.version)]).toMatchObject({ schema: 1, origin: 'file', questionnaire, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
      expect(stored[ADDED_KEYS.index].entries.map((entry: any) => `${entry.id}@${entry.version}`)).toEqual([`${questionnaire.id}@${questionnaire.version}`]);
    });
    await expectNoAxeViolationsLightAndDark(page, 'Self-assessments with the added list');
    await shoot(page, 'firefox', 'take-list');
  });

  it('lists it in the popup, marked “Added by you”, and takes it with the keyboard alone, wanted pass included', async () => {
    const { questionnaire } = files;
    const plan = plannedAnswers(questionnaire);
    await goTo(page, 'popup.html');
    await eventually(() => popupCards(page), (cards) => {
      expect(cards.filter((card) => card.mark !== '')).toEqual([{ id: questionnaire.id, title: questionnaire.title.en, mark: say('list.added') }]);
      expect(cards.at(-1)!.id).toBe(questionnaire.id);
    });
    await expectNoAxeViolations(page, 'popup list with an added questionnaire');
    await shoot(page, 'firefox', 'popup-list');
    await takeByKeyboard(page, questionnaire, plan);
    await expectResult(page, plan);
    await expectNoAxeViolations(page, 'result of an added questionnaire');
    sittingId = (await expectStoredSitting(page, questionnaire, plan)).id;
  });

  it('charts the sitting in the history, with the figures in its table', async () => {
    await goTo(page, `dashboard.html#/history/${files.questionnaire.id}`);
    await expectCharted(page, files.questionnaire, plannedAnswers(files.questionnaire), sittingId);
    await expectNoAxeViolations(page, 'history of an added questionnaire');
    await shoot(page, 'firefox', 'history');
  });

  it('refuses damaged files with the validator’s details and leaves storage byte for byte as it was', async () => {
    const { questionnaire } = files;
    await show(page, '#/take');
    await eventually(() => libraryShown(page), (shown) => expect(shown.added.map((entry) => entry.key)).toEqual([`${questionnaire.id}@${questionnaire.version}`]));
    const before = await storageDump(page);

    await chooseFile(page, '#questionnaire-file', files.tooFewItems);
    await eventually(() => libraryShown(page), (shown) => {
      expect(shown.refusal).toBe(say('file.badQuestionnaire'));
      expect(shown.status).toEqual([]);
    });
    await openRefusalDetails(page);
    await eventually(() => libraryShown(page), (shown) => {
      expect(shown.detailsOpen).toBe(true);
      expect(shown.details).toEqual(files.tooFewItemsProblems);
      expect(shown.added.map((entry) => entry.key)).toEqual([`${questionnaire.id}@${questionnaire.version}`]);
    });
    expect(await storageDump(page)).toBe(before);
    await expectNoAxeViolationsLightAndDark(page, 'Self-assessments with a refused file', 'refusal-dark');
    await page.evaluate(() => document.querySelector('[data-testid="questionnaire-problems"]')?.scrollIntoView());
    await shoot(page, 'firefox', 'refusal');

    for (const file of [files.notJson, files.truncated]) {
      await chooseFile(page, '#questionnaire-file', file);
      await eventually(() => libraryShown(page), (shown) => {
        expect(shown.refusal, path.basename(file)).toBe(say('file.notJson'));
        expect(shown.alert.startsWith(say('file.notJson'))).toBe(true);
        // Where the text stops being JSON, for whoever wrote the file: one line, with its line and column.
        expect(shown.details).toHaveLength(1);
        expect(shown.details[0]).toMatch(/line \d+, column \d+|line \d+/);
      });
      expect(await storageDump(page), path.basename(file)).toBe(before);
    }
    await expectNoAxeViolations(page, 'Self-assessments with a file that is not JSON');

    await chooseFile(page, '#questionnaire-file', files.valid);
    await eventually(() => libraryShown(page), (shown) => {
      expect(shown.status).toEqual([say('library.alreadyHere', { title: questionnaire.title.en!, version: questionnaire.version })]);
      expect(shown.alert).toBe('');
    });
    expect(await storageDump(page)).toBe(before);
  });

  it('removes it by keyboard: the history keeps the sitting and says so, and the same file brings the chart back', async () => {
    const { questionnaire } = files;
    const plan = plannedAnswers(questionnaire);
    await eventually(() => libraryShown(page), (shown) => expect(shown.added).toHaveLength(1));
    await page.evaluate(() => (document.querySelector('h1') as HTMLElement).focus());
    await removeByKeyboard(page, questionnaire);
    await eventually(() => storedRecords(page), (stored) => {
      expect(stored[addedKey(questionnaire.id, questionnaire.version)]).toBeUndefined();
      expect(stored[ADDED_KEYS.index].entries).toEqual([]);
      expect(stored[`sitting:${sittingId}`]).toMatchObject({ id: sittingId, questionnaire: { id: questionnaire.id, version: questionnaire.version } });
    });
    await eventually(() => popupCards(page), (cards) => expect(cards.map((card) => card.id)).not.toContain(questionnaire.id));
    await expectNoAxeViolations(page, 'Self-assessments after a removal');

    await show(page, `#/history/${questionnaire.id}`);
    await eventually(() => historyRemoved(page), (shown) => {
      expect(shown.notice).toBe(say('history.removed', { count: 1, ids: questionnaire.id }));
      expect(shown.chart).toBe(false);
    });
    await expectNoAxeViolations(page, 'history with a removed questionnaire');
    await shoot(page, 'firefox', 'history-removed');
    await show(page, '#/sittings');
    await eventually(() => sittingsTable(page), (rows) => expect(rows).toEqual([{ id: sittingId, questionnaire: say('sittings.removedQuestionnaire', { id: questionnaire.id }) }]));

    await show(page, '#/take');
    await chooseFile(page, '#questionnaire-file', files.valid);
    await expectAdded(page, questionnaire);
    await show(page, `#/history/${questionnaire.id}`);
    await expectCharted(page, questionnaire, plan, sittingId);
    await shoot(page, 'firefox', 'history-again');
    await show(page, '#/sittings');
    await eventually(() => sittingsTable(page), (rows) => expect(rows).toEqual([{ id: sittingId, questionnaire: questionnaire.title.en }]));
  });
});
