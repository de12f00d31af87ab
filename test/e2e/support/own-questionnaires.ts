import { mkdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { describeProblem, type Problem } from '../../../src/core/problems';
import type { Questionnaire } from '../../../src/core/questionnaire/types';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { fromStoredItems } from '../../../src/core/storage/stored-form';
import { en } from '../../../src/ui/i18n/en';
import { enDashboard } from '../../../src/ui/i18n/en-dashboard';
import { interpolate, type Params } from '../../../src/ui/i18n/interpolate';
import { makeProfileQuestionnaire } from '../../helpers/questionnaire-fixture';
import { pages, type Plan } from './answers';
import { axeViolations, formatViolations } from './axe';
import { eventually } from './eventually';
import { answerNextByKeyboard, pressButtonByKeyboard, tabUntil, type KeyboardPage } from './keyboard';

/*
 * Shared by own-questionnaires-chromium.e2e.ts and own-questionnaires-firefox.e2e.ts: a
 * questionnaire of one's own, added from a file on the Self-assessments page, taken in
 * the popup, charted, refused when damaged, removed and added again. Everything here
 * reads and acts through `evaluate` (one argument, which Playwright and Puppeteer both
 * take) and the keyboard, so the two browsers walk the same pages the same way; what
 * differs (opening a page, choosing a file) stays in each browser's file.
 */

/** A Playwright or Puppeteer page, as far as these helpers use it. */
export interface OwnPage extends KeyboardPage {
  evaluate(script: string): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  evaluate<R>(fn: () => R): Promise<Awaited<R>>;
}

export const OWN_ID = 'agency-model';

/** The interface's English texts, filled in as the page fills them. */
const messages: Readonly<Record<string, string>> = { ...enDashboard, ...en };
export function say(key: keyof typeof enDashboard | keyof typeof en, params?: Params): string {
  const template = messages[key];
  if (template === undefined) throw new Error(`no message ${key}`);
  return interpolate(template, params, 'en');
}

/**
 * The questionnaire of one's own: format 2, a profile on two axes (4 dimensions of 3
 * statement pairs each, version 2), with an id and a title of its own, in English,
 * Swedish and Danish.
 */
export function ownQuestionnaire(): Questionnaire {
  const base = makeProfileQuestionnaire();
  return {
    ...base,
    id: OWN_ID,
    title: { en: 'Agency service model', sv: 'Myndighetens tjänstemodell', da: 'Styrelsens servicemodel' },
    description: { en: 'How our agency meets the people it serves.', sv: 'Hur vår myndighet möter dem den finns till för.', da: 'Hvordan vores styrelse møder dem, den er til for.' },
  };
}

export interface OwnFiles {
  questionnaire: Questionnaire;
  /** The valid file. */
  valid: string;
  /** The same questionnaire with one dimension left with two statement pairs: refused by the validator. */
  tooFewItems: string;
  /** What the validator says of it, as `describeProblem` words each problem (the place, then what is wrong). */
  tooFewItemsProblems: string[];
  /** Plain text, not JSON. */
  notJson: string;
  /** The valid file cut off half-way: JSON that does not parse. */
  truncated: string;
}

/** Writes the files a test adds (and tries to add) to a folder of its own. */
export async function writeOwnFiles(): Promise<OwnFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shiftmeter-own-'));
  const questionnaire = ownQuestionnaire();
  const checked = validateQuestionnaire(questionnaire);
  if (!checked.ok) throw new Error(`the test's own questionnaire is not valid: ${checked.problems.map(describeProblem).join('; ')}`);
  const damaged = structuredClone(questionnaire) as Questionnaire;
  const dropped = damaged.items.find((item) => item.dimension === damaged.dimensions[1]!.id)!;
  (damaged as { items: Questionnaire['items'] }).items = damaged.items.filter((item) => item !== dropped);
  const refused = validateQuestionnaire(damaged);
  if (refused.ok) throw new Error('the damaged questionnaire passed the validator');
  const text = JSON.stringify(questionnaire, null, 2);
  const files = {
    valid: path.join(dir, `${OWN_ID}.json`),
    tooFewItems: path.join(dir, `${OWN_ID}-too-few-items.json`),
    notJson: path.join(dir, `${OWN_ID}-notes.json`),
    truncated: path.join(dir, `${OWN_ID}-truncated.json`),
  };
  await writeFile(files.valid, text);
  await writeFile(files.tooFewItems, JSON.stringify(damaged, null, 2));
  await writeFile(files.notJson, 'Agency service model\nDimension 1: from a set goal to what emerges\n');
  await writeFile(files.truncated, text.slice(0, Math.floor(text.length / 2)));
  return { questionnaire, ...files, tooFewItemsProblems: refused.problems.map((problem: Problem) => describeProblem(problem)) };
}

