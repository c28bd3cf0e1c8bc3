import { LOW_N } from '../../model/limits.ts';

/** 95% Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 0];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  // Exact bounds at the extremes, where floating point would land a hair inside them.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** A row of counts given its uphold rate, interval and low-n flag (in place: pass a new object). */
export function withRate<T extends { n: number; upheld: number }>(row: T) {
  const [ci_low, ci_high] = wilson(row.upheld, row.n);
  return Object.assign(row, {
    overturned: row.n - row.upheld,
    uphold_rate: row.n ? row.upheld / row.n : null,
    ci_low,
    ci_high,
    low_n: row.n < LOW_N,
  });
}

/**
 * The upper tail of the standard normal, Q(x) = P(Z > x), to double precision: Hart's
 * algorithm 5666 as given by West, "Better approximations to cumulative normal functions"
 * (Wilmott, 2005). Q(0) is exactly 0.5, so a two-sided p of 2·Q(0) is exactly 1.
 */
export function normalTail(x: number): number {
  const a = Math.abs(x);
  let q: number;
  if (a > 37) q = 0;
  else if (a < 7.07106781186547) {
    const num = [
      3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871,
      221.213596169931, 220.206867912376,
    ];
    const den = [
      8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674,
      637.333633378831, 793.826512519948, 440.413735824752,
    ];
    const poly = (cs: number[]) => cs.reduce((s, c) => s * a + c, 0);
    q = (Math.exp((-a * a) / 2) * poly(num)) / poly(den);
  } else {
    const b = a + 1 / (a + 2 / (a + 3 / (a + 4 / (a + 0.65))));
    q = Math.exp((-a * a) / 2) / b / 2.506628274631;
  }
  return x < 0 ? 1 - q : q;
}

/**
 * Newcombe's hybrid score interval for p1 − p2 from the two Wilson intervals: method 10 of
 * Newcombe, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890.
 */
export function newcombe(k1: number, n1: number, k2: number, n2: number): [number, number] {
  const [p1, p2] = [k1 / n1, k2 / n2];
  const [l1, u1] = wilson(k1, n1);
  const [l2, u2] = wilson(k2, n2);
  const d = p1 - p2;
  return [
    Math.max(-1, d - Math.hypot(p1 - l1, u2 - p2)),
    Math.min(1, d + Math.hypot(u1 - p1, p2 - l2)),
  ];
}

/** The pooled two-proportion z statistic (its square is the Pearson χ² of the 2×2 table). */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): number {
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (k1 / n1 - k2 / n2) / se;
}

/** Two-sided p of the pooled two-proportion z test. */
export const zTest = (k1: number, n1: number, k2: number, n2: number) =>
  Math.min(1, 2 * normalTail(Math.abs(twoProportionZ(k1, n1, k2, n2))));

// ln Γ(x) for x > 0: Lanczos' approximation (g = 7, nine coefficients), about 15 digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}
const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * Two-sided p of Fisher's exact test of the 2×2 table [[k1, n1 − k1], [k2, n2 − k2]]: the
 * probability, given the margins, of every table no more likely than the one observed (with
 * R's relative tolerance of 1e-7 for ties).
 */
export function fisherExact(k1: number, n1: number, k2: number, n2: number): number {
  const m = k1 + k2; // successes in all
  const n = n1 + n2;
  const lo = Math.max(0, m - n2);
  const hi = Math.min(m, n1);
  const logP = (x: number) => logChoose(n1, x) + logChoose(n2, m - x) - logChoose(n, m);
  const observed = logP(k1);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (lp <= observed + Math.log1p(1e-7)) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
