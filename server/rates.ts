import type { RateRow } from '../model/api.ts';
import type { DimensionName } from '../model/dimensions.ts';
import { base } from './base.ts';
import { counts, ORDER, SUMS, type Sort } from './counts.ts';
import type { Database } from './db.ts';
import { counted, labelled, labelledInSql } from './dimensions.ts';
import type { Filters } from './filters.ts';
import { lookup } from './lookup.ts';
import { withRate } from './stats.ts';

export interface RateOptions {
  sort: Sort;
  limit: number;
  min_n: number;
}
const SQL_ORDER: Record<Sort, string> = {
  n: 'sum(n) DESC, k1',
  rate: 'sum(upheld) / sum(n) DESC, sum(n) DESC, k1',
  key: 'k1',
};

/** Uphold rate by one dimension: each key's counts, in the order asked, at least min_n. */
export async function rates(
  db: Database,
  by: DimensionName,
  f: Filters,
  o: RateOptions,
): Promise<RateRow[]> {
  const l = await lookup(db);
  const b = base(f, l, [by]);
  // Keys labelled in SQL are ordered and cut there (a letter_id breakdown has a row a letter);
  // codes and sets are few, and are labelled, ordered and cut here.
  const inSql = labelledInSql(by);
  const rows = await db.query(
    `SELECT k1, ${SUMS} FROM (${counted(b.from, b.where, [by])}) GROUP BY k1
    ${inSql ? `HAVING sum(n) >= $min_n ORDER BY ${SQL_ORDER[o.sort]} LIMIT $limit` : ''}`,
    inSql ? { ...b.params, min_n: o.min_n, limit: o.limit } : b.params,
  );
  return labelled(rows, [by], l)
    .map((r) => counts(r))
    .filter((r) => r.n >= o.min_n)
    .sort(ORDER[o.sort])
    .slice(0, o.limit)
    .map(withRate);
}
