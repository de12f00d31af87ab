// `npm run bench`: page timings in real Chromium with the built extension, loaded file
// sizes, the survey kit's aggregate over simulated files, and splitting a 2 MB paste of
// codes. It reports and never fails on a slow machine: the exit status is 0 whatever
// the figures (npm's build step before it is what can fail). See README.md, "Benchmarks".
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, type ChromiumExtension } from '../test/e2e/support/chromium';
import { benchCli } from './cli';
import { pageFigure, round2 } from './page-figure';
import { BLANK_PAGE, prepareBenchExtension } from './extension-copy';
import { measureInterleaved, READY, type Variant } from './page-timing';
import { profileLoad, type LoadProfile } from './profile';
import { formatReport } from './report';
import { seedAddedQuestionnaires, seedSittings } from './seed';
import type { Page } from 'playwright-core';
import { sizesOf } from './sizes';
import { benchSplit } from './split';
import { notMeasured } from './stats';
import { judgeTargets, type Measurements } from './targets';
import { benchTeam, TEAM_CODES } from './team';
import { benchAgainstSurveyJs } from './versus';
import { CHARTS_DRAWN, missingMarkReason, probeView } from './views';

// 25 runs: on this 2-core machine one load of the blank page ranges 40-80 ms, and a
// median of 15 still moved the ratios by 0.1-0.2 from run to run.
const RUNS = 25;
const WARMUPS = 3;
/** After a seed, the browser's storage settles (LevelDB compacts what was just written) before timing. */
const SETTLE_AFTER_SEED_MS = 3_000;
const TIMEOUT_MS = 20_000;
const SITTING_COUNTS = [0, 1_000, 10_000];
/** Questionnaires added from files, timed in the popup with this many sittings (issue #14's limit). */
const ADDED_QUESTIONNAIRES = 100;
const ADDED_WITH_SITTINGS = 1_000;
const DASHBOARD_SITTINGS = 1_000;
const TEAM_RUNS = 7;
const TEAM_WARMUPS = 1;
const CLI_PLAN = [{ files: 10_000, runs: 3 }, { files: 100_000, runs: 2 }];
const SPLIT_RUNS = 7;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/**
 * Writes stored data from a short-lived extension page (the only place with the
 * extension's storage), so no extension page stays open while timing; then lets storage settle.
 */
async function onExtensionPage<T>(ext: ChromiumExtension, write: (page: Page) => Promise<T>): Promise<T> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/${BLANK_PAGE}`);
    return await write(page);
  } finally {
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_SEED_MS));
  }
}

const seed = (ext: ChromiumExtension, count: number) => onExtensionPage(ext, (page) => seedSittings(page, count));
const addQuestionnaires = (ext: ChromiumExtension, count: number) => onExtensionPage(ext, (page) => seedAddedQuestionnaires(page, count));

/** Writes records as they are, from a short-lived extension page. */
async function storeItems(ext: ChromiumExtension, items: Record<string, unknown>) {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/${BLANK_PAGE}`);
    await page.evaluate((records) => (globalThis as any).chrome.storage.local.set(records), items);
  } finally {
    await page.close();
  }
}

