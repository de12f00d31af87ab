import type { FloorPart } from './floor-page';
import type { CliResult } from './cli';
import type { PageSizes } from './sizes';
import type { Summary } from './stats';

/** A figure that is either measured or carries the reason it could not be. */
export type Figure<T> = T | { notMeasured: string };

export interface PageFigure {
  blank: Summary;
  page: Summary;
  /** median(page) / median(blank), both from the same interleaved runs. */
  ratio: number;
  /** The median of page / blank within each round: a check on `ratio`. */
  pairedRatio: number | null;
}

/** Shiftmeter and SurveyJS showing the first page of the same questionnaire (versus.ts). */
export interface VersusFigure {
  questionnaire: string;
  shiftmeter: PageFigure;
  surveyjs: PageFigure;
  /** median(SurveyJS) / median(Shiftmeter): how many times longer SurveyJS takes. */
  surveyjsOverShiftmeter: number;
}

/** A popup figure with what was stored when it was taken (seed.ts, StoredSize). */
export type PopupFigure = PageFigure & { bytesInUse: number | null; jsonBytes: number };

/** The dashboard's JS heap after drawing #/history's charts (Chromium: after a forced GC). */
export interface HeapFigure {
  sittings: number;
  /** performance.memory.usedJSHeapSize, read in the page after the GC. */
  usedJSHeapSize: number;
  /** The same isolate's used heap by CDP (Runtime.getHeapUsage): exact, where performance.memory is rounded to buckets. */
  runtimeUsedSize: number | null;
  gcForced: boolean;
}

/** The bytes 10,000 sittings take in storage.local, and how they were counted. */
export interface StoredSizeFigure {
  sittings: number;
  bytes: number;
  method: string;
}

/** The page figures taken in each browser alike (issue #17). */
export interface BrowserMeasurements {
  popup: Record<string, Figure<PopupFigure>>;
  /** The popup with 1,000 sittings and 100 questionnaires added from files. */
  popupAdded: Figure<PopupFigure>;
  /**
   * The popup's floor, timed in the same runs as the popup with 1,000 sittings: a page that
   * parses a script as large as popup.js and makes the popup's first storage call, and draws
   * nothing (floor-page.ts). What no change to the popup's own work can win back.
   */
  popupFloor: Figure<PageFigure>;
  /** The floor's parts, in the same runs: one key read, the popup's first read alone, the popup's script parsed alone (floor-page.ts). */
  popupFloorParts: Record<FloorPart, Figure<PageFigure>>;
  dashboard: {
    sittings: number;
    /** #/history ready: the questionnaire taken last, with its charts' data read and scored. */
    ready: Figure<PageFigure>;
    chartsDrawn: Figure<PageFigure>;
    /** #/home ready: the summary of where a person stands, which a returning person's dashboard opens on. */
    home: Figure<PageFigure>;
  };
  /** The popup resuming a questionnaire against SurveyJS showing its first page. */
  versus: Figure<VersusFigure>;
  heap: Figure<HeapFigure>;
  storedSize: Figure<StoredSizeFigure>;
}

export interface FirefoxMeasurements extends BrowserMeasurements {
  version: string | null;
}

/**
 * Chromium's figures at the top level, where they always were; Firefox's under
 * `firefox` in the same shape, or why Firefox was not measured at all.
 */
export interface Measurements extends BrowserMeasurements {
  team: { imported: Figure<Summary>; aggregated: Figure<Summary> };
  sizes: Record<string, Figure<PageSizes>>;
  firefox: Figure<FirefoxMeasurements>;
  cli: CliResult;
}

export type Status = 'met' | 'missed' | 'not measured';

export interface Target {
  id: string;
  description: string;
  limit: number;
  unit: 'x blank' | 'bytes' | 'ms' | 'boolean';
  actual: number | boolean | null;
  status: Status;
  note?: string;
  /** Which browser a page target was judged in; none for the kit's targets. */
  browser?: 'chromium' | 'firefox';
}

const measured = <T extends object>(figure: Figure<T> | undefined): T | null =>
  figure && !('notMeasured' in figure) ? (figure as T) : null;
const reasonOf = (figure: { notMeasured?: string } | undefined, fallback: string) => figure?.notMeasured ?? fallback;

function check(id: string, description: string, limit: number, unit: Target['unit'], actual: number | null, why: string, strict = false): Target {
  if (actual === null) return { id, description, limit, unit, actual, status: 'not measured', note: why };
  const met = strict ? actual < limit : actual <= limit;
  return { id, description, limit, unit, actual, status: met ? 'met' : 'missed' };
}

const reasonFor = (figure: unknown, fallback = 'not run') => reasonOf(figure as { notMeasured?: string }, fallback);

/**
 * The targets (#17), judged on medians, in each browser against its own blank
 * page. KB and MB are decimal (1 KB = 1,000 bytes), the stricter reading. Page targets
 * are ratios to the blank page of the same run, so a slow machine moves both sides and
 * the verdict stays meaningful. The popup's file sizes are Chromium's only (its traces).
 */
