import type { Row } from '../db/database.ts';

/** How a breakdown's keys are ordered: most services, highest rate, or name. */
export type Sort = 'n' | 'rate' | 'key';
/** A key's services and how many were upheld. */
export type Counts = { key: string; n: number; upheld: number };
export const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Each sort's order of counted keys; ties go to more services, then the name. */
export const ORDER: Record<Sort, (a: Counts, b: Counts) => number> = {
  n: (a, b) => b.n - a.n || byKey(a.key, b.key),
  rate: (a, b) => b.upheld / b.n - a.upheld / a.n || b.n - a.n || byKey(a.key, b.key),
  key: (a, b) => byKey(a.key, b.key),
};
/** The select list that sums a breakdown's counts. */
export const SUMS = 'sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld';
/** A counted row of a breakdown by one dimension (k1). */
export const counts = (r: Row): Counts => ({
  key: String(r.k1),
  n: Number(r.n),
  upheld: Number(r.upheld),
});
