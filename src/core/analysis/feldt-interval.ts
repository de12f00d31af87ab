import { fQuantile } from './f-distribution';

export interface Interval {
  lower: number;
  upper: number;
}

export const ALPHA_CONFIDENCE = 0.95;

/**
 * The confidence interval of Cronbach's alpha by Feldt's method (Feldt, Woodruff &
 * Salih, 1987): (1 − α) / (1 − α̂) follows an F distribution with n − 1 and
 * (n − 1)(k − 1) degrees of freedom, for n complete answers to k items, so
 *   lower = 1 − (1 − α̂) · F(1 − γ/2; n − 1, (n − 1)(k − 1))
 *   upper = 1 − (1 − α̂) · F(γ/2;     n − 1, (n − 1)(k − 1))
 * with γ = 1 − confidence. R's psych::alpha.ci computes the same.
 */
export function feldtInterval(alpha: number, n: number, k: number, confidence = ALPHA_CONFIDENCE): Interval {
  if (!Number.isInteger(n) || n < 2 || !Number.isInteger(k) || k < 2) throw new RangeError(`Feldt's interval needs at least 2 answers and 2 items, not ${n} and ${k}`);
  const tail = (1 - confidence) / 2;
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  return {
    lower: 1 - (1 - alpha) * fQuantile(1 - tail, d1, d2),
    upper: 1 - (1 - alpha) * fQuantile(tail, d1, d2),
  };
}
