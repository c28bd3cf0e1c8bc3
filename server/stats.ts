import { LOW_N } from '../model/api.ts';

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