export function judgeTargets(m: Measurements): Target[] {
  const popupSizes = measured(m.sizes['popup.html']);
  const chart: Target = popupSizes
    ? { id: 'popup-no-chartjs', description: 'popup loads no Chart.js before ready', limit: 0, unit: 'boolean', actual: popupSizes.chartJs.loaded, status: popupSizes.chartJs.loaded ? 'missed' : 'met', ...(popupSizes.chartJs.loaded ? { note: `in ${popupSizes.chartJs.files.join(', ')}` } : {}) }
    : { id: 'popup-no-chartjs', description: 'popup loads no Chart.js before ready', limit: 0, unit: 'boolean', actual: null, status: 'not measured', note: reasonFor(m.sizes['popup.html'], '') };
  const firefox = measured(m.firefox);
  const firefoxTargets = firefox
    ? browserTargets(firefox)
    : browserTargets(unmeasuredBrowser(reasonFor(m.firefox)));
  return [
    ...browserTargets(m).map((t) => ({ ...t, browser: 'chromium' as const })),
    ...firefoxTargets.map((t) => ({ ...t, browser: 'firefox' as const })),
    { ...check('popup-js', "popup's initial JS at most 30 KB gzipped", 30_000, 'bytes', popupSizes?.js.gzip ?? null, reasonFor(m.sizes['popup.html'], '')), browser: 'chromium' },
    { ...chart, browser: 'chromium' },
    ...cliTargets(m.cli),
  ];
}

/** Every figure of one browser, not measured for `reason` (a browser that did not launch). */
export function unmeasuredBrowser(reason: string, dashboardSittings = 1_000): BrowserMeasurements {
  const no = { notMeasured: reason };
  return { popup: { 0: no, 1000: no, 10000: no }, popupAdded: no, popupFloor: no, popupFloorParts: { oneKey: no, firstRead: no, script: no }, dashboard: { sittings: dashboardSittings, ready: no, chartsDrawn: no, home: no }, versus: no, heap: no, storedSize: no };
}

/** How the stored size was counted, in a word for the report (results.json keeps the whole method). */
const storedNote = (method: string) =>
  method.startsWith('storage.local.getBytesInUse') ? 'getBytesInUse' : method.startsWith('computed') ? 'computed, quota refused' : 'keys + JSON';

/** The page targets of issue #17 for one browser. */
export function browserTargets(b: BrowserMeasurements): Target[] {
  const popup1k = measured(b.popup['1000']);
  const popup10k = measured(b.popup['10000']);
  const popupAdded = measured(b.popupAdded);
  const versus = measured(b.versus);
  const dashboard = measured(b.dashboard.ready);
  const home = measured(b.dashboard.home);
  const charts = measured(b.dashboard.chartsDrawn);
  const heap = measured(b.heap);
  const stored = measured(b.storedSize);
  const chartsTarget = check('charts-1k', 'history charts drawn, 1,000 sittings, within 250 ms', 250, 'ms', charts?.page.median ?? null, reasonFor(b.dashboard.chartsDrawn));
  return [
    check('popup-1k', 'popup ready, 1,000 sittings, at most 1.15x blank', 1.15, 'x blank', popup1k?.ratio ?? null, reasonFor(b.popup['1000'])),
    check('popup-10k', 'popup ready, 10,000 sittings, at most 1.3x blank', 1.3, 'x blank', popup10k?.ratio ?? null, reasonFor(b.popup['10000'])),
    check('popup-1k-added', 'popup ready, 1,000 sittings and 100 added questionnaires, at most 1.3x blank', 1.3, 'x blank', popupAdded?.ratio ?? null, reasonFor(b.popupAdded)),
    check('popup-resume', 'popup resuming a questionnaire, first page ready, at most 1.3x blank', 1.3, 'x blank', versus?.shiftmeter.ratio ?? null, reasonFor(b.versus)),
    check('dashboard-1k', 'dashboard history ready, 1,000 sittings, at most 1.6x blank', 1.6, 'x blank', dashboard?.ratio ?? null, reasonFor(b.dashboard.ready)),
    // The "history (or the new summary)": judged apart, so neither hides the other.
    check('dashboard-home-1k', 'dashboard summary ready, 1,000 sittings, at most 1.6x blank', 1.6, 'x blank', home?.ratio ?? null, reasonFor(b.dashboard.home)),
    charts ? { ...chartsTarget, note: `${charts.ratio.toFixed(2)}x blank` } : chartsTarget,
    { ...check('heap-10k', 'dashboard JS heap after drawing 10,000 sittings, at most 40 MB', 40_000_000, 'bytes', heap?.usedJSHeapSize ?? null, reasonFor(b.heap)), ...(heap ? { note: heap.gcForced ? 'after a forced GC' : 'no GC could be forced' } : {}) },
    { ...check('stored-10k', 'stored size of 10,000 sittings, at most 5 MB', 5_000_000, 'bytes', stored?.bytes ?? null, reasonFor(b.storedSize)), ...(stored ? { note: storedNote(stored.method) } : {}) },
  ];
}

/** The kit's targets over 100,000 files: aggregate's, and analyse's (issue #18). */
export function cliTargets(cli: CliResult): Target[] {
  const cli100k = 'figures' in cli ? cli.figures.find((f) => f.files === 100_000) : undefined;
  const cliFigure = cli100k && !('notMeasured' in cli100k) ? cli100k : null;
  const cliWhy = 'notMeasured' in cli ? cli.notMeasured : reasonOf(cli100k as { notMeasured?: string }, 'not run');
  return [
    check('cli-100k-time', 'aggregate 100,000 files in under 10 s', 10_000, 'ms', cliFigure?.aggregate.wallMs.median ?? null, cliWhy, true),
    check('cli-100k-memory', 'aggregate 100,000 files within 200 MB peak RSS', 200_000_000, 'bytes', cliFigure?.aggregate.peakRssBytes?.median ?? null, cliWhy),
    check('analyse-100k-time', 'analyse 100,000 files in under 15 s', 15_000, 'ms', cliFigure?.analyse.wallMs.median ?? null, cliWhy, true),
    check('analyse-100k-memory', 'analyse 100,000 files within 300 MB peak RSS', 300_000_000, 'bytes', cliFigure?.analyse.peakRssBytes?.median ?? null, cliWhy),
  ];
}
