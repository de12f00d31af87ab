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

export interface Measurements {
  popup: Record<string, Figure<PageFigure & { bytesInUse: number }>>;
  /** The popup with 1,000 sittings and 100 questionnaires added from files. */
  popupAdded: Figure<PageFigure & { bytesInUse: number }>;
  dashboard: {
    sittings: number;
    ready: Figure<PageFigure>;
    chartsDrawn: Figure<PageFigure>;
  };
  team: { imported: Figure<Summary>; aggregated: Figure<Summary> };
  versus: Figure<VersusFigure>;
  sizes: Record<string, Figure<PageSizes>>;
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
}

const measured = <T extends object>(figure: Figure<T> | undefined): T | null =>
  figure && !('notMeasured' in figure) ? (figure as T) : null;
const reasonOf = (figure: { notMeasured?: string } | undefined, fallback: string) => figure?.notMeasured ?? fallback;

function check(id: string, description: string, limit: number, unit: Target['unit'], actual: number | null, why: string, strict = false): Target {
  if (actual === null) return { id, description, limit, unit, actual, status: 'not measured', note: why };
  const met = strict ? actual < limit : actual <= limit;
  return { id, description, limit, unit, actual, status: met ? 'met' : 'missed' };
}

/**
 * The targets, judged on medians. KB and MB are decimal (1 KB = 1,000 bytes),
 * the stricter reading. Page targets are ratios to the blank page of the same run, so
 * a slow machine moves both sides and the verdict stays meaningful.
 */
export function judgeTargets(m: Measurements): Target[] {
  const popup1k = measured(m.popup['1000']);
  const popup10k = measured(m.popup['10000']);
  const popupAdded = measured(m.popupAdded);
  const dashboard = measured(m.dashboard.ready);
  const popupSizes = measured(m.sizes['popup.html']);
  const chart: Target = popupSizes
    ? { id: 'popup-no-chartjs', description: 'popup loads no Chart.js before ready', limit: 0, unit: 'boolean', actual: popupSizes.chartJs.loaded, status: popupSizes.chartJs.loaded ? 'missed' : 'met', ...(popupSizes.chartJs.loaded ? { note: `in ${popupSizes.chartJs.files.join(', ')}` } : {}) }
    : { id: 'popup-no-chartjs', description: 'popup loads no Chart.js before ready', limit: 0, unit: 'boolean', actual: null, status: 'not measured', note: reasonOf(m.sizes['popup.html'] as { notMeasured?: string }, '') };
  return [
    check('popup-1k', 'popup ready, 1,000 sittings, at most 1.3x blank', 1.3, 'x blank', popup1k?.ratio ?? null, reasonOf(m.popup['1000'] as { notMeasured?: string }, '')),
    check('popup-10k', 'popup ready, 10,000 sittings, at most 1.5x blank', 1.5, 'x blank', popup10k?.ratio ?? null, reasonOf(m.popup['10000'] as { notMeasured?: string }, '')),
    check('popup-1k-added', 'popup ready, 1,000 sittings and 100 added questionnaires, at most 1.3x blank', 1.3, 'x blank', popupAdded?.ratio ?? null, reasonOf(m.popupAdded as { notMeasured?: string }, '')),
    check('popup-js', "popup's initial JS at most 30 KB gzipped", 30_000, 'bytes', popupSizes?.js.gzip ?? null, reasonOf(m.sizes['popup.html'] as { notMeasured?: string }, '')),
    chart,
    check('dashboard-1k', 'dashboard ready, 1,000 sittings, within 3x blank', 3, 'x blank', dashboard?.ratio ?? null, reasonOf(m.dashboard.ready as { notMeasured?: string }, '')),
    ...cliTargets(m.cli),
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
