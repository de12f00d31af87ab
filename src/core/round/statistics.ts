/**
 * Descriptive statistics for team rounds. Pure and allocation-light: the aggregator
 * calls them once per dimension over up to hundreds of thousands of scores.
 */

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * The mean summed in ascending order, so that it does not depend on the order values
 * arrived in; null for no values. Leaves `values` untouched. (Team figures publish no
 * median or quartile: among few people, or beside made-up answers, one is a person's score.)
 */
export function sortedMean(values: ArrayLike<number>): number | null {
  return values.length === 0 ? null : mean(Float64Array.from(values).sort());
}

/**
 * Running sums from which Cronbach's alpha follows, so rows need not be kept: per item
 * the sum and sum of squares, and the same for each row's total. Plain arrays, so the
 * lead's round state can keep them as they are.
 */
export interface ItemSums {
  n: number;
  itemSum: number[];
  itemSumOfSquares: number[];
  totalSum: number;
  totalSumOfSquares: number;
}

export function createItemSums(k: number): ItemSums {
  return { n: 0, itemSum: Array(k).fill(0), itemSumOfSquares: Array(k).fill(0), totalSum: 0, totalSumOfSquares: 0 };
}

/** Adds one complete row of k item values. */
export function addRow(sums: ItemSums, row: ArrayLike<number>): void {
  let total = 0;
  for (let i = 0; i < sums.itemSum.length; i++) {
    const value = row[i]!;
    sums.itemSum[i]! += value;
    sums.itemSumOfSquares[i]! += value * value;
    total += value;
  }
  sums.n++;
  sums.totalSum += total;
  sums.totalSumOfSquares += total * total;
}

/**
 * Sample variance (n − 1) from a sum and a sum of squares. Written as
 * (n·Σx² − (Σx)²) / (n(n − 1)) so that whole-number data stays exact up to the
 * division (below 2^53, e.g. 100,000 rows of totals up to 140).
 */
export function varianceFromSums(n: number, sum: number, sumOfSquares: number): number {
  return Math.max(0, (n * sumOfSquares - sum * sum) / (n * (n - 1)));
}

/**
 * alpha = k / (k − 1) · (1 − Σ item variances / variance of totals). Null when it is
 * undefined or meaningless: fewer than 3 rows, fewer than 2 items, or totals that do
 * not vary. The last test is relative, because sums of squares leave rounding noise
 * where the exact variance is 0, and dividing by that noise would give a wild number.
 */
export function cronbachAlpha(sums: ItemSums): number | null {
  const { n } = sums;
  const k = sums.itemSum.length;
  if (n < 3 || k < 2) return null;
  let itemVariances = 0;
  for (let i = 0; i < k; i++) itemVariances += varianceFromSums(n, sums.itemSum[i]!, sums.itemSumOfSquares[i]!);
  const totalVariance = varianceFromSums(n, sums.totalSum, sums.totalSumOfSquares);
  if (!(totalVariance > 1e-10 * itemVariances) || totalVariance === 0) return null;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}
