import { SCALE_POINTS } from '../questionnaire/types';

/**
 * How often each position of the 1–7 scale was answered for one item: every per-item
 * figure (n, mean, standard deviation, floor and ceiling shares) follows from the seven
 * counts, exactly and in any order of answers.
 */
export type ItemCounts = number[];

export function createItemCounts(): ItemCounts {
  return Array(SCALE_POINTS).fill(0);
}

/** Counts one answer at `position` (1–7). Mutates `counts`. */
export function countAnswer(counts: ItemCounts, position: number): void {
  counts[position - 1]!++;
}

export interface ItemDistribution {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null below 2 answers. */
  sd: number | null;
  /** Share of answers at 1, the "from" end of the scale. */
  floor: number | null;
  /** Share of answers at 7, the "to" end. */
  ceiling: number | null;
}

export function distributionOf(counts: ItemCounts): ItemDistribution {
  let n = 0;
  let sum = 0;
  let sumOfSquares = 0;
  counts.forEach((count, index) => {
    const position = index + 1;
    n += count;
    sum += count * position;
    sumOfSquares += count * position * position;
  });
  if (n === 0) return { n, mean: null, sd: null, floor: null, ceiling: null };
  // n·Σx² − (Σx)² of whole numbers is exact, so a constant item has sd 0, not rounding noise.
  const sd = n < 2 ? null : Math.sqrt(Math.max(0, n * sumOfSquares - sum * sum) / (n * (n - 1)));
  return { n, mean: sum / n, sd, floor: counts[0]! / n, ceiling: counts[SCALE_POINTS - 1]! / n };
}
