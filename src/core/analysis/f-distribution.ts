import { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from './incomplete-beta';

/**
 * Snedecor's F distribution with d1 and d2 degrees of freedom, through the incomplete
 * beta: if F ~ F(d1, d2) then d1·F / (d1·F + d2) ~ Beta(d1/2, d2/2).
 */

function checkDegrees(d1: number, d2: number): void {
  if (!(d1 > 0 && d2 > 0) || !Number.isFinite(d1) || !Number.isFinite(d2)) throw new RangeError(`the F distribution needs positive, finite degrees of freedom, not ${d1} and ${d2}`);
}

/** P(F ≤ f). */
export function fCdf(f: number, d1: number, d2: number): number {
  checkDegrees(d1, d2);
  if (!(f > 0)) return 0;
  if (f === Infinity) return 1;
  return regularizedIncompleteBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** The f with P(F ≤ f) = p, for 0 < p < 1. */
export function fQuantile(p: number, d1: number, d2: number): number {
  checkDegrees(d1, d2);
  if (!(p > 0 && p < 1)) throw new RangeError(`fQuantile needs 0 < p < 1, not ${p}`);
  const { x, complement } = inverseRegularizedIncompleteBeta(p, d1 / 2, d2 / 2);
  return (d2 * x) / (d1 * complement);
}
