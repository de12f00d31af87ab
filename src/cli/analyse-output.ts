import type { Analysis, DimensionAnalysis, ItemAnalysis } from '../core/analysis/item-analysis';
import { csvRow } from '../core/analysis/csv-row';
import { coefficientText, percentText, THRESHOLDS } from '../core/analysis/flags';
import type { Rejection } from '../core/round/aggregator';

/** What `analyse` prints: the item analysis with the set it describes. */
export interface AnalyseReport extends Analysis {
  questionnaire: { id: string; version: number };
  round: string | null;
  thresholds: typeof THRESHOLDS;
  duplicates: number;
  rejected: Rejection[];
}

export function analyseJson(report: AnalyseReport): string {
  const { questionnaire, round, n, minGroup, suppressed, missingAnswer, thresholds, dimensions, duplicates, rejected } = report;
  return JSON.stringify({ questionnaire, round, n, minGroup, suppressed, missingAnswer, thresholds, dimensions, duplicates, rejected }, null, 2);
}

export const ANALYSE_CSV_HEADER = 'dimension,item,reversed,n,complete,not_applicable,mean,sd,floor,ceiling,item_rest,alpha_if_dropped,alpha,alpha_lower,alpha_upper,flags';

/**
 * One row per item, then one per dimension (item empty), then `overall` with the
 * responses analysed; below the minimum group only `overall`. Numbers at full
 * precision, an empty cell where a figure is not given; flags by kind, separated by
 * spaces (docs/analysis.md says what each means).
 */
export function analyseCsv(report: AnalyseReport): string {
  const rows = [ANALYSE_CSV_HEADER];
  for (const d of report.dimensions) {
    for (const i of d.items) rows.push(row(d.id, i.id, i.reversed, i.n, null, i.notApplicable, i.mean, i.sd, i.floor, i.ceiling, i.itemRest, i.alphaIfDropped, null, null, null, kinds(i)));
    rows.push(row(d.id, null, null, d.n, d.complete, null, null, null, null, null, null, null, d.alpha, d.interval?.lower ?? null, d.interval?.upper ?? null, kinds(d)));
  }
  rows.push(row('overall', null, null, report.n, null, null, null, null, null, null, null, null, null, null, null, ''));
  return rows.join('\n');
}

const kinds = (figure: { flags: { kind: string }[] }) => figure.flags.map((f) => f.kind).join(' ');

const row = (...cells: (string | number | boolean | null)[]) => csvRow(cells);

const NONE = '-';
const decimals = (value: number | null, places: number) => (value === null ? NONE : value.toFixed(places));
const percent = (share: number | null) => (share === null ? NONE : `${(share * 100).toFixed(1)}%`);
const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** A report to read in a terminal: a table per dimension, its flags in words below it. */
export function analyseText(report: AnalyseReport): string {
  const head = `${report.questionnaire.id} version ${report.questionnaire.version}${report.round === null ? '' : `, round ${report.round}`}`;
  if (report.suppressed) {
    return `${head}: ${plural(report.n, 'response')}, fewer than the minimum group of ${report.minGroup}: only the count is shown.`;
  }
  const missing = report.missingAnswer === 'not-applicable' ? 'does not apply' : 'not answered';
  const lines = [
    `${head}: ${plural(report.n, 'response')}, minimum group ${report.minGroup}.`,
    'Positions run from 1 at the "from" pole to 7 at the "to" pole, whichever statement stood on the left;',
    '(r) marks an item whose left statement was the "to" pole. Alpha, item–rest and alpha if dropped use the',
    'complete answers only (listwise: every item of the dimension answered). A figure from fewer answers than',
    'the minimum group is left out (-).',
  ];
  for (const d of report.dimensions) lines.push('', ...dimensionText(d, missing));
  lines.push(
    '',
    `Flags: item–rest correlation below ${coefficientText(THRESHOLDS.itemRest)}; Cronbach's alpha below ${coefficientText(THRESHOLDS.alpha)};`,
    `"${missing}" above ${percentText(THRESHOLDS.notApplicable)}; answers at 1 (floor) or at 7 (ceiling) above ${percentText(THRESHOLDS.floorOrCeiling)}.`,
  );
  return lines.join('\n');
}

function dimensionText(d: DimensionAnalysis, missing: string): string[] {
  const alpha = d.alpha === null
    ? `no alpha (${plural(d.complete, 'complete answer')})`
    : `alpha ${d.alpha.toFixed(2)} (95% CI ${d.interval!.lower.toFixed(2)} to ${d.interval!.upper.toFixed(2)}, Feldt) from ${plural(d.complete, 'complete answer')}`;
  const header = ['item', 'n', missing, 'mean', 'sd', 'floor', 'ceiling', 'item–rest', 'alpha if dropped'];
  const rows = d.items.map((i: ItemAnalysis) => [
    `${i.id}${i.reversed ? ' (r)' : ''}`, String(i.n), percent(i.notApplicable), decimals(i.mean, 2), decimals(i.sd, 2),
    percent(i.floor), percent(i.ceiling), decimals(i.itemRest, 2), decimals(i.alphaIfDropped, 2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((r) => r[column]!.length)));
  // The item column reads left to right; the figures line up on the right.
  const line = (cells: string[]) => `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  const flags = [
    ...d.flags.map((f) => `  ! ${d.id}: ${f.text}`),
    ...d.items.flatMap((i) => i.flags.map((f) => `  ! ${i.id}: ${f.text}`)),
  ];
  return [`${d.id}: ${plural(d.n, 'response')} with a score; ${alpha}`, line(header), ...rows.map(line), ...flags];
}
