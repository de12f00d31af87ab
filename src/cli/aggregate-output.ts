import type { AggregateResult } from '../core/round/aggregator';

export const CSV_HEADER = 'dimension,n,mean,median,q1,q3,wanted_mean,alpha';

/**
 * The aggregate as CSV for spreadsheets and R: one row per dimension, then an
 * `overall` row (mean and median only). A figure that does not apply is an empty
 * cell. When the group is too small, the only row is `overall` with n and every
 * figure empty, so no comment line can trip up a reader. Numbers are at full
 * precision; ids are lower-case letters, digits and hyphens and need no quoting.
 */
export function aggregateCsv(result: AggregateResult): string {
  const rows = [CSV_HEADER];
  for (const d of result.dimensions) rows.push(row(d.id, d.n, d.mean, d.median, d.q1, d.q3, d.wantedMean, d.alpha));
  const overall = result.overall;
  rows.push(row('overall', result.n, overall?.mean ?? null, overall?.median ?? null, null, null, null, null));
  return rows.join('\n');
}

function row(...cells: (string | number | null)[]): string {
  return cells.map((cell) => (cell === null ? '' : String(cell))).join(',');
}

export function aggregateJson(result: AggregateResult): string {
  return JSON.stringify(result, null, 2);
}