/** The install opens the welcome tab; it is closed so every timed tab starts alike. */
async function closeWelcomeTab(ext: ChromiumExtension) {
  const isWelcome = (url: string) => url.includes('dashboard.html');
  if (!ext.context.pages().some((p) => isWelcome(p.url()))) {
    await ext.context.waitForEvent('page', { predicate: (p) => isWelcome(p.url()), timeout: 5_000 }).catch(() => undefined);
  }
  for (const page of ext.context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
}

async function benchPages(ext: ChromiumExtension, extensionDir: string): Promise<{ m: Omit<Measurements, 'cli'>; profiles: LoadProfile[] }> {
  const blank: Variant = { label: 'blank', path: BLANK_PAGE, marks: [READY] };
  const popup: Variant = { label: 'popup', path: 'popup.html', marks: [READY] };
  const m: Omit<Measurements, 'cli'> = {
    popup: {},
    popupAdded: notMeasured('not run'),
    dashboard: { sittings: DASHBOARD_SITTINGS, ready: notMeasured('not run'), chartsDrawn: notMeasured('not run') },
    team: { imported: notMeasured('not run'), aggregated: notMeasured('not run') },
    versus: notMeasured('not run'),
    sizes: {},
  };
  const profiles: LoadProfile[] = [];
  for (const count of SITTING_COUNTS) {
    log(`seeding ${count} sittings`);
    let stored: Awaited<ReturnType<typeof seed>>;
    try {
      stored = await seed(ext, count);
    } catch (error) {
      // A history the browser's quota cannot hold is a finding, not a reason to stop the other figures.
      const message = error instanceof Error ? error.message : String(error);
      if (!/quota/i.test(message)) throw error;
      m.popup[String(count)] = notMeasured(`${count.toLocaleString('en')} sittings do not fit storage.local's 10 MB quota in this stored form (${message.replace(/^.*Error: /, '')})`);
      log(`${count} sittings do not fit the storage quota; the popup is not timed with them`);
      continue;
    }
    log(`timing blank and popup with ${count} sittings (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
    const results = await measureInterleaved(ext, [blank, popup], { runs: RUNS, warmups: WARMUPS, timeoutMs: TIMEOUT_MS });
    const popupFigure = pageFigure(results, 'popup', READY, TIMEOUT_MS);
    m.popup[String(count)] = 'notMeasured' in popupFigure ? popupFigure : { ...popupFigure, bytesInUse: stored.bytesInUse };
    if (count === ADDED_WITH_SITTINGS) {
      // The same history with a hundred questionnaires added from files: the popup lists them all.
      log(`adding ${ADDED_QUESTIONNAIRES} questionnaires to ${count} sittings`);
      const added = await addQuestionnaires(ext, ADDED_QUESTIONNAIRES);
      log(`timing blank and popup with ${count} sittings and ${ADDED_QUESTIONNAIRES} added questionnaires (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
      const withAdded = await measureInterleaved(ext, [blank, popup], { runs: RUNS, warmups: WARMUPS, timeoutMs: TIMEOUT_MS });
      const figure = pageFigure(withAdded, 'popup', READY, TIMEOUT_MS);
      m.popupAdded = 'notMeasured' in figure ? figure : { ...figure, bytesInUse: added.bytesInUse };
      await seed(ext, count);
    }
    let dashboardShown = false;
    if (count === DASHBOARD_SITTINGS) {
      // A set of its own with its own blank runs: the heavy dashboard tab must not slow the popup's figures.
      const probe = await probeView(ext, 'history', [CHARTS_DRAWN]);
      dashboardShown = probe.shown;
      if (!probe.shown) {
        m.dashboard.ready = notMeasured('the dashboard has no history view yet: #/history fell back to the welcome view');
        m.dashboard.chartsDrawn = m.dashboard.ready;
      } else {
        const drawn = probe.marks[CHARTS_DRAWN] !== null;
        if (!drawn) m.dashboard.chartsDrawn = notMeasured(await missingMarkReason(extensionDir, CHARTS_DRAWN, `#/history with ${count} sittings`));
        log(`timing blank and dashboard #/history with ${count} sittings (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
        const dashboard: Variant = { label: 'dashboard', path: 'dashboard.html#/history', marks: drawn ? [READY, CHARTS_DRAWN] : [READY] };
        const timed = await measureInterleaved(ext, [blank, dashboard], { runs: RUNS, warmups: WARMUPS, timeoutMs: TIMEOUT_MS });
        m.dashboard.ready = pageFigure(timed, 'dashboard', READY, TIMEOUT_MS);
        if (drawn) m.dashboard.chartsDrawn = pageFigure(timed, 'dashboard', CHARTS_DRAWN, TIMEOUT_MS);
      }
    }
    // One traced load of each page: where its time goes, and which files it loaded before its mark.
    log(`tracing one load each with ${count} sittings`);
    // [page, mark, name]: the name keys the sizes (targets.ts reads 'popup.html').
    const traced: [string, string, string][] = [[BLANK_PAGE, READY, BLANK_PAGE], ['popup.html', READY, 'popup.html']];
    if (dashboardShown) traced.push(['dashboard.html#/history', READY, 'dashboard.html#/history']);
    if (dashboardShown && !('notMeasured' in m.dashboard.chartsDrawn)) traced.push(['dashboard.html#/history', CHARTS_DRAWN, 'dashboard.html#/history, charts drawn']);
    for (const [target, mark, name] of traced) {
      const profile = await profileLoad(ext, target, mark);
      if (profile) profiles.push({ ...profile, page: `${name} (${count.toLocaleString('en')} sittings)` });
      // The files the popup loads with no data, and the dashboard's with the data it charts.
      if ((target === 'popup.html' && count === 0) || target.startsWith('dashboard')) {
        m.sizes[name] = profile ? await sizesOf(extensionDir, { ...profile, page: name }) : notMeasured(`no trace of ${name}: ${mark} not reached or tracing unavailable`);
      }
    }
  }
  m.team = await teamFigures(ext);
  await seed(ext, 0);
  const versus = await benchAgainstSurveyJs(ext, extensionDir, (items) => storeItems(ext, items), { runs: RUNS, warmups: WARMUPS, timeoutMs: TIMEOUT_MS }, log);
  m.versus = versus.figure;
  Object.assign(m.sizes, versus.sizes);
  profiles.push(...versus.profiles);
  return { m, profiles };
}

/** The team view, if this build has one: 200 codes imported into a fresh round per run (team.ts). */
async function teamFigures(ext: ChromiumExtension): Promise<Measurements['team']> {
  const probe = await probeView(ext, 'team', []);
  if (!probe.shown) {
    const reason = 'team view not built yet (#/team fell back to the welcome view)';
    return { imported: notMeasured(reason), aggregated: notMeasured(reason) };
  }
  log(`timing the team view: ${TEAM_CODES} codes into a fresh round (${TEAM_WARMUPS} warm-up + ${TEAM_RUNS} runs)`);
  return benchTeam(ext, TEAM_RUNS, TEAM_WARMUPS, () => seed(ext, 0), log);
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const extensionDir = await prepareBenchExtension(path.resolve('dist/chrome'));
  let pages: Awaited<ReturnType<typeof benchPages>>;
  let chromium: string | null = null;
  const ext = await launchChromium(extensionDir);
  try {
    chromium = ext.context.browser()?.version() ?? null;
    await closeWelcomeTab(ext);
    pages = await benchPages(ext, extensionDir);
  } finally {
    await ext.close();
    await rm(extensionDir, { recursive: true, force: true });
  }
  log('the survey kit: simulate, then aggregate');
  const cli = await benchCli(CLI_PLAN, log);
  log(`splitting a 2 MB paste into codes (1 warm-up + ${SPLIT_RUNS} runs)`);
  const split = benchSplit(SPLIT_RUNS);
  const measurements: Measurements = { ...pages.m, cli };
  const results = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memoryBytes: os.totalmem(),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      // Other work on the machine shows up as noise; the 1-minute load average before and after says how much there was.
      loadAverage: { before: round2(loadBefore), after: round2(os.loadavg()[0]!) },
    },
    chromium,
    method: {
      runs: RUNS,
      warmups: WARMUPS,
      timing: "ms from navigation start to the page's performance mark, in a fresh tab; blank and measured pages interleaved, order rotated each round",
      sizes: 'files requested up to the mark, raw and gzip level 9 each; KB and MB are decimal',
    },
    ...measurements,
    split,
    profiles: pages.profiles,
    targets: judgeTargets(measurements),
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  await writeFile(path.resolve('bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(formatReport(results));
  log(`wrote bench/results.json in ${results.durationSeconds} s`);
}

main().catch((error) => {
  // A broken bench is reported, not turned into a failing build.
  log(`could not finish: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});
