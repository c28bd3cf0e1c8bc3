import { DECISION_MONTH_NO } from '../../warehouse/names.ts';
import type { Trend } from '../../model/api.ts';
import { dimension, type DimensionName } from '../../model/dimensions.ts';
import { byKey, SUMS } from '../sql/counts.ts';
import type { Database } from '../db/database.ts';
import { counted, labelled } from '../sql/group-by.ts';
import { whereClause, type Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';
import { withRate } from './stats.ts';

/** Uphold rate per period of decision, for each key of by when given. */
export async function trend(
  db: Database,
  interval: 'month' | 'quarter' | 'year',
  by: DimensionName | undefined,
  f: Filters,
): Promise<Trend> {
  const l = await lookup(db);
  const w = whereClause(f, l);
  // Grouped by month first, a few hundred groups, then by period: cheaper than truncating every
  // date. Undated services form the period NULL.
  // By year, a service with only a year (a DMHC case's report year) counts in its year.
  const month =
    interval === 'year'
      ? `coalesce(f.${DECISION_MONTH_NO}, f.${dimension('decision_year').yearColumn} * 12)`
      : `f.${DECISION_MONTH_NO}`;
  const months = counted('facts', w.sql, by ? [by] : [], `${month} AS month`);
  const rows = labelled(
    await db.query(
      `SELECT strftime(date_trunc('${interval}', make_date(month // 12, month % 12 + 1, 1)), '%Y-%m-%d') AS period, ${by ? 'k1' : "'All'"} AS k1, ${SUMS}
    FROM (${months}) GROUP BY ALL`,
      w.params,
    ),
    by ? [by] : [],
    l,
    'period',
  );
  const dated = rows
    .filter((r) => r.period !== null)
    .map((r) => ({
      period: String(r.period),
      key: String(r.k1),
      n: Number(r.n),
      upheld: Number(r.upheld),
    }))
    .sort((a, b) => byKey(a.period, b.period) || byKey(a.key, b.key));
  const undated = rows.reduce((sum, r) => sum + (r.period === null ? Number(r.n) : 0), 0);
  return { rows: dated.map(withRate), undated };
}
