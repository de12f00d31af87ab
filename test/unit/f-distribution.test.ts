import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fCdf, fQuantile } from '../../src/core/analysis/f-distribution';
import { feldtInterval } from '../../src/core/analysis/feldt-interval';
import { inverseRegularizedIncompleteBeta, logGamma, regularizedIncompleteBeta } from '../../src/core/analysis/incomplete-beta';

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('the regularized incomplete beta', () => {
  it('gives ln Γ of whole and half numbers', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    // ln(100!) = 363.73937555556347 (by summing logs).
    let sum = 0;
    for (let i = 2; i <= 100; i++) sum += Math.log(i);
    expect(relative(logGamma(101), sum)).toBeLessThan(1e-14);
  });

  it('equals the binomial tail for whole a and b: I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (a, b, x) => {
      const trials = a + b - 1;
      let tail = 0;
      let choose = 1; // C(trials, j), built up from j = 0
      for (let j = 0; j <= trials; j++) {
        if (j > 0) choose = (choose * (trials - j + 1)) / j;
        if (j >= a) tail += choose * x ** j * (1 - x) ** (trials - j);
      }
      expect(Math.abs(regularizedIncompleteBeta(x, a, b) - tail)).toBeLessThan(1e-12);
    }));
  });

  it('is inverted: I at the inverse gives p back (I_y(b, a) = 1 − p at y = 1 − x, where x is above 1/2)', () => {
    fc.assert(fc.property(fc.double({ min: 0.5, max: 5_000, noNaN: true }), fc.double({ min: 0.5, max: 5_000, noNaN: true }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (a, b, p) => {
      const { x, complement } = inverseRegularizedIncompleteBeta(p, a, b);
      expect(x + complement).toBeCloseTo(1, 15);
      const error = x <= 0.5 ? regularizedIncompleteBeta(x, a, b) - p : regularizedIncompleteBeta(complement, b, a) - (1 - p);
      expect(Math.abs(error)).toBeLessThan(1e-10);
    }));
  });

  it('refuses what is outside its domain instead of returning a number', () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('the F distribution', () => {
  // Printed tables of the F distribution (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.3), to
  // the digits they give: [p, d1, d2, value, tolerance].
  const TABLE: [number, number, number, number, number][] = [
    [0.95, 1, 1, 161.45, 0.005],
    [0.99, 1, 1, 4052.18, 0.005],
    [0.95, 5, 10, 3.326, 0.0005],
    [0.975, 5, 10, 4.236, 0.0005],
    [0.99, 10, 20, 3.368, 0.0005],
    [0.95, 10, 10, 2.978, 0.0005],
    [0.95, 3, 20, 3.098, 0.0005],
    [0.99, 1, 10, 10.044, 0.0005],
  ];

  it.each(TABLE)('F(%s; %s, %s) is %s as printed in tables', (p, d1, d2, value, tolerance) => {
    expect(Math.abs(fQuantile(p, d1, d2) - value)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(fCdf(value, d1, d2) - p)).toBeLessThan(1e-3);
  });

  it('agrees with scipy.stats.f.ppf (1.17.1) to 1e-9, also at the degrees of freedom of 100,000 answers', () => {
    const SCIPY: [number, number, number, number][] = [
      [0.975, 4, 8, 5.052632217363513],
      [0.025, 4, 8, 0.11136377801442858],
      [0.975, 29, 58, 1.8333132198653699],
      [0.025, 9, 18, 0.27016213936232103],
      [0.001, 1, 1, 2.4674051589901414e-6],
      [0.975, 99_999, 199_998, 1.010783256908657],
      [0.025, 99_999, 199_998, 0.9893125172858521],
    ];
    for (const [p, d1, d2, value] of SCIPY) expect(relative(fQuantile(p, d1, d2), value), `F(${p}; ${d1}, ${d2})`).toBeLessThan(1e-9);
  });

  it('has the closed forms of d1 = 2 and d2 = 2', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 1_000 }), (p, d) => {
      // d1 = 2: P(F ≤ f) = 1 − (1 + 2f/d2)^(−d2/2).
      expect(relative(fQuantile(p, 2, d), (d / 2) * ((1 - p) ** (-2 / d) - 1))).toBeLessThan(1e-9);
      // d2 = 2: P(F ≤ f) = x^(d1/2) with x = d1·f / (d1·f + 2).
      const x = p ** (2 / d);
      expect(relative(fQuantile(p, d, 2), (2 * x) / (d * (1 - x)))).toBeLessThan(1e-8);
    }));
  });

  it('is reciprocal: F(p; d1, d2) = 1 / F(1 − p; d2, d1)', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000 }), (p, d1, d2) => {
      expect(relative(fQuantile(p, d1, d2), 1 / fQuantile(1 - p, d2, d1))).toBeLessThan(1e-9);
    }));
  });
});

describe('Feldt\'s confidence interval of alpha', () => {
  it('is 1 − (1 − α)·F(.975) to 1 − (1 − α)·F(.025) with n − 1 and (n − 1)(k − 1) degrees of freedom', () => {
    // α = 21.3 / 22.7 from 5 answers to 3 items (the data set of item-analysis.test.ts):
    // df 4 and 8; tables give F(.975; 4, 8) = 5.053 and F(.975; 8, 4) = 8.980, so
    // F(.025; 4, 8) = 1 / 8.980 = 0.1114; 1 − α = 1.4 / 22.7 = 0.06167;
    // lower = 1 − 0.06167 × 5.053 = 0.6884, upper = 1 − 0.06167 × 0.1114 = 0.9931.
    const { lower, upper } = feldtInterval(21.3 / 22.7, 5, 3);
    expect(lower).toBeCloseTo(0.6884, 4);
    expect(upper).toBeCloseTo(0.9931, 4);
  });

  it('holds alpha: lower ≤ α ≤ upper, and narrows as answers grow', () => {
    fc.assert(fc.property(fc.double({ min: -3, max: 1, noNaN: true }), fc.integer({ min: 3, max: 5_000 }), fc.integer({ min: 2, max: 20 }), (alpha, n, k) => {
      const { lower, upper } = feldtInterval(alpha, n, k);
      expect(lower).toBeLessThanOrEqual(alpha);
      expect(alpha).toBeLessThanOrEqual(upper);
      expect(upper).toBeLessThanOrEqual(1);
      const wider = feldtInterval(alpha, n, k);
      const narrower = feldtInterval(alpha, n * 2, k);
      expect(narrower.upper - narrower.lower).toBeLessThanOrEqual(wider.upper - wider.lower);
    }));
  });
});
