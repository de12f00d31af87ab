import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { contentHash } from '../../../src/core/library/content-hash';
import { ADDED_KEYS, addedKey } from '../../../src/core/library/added-keys';
import type { Questionnaire } from '../../../src/core/questionnaire/types';
import { createAggregator } from '../../../src/core/round/aggregator';
import { parseInvitation, type Invitation } from '../../../src/core/round/invitation';
import { INVITATION_FILE_FORMAT, makeInvitationFile, readInvitationFile } from '../../../src/core/round/invitation-file';
import { makeResponse, type AnonymisedResponse } from '../../../src/core/round/response';
import { roundFingerprint } from '../../../src/core/round/round-binding';
import { pages, type Plan } from './answers';
import { eventually } from './eventually';
import { answerNextByKeyboard, pressButtonByKeyboard } from './keyboard';
import { BACKGROUND, type Theme } from './languages';
import { expectNoAxeViolations, say, storedRecords, type OwnPage } from './own-questionnaires';

/*
 * Shared by team-own-questionnaire-chromium.e2e.ts and team-own-questionnaire-firefox.e2e.ts:
 * a team round on a questionnaire of one's own (agency-model, added from a file). The
 * lead starts the round and downloads the invitation file; members whose Shiftmeter lacks
 * the questionnaire are asked for that file, open it, are told what will be added, answer
 * and get a sealed code; the lead imports the codes and sees the figures. As in
 * ./own-questionnaires.ts, everything here acts through `evaluate` and the keyboard, so
 * both browsers walk the same pages; launching profiles, choosing files, catching the
 * download and switching the theme stay in each browser's file.
 */

export const ROUND_NAME = 'Agency model, autumn round';
export const MIN_GROUP = 3;
export const MEMBERS = 3;

/** Sets a field's value the way typing does, so Preact's input handler sees it. */
export async function fillField(page: OwnPage, selector: string, value: string): Promise<void> {
  await waitFor(page, selector);
  await page.evaluate(({ selector, value }) => {
    const field = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) throw new Error(`no field ${selector}`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, { selector, value });
}

/** Chooses an option of a select as a change by the person would. */
async function chooseOption(page: OwnPage, selector: string, value: string): Promise<void> {
  await waitFor(page, selector);
  await page.evaluate(({ selector, value }) => {
    const select = document.querySelector(selector) as HTMLSelectElement | null;
    if (!select) throw new Error(`no select ${selector}`);
    if (![...select.options].some((option) => option.value === value)) throw new Error(`${selector} offers no ${value}`);
    select.value = value;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, { selector, value });
}

/** Clicks the button with this text, once it is shown. */
export async function clickButton(page: OwnPage, text: string): Promise<void> {
  await eventually(() => page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label && !b.disabled);
    if (!button) return false;
    button.click();
    return true;
  }, text), (clicked) => expect(clicked, `a button “${text}” to click`).toBe(true));
}

/**
 * Waits until the page shows `selector`; if it never does, the failure says what the page
 * showed instead (its address, language, visibility and the start of its text).
 */
export async function waitFor(page: OwnPage, selector: string, timeout = 15_000): Promise<void> {
  await eventually(() => page.evaluate((css) => ({
    found: document.querySelector(css) !== null,
    shown: `${location.hash} (lang ${document.documentElement.lang}, ${document.visibilityState}): ${(document.querySelector('main')?.textContent ?? document.body?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)}`,
  }), selector), (page) => expect(page.found, `${selector} on ${page.shown}`).toBe(true), { timeout });
}

/** Shows a view of the open dashboard by its address, as a link in the page does. */
export async function show(page: OwnPage, hash: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
}

/* The lead. */

export interface StartedRound {
  roundId: string;
  /** The invitation code as the lead's page shows it. */
  code: string;
  invitation: Invitation;
  fingerprint: string;
}

/**
 * On Team rounds, starts a round on `questionnaire` (already added) with the minimum
 * group of 3; returns once the round page shows its invitation and fingerprint.
 */