/**
 * Everything in the extension's storage, as stored, as one JSON text with the keys in
 * order: two dumps are equal only if every record is byte for byte the same.
 */
export async function storageDump(page: OwnPage): Promise<string> {
  return page.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const all: Record<string, unknown> = await api.storage.local.get(null);
    return JSON.stringify(Object.fromEntries(Object.keys(all).sort().map((key) => [key, all[key]])));
  });
}

/** Everything in storage, read as the extension reads it (sittings parsed). */
export async function storedRecords(page: OwnPage): Promise<Record<string, any>> {
  return fromStoredItems(JSON.parse(await storageDump(page)));
}

/** What the "Add a questionnaire of your own" section shows now. */
export interface LibraryShown {
  /** The texts of its status lines (an addition's outcome, a removal's), empty ones left out. */
  status: string[];
  /** The alert's text ('' when it says nothing). */
  alert: string;
  /** The refusal's first sentence, or null when no file is refused. */
  refusal: string | null;
  /** The refusal's details (the validator's lines), empty when it has none. */
  details: string[];
  /** Whether the details are open, so a person sees them. */
  detailsOpen: boolean;
  /** Each added questionnaire listed: `id@version` and the text of its entry. */
  added: { key: string; title: string; facts: string }[];
}

export function libraryShown(page: OwnPage): Promise<LibraryShown> {
  return page.evaluate(() => {
    const section = document.querySelector('section[aria-labelledby="library-heading"]');
    if (!section) throw new Error('no “Add a questionnaire of your own” section');
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const problems = section.querySelector('[data-testid="questionnaire-problems"]');
    return {
      status: [...section.querySelectorAll('[role="status"]')].map((el) => clean(el.textContent)).filter(Boolean),
      alert: clean(section.querySelector('[role="alert"]')?.textContent),
      refusal: problems ? clean(problems.querySelector(':scope > p')?.textContent) : null,
      details: problems ? [...problems.querySelectorAll('details li')].map((li) => clean(li.textContent)) : [],
      detailsOpen: !!problems?.querySelector('details')?.open,
      added: [...section.querySelectorAll('[data-testid="added-questionnaires"] > li')].map((li) => ({
        key: li.getAttribute('data-added') ?? '',
        title: clean(li.querySelector('strong')?.textContent),
        facts: clean(li.querySelector('.hint')?.textContent),
      })),
    };
  });
}

/** The success status and the entry in the list, after the valid file was chosen. */
export async function expectAdded(page: OwnPage, questionnaire: Questionnaire): Promise<void> {
  const key = `${questionnaire.id}@${questionnaire.version}`;
  await eventually(() => libraryShown(page), (shown) => {
    expect(shown.status).toEqual([say('library.added', { title: questionnaire.title.en!, version: questionnaire.version })]);
    expect(shown.alert).toBe('');
    expect(shown.added.map((entry) => entry.key)).toEqual([key]);
    expect(shown.added[0]!.title).toBe(questionnaire.title.en);
    expect(shown.added[0]!.facts).toMatch(new RegExp(`^${questionnaire.id}, version ${questionnaire.version}, added .+ · ${say('library.origin.file')} · ${say('library.hash')} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$`));
  }, { timeout: 15_000 });
}

