import type { Timeliness, TimelinessRow } from '../model/api.ts';
import { dimension, keyColumn, type DimensionName } from '../model/dimensions.ts';
import {
  LIMIT_DAYS,
  LIMIT_NOTE,
  MAX_DAYS,
  measure,
  type MeasureName,
  type PeriodName,
} from '../model/measures.ts';
import { NOT_STATED } from '../model/values.ts';
import type { Database, Row } from './db.ts';
import { GROUPINGS } from './dimensions.ts';
import { onlyLetterFilters, whereClause, type Filters } from './filters.ts';
import { lookup, type Lookup } from './lookup.ts';
import { wilson } from './stats.ts';

export type WaitBy = DimensionName | PeriodName;
export interface WaitOptions {
  sort: 'n' | 'key';
  limit: number;
}

const month = (k: string) =>
  `CASE WHEN ${k} IS NULL THEN '${NOT_STATED}' ELSE strftime(make_date(${k} // 12, ${k} % 12 + 1, 1), '%Y-%m') END`;

/**
 * The key a letter is counted under, and what it needs joined: a code (labelled here from the
 * lookup), a set's labels (unnested, a letter counting once under each), or a label made in SQL.
 */
function keyOf(by: WaitBy): { expr: string; join: string; coded: boolean } {
  if (by === 'decision_month')
    return { expr: month('f.decision_month_no'), join: '', coded: false };
  const d = dimension(by);
  const g = GROUPINGS[by];
  if (d.storage === 'code') return { expr: `${g.group('f')}::INTEGER`, join: '', coded: true };
  if (d.storage === 'set')
    return {
      expr: 'unnest(s.labels)',
      join: `JOIN sets s ON s.id = f.${keyColumn(by)}`,
      coded: false,
    };
  return { expr: g.label!(`(${g.group('f')})`), join: '', coded: false };
}

const letterLevel = (by: WaitBy) => by === 'decision_month' || dimension(by).table === 'letters';

/**
 * One row per letter (or per letter and key, for a key of its services) with its key k, its
 * days d, whether they count (ok) and its legal limit (lim). Each wait is counted once: under
 * filters on the letter alone, its first service stands for it; under filters on its services,
 * the letters with a matching service are found as a bitmap per block of 64 letter keys (the
 * summary's letter count) and their first services read; by a key of the services, the letter
 * and key pairs are made distinct.
 */
function letters(by: WaitBy, name: MeasureName, f: Filters, l: Lookup) {
  const w = whereClause(f, l);
  const key = keyOf(by);
  const d = `f.${name}`;
  const lim = `CASE WHEN f.review_speed_code = $expedited::SMALLINT THEN ${LIMIT_DAYS.Expedited} ELSE ${LIMIT_DAYS.Standard} END`;
  const cols = `f.letter_key, ${key.expr} AS k, ${d} AS d, ${d} BETWEEN 0 AND ${MAX_DAYS} AS ok, ${lim} AS lim`;
  const has = `${d} IS NOT NULL`;
  const and = (sql: string) => (sql ? `${sql} AND ${has}` : `WHERE ${has}`);
  if (!letterLevel(by))
    return {
      sql: `SELECT DISTINCT * FROM (SELECT ${cols} FROM facts f ${key.join} ${and(w.sql)})`,
      w,
      key,
    };
  if (onlyLetterFilters(f))
    return {
      sql: `SELECT ${cols} FROM facts f ${key.join} ${and(w.sql)} AND f.first_item`,
      w,
      key,
    };
  const seen = `SELECT f.letter_block, bit_or(1::UBIGINT << (f.letter_key % 64)::UBIGINT) AS seen FROM facts f ${w.sql} GROUP BY ALL`;
  return {
    sql: `SELECT ${cols} FROM facts f JOIN (${seen}) b ON b.letter_block = f.letter_block ${key.join}
      WHERE f.first_item AND ${has} AND (b.seen >> (f.letter_key % 64)::UBIGINT) & 1::UBIGINT = 1`,
    w,
    key,
  };
}

const ORDER = {
  n: (a: TimelinessRow, b: TimelinessRow) => b.n - a.n || (a.key < b.key ? -1 : 1),
  key: (a: TimelinessRow, b: TimelinessRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
};

// Quantiles of whole days are whole or end in .25, .5, .75 (or, interpolated at 0.9, tenths):
// three places drop only floating point's noise (55.69999999999999 is 55.7).
const days = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** A counted key's row: quantiles, the share within the limit and its 95% interval. */
function row(r: Row, key: string): TimelinessRow {
  const q = ((r.q as number[] | null) ?? [null, null, null, null]).map(days);
  const n = Number(r.n);
  const within = Number(r.within);
  const [ci_low, ci_high] = wilson(within, n);
  return {
    key,
    n,
    p25_days: q[0],
    median_days: q[1],
    p75_days: q[2],
    p90_days: q[3],
    within_limit: within,
    within_limit_share: n ? within / n : null,
    ci_low,
    ci_high,
    excluded: Number(r.excluded),
  };
}

/**
 * Review time by one key under the filters: for each key with a letter that has the measure, the exact
 * quartiles and 90th percentile of the days (quantile_cont over the letters, one value each),
 * how many were within the legal limit, and how many spans were left out as impossible.
 */
export async function timeliness(
  db: Database,
  by: WaitBy,
  name: MeasureName,
  f: Filters,
  o: WaitOptions,
): Promise<Timeliness> {
  const l = await lookup(db);
  const { sql, w, key } = letters(by, name, f, l);
  // Keys labelled in SQL may be a letter's own (letter_id): ordered and cut in SQL too.
  const cut = key.coded ? '' : `ORDER BY ${o.sort === 'n' ? 'n DESC, k' : 'k'} LIMIT $limit`;
  const params = {
    ...w.params,
    expedited: l.codes.review_speed?.Expedited ?? -1,
    ...(key.coded ? {} : { limit: o.limit }),
  };
  const found = await db.query(
    `SELECT k, count(*) FILTER (WHERE ok)::INTEGER AS n,
      quantile_cont(d, [0.25, 0.5, 0.75, 0.9]) FILTER (WHERE ok) AS q,
      count(*) FILTER (WHERE ok AND d <= lim)::INTEGER AS within,
      count(*) FILTER (WHERE NOT ok)::INTEGER AS excluded
    FROM (${sql}) GROUP BY k ${cut}`,
    params,
  );
  const label = (k: unknown) =>
    key.coded ? (l.names[by]?.[Number(k)] ?? NOT_STATED) : String(k ?? NOT_STATED);
  const rows = found.map((r) => row(r, label(r.k)));
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
    rows: rows.sort(ORDER[o.sort]).slice(0, o.limit),
  };
}
