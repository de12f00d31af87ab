// `npm run bench`: page timings in real Chromium and Firefox ESR with the built
// extension, side by side (each against its own blank page), loaded file sizes and
// traces (Chromium only), the survey kit's aggregate over simulated files, and
// splitting a 2 MB paste of codes. It reports and never fails on a slow machine: the
// exit status is 0 whatever the figures (npm's build step before it is what can fail),
// and a browser that cannot be launched is reported as not measured while the other's
// figures still print. See README.md, "Benchmarks".
//
// Counts can be lowered for a quick check while developing (a full run takes minutes
// and keeps both cores busy); the defaults are the full run's:
//   BENCH_RUNS=25          counted loads of each page per figure (after the warm-ups)
//   BENCH_WARMUPS=3        uncounted warm-up rounds per figure
//   BENCH_TEAM_RUNS=7      team-view imports of 200 codes (Chromium), after 1 warm-up
//   BENCH_CLI_FILES=10000,100000   the kit's file counts; 0 skips the kit
//   BENCH_CLI_RUNS=        runs per file count (default 3 for 10,000 files, 2 for 100,000)
//   BENCH_SPLIT_RUNS=7     runs of splitting the 2 MB paste
//   BENCH_BROWSERS=chromium,firefox   which browsers to drive
// e.g. BENCH_RUNS=3 BENCH_WARMUPS=1 BENCH_TEAM_RUNS=1 BENCH_CLI_FILES=0 npm run bench
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { shippedQuestionnaire } from '../test/e2e/support/answers';
import { addSurveyJsBaseline } from './baseline';
import { benchCli } from './cli';
import { chromiumDriver, firefoxDriver, onExtensionPage } from './driver';
import { pageFigure, round2 } from './page-figure';
import { BLANK_PAGE, prepareBenchExtension } from './extension-copy';
import { addPopupFloorPage, POPUP_FLOOR_PAGE, POPUP_FLOOR_PARTS, type FloorPart } from './floor-page';
import { measureInterleaved, READY, type BenchDriver, type BenchPage, type Variant } from './page-timing';
import { profileLoad, type LoadProfile } from './profile';
import { formatReport, type BenchResults } from './report';
import { seedAddedQuestionnaires, seedSittings, storedJsonBytes, type StoredSize } from './seed';
import { sizesOf } from './sizes';
import { benchSplit } from './split';
import { isNotMeasured, notMeasured } from './stats';
import { judgeTargets, unmeasuredBrowser, type BrowserMeasurements, type Measurements } from './targets';
import { benchTeam, TEAM_CODES } from './team';
import { benchAgainstSurveyJs } from './versus';
import { chromiumHeap } from './heap';
import { CHARTS_DRAWN, missingMarkReason, probeView } from './views';

