import type { Timeliness, TimelinessRow } from '../../model/api.ts';
import {
  LIMIT_DAYS,
  LIMIT_NOTE,
  MAX_DAYS,
  measure,
  type MeasureName,
} from '../../model/measures.ts';
import { NOT_STATED } from '../../model/values.ts';
import type { Database, Row } from '../db/database.ts';
import { byKey } from '../sql/counts.ts';
import type { Filters } from '../sql/filters.ts';
import { lookup, type Lookup } from '../sql/lookup.ts';
import { wilson } from './stats.ts';
import { cut, histogram, labelBits, type Histogram, type WaitBy } from './waits.ts';

export type { WaitBy } from './waits.ts';
export interface WaitOptions {
  sort: 'n' | 'key';
  limit: number;
}

/** One key's letters: how many had each number of days, and were or were not expedited. */
type Counts = [days: number, expedited: boolean, n: number][];

/** The labels a histogram row counts for: its code's, its mask's bits', or its own. */
function labelsOf(
  h: Histogram,
  by: WaitBy,
  l: Lookup,
  bits: Record<string, Record<number, string>>,
) {
  return (k: unknown): string[] => {
    if (h.keys === 'label') return [String(k ?? NOT_STATED)];
    if (h.keys === 'number') return [k === null ? NOT_STATED : h.label!(Number(k))];
    if (h.keys === 'code') return [l.names[by]?.[Number(k)] ?? NOT_STATED];
    // Bit b is a set's label numbered b, or the code b + 1.
    const name = (b: number) => (bits[by] ? bits[by][b] : l.names[by]?.[b + 1]) ?? NOT_STATED;
    const mask = BigInt(String(k ?? 0));
    const out: string[] = [];
    for (let b = 0; mask >> BigInt(b); b++) if ((mask >> BigInt(b)) & 1n) out.push(name(b));
    return out;
  };
}

/** The exact quantile p of the letters' days, as quantile_cont takes it: interpolated at (n - 1)p. */
function quantile(sorted: [number, number][], total: number, p: number): number | null {
  if (!total) return null;
  const at = (total - 1) * p;
  const value = (i: number) => {
    let seen = 0;
    for (const [d, n] of sorted) if ((seen += n) > i) return d;
    return sorted[sorted.length - 1][0];
  };
  const [lo, hi] = [value(Math.floor(at)), value(Math.ceil(at))];
  // Three places drop floating point's noise (55.69999999999999 is 55.7).
  return Math.round((lo + (at - Math.floor(at)) * (hi - lo)) * 1000) / 1000;
}

/** A key's row: its counted letters' quantiles, the share within the limit and its interval. */
function row(key: string, counts: Counts): TimelinessRow {
  const byDay = new Map<number, number>();
  let [n, within, excluded] = [0, 0, 0];
  for (const [d, x, c] of counts) {
    if (d < 0 || d > MAX_DAYS) {
      excluded += c;
      continue;
    }
    n += c;
    if (d <= (x ? LIMIT_DAYS.Expedited : LIMIT_DAYS.Standard)) within += c;
    byDay.set(d, (byDay.get(d) ?? 0) + c);
  }
  const sorted = [...byDay].sort((a, b) => a[0] - b[0]);
  const [ci_low, ci_high] = wilson(within, n);
  return {
    key,
    n,
    p25_days: quantile(sorted, n, 0.25),
    median_days: quantile(sorted, n, 0.5),
    p75_days: quantile(sorted, n, 0.75),
    p90_days: quantile(sorted, n, 0.9),
    within_limit: within,
    within_limit_share: n ? within / n : null,
    ci_low,
    ci_high,
    excluded,
  };
}

const ORDER = {
  n: (a: TimelinessRow, b: TimelinessRow) => b.n - a.n || byKey(a.key, b.key),
  key: (a: TimelinessRow, b: TimelinessRow) => byKey(a.key, b.key),
};

/**
 * Review time by one key under the filters: for each key with a letter that has the measure,
 * the exact quartiles and 90th percentile of the days over its letters (one value each, however
 * many services a letter decides), how many were within the legal limit, and how many spans
 * were left out as impossible. The database counts letters by key and day, a few thousand rows
 * at most; the quantiles are read from those counts here, as quantile_cont would give them.
 */
export async function timeliness(
  db: Database,
  by: WaitBy,
  name: MeasureName,
  f: Filters,
  o: WaitOptions,
): Promise<Timeliness> {
  const [l, bits] = await Promise.all([lookup(db), labelBits(db)]);
  const h = cut(histogram(by, name, f, l, bits), by, o);
  const labels = labelsOf(h, by, l, bits);
  const perKey = new Map<string, Counts>();
  for (const r of (await db.query(h.sql, h.params)) as Row[])
    for (const key of labels(r.k)) {
      const counts = perKey.get(key) ?? [];
      counts.push([Number(r.d), r.x === true, Number(r.n)]);
      perKey.set(key, counts);
    }
  const keys = [...perKey.keys()].filter((k) => !h.only || h.only.includes(k));
  const m = measure(name);
  return {
    by,
    measure: name,
    label: m.label,
    program: m.program,
    doc: m.doc,
    caveat: m.caveat,
    limits: LIMIT_DAYS,
    limit_note: LIMIT_NOTE,
    max_days: MAX_DAYS,
    rows: keys
      .map((k) => row(k, perKey.get(k)!))
      .sort(ORDER[o.sort])
      .slice(0, o.limit),
  };
}
