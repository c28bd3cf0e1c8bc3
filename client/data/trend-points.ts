import type { TrendRow } from '../../model/api.ts';

/** The keys with the most services over all periods, at most `most` of them. */
export function topKeys(rows: TrendRow[], most: number): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, most)
    .map(([k]) => k);
}

/**
 * A line chart's points, one a period in order: each key's rate at `key`, its interval at
 * `${key} band` and its n at `${key} n` (charts/LineFrame.tsx reads them so).
 */
export function pointsBy(
  rows: TrendRow[],
  keys: string[],
  period: (p: string) => string,
  rate: (r: TrendRow) => { rate: number | null; low: number; high: number },
): Record<string, unknown>[] {
  const at = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    if (!keys.includes(r.key)) continue;
    const p = period(r.period);
    const m = rate(r);
    const point = at.get(p) ?? { period: p };
    Object.assign(point, { [r.key]: m.rate, [`${r.key} band`]: [m.low, m.high], [`${r.key} n`]: r.n });
    at.set(p, point);
  }
  return [...at.values()].sort((a, b) => (String(a.period) < String(b.period) ? -1 : 1));
}
