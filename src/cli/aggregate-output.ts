import type { AggregateResult } from '../core/round/aggregator';

export const CSV_HEADER = 'dimension,n,mean,wanted_n,wanted_mean,alpha_n,alpha,alpha_below_zero';

/**
 * The aggregate as CSV for spreadsheets and R: one row per dimension, then an
 * `overall` row (its n and mean only). Each figure has the count of answers behind it
 * (n for the mean now, wanted_n, alpha_n for complete answers). There is no median or
 * quartile: one of those is a person's score, and made-up files can choose whose
 * (docs/privacy.md). Alpha is to one decimal within 0 to 1; alpha_below_zero is true
 * where it is below 0 (alpha then 0). A figure that does not apply is an empty cell.
 * When the group is too small, the only row is `overall` with n and every figure
 * empty, so no comment line can trip up a reader. Ids are lower-case letters, digits
 * and hyphens and need no quoting.
 */
export function aggregateCsv(result: AggregateResult): string {
  const rows = [CSV_HEADER];
  for (const d of result.dimensions) {
    rows.push(row(d.id, d.n, d.mean, d.wantedN, d.wantedMean, d.alphaN, d.alpha, d.alpha === null ? null : String(d.alphaBelowZero)));
  }
  rows.push(row('overall', result.n, result.overall?.mean ?? null, null, null, null, null, null));
  return rows.join('\n');
}

function row(...cells: (string | number | null)[]): string {
  return cells.map((cell) => (cell === null ? '' : String(cell))).join(',');
}

export function aggregateJson(result: AggregateResult): string {
  return JSON.stringify(result, null, 2);
}
