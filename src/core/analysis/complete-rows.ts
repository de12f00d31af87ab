import { cronbachAlpha, type ItemSums } from '../round/statistics';

/**
 * Sums over one dimension's complete answers (every item answered, positions turned to
 * point the same way): per item the sum, and per pair of items the sum of products.
 * Alpha of any subset of the items, each item's correlation with the rest, and alpha
 * without an item all follow from these, so no answer is kept. The values are whole
 * numbers 1–7, so the sums are exact and the figures do not depend on the order the
 * answers came in (below 2^53: e.g. a million rows of 20 items).
 */
export interface CompleteRows {
  k: number;
  n: number;
  sums: number[];
  /** Row-major k × k: products[i * k + j] = Σ x_i · x_j. */
  products: number[];
}

export function createCompleteRows(k: number): CompleteRows {
  return { k, n: 0, sums: Array(k).fill(0), products: Array(k * k).fill(0) };
}

/** Adds one complete row of k values. Mutates `rows`. */
export function addCompleteRow(rows: CompleteRows, row: ArrayLike<number>): void {
  const { k, sums, products } = rows;
  for (let i = 0; i < k; i++) {
    const value = row[i]!;
    sums[i]! += value;
    for (let j = 0; j < k; j++) products[i * k + j]! += value * row[j]!;
  }
  rows.n++;
}

/**
 * The running sums alpha is computed from (statistics.ts), for a subset of the items:
 * the same numbers the team aggregate accumulates row by row, so its alpha and this
 * one are the same to the last bit.
 */
export function itemSumsOf(rows: CompleteRows, items: readonly number[]): ItemSums {
  const { k, sums, products } = rows;
  let totalSum = 0;
  let totalSumOfSquares = 0;
  for (const i of items) {
    totalSum += sums[i]!;
    for (const j of items) totalSumOfSquares += products[i * k + j]!;
  }
  return {
    n: rows.n,
    itemSum: items.map((i) => sums[i]!),
    itemSumOfSquares: items.map((i) => products[i * k + i]!),
    totalSum,
    totalSumOfSquares,
  };
}

const allItems = (k: number) => Array.from({ length: k }, (_, i) => i);

/**
 * Cronbach's alpha of all k items. Never above 1: the bound holds exactly (a total's
 * variance is at most k times the sum of its items'), and a result just above it is
 * rounding, e.g. when every item is the same.
 */
export function alphaOfRows(rows: CompleteRows, items: readonly number[] = allItems(rows.k)): number | null {
  const alpha = cronbachAlpha(itemSumsOf(rows, items));
  return alpha === null ? null : Math.min(1, alpha);
}

/** Alpha of the other items; undefined (null) when fewer than two would be left. */
export function alphaIfDropped(rows: CompleteRows, item: number): number | null {
  if (rows.k <= 2) return null;
  return alphaOfRows(rows, allItems(rows.k).filter((i) => i !== item));
}

/**
 * The corrected item–total correlation: Pearson's r between the item and the sum of the
 * dimension's other items, over the complete rows. Null with fewer than 3 rows, or
 * when the item or the rest does not vary. Each term is n·Σ − Σ·Σ of whole numbers,
 * so only the last division and root round; the result is clamped to [−1, 1], which
 * Cauchy–Schwarz guarantees and rounding could overstep.
 */
export function itemRestCorrelation(rows: CompleteRows, item: number): number | null {
  const { k, n, sums, products } = rows;
  if (n < 3 || k < 2) return null;
  let restSum = 0;
  let itemTimesRest = 0;
  let restSquared = 0;
  for (let j = 0; j < k; j++) {
    if (j === item) continue;
    restSum += sums[j]!;
    itemTimesRest += products[item * k + j]!;
    for (let l = 0; l < k; l++) if (l !== item) restSquared += products[j * k + l]!;
  }
  const itemSum = sums[item]!;
  const covariance = n * itemTimesRest - itemSum * restSum;
  const itemVariance = n * products[item * k + item]! - itemSum * itemSum;
  const restVariance = n * restSquared - restSum * restSum;
  if (itemVariance <= 0 || restVariance <= 0) return null;
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(itemVariance * restVariance)));
}
