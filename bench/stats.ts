/** The spread of a set of runs: the median is the figure, min/max and the quartiles show how steady it was. */
export interface Summary {
  runs: number[];
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
}

/** Linear interpolation between closest ranks, so 7 runs give stable quartiles. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function summarize(runs: readonly number[]): Summary {
  if (runs.length === 0) throw new Error('summarize: no runs');
  const sorted = [...runs].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    runs: runs.map(round),
    median: round(quantile(sorted, 0.5)),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
    q1: round(quantile(sorted, 0.25)),
    q3: round(quantile(sorted, 0.75)),
  };
}

/** A figure the bench could not take, and why: reported as such, never replaced by a guess. */
export interface NotMeasured {
  notMeasured: string;
}

export const notMeasured = (reason: string): NotMeasured => ({ notMeasured: reason });
export const isNotMeasured = (value: unknown): value is NotMeasured =>
  typeof value === 'object' && value !== null && 'notMeasured' in value;