export async function startRound(page: OwnPage, questionnaire: Questionnaire): Promise<StartedRound> {
  await show(page, '#/team');
  // The questionnaire of one's own is offered beside the shipped ones, by its title.
  await eventually(() => page.evaluate(() => [...document.querySelectorAll('#round-questionnaire option')].map((o) => [(o as HTMLOptionElement).value, o.textContent])),
    (options) => expect(options).toContainEqual([questionnaire.id, questionnaire.title.en]));
  await chooseOption(page, '#round-questionnaire', questionnaire.id);
  await fillField(page, '#round-name', ROUND_NAME);
  await fillField(page, '#round-min-group', String(MIN_GROUP));
  await clickButton(page, say('team.startButton'));
  const roundId = await eventually(() => page.evaluate(() => location.hash), (hash) => expect(hash).toMatch(/^#\/team\/round\/[^/]+$/), { timeout: 15_000 });
  const code = await eventually(() => page.evaluate(() => (document.querySelector('#invitation-code') as HTMLTextAreaElement | null)?.value ?? ''),
    (value) => expect(value).toMatch(/^SMI2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/), { timeout: 15_000 });
  const parsed = parseInvitation(code);
  if (!parsed.ok) throw new Error(`the lead's invitation does not parse: ${JSON.stringify(parsed.problem)}`);
  const invitation = parsed.value;
  // The round binds the questionnaire's content: its id, version and the hash of the very text added.
  expect(invitation).toMatchObject({ name: ROUND_NAME, minGroup: MIN_GROUP, questionnaire: { id: questionnaire.id, version: questionnaire.version, hash: await contentHash(questionnaire) } });
  const fingerprint = await roundFingerprint(invitation);
  await eventually(() => page.evaluate(() => document.querySelector('[data-testid="round-fingerprint"]')?.textContent ?? ''), (shown) => expect(shown).toBe(fingerprint), { timeout: 15_000 });
  return { roundId: decodeURIComponent(roundId.slice('#/team/round/'.length)), code, invitation, fingerprint };
}

/** The invitation-file box on the lead's round page: its hint, its button and its status ('' until saved), or null when there is none. */
export function invitationFileBox(page: OwnPage): Promise<{ hint: string; button: string; status: string } | null> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="invitation-file"]');
    if (!box) return null;
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    return {
      hint: clean(box.querySelector('p')?.textContent),
      button: clean(box.querySelector('button')?.textContent),
      status: clean(box.querySelector('[role="status"]')?.textContent),
    };
  });
}

export async function expectInvitationFileBox(page: OwnPage): Promise<void> {
  await eventually(() => invitationFileBox(page), (box) => expect(box).toEqual({ hint: say('team.invitationFileHint'), button: say('team.downloadInvitationFile'), status: '' }));
}

/** The name the round page gives the invitation file. */
export const invitationFileName = (roundId: string) => `shiftmeter-invitation-${roundId}.json`;

/**
 * The file the lead downloaded is the invitation file the page makes (the code on the
 * page and the questionnaire the test wrote, as JSON with two-space indents), and reads
 * back as that invitation with that questionnaire.
 */
export async function expectInvitationFile(text: string, round: StartedRound, questionnaire: Questionnaire): Promise<void> {
  const file = JSON.parse(text);
  expect(file).toEqual({ format: INVITATION_FILE_FORMAT, formatVersion: 1, invitation: round.code, questionnaire });
  expect(file).toEqual(makeInvitationFile(round.invitation, questionnaire));
  expect(text.endsWith('}\n')).toBe(true);
  const read = await readInvitationFile(text);
  expect(read.ok).toBe(true);
  if (read.ok) {
    expect(read.invitation).toEqual(round.invitation);
    expect(await contentHash(read.questionnaire)).toBe(round.invitation.questionnaire.hash);
  }
}

/* A member. */

/** What the member's "Answer a round" page shows now. */
export interface AnswerShown {
  /** The refusal's text ('' when none). */
  alert: string;
  /** The invitation's heading (the round's name), '' when no invitation is open. */
  found: string;
  /** "Questionnaire: …" under it. */
  questionnaire: string;
  /** The notice that the questionnaire will be added ('' when none). */
  willAdd: string;
  minGroup: string;
  fingerprint: string;
  answerButton: boolean;
  /** The invitation field's text. */
  code: string;
}