/** Opens the refusal's details, as a person does to see the validator's lines. */
export async function openRefusalDetails(page: OwnPage): Promise<void> {
  await page.evaluate(() => {
    const details = document.querySelector('[data-testid="questionnaire-problems"] details') as HTMLDetailsElement | null;
    if (!details) throw new Error('the refusal has no details');
    details.open = true;
  });
}

/** The questionnaires the popup lists: id, title and the mark under the title ('' when none). */
export function popupCards(page: OwnPage): Promise<{ id: string; title: string; mark: string }[]> {
  return page.evaluate(() => [...document.querySelectorAll('li.questionnaire-card, li.questionnaire-row')].map((card) => ({
    id: card.querySelector('button[data-questionnaire]')?.getAttribute('data-questionnaire') ?? '',
    title: (card.querySelector('h2, h3')?.textContent ?? '').trim(),
    mark: (card.querySelector('.origin-mark')?.textContent ?? '').trim(),
  })));
}

const progressText = (page: OwnPage) => page.evaluate(() => document.querySelector('label[for="assessment-progress"]')?.textContent ?? '');

/**
 * From the list of questionnaires, opens `questionnaire` and takes it with the keyboard
 * alone: Tab to each unanswered group, Space and the arrow keys to the planned position,
 * Tab and Enter to "Next", through every "now" page and the wanted pass, to the result.
 */
export async function takeByKeyboard(page: OwnPage, questionnaire: Questionnaire, plan: Plan): Promise<void> {
  const pageList = pages(questionnaire, plan.notApplicable);
  expect(pageList.filter((p) => p.kind === 'wanted')).toHaveLength(questionnaire.dimensions.length);
  await tabUntil(page, `el.dataset.questionnaire === ${JSON.stringify(questionnaire.id)}`);
  await page.keyboard.press('Enter');
  for (const [index, shown] of pageList.entries()) {
    await eventually(() => progressText(page), (text) => expect(text).toBe(`Part ${index + 1} of ${pageList.length}`));
    for (const question of shown.questions) {
      const position = plan.position(question);
      await answerNextByKeyboard(page, position === 'n/a' ? 8 : position);
    }
    await pressButtonByKeyboard(page, index === pageList.length - 1 ? 'See my result' : 'Next');
  }
  await eventually(() => page.evaluate(() => document.activeElement?.id ?? ''), (id) => expect(id).toBe('result-heading'));
}

const round = (value: number | null) => (value === null ? '–' : String(Math.round(value) || 0));
const signed = (value: number | null) => {
  if (value === null) return '–';
  const rounded = Math.round(value) || 0;
  return rounded > 0 ? `+${rounded}` : String(rounded);
};

