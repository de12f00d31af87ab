import type { AggregateResult } from '../core/round/aggregator';

export const CSV_HEADER = 'dimension,n,mean,wanted_n,wanted_mean';

/**
 * The aggregate as CSV for spreadsheets and R: one row per dimension, then an
 * `overall` row (its n and mean only). Each figure has the count of answers behind it
 * (n for the mean now, wanted_n). There is no median or quartile: one of those is a
 * person's score, and made-up files can choose whose; and no Cronbach's alpha: anyone
 * who can put files into the channel and read each output can choose made-up files,
 * run after run, that read one person's answer to each statement from it
 * (docs/privacy.md). Alpha is `analyse`'s, for whoever holds the files. A figure that
 * does not apply is an empty cell. When the group is too small, the only row is
 * `overall` with n and every figure empty, so no comment line can trip up a reader.
 * Ids are lower-case letters, digits and hyphens and need no quoting.
 */
export function aggregateCsv(result: AggregateResult): string {
  const rows = [CSV_HEADER];
  for (const d of result.dimensions) rows.push(row(d.id, d.n, d.mean, d.wantedN, d.wantedMean));
  rows.push(row('overall', result.n, result.overall?.mean ?? null, null, null));
  return rows.join('\n');
}

function row(...cells: (string | number | null)[]): string {
  return cells.map((cell) => (cell === null ? '' : String(cell))).join(',');
}

export function aggregateJson(result: AggregateResult): string {
  return JSON.stringify(result, null, 2);
}
