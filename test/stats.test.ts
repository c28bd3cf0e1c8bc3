import { describe, expect, it } from 'vitest';
import {
  fisherExact,
  logGamma,
  newcombe,
  normalTail,
  twoProportionZ,
  wilson,
  zTest,
} from '../server/queries/stats.ts';
import { compareCounts } from '../server/queries/compare.ts';

// Published values, to the digits their sources print.

describe('Wilson score interval', () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, Table I (method 3).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('%i of %i: %f to %f', (k, n, lo, hi) => {
    const [a, b] = wilson(k, n);
    expect(a).toBeCloseTo(lo, 4);
    expect(b).toBeCloseTo(hi, 4);
  });
});

describe("Newcombe's hybrid score interval for a difference (method 10)", () => {
  // Newcombe, "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890, Table II.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i: %f to %f', (k1, n1, k2, n2, lo, hi) => {
    const [a, b] = newcombe(k1, n1, k2, n2);
    expect(a).toBeCloseTo(lo, 4);
    expect(b).toBeCloseTo(hi, 4);
  });
});

describe("Fisher's exact test, two-sided", () => {
  it.each([
    // Fisher's lady tasting tea, 3 of 4 cups right each way: (1 + 16 + 16 + 1) / 70.
    [3, 4, 1, 4, 34 / 70],
    // Fisher's convictions of like-sex twins (R's fisher.test example): p = 0.0005367.
    [2, 12, 15, 18, 0.0005367],
    // One table only is possible: it is certain.
    [5, 5, 3, 3, 1],
  ])('%i/%i against %i/%i: p = %f', (k1, n1, k2, n2, p) => {
    const got = fisherExact(k1, n1, k2, n2);
    expect(Math.abs(got - p) / p).toBeLessThan(1e-3);
  });

  it('gives p = 1 for two equal slices', () => {
    expect(fisherExact(4, 9, 4, 9)).toBeCloseTo(1, 12);
  });

  it('is symmetric in the two slices and in upheld and overturned', () => {
    const p = fisherExact(2, 12, 15, 18);
    expect(fisherExact(15, 18, 2, 12)).toBeCloseTo(p, 12);
    expect(fisherExact(10, 12, 3, 18)).toBeCloseTo(p, 12);
  });

  it.each([
    [1, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('ln Γ(%f) = %f', (x, want) => {
    expect(logGamma(x)).toBeCloseTo(want, 9);
  });
});

describe('two-proportion z test', () => {
  // Standard normal upper tail, as printed in normal tables.
  it.each([
    [0, 0.5],
    [1, 0.158655],
    [1.959963984540054, 0.025],
    [2.575829303549, 0.005],
    [3, 0.0013499],
    [-1, 0.841345],
  ])('Q(%f) = %f', (x, q) => {
    expect(normalTail(x)).toBeCloseTo(q, 6);
  });
  it('Q(5) = 2.8665e-7, to 4 significant digits', () => {
    expect(normalTail(5) / 2.8665e-7).toBeCloseTo(1, 4);
  });

  it("gives Agresti's X² = 25.01 for the Physicians' Health Study (aspirin and heart attacks)", () => {
    // Placebo 189 of 11,034 had a heart attack, aspirin 104 of 11,037 (Agresti, An
    // Introduction to Categorical Data Analysis, 2nd ed., §2.4).
    expect(twoProportionZ(189, 11034, 104, 11037) ** 2).toBeCloseTo(25.01, 2);
    expect(zTest(189, 11034, 104, 11037)).toBeLessThan(1e-6);
  });

  it('gives p = 1 for two equal rates, and 0.05 at z = 1.96', () => {
    expect(zTest(90, 100, 180, 200)).toBe(1);
    expect(2 * normalTail(1.959963984540054)).toBeCloseTo(0.05, 12);
  });
});

describe('compareCounts', () => {
  const slice = (upheld: number, n: number) => {
    const [ci_low, ci_high] = wilson(upheld, n);
    return { n, upheld, uphold_rate: upheld / n, ci_low, ci_high };
  };
  it.each([
    // Every expected count is 5 or more: the z test.
    [56, 70, 48, 80, 'two-proportion z test'],
    // 9/10 against 3/10: the expected overturned counts are 4, under 5: Fisher's test.
    [9, 10, 3, 10, "Fisher's exact test"],
    [1000, 1000, 992, 1000, "Fisher's exact test"],
    // 10 overturned of 2,000: expected 5 in each slice, not under 5.
    [1000, 1000, 990, 1000, 'two-proportion z test'],
    [900, 1000, 850, 1000, 'two-proportion z test'],
  ])('%i/%i against %i/%i uses the %s', (k1, n1, k2, n2, test) => {
    const c = compareCounts(slice(k1, n1), slice(k2, n2));
    expect(c.test).toBe(test);
    expect(c.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
    expect([c.ci_low, c.ci_high]).toEqual(newcombe(k1, n1, k2, n2));
    const p = test === 'two-proportion z test' ? zTest : fisherExact;
    expect(c.p_value).toBe(p(k1, n1, k2, n2));
  });

  it('answers nulls when a slice has no service', () => {
    const c = compareCounts(slice(0, 0), slice(5, 10));
    expect(c).toMatchObject({ difference: null, ci_low: null, p_value: null, test: null });
  });
});