export function answerShown(page: OwnPage): Promise<AnswerShown> {
  return page.evaluate(() => {
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const section = document.querySelector('section[aria-labelledby="invitation-found"]');
    return {
      alert: clean(document.querySelector('[role="alert"]')?.textContent),
      found: clean(document.getElementById('invitation-found')?.textContent),
      questionnaire: clean(section?.querySelector('h2 + p')?.textContent),
      willAdd: clean(document.querySelector('[data-testid="will-add"]')?.textContent),
      minGroup: clean(document.querySelector('[data-testid="invitation-min-group"]')?.textContent),
      fingerprint: clean(section?.querySelector('[data-testid="round-fingerprint"]')?.textContent),
      answerButton: [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Answer the round'),
      code: (document.getElementById('invitation-input') as HTMLTextAreaElement | null)?.value ?? '',
    };
  });
}

/** Pastes the invitation code into the field and opens it with the button. */
export async function pasteInvitation(page: OwnPage, code: string, by: 'click' | 'keyboard' = 'click'): Promise<void> {
  // As a mail client may break it: in two lines.
  await fillField(page, '#invitation-input', `${code.slice(0, 50)}\n${code.slice(50)}`);
  if (by === 'keyboard') await pressButtonByKeyboard(page, say('team.openInvitation'));
  else await clickButton(page, say('team.openInvitation'));
}

const NOTHING_OPEN = { found: '', questionnaire: '', willAdd: '', minGroup: '', fingerprint: '', answerButton: false };

/** The pasted code is refused, in words that ask for the invitation file; nothing else is offered. */
export async function expectAskedForFile(page: OwnPage, questionnaire: Questionnaire): Promise<void> {
  await eventually(() => answerShown(page), (shown) => expect(shown).toMatchObject({
    alert: say('team.invitationNeedsFile', { id: questionnaire.id, version: questionnaire.version }),
    ...NOTHING_OPEN,
  }));
}

/**
 * The invitation file opened: the round, with the notice that names the questionnaire it
 * will add, the minimum group and the lead's fingerprint; no refusal. The code the file
 * holds is in the field now.
 */
export async function expectWillAdd(page: OwnPage, round: StartedRound, questionnaire: Questionnaire): Promise<void> {
  await eventually(() => answerShown(page), (shown) => expect(shown).toEqual({
    alert: '',
    found: ROUND_NAME,
    questionnaire: `${say('team.invitationFor')} ${questionnaire.title.en}`,
    willAdd: say('team.willAdd', { title: questionnaire.title.en!, version: questionnaire.version }),
    minGroup: say('team.memberMinGroup', { min: MIN_GROUP }),
    fingerprint: round.fingerprint,
    answerButton: true,
    code: round.code,
  }));
}

/** The pasted code opens the invitation at once: no refusal, nothing to add. */
export async function expectOpensDirectly(page: OwnPage, round: StartedRound, questionnaire: Questionnaire): Promise<void> {
  await eventually(() => answerShown(page), (shown) => expect(shown).toMatchObject({
    alert: '',
    found: ROUND_NAME,
    questionnaire: `${say('team.invitationFor')} ${questionnaire.title.en}`,
    willAdd: '',
    minGroup: say('team.memberMinGroup', { min: MIN_GROUP }),
    fingerprint: round.fingerprint,
    answerButton: true,
  }));
}

/** The added questionnaires in this profile's storage: `id@version` → origin and hash. */
export async function addedHere(page: OwnPage): Promise<Record<string, { origin: string; hash: string }>> {
  const stored = await storedRecords(page);
  return Object.fromEntries(Object.entries(stored)
    .filter(([key]) => key.startsWith(ADDED_KEYS.prefix))
    .map(([key, value]: [string, any]) => [key.slice(ADDED_KEYS.prefix.length), { origin: value.origin, hash: value.hash }]));
}

const progressText = (page: OwnPage) => page.evaluate(() => document.querySelector('label[for="assessment-progress"]')?.textContent ?? '');

/**
 * Answers the round's questionnaire by clicking, one round trip a page: member `m`
 * answers the i-th question shown 1 + ((i·(m+2) + m) mod 7), so every member answers
 * differently. Starts on the invitation, with "Answer the round"; returns at the result.
 */
export async function answerByClicks(page: OwnPage, questionnaire: Questionnaire, m: number): Promise<void> {
  const count = pages(questionnaire).length;
  await clickButton(page, say('team.answerButton'));
  let index = 0;
  for (let part = 1; part <= count; part++) {
    await eventually(() => progressText(page), (text) => expect(text).toBe(`Part ${part} of ${count}`), { timeout: 15_000 });
    index = await page.evaluate(({ start, m }) => {
      let i = start;
      for (const fieldset of document.querySelectorAll('fieldset.scale-question')) {
        (fieldset.querySelectorAll('input')[(i * (m + 2) + m) % 7] as HTMLInputElement).click();
        i++;
      }
      return i;
    }, { start: index, m });
    await clickButton(page, part === count ? 'See my result' : 'Next');
  }
  await waitFor(page, '#result-heading');
}

/**
 * Answers by keyboard alone: Tab to "Answer the round" and Enter, then on every page Tab
 * to each unanswered group, Space and the arrow keys to the planned position, and Tab
 * and Enter to "Next" (the last page: "See my result").
 */
export async function answerByKeyboard(page: OwnPage, questionnaire: Questionnaire, plan: Plan): Promise<void> {
  const pageList = pages(questionnaire, plan.notApplicable);
  await pressButtonByKeyboard(page, say('team.answerButton'));
  for (const [index, shown] of pageList.entries()) {
    await eventually(() => progressText(page), (text) => expect(text).toBe(`Part ${index + 1} of ${pageList.length}`), { timeout: 15_000 });
    for (const question of shown.questions) {
      const position = plan.position(question);
      await answerNextByKeyboard(page, position === 'n/a' ? 8 : position);
    }
    await pressButtonByKeyboard(page, index === pageList.length - 1 ? 'See my result' : 'Next');
  }
  await waitFor(page, '#result-heading');
}

/**
 * The sealed code under the result, and what the member's profile keeps: the
 * questionnaire added from the invitation file (origin team-round, the round's hash),
 * and the one sitting, marked with the round and that code. Returns the code and the
 * response the code should hold, for the expected figures.
 */
export async function expectSealed(page: OwnPage, round: StartedRound, questionnaire: Questionnaire, m: number, origin: 'team-round' | 'file'): Promise<{ code: string; response: AnonymisedResponse }> {
  const code = await eventually(() => page.evaluate(() => (document.getElementById('response-code') as HTMLTextAreaElement | null)?.value ?? ''),
    (value) => expect(value).toMatch(/^SMR2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/), { timeout: 15_000 });
  await eventually(() => page.evaluate(() => document.activeElement?.id ?? ''), (id) => expect(id).toBe('sealed-heading'));
  const stored = await eventually(() => storedRecords(page), (data) => {
    expect(data[addedKey(questionnaire.id, questionnaire.version)]).toMatchObject({ origin, questionnaire, hash: round.invitation.questionnaire.hash });
    expect(data[ADDED_KEYS.index].entries.map((entry: any) => `${entry.id}@${entry.version}`)).toEqual([`${questionnaire.id}@${questionnaire.version}`]);
    const sittings = Object.entries(data).filter(([key]) => key.startsWith('sitting:')).map(([, value]) => value);
    expect(sittings).toHaveLength(1);
    expect(sittings[0]).toMatchObject({ questionnaire: { id: questionnaire.id, version: questionnaire.version }, round: { id: round.roundId, name: ROUND_NAME, code } });
  });
  const sitting = Object.entries(stored).find(([key]) => key.startsWith('sitting:'))![1];
  expect(Object.keys(sitting.wantedItems)).toHaveLength(questionnaire.items.length);
  const response = makeResponse({ questionnaire, round: round.roundId, response: `expected-${m}`, answers: sitting.answers, wanted: sitting.wanted, wantedItems: sitting.wantedItems });
  return { code, response };
}

/* The lead again. */

/** Pastes the codes (a blank line between them) and imports them; returns once the report says so. */
export async function importCodes(page: OwnPage, codes: readonly string[]): Promise<void> {
  await fillField(page, '#import-codes', codes.join('\n\n'));
  await clickButton(page, say('team.importButton'));
  await eventually(() => page.evaluate(() => document.querySelector('[data-testid="import-report"]')?.textContent ?? ''),
    (text) => expect(text).toBe(say('team.importSummary', { counted: codes.length, refused: 0 })), { timeout: 15_000 });
}

/**
 * The team's figures: the count, and per dimension the n and means the members' answers
 * give (worked out here with the kit's aggregator, which follows the lead's rule), the
 * overall row last, and a chart of them.
 */
export async function expectTeamFigures(page: OwnPage, round: StartedRound, questionnaire: Questionnaire, responses: readonly AnonymisedResponse[]): Promise<void> {
  const aggregator = createAggregator({ questionnaire, minGroup: MIN_GROUP, round: round.roundId });
  responses.forEach((response, i) => expect(aggregator.add(`m${i}`, response)).toEqual({ status: 'counted' }));
  const expected = aggregator.result();
  expect(expected.suppressed).toBe(false);
  await eventually(() => page.evaluate(() => document.querySelector('[data-testid="team-count"]')?.textContent ?? ''),
    (text) => expect(text.startsWith(`Responses counted: ${responses.length}.`)).toBe(true), { timeout: 15_000 });
  const shown = (value: number | null) => (value === null ? '–' : String(Math.round(value)));
  const num = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));
  await eventually(() => page.evaluate(() => [...document.querySelectorAll('[data-testid="team-table"] tbody tr[data-dimension]')].map((tr) => ({
    id: tr.getAttribute('data-dimension'),
    mean: (tr as HTMLElement).dataset.mean,
    wanted: (tr as HTMLElement).dataset.wanted,
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
  }))), (rows) => {
    expect(rows.map((row) => row.id)).toEqual([...questionnaire.dimensions.map((d) => d.id), 'overall']);
    for (const dimension of expected.dimensions) {
      const row = rows.find((r) => r.id === dimension.id)!;
      expect(dimension.n).toBe(responses.length);
      expect(num(row.mean), dimension.id).toBe(dimension.mean);
      expect(num(row.wanted), dimension.id).toBe(dimension.wantedMean);
      expect(row.cells.slice(0, 3), dimension.id).toEqual([String(responses.length), shown(dimension.mean), shown(dimension.wantedMean)]);
    }
    const overall = rows.find((r) => r.id === 'overall')!;
    expect(overall.cells.slice(0, 2)).toEqual([String(responses.length), shown(expected.overall!.mean)]);
  }, { timeout: 15_000 });
  await eventually(() => page.evaluate(() => document.querySelector('canvas[role="img"]')?.getAttribute('aria-label') ?? ''),
    (label) => expect(label.startsWith(`Chart of the team's scores per dimension, 0 to 100, from ${responses.length} responses`)).toBe(true));
}