/** The result: each dimension's now, wanted and gap, and each axis of the profile, as planned. */
export async function expectResult(page: OwnPage, plan: Plan): Promise<void> {
  await eventually(
    () => page.evaluate(() => ({
      dimensions: [...document.querySelectorAll('[data-testid="result-table"] tbody tr')].map((tr) => [tr.getAttribute('data-dimension'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
      axes: [...document.querySelectorAll('[data-testid="profile-table"] tbody tr')].map((tr) => [tr.getAttribute('data-axis'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
    })),
    (shown) => expect(shown).toEqual({
      dimensions: plan.score.dimensions.map((d) => [d.dimension, round(d.now), round(d.wanted), signed(d.gap)]),
      axes: (plan.score.axes ?? []).map((a) => [a.axis, round(a.now), round(a.wanted), signed(a.gap)]),
    }),
  );
}

/** The one sitting of `questionnaire` in storage, as planned; returns it. */
export async function expectStoredSitting(page: OwnPage, questionnaire: Questionnaire, plan: Plan): Promise<any> {
  const stored = await eventually(() => storedRecords(page), (data) => {
    const sittings = Object.entries(data).filter(([key]) => key.startsWith('sitting:')).map(([, value]) => value);
    expect(sittings).toHaveLength(1);
    expect(sittings[0]).toMatchObject({
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      answers: plan.answers,
      wanted: {},
      wantedItems: plan.wantedItems,
      notApplicable: [],
    });
    expect(Object.keys(data).filter((key) => key.startsWith('draft:'))).toEqual([]);
  });
  return Object.entries(stored).find(([key]) => key.startsWith('sitting:'))![1];
}

/**
 * The history's chart: its accessible name, and how many of its pixels are painted
 * (Chart.js draws on the canvas; an empty canvas has none).
 */
export function historyChart(page: OwnPage): Promise<{ label: string | null; painted: number; checksum: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector('#over-time-heading ~ .chart-box canvas[role="img"]') as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    let checksum = 0;
    for (let i = 0; i < pixels.length; i++) {
      checksum = (checksum * 31 + pixels[i]!) | 0;
      if (i % 4 === 3 && pixels[i]! > 0) painted++;
    }
    return { label: canvas.getAttribute('aria-label'), painted, checksum };
  });
}

/** The history page for `questionnaire` with its chart drawn and its table showing the one sitting. */
export async function expectCharted(page: OwnPage, questionnaire: Questionnaire, plan: Plan, sittingId: string): Promise<void> {
  await eventually(() => page.evaluate(() => (document.getElementById('history-questionnaire') as HTMLSelectElement | null)?.value), (value) => expect(value).toBe(questionnaire.id), { timeout: 15_000 });
  await eventually(() => historyChart(page), (chart) => {
    // A profile draws its axes, not an overall score (chart-lines.ts).
    const lines = questionnaire.axes ? questionnaire.axes.map((axis) => axis.name.en).join(', ') : say('result.overall');
    expect(chart?.label).toBe(say('history.overTimeChartLabel', { lines }));
    // Axes, ticks and one line and its markers: thousands of pixels, not a stray few.
    expect(chart!.painted).toBeGreaterThan(5_000);
  }, { timeout: 15_000 });
  // Chart.js animates the line in: the picture is final once two reads apart show the same pixels.
  let previous: number | null = null;
  await eventually(() => historyChart(page), (chart) => {
    const same = chart?.checksum === previous;
    previous = chart?.checksum ?? null;
    expect(same, 'the chart to stop moving').toBe(true);
  }, { timeout: 10_000, interval: 150 });
  await eventually(() => page.evaluate(() => document.getElementById('over-time-summary')?.textContent ?? ''), (text) => expect(text).toMatch(/^1 sitting, on .+\.$/));
  expect(await page.evaluate(() => document.querySelector('[data-testid="removed-questionnaires"]') === null)).toBe(true);
  // The figures, in the table a person opens under the chart.
  await page.evaluate(() => {
    const details = document.querySelector('#over-time-heading ~ details') as HTMLDetailsElement | null;
    if (!details) throw new Error('no table under the chart');
    details.open = true;
  });
  await eventually(
    () => page.evaluate(() => [...document.querySelectorAll('[data-testid="over-time-table"] tbody tr')].map((tr) => [tr.getAttribute('data-sitting'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)])),
    (rows) => expect(rows).toEqual([[sittingId, ...(plan.score.axes
      ? [...plan.score.axes.map((a) => round(a.now)), ...plan.score.axes.map((a) => round(a.wanted))]
      : [round(plan.score.overall.now), round(plan.score.overall.wanted)])]]),
  );
}

/** What the history says of sittings whose questionnaire was removed ('' when nothing), and whether a chart is shown. */
export function historyRemoved(page: OwnPage): Promise<{ notice: string; chart: boolean }> {
  return page.evaluate(() => ({
    notice: (document.querySelector('[data-testid="removed-questionnaires"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    chart: document.querySelector('canvas') !== null,
  }));
}

/** The rows of the sittings table: the sitting's id and its questionnaire cell. */
export function sittingsTable(page: OwnPage): Promise<{ id: string | null; questionnaire: string }[]> {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid="sittings-table"] tbody tr')].map((tr) => ({
    id: tr.getAttribute('data-sitting'),
    questionnaire: (tr.querySelector('td')?.textContent ?? '').trim(),
  })));
}

/**
 * Removes an added questionnaire with the keyboard: Tab to its Remove button, Enter; the
 * question that follows gets the focus; Tab to its Remove, Enter. The status that says
 * so gets the focus then.
 */
export async function removeByKeyboard(page: OwnPage, questionnaire: Questionnaire): Promise<void> {
  const key = `${questionnaire.id}@${questionnaire.version}`;
  await tabUntil(page, `el.tagName === 'BUTTON' && el.textContent.trim() === 'Remove' && el.closest('li')?.dataset.added === ${JSON.stringify(key)} && !el.closest('[role="group"]')`, 80);
  const question = say('library.confirmRemove', { title: questionnaire.title.en!, version: questionnaire.version });
  const askedFocused = () => eventually(() => page.evaluate(() => {
    const focused = document.activeElement;
    return focused?.getAttribute('role') === 'group' ? (focused.textContent ?? '') : `focus on ${focused?.tagName}`;
  }), (text) => expect(text.startsWith(question)).toBe(true));
  // Escape, then Cancel, each give the focus back to the item's Remove button, never to the page.
  const removeFocused = () => eventually(() => page.evaluate((key) => {
    const focused = document.activeElement;
    return focused?.tagName === 'BUTTON' && !focused.closest('[role="group"]') && (focused.closest('li') as HTMLElement | null)?.dataset.added === key ? 'Remove' : `focus on ${focused?.tagName}`;
  }, key), (focused) => expect(focused).toBe('Remove'));
  await page.keyboard.press('Enter');
  await askedFocused();
  await page.keyboard.press('Escape');
  await removeFocused();
  await page.keyboard.press('Enter');
  await askedFocused();
  await tabUntil(page, `el.tagName === 'BUTTON' && el.textContent.trim() === ${JSON.stringify(say('data.cancel'))} && !!el.closest('[role="group"]')`);
  await page.keyboard.press('Enter');
  await removeFocused();
  await page.keyboard.press('Enter');
  await askedFocused();
  await tabUntil(page, `el.tagName === 'BUTTON' && el.textContent.trim() === 'Remove' && !!el.closest('[role="group"]')`);
  await page.keyboard.press('Enter');
  const removed = say('library.removed', { title: questionnaire.title.en!, version: questionnaire.version });
  await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? ''), (text) => expect(text).toBe(removed));
  await eventually(() => libraryShown(page), (shown) => {
    expect(shown.added).toEqual([]);
    expect(shown.status).toEqual([removed]);
  });
}

/** axe finds no WCAG 2.x A/AA violation (read until it holds: a view may still be settling). */
export async function expectNoAxeViolations(page: OwnPage, what: string): Promise<void> {
  await eventually(() => axeViolations(page as never), (violations) => expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]), { timeout: 5_000, interval: 250 });
}

/** Where a screenshot goes when OWN_SHOTS names a folder (`chromium-take-list.png`), else null. */
export function shotFile(browser: 'chromium' | 'firefox', name: string): string | null {
  const folder = process.env.OWN_SHOTS;
  if (!folder) return null;
  mkdirSync(folder, { recursive: true });
  return path.join(folder, `${browser}-${name}.png`);
}

/** A whole-page screenshot, for a person to look at, when OWN_SHOTS is set. */
export async function shoot(page: { screenshot(options: { path: string; fullPage: boolean }): Promise<unknown> }, browser: 'chromium' | 'firefox', name: string): Promise<void> {
  const file = shotFile(browser, name);
  if (file) await page.screenshot({ path: file, fullPage: true });
}
