/**
 * Published means computed from exact sums, so that a figure depends on the answers behind
 * it only through their sum.
 *
 * A person's score on a dimension is a mean over the k statements they answered (2 ≤ k ≤
 * K, the dimension's statements): 100 · (P − k) / 6k for the sum P of their positions
 * turned to point the same way. A "wanted" position is P / k (format 2) or a whole
 * position (format 1). So every score is a whole number of units of 100 / 6L, and every
 * wanted position of units of 1 / L, where L is the least common multiple of 2 … K.
 *
 * As floating-point numbers, the same score is not always the same number: on a
 * dimension whose middle statement is shown reversed, the answers [2, 6, 3] and [1, 3, 7]
 * (turned) both score 44.44…, which scoring.ts adds up to …436 for one and …45 for the
 * other. A mean that lands exactly on a half, which a lead who makes up answers can
 * arrange, then rounded up for one row and down for the other, and the published figure
 * told apart rows with the same score (test/unit/attack-review-2-search.test.ts). Here
 * each score is snapped to its unit, the units are summed as whole numbers and the mean
 * is rounded as a fraction: whatever the last bits, and whatever the order the answers
 * came in.
 *
 * Where the units would be too fine for this (a dimension of 17 or more statements, or a
 * sum too far from a whole number of units, as only values that are no scores or
 * hundreds of thousands of answers give), the float mean is used; contributionOf makes
 * every score and wanted position with one division, so even then equal scores are equal
 * numbers.
 */

/** The finest unit L may make: beyond it, a dimension's scores are summed as floats. */
const MAX_UNITS = 1_000_000;
/** How far from a whole number of units a value may be and still be read as one (float noise is far below). */
const SNAP = 1e-6;
/** The same for a sum of wanted positions, which carries the rounding of every addition. */
const SNAP_SUM = 1e-3;

interface Fraction {
  num: bigint;
  den: bigint;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** L: the least common multiple of 2 … items, or null when it is finer than MAX_UNITS. */
export function unitsPerPosition(items: number): number | null {
  let units = 1;
  for (let k = 2; k <= items; k++) {
    units = (units / gcd(units, k)) * k;
    if (units > MAX_UNITS) return null;
  }
  return units;
}

/** A value times `scale` as a whole number, or null when it is not (near enough) one. */
function snapped(value: number, scale: number, tolerance: number): number | null {
  const units = value * scale;
  const whole = Math.round(units);
  return Math.abs(units - whole) <= tolerance && Number.isSafeInteger(whole) ? whole : null;
}

/** The exact sum of scores (0–100) of a dimension of `items` statements, or null. */
function scoreSum(scores: ArrayLike<number>, items: number): Fraction | null {
  const units = unitsPerPosition(items);
  if (units === null) return null;
  const scale = (6 * units) / 100;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const whole = snapped(scores[i]!, scale, SNAP);
    if (whole === null) return null;
    total += whole;
  }
  return Number.isSafeInteger(total) ? { num: 100n * BigInt(total), den: BigInt(6 * units) } : null;
}

/** num / den rounded half up, as Math.round rounds: exact. */
function roundFraction({ num, den }: Fraction): number {
  const twice = 2n * num + den;
  const divisor = 2n * den;
  const quotient = twice / divisor;
  // BigInt division truncates towards zero; a negative non-multiple needs one less.
  return Number(twice < 0n && quotient * divisor !== twice ? quotient - 1n : quotient);
}

/** The mean of scores, exact, or null when it cannot be had exactly. */
export function exactMeanScore(scores: ArrayLike<number>, items: number): Fraction | null {
  if (scores.length === 0) return null;
  const sum = scoreSum(scores, items);
  return sum && { num: sum.num, den: sum.den * BigInt(scores.length) };
}

/** A fraction rounded to the whole number published. */
export const roundedMean = roundFraction;

/**
 * The mean of several means, exact (the overall figure: the mean of the dimensions'
 * means), or null when one of them is.
 */
export function meanOfFractions(means: readonly (Fraction | null)[]): Fraction | null {
  if (means.length === 0 || means.some((m) => m === null)) return null;
  let total: Fraction = { num: 0n, den: 1n };
  for (const m of means as Fraction[]) total = { num: total.num * m.den + m.num * total.den, den: total.den * m.den };
  return { num: total.num, den: total.den * BigInt(means.length) };
}

/**
 * The mean "wanted" score (0–100) of `count` wanted positions summed to `sum`, on a
 * dimension of `items` statements, rounded: exact, or null when it cannot be had exactly.
 * A position p is the score 100 · (p − 1) / 6.
 */
export function exactWantedScore(sum: number, count: number, items: number): number | null {
  const units = unitsPerPosition(items);
  if (units === null || count === 0) return null;
  const whole = snapped(sum, units, SNAP_SUM);
  if (whole === null) return null;
  const per = BigInt(units) * BigInt(count);
  return roundFraction({ num: 100n * (BigInt(whole) - per), den: 6n * per });
}