/* Both. */

/**
 * axe in the dark and the light theme, ending in light; `setTheme` switches the page's
 * theme as the browser allows (Chromium: the colour-scheme preference; Firefox: the
 * dashboard's own setting), and the page's background shows that it applies.
 */
export async function expectNoAxeViolationsLightAndDark(page: OwnPage, what: string, setTheme: (theme: Theme) => Promise<void>, darkShot?: () => Promise<void>): Promise<void> {
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(theme);
    await eventually(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor), (background) => expect(background).toBe(BACKGROUND[theme]));
    await expectNoAxeViolations(page, `${what} (${theme})`);
    if (theme === 'dark' && darkShot) await darkShot();
  }
}

/** Where a screenshot goes when TEAM_OWN_SHOTS names a folder (`chromium-will-add.png`), else null. */
export function shotFile(browser: 'chromium' | 'firefox', name: string): string | null {
  const folder = process.env.TEAM_OWN_SHOTS;
  if (!folder) return null;
  mkdirSync(folder, { recursive: true });
  return path.join(folder, `${browser}-${name}.png`);
}

/** A whole-page screenshot, for a person to look at, when TEAM_OWN_SHOTS is set; `at` is scrolled into view first. */
export async function shoot(page: OwnPage & { screenshot(options: { path: string; fullPage: boolean }): Promise<unknown> }, browser: 'chromium' | 'firefox', name: string, at?: string): Promise<void> {
  const file = shotFile(browser, name);
  if (!file) return;
  if (at) await page.evaluate((css) => document.querySelector(css)?.scrollIntoView({ block: 'center' }), at);
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Members' profiles, started ahead of need (a browser's start is mostly waiting, which
 * the 2-core machine can overlap with another member's answers): `prepare(count)` starts
 * that many ahead; `next()` gives the oldest started ahead, or starts one; `close()`
 * ends one given out, in the background; `dispose()` ends whatever is still open or
 * starting, after a failure too, and waits for every end.
 */
export function profilesAhead<T>(launch: () => Promise<T>, end: (profile: T) => Promise<void>) {
  const open = new Set<T>();
  const ending = new Set<Promise<void>>();
  const ahead: Promise<T>[] = [];
  const start = () => {
    const starting = launch().then((profile) => {
      open.add(profile);
      return profile;
    });
    starting.catch(() => undefined);
    return starting;
  };
  const close = (profile: T) => {
    open.delete(profile);
    ending.add(end(profile).catch(() => undefined));
  };
  return {
    prepare(count: number): void {
      for (let i = 0; i < count; i++) ahead.push(start());
    },
    next(): Promise<T> {
      return ahead.shift() ?? start();
    },
    close,
    async dispose(): Promise<void> {
      await Promise.all(ahead.splice(0).map((starting) => starting.catch(() => undefined)));
      for (const profile of open) close(profile);
      await Promise.all(ending);
    },
  };
}
