import type { DuckDBValue } from '@duckdb/node-api';
import type { RateRow } from '../../model/api.ts';
import type { DimensionName } from '../../model/dimensions.ts';
import { base } from '../sql/base.ts';
import { counts, ORDER, SUMS, type Counts, type Sort } from '../sql/counts.ts';
import type { Database } from '../db/database.ts';
import { counted, labelled, labelledInSql } from '../sql/group-by.ts';
import type { Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';
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

/**
 * A breakdown's keys are ordered and cut in SQL when SQL labels them (a letter_id breakdown has
 * a row a letter): the clause after its GROUP BY k1, and its parameters. Codes and sets are few,
 * and are labelled, ordered and cut in JavaScript (cut()).
 */
export function sqlCut(by: DimensionName, o: RateOptions, params: Record<string, DuckDBValue>) {
  return labelledInSql(by)
    ? {
        clause: `HAVING sum(n) >= $min_n ORDER BY ${SQL_ORDER[o.sort]} LIMIT $limit`,
        params: { ...params, min_n: o.min_n, limit: o.limit },
      }
    : { clause: '', params };
}

/** Labelled keys with at least min_n services, in the order asked, at most limit of them. */
export const cut = <T extends Counts>(rows: T[], o: RateOptions): T[] =>
  rows
    .filter((r) => r.n >= o.min_n)
    .sort(ORDER[o.sort])
    .slice(0, o.limit);

/** Uphold rate by one dimension: each key's counts, in the order asked, at least min_n. */
export async function rates(
  db: Database,
  by: DimensionName,
  f: Filters,
  o: RateOptions,
): Promise<RateRow[]> {
  const l = await lookup(db);
  const b = base(f, l, [by]);
  const c = sqlCut(by, o, b.params);
  const rows = await db.query(
    `SELECT k1, ${SUMS} FROM (${counted(b.from, b.where, [by])}) GROUP BY k1 ${c.clause}`,
    c.params,
  );
  return cut(
    labelled(rows, [by], l).map((r) => counts(r)),
    o,
  ).map(withRate);
}