/** A whole number from the environment, or the default; anything else is refused rather than guessed at. */
function envCount(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name}=${raw}: expected a whole number of at least ${min}`);
  return value;
}

// 25 runs: on this 2-core machine one load of the blank page ranges 40-80 ms, and a
// median of 15 still moved the ratios by 0.1-0.2 from run to run.
const RUNS = envCount('BENCH_RUNS', 25);
const WARMUPS = envCount('BENCH_WARMUPS', 3, 0);
/** After a seed, the browser's storage settles (LevelDB compacts what was just written) before timing. */
const SETTLE_AFTER_SEED_MS = 3_000;
const TIMEOUT_MS = 20_000;
const SITTING_COUNTS = [0, 1_000, 10_000];
/** Questionnaires added from files, timed in the popup with this many sittings (issue #14's limit). */
const ADDED_QUESTIONNAIRES = 100;
const ADDED_WITH_SITTINGS = 1_000;
const DASHBOARD_SITTINGS = 1_000;
/** The popup's floor is timed beside the popup with this many sittings (the count of #17's tighter popup target). */
const FLOOR_SITTINGS = 1_000;
/** The dashboard's heap is read after it draws this many sittings (issue #17). */
const HEAP_SITTINGS = 10_000;
const TEAM_RUNS = envCount('BENCH_TEAM_RUNS', 7);
const TEAM_WARMUPS = 1;
const CLI_FILES = (process.env.BENCH_CLI_FILES ?? '10000,100000').split(',').map((n) => Number(n.trim())).filter((n) => n > 0);
const CLI_PLAN = CLI_FILES.map((files) => ({ files, runs: envCount('BENCH_CLI_RUNS', files >= 100_000 ? 2 : 3) }));
const SPLIT_RUNS = envCount('BENCH_SPLIT_RUNS', 7);
const BROWSERS = new Set((process.env.BENCH_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim().toLowerCase()));

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const messageOf = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_SEED_MS));

/**
 * Writes stored data from a short-lived extension page (the only place with the
 * extension's storage), so no extension page stays open while timing; then lets storage settle.
 */
async function withStorage<T>(driver: BenchDriver, write: (page: BenchPage) => Promise<T>): Promise<T> {
  try {
    return await onExtensionPage(driver, write);
  } finally {
    await settle();
  }
}

const seed = (driver: BenchDriver, count: number) => withStorage(driver, (page) => seedSittings(page, count));
const addQuestionnaires = (driver: BenchDriver, count: number) => withStorage(driver, (page) => seedAddedQuestionnaires(page, count));
/** Writes records as they are, from a short-lived extension page. */
const storeItems = (driver: BenchDriver, items: Record<string, unknown>) =>
  onExtensionPage(driver, (page) => page.evaluate((records: Record<string, unknown>) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set(records), items));

/** Chromium's extras: traces, the files each page loads, the team view. */
interface ChromiumExtras {
  team: Measurements['team'];
  sizes: Measurements['sizes'];
  profiles: LoadProfile[];
}

const storedMethod = (stored: StoredSize) =>
  stored.bytesInUse !== null
    ? "storage.local.getBytesInUse (each key's length plus its value as JSON)"
    : "each key's length plus its value as JSON, UTF-8, of what storage.local.get returns (Firefox's storage.local has no getBytesInUse)";

/**
 * Every page figure in one browser, each page interleaved with that browser's blank
 * page. Fills `m` as it goes, so a failure part-way keeps what was measured.
 */
async function benchBrowser(driver: BenchDriver, extensionDir: string, m: BrowserMeasurements, extras: ChromiumExtras, floorProblem: string | null): Promise<void> {
  const name = driver.browser;
  const blank: Variant = { label: 'blank', path: BLANK_PAGE, marks: [READY] };
  const popup: Variant = { label: 'popup', path: 'popup.html', marks: [READY] };
  const floor: Variant = { label: 'floor', path: POPUP_FLOOR_PAGE, marks: [READY] };
  const floorParts = (Object.entries(POPUP_FLOOR_PARTS) as [FloorPart, string][]).map(([part, page]): Variant => ({ label: `floor-${part}`, path: page, marks: [READY] }));
  if (floorProblem) {
    m.popupFloor = notMeasured(floorProblem);
    for (const part of Object.keys(POPUP_FLOOR_PARTS) as FloorPart[]) m.popupFloorParts[part] = notMeasured(floorProblem);
  }
  const options = { runs: RUNS, warmups: WARMUPS, timeoutMs: TIMEOUT_MS };
  const ext = driver.chromium;
  let dashboardShown = false;
  for (const count of SITTING_COUNTS) {
    log(`${name}: seeding ${count} sittings`);
    let stored: StoredSize;
    try {
      stored = await seed(driver, count);
    } catch (error) {
      // A history the browser's quota cannot hold is a finding, not a reason to stop the other figures.
      const message = messageOf(error);
      if (!/quota/i.test(message)) throw error;
      const reason = `${count.toLocaleString('en')} sittings do not fit storage.local's 10 MB quota in this stored form (${message.replace(/^.*Error: /, '')})`;
      m.popup[String(count)] = notMeasured(reason);
      if (count === HEAP_SITTINGS) {
        m.heap = notMeasured(reason);
        m.storedSize = { sittings: count, bytes: storedJsonBytes(count), method: 'computed by the bench from the stored form (key plus JSON value, as getBytesInUse counts): the browser refused to store it' };
      }
      log(`${name}: ${count} sittings do not fit the storage quota; the popup is not timed with them`);
      continue;
    }
    if (count === HEAP_SITTINGS) m.storedSize = { sittings: count, bytes: stored.bytesInUse ?? stored.jsonBytes, method: storedMethod(stored) };
    // With the 1,000 sittings of the popup's target, its floor is timed in the same runs.
    const withFloor = count === FLOOR_SITTINGS && !floorProblem;
    log(`${name}: timing blank${withFloor ? ', the popup floor and its parts' : ''} and popup with ${count} sittings (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
    const results = await measureInterleaved(driver, withFloor ? [blank, popup, floor, ...floorParts] : [blank, popup], options);
    const popupFigure = pageFigure(results, 'popup', READY, TIMEOUT_MS);
    if (withFloor) {
      m.popupFloor = pageFigure(results, 'floor', READY, TIMEOUT_MS);
      for (const part of Object.keys(POPUP_FLOOR_PARTS) as FloorPart[]) m.popupFloorParts[part] = pageFigure(results, `floor-${part}`, READY, TIMEOUT_MS);
    }
    m.popup[String(count)] = 'notMeasured' in popupFigure ? popupFigure : { ...popupFigure, bytesInUse: stored.bytesInUse, jsonBytes: stored.jsonBytes };
    if (count === ADDED_WITH_SITTINGS) {
      // The same history with a hundred questionnaires added from files: the popup lists them all.
      log(`${name}: adding ${ADDED_QUESTIONNAIRES} questionnaires to ${count} sittings`);
      const added = await addQuestionnaires(driver, ADDED_QUESTIONNAIRES);
      log(`${name}: timing blank and popup with ${count} sittings and ${ADDED_QUESTIONNAIRES} added questionnaires (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
      const withAdded = await measureInterleaved(driver, [blank, popup], options);
      const figure = pageFigure(withAdded, 'popup', READY, TIMEOUT_MS);
      m.popupAdded = 'notMeasured' in figure ? figure : { ...figure, bytesInUse: added.bytesInUse, jsonBytes: added.jsonBytes };
      await seed(driver, count);
    }
    if (count === DASHBOARD_SITTINGS) {
      // A set of its own with its own blank runs: the heavy dashboard tab must not slow the popup's figures.
      const probe = await probeView(driver, 'history', [CHARTS_DRAWN]);
      dashboardShown = probe.shown;
      if (!probe.shown) {
        m.dashboard.ready = notMeasured('the dashboard has no history view yet: #/history fell back to the welcome view');
        m.dashboard.chartsDrawn = m.dashboard.ready;
        m.dashboard.home = m.dashboard.ready;
      } else {
        const drawn = probe.marks[CHARTS_DRAWN] !== null;
        if (!drawn) m.dashboard.chartsDrawn = notMeasured(await missingMarkReason(extensionDir, CHARTS_DRAWN, `#/history with ${count} sittings`));
        log(`${name}: timing blank and dashboard #/history with ${count} sittings (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
        const dashboard: Variant = { label: 'dashboard', path: 'dashboard.html#/history', marks: drawn ? [READY, CHARTS_DRAWN] : [READY] };
        const timed = await measureInterleaved(driver, [blank, dashboard], options);
        m.dashboard.ready = pageFigure(timed, 'dashboard', READY, TIMEOUT_MS);
        if (drawn) m.dashboard.chartsDrawn = pageFigure(timed, 'dashboard', CHARTS_DRAWN, TIMEOUT_MS);
        m.dashboard.home = await homeFigure(driver, count, options);
      }
    }
    if (count === HEAP_SITTINGS) {
      m.heap = !dashboardShown
        ? notMeasured('the dashboard has no history view to draw')
        : ext
          ? await chromiumHeap(driver, count, TIMEOUT_MS, log)
          : notMeasured("Firefox gives a page no reading of its JS heap: it has neither performance.memory nor performance.measureUserAgentSpecificMemory, and WebDriver BiDi has no heap command (the heap is only in about:memory and the Firefox profiler, which the driver cannot read)");
    }
    if (!ext) continue;
    // One traced load of each page (Chromium only): where its time goes, and which files it loaded before its mark.
    log(`${name}: tracing one load each with ${count} sittings`);
    // [page, mark, name]: the name keys the sizes (targets.ts reads 'popup.html').
    const traced: [string, string, string][] = [[BLANK_PAGE, READY, BLANK_PAGE], ['popup.html', READY, 'popup.html']];
    if (dashboardShown) traced.push(['dashboard.html#/history', READY, 'dashboard.html#/history']);
    if (dashboardShown && !('notMeasured' in m.dashboard.chartsDrawn)) traced.push(['dashboard.html#/history', CHARTS_DRAWN, 'dashboard.html#/history, charts drawn']);
    for (const [target, mark, page] of traced) {
      const profile = await profileLoad(ext, target, mark);
      if (profile) extras.profiles.push({ ...profile, page: `${page} (${count.toLocaleString('en')} sittings)` });
      // The files the popup loads with no data, and the dashboard's with the data it charts.
      if ((target === 'popup.html' && count === 0) || target.startsWith('dashboard')) {
        extras.sizes[page] = profile ? await sizesOf(extensionDir, { ...profile, page }) : notMeasured(`no trace of ${page}: ${mark} not reached or tracing unavailable`);
      }
    }
  }
  if (ext) extras.team = await teamFigures(driver);
  await seed(driver, 0);
  const versus = await benchAgainstSurveyJs(driver, extensionDir, (items) => storeItems(driver, items), options, log);
  m.versus = versus.figure;
  Object.assign(extras.sizes, versus.sizes);
  extras.profiles.push(...versus.profiles);
}

/**
 * The dashboard's summary, where a returning person's dashboard opens: where they
 * stand (issue #17's "history (or the new summary)"). Timed in a set of its own, as the
 * history is, once a probe has shown the summary is what that address opens on.
 */
async function homeFigure(driver: BenchDriver, count: number, options: { runs: number; warmups: number; timeoutMs: number }): Promise<BrowserMeasurements['dashboard']['home']> {
  const probe = await probeView(driver, 'home', []);
  if (!probe.shown) return notMeasured('the dashboard has no summary view yet: #/home fell back to the welcome view');
  log(`${driver.browser}: timing blank and the dashboard's summary (#/home) with ${count} sittings (${WARMUPS} warm-ups + ${RUNS} runs each, interleaved)`);
  const blank: Variant = { label: 'blank', path: BLANK_PAGE, marks: [READY] };
  // The address of the view the probe checked; a returning person's dashboard.html opens on the same view.
  const home: Variant = { label: 'home', path: 'dashboard.html#/home', marks: [READY] };
  return pageFigure(await measureInterleaved(driver, [blank, home], options), 'home', READY, TIMEOUT_MS);
}

/** The team view, if this build has one: 200 codes imported into a fresh round per run (team.ts). */
async function teamFigures(driver: BenchDriver): Promise<Measurements['team']> {
  const probe = await probeView(driver, 'team', []);
  if (!probe.shown) {
    const reason = 'team view not built yet (#/team fell back to the welcome view)';
    return { imported: notMeasured(reason), aggregated: notMeasured(reason) };
  }
  log(`chromium: timing the team view: ${TEAM_CODES} codes into a fresh round (${TEAM_WARMUPS} warm-up + ${TEAM_RUNS} runs)`);
  return benchTeam(driver.chromium!, TEAM_RUNS, TEAM_WARMUPS, () => seed(driver, 0), log);
}

/** Replaces every figure still 'not run' with why the browser's run stopped. */
function markUnfinished(m: BrowserMeasurements, reason: string) {
  const stop = (figure: unknown) => isNotMeasured(figure) && figure.notMeasured === 'not run';
  const why = notMeasured(reason);
  for (const count of SITTING_COUNTS) if (!m.popup[String(count)] || stop(m.popup[String(count)])) m.popup[String(count)] = why;
  if (stop(m.popupAdded)) m.popupAdded = why;
  if (stop(m.popupFloor)) m.popupFloor = why;
  for (const part of Object.keys(m.popupFloorParts) as FloorPart[]) if (stop(m.popupFloorParts[part])) m.popupFloorParts[part] = why;
  if (stop(m.dashboard.ready)) m.dashboard.ready = why;
  if (stop(m.dashboard.chartsDrawn)) m.dashboard.chartsDrawn = why;
  if (stop(m.dashboard.home)) m.dashboard.home = why;
  if (stop(m.versus)) m.versus = why;
  if (stop(m.heap)) m.heap = why;
  if (stop(m.storedSize)) m.storedSize = why;
}

/**
 * One browser from launch to close, on a copy of its dist folder with the blank page
 * (and the SurveyJS page) added. Never throws: a browser that does not launch, or a
 * run that breaks part-way, leaves its figures as not measured with the reason.
 */
async function runBrowser(browser: 'chromium' | 'firefox', extras: ChromiumExtras): Promise<BrowserMeasurements & { version: string | null }> {
  const m: BrowserMeasurements & { version: string | null } = { version: null, ...unmeasuredBrowser('not run', DASHBOARD_SITTINGS), popup: {} };
  if (!BROWSERS.has(browser)) {
    markUnfinished(m, `not run: BENCH_BROWSERS=${process.env.BENCH_BROWSERS}`);
    return m;
  }
  const extensionDir = await prepareBenchExtension(path.resolve(browser === 'chromium' ? 'dist/chrome' : 'dist/firefox'));
  let driver: BenchDriver | null = null;
  try {
    // Before the browser starts: Firefox reads a temporary add-on's files from its folder, as Chromium does, but adding pages first leaves nothing to chance.
    await addSurveyJsBaseline(extensionDir, shippedQuestionnaire('production-service'));
    const floorProblem = await addPopupFloorPage(extensionDir);
    log(`${browser}: launching`);
    try {
      driver = browser === 'chromium' ? await chromiumDriver(extensionDir) : await firefoxDriver(extensionDir);
    } catch (error) {
      const reason = `${browser} did not launch: ${messageOf(error)}`;
      log(reason);
      markUnfinished(m, reason);
      return m;
    }
    m.version = driver.version;
    await benchBrowser(driver, extensionDir, m, extras, floorProblem);
  } catch (error) {
    const reason = `${browser}'s run stopped: ${messageOf(error)}`;
    log(`${reason}\n${error instanceof Error ? error.stack : ''}`);
    markUnfinished(m, reason);
  } finally {
    await driver?.close().catch((error: unknown) => log(`${browser}: closing failed: ${messageOf(error)}`));
    await rm(extensionDir, { recursive: true, force: true });
  }
  return m;
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const notRun = notMeasured('not run');
  const extras: ChromiumExtras = { team: { imported: notRun, aggregated: notRun }, sizes: {}, profiles: [] };
  // One browser after the other, each against its own blank page: two browsers at once would share the two cores.
  const { version: chromium, ...chromiumFigures } = await runBrowser('chromium', extras);
  if (isNotMeasured(extras.team.imported) && extras.team.imported.notMeasured === 'not run' && isNotMeasured(chromiumFigures.popup['0'])) {
    extras.team = { imported: chromiumFigures.popup['0'], aggregated: chromiumFigures.popup['0'] };
  }
  const firefoxRun = await runBrowser('firefox', extras);
  // Firefox did not launch at all: one reason for the whole browser, in place of the same one per figure.
  const firefoxFigure = firefoxRun.version === null && isNotMeasured(firefoxRun.popup['0']) ? notMeasured(firefoxRun.popup['0'].notMeasured) : firefoxRun;
  let cli: Measurements['cli'] = notMeasured('not run: BENCH_CLI_FILES=0');
  if (CLI_PLAN.length > 0) {
    log('the survey kit: simulate, then aggregate');
    cli = await benchCli(CLI_PLAN, log);
  }
  log(`splitting a 2 MB paste into codes (1 warm-up + ${SPLIT_RUNS} runs)`);
  const split = benchSplit(SPLIT_RUNS);
  const measurements: Measurements = { ...chromiumFigures, team: extras.team, sizes: extras.sizes, firefox: firefoxFigure, cli };
  const results: BenchResults = {
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
      timing: "ms from navigation start to the page's performance mark, in a fresh tab; blank and measured pages interleaved, order rotated each round; each browser against its own blank page",
      sizes: 'files requested up to the mark, raw and gzip level 9 each (Chromium only: from its traces); KB and MB are decimal',
      browsers: 'Chromium over playwright (CDP): tabs opened by the driver. Firefox ESR over puppeteer (WebDriver BiDi): tabs opened by tabs.create from one idle blank extension page, as Firefox refuses the driver moz-extension:// navigation',
    },
    ...measurements,
    split,
    profiles: extras.profiles,
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
