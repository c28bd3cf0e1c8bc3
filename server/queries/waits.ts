import { DECISION_MONTH_NO, LETTER_BLOCK, LETTER_KEY, letterBit } from '../../warehouse/names.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import { dimension, keyColumn, type DimensionName } from '../../model/dimensions.ts';
import { MAX_DAYS, type MeasureName, type PeriodName } from '../../model/measures.ts';
import { MASK_BITS, MASKED, maskColumn } from '../../warehouse/derived-letters.ts';
import type { Database } from '../db/database.ts';
import { GROUPINGS } from '../sql/group-by.ts';
import { onlyLetterFilters, whereClause, type Filters } from '../sql/filters.ts';
import type { Lookup } from '../sql/lookup.ts';

export type WaitBy = DimensionName | PeriodName;

/**
 * How the letters' days are counted for one key: SQL whose rows are (k, d, x, n), n letters of
 * key k (or, with `mask`, of key bitmask k) whose days are d, x whether they were expedited.
 */
export interface Histogram {
  sql: string;
  params: Record<string, DuckDBValue>;
  /**
   * k is a code (labelled from the lookup), a bitmask of keys, a whole number labelled by
   * `label` (a year, a month number, an age's decade), or a label made in SQL.
   */
  keys: 'code' | 'mask' | 'number' | 'label';
  label?: (k: number) => string;
  /** Only these labels are shown (a breakdown by the dimension a filter names). */
  only?: string[];
}

/** Each set dimension's label of each bit of letter_facts' masks, read once per file. */
export const labelBits = (db: Database) =>
  db.once('label_bits', async () => {
    const bits: Record<string, Record<number, string>> = {};
    for (const r of await db.query('SELECT kind, label, bit FROM label_bits'))
      (bits[String(r.kind)] ??= {})[Number(r.bit)] = String(r.label);
    return bits;
  });

// A month number (year * 12 + month - 1) as YYYY-MM.
const month = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

type Key = Pick<Histogram, 'keys' | 'label'> & { expr: string; join: string };

/**
 * The key a row is counted under, and what it needs joined. Years, months and decades are
 * grouped as numbers and labelled here: grouping a million letters by a label made in SQL took
 * five times as long.
 */
function keyOf(by: WaitBy): Key {
  if (by === 'decision_month') return { expr: `f.${DECISION_MONTH_NO}`, join: '', keys: 'number', label: month }; // prettier-ignore
  const d = dimension(by);
  const g = GROUPINGS[by];
  const [expr, join] = [`${g.group('f')}::INTEGER`, ''];
  if (d.storage === 'code') return { expr, join, keys: 'code' };
  if (d.storage === 'date') return { expr, join, keys: 'number', label: String };
  if (d.storage === 'number') {
    const b = d.bucket ?? 1;
    return { expr, join, keys: 'number', label: (k) => `${k}–${k + b - 1}` };
  }
  if (d.storage === 'set') {
    const join = `JOIN sets s ON s.id = f.${keyColumn(by)}`;
    return { expr: 'unnest(s.labels)', join, keys: 'label' };
  }
  return { expr: g.label!(`(${g.group('f')})`), join: '', keys: 'label' };
}

const ofLetters = (by: WaitBy) => by === 'decision_month' || dimension(by).table === 'letters';

/** Whether letter_facts' mask of a dimension holds every one of its keys in this database. */
function masked(by: WaitBy, l: Lookup, bits: Record<string, Record<number, string>>) {
  if (!(MASKED as string[]).includes(by)) return false;
  const keys = dimension(by as DimensionName).storage === 'set' ? bits[by] : l.names[by];
  return Object.keys(keys ?? {}).length <= MASK_BITS;
}

/** The filters without the one on `by`, and that one's values (undefined: none). */
function apart(f: Filters, by: WaitBy): [Filters, string[] | undefined] {
  const { [by as keyof Filters]: own, ...rest } = f;
  return [rest as Filters, own as string[] | undefined];
}

/**
 * The histogram of one measure by one key. Each letter is one wait: letter_facts has a row a
 * letter, read alone under filters on letters (or on the key's own dimension); under filters on
 * services the letters with a matching service are found as a bitmap per block of 64 letter
 * keys (as the summary counts letters); by a key of the services under such filters, the
 * matching services' letter and key pairs are made distinct.
 */
export function histogram(
  by: WaitBy,
  m: MeasureName,
  f: Filters,
  l: Lookup,
  bits: Record<string, Record<number, string>>,
): Histogram {
  const dx = `f.${m} AS d, f.review_speed_code = $expedited::SMALLINT AS x`;
  const has = `f.${m} IS NOT NULL`;
  const params = { expedited: l.codes.review_speed?.Expedited ?? -1 };
  const where = (w: { sql: string }) => (w.sql ? `${w.sql} AND ${has}` : `WHERE ${has}`);
  const [others, own] = apart(f, by);
  if (masked(by, l, bits) && onlyLetterFilters(others)) {
    const w = whereClause(others, l);
    return {
      sql: `SELECT f.${maskColumn(by as DimensionName)} AS k, ${dx}, count(*)::INTEGER AS n
        FROM letter_facts f ${where(w)} GROUP BY ALL`,
      params: { ...w.params, ...params },
      keys: 'mask',
      only: own,
    };
  }
  const key = keyOf(by);
  const w = whereClause(f, l);
  const p = { ...w.params, ...params };
  const hist = (from: string) => ({
    sql: `SELECT k, d, x, count(*)::INTEGER AS n FROM (${from}) GROUP BY ALL`,
    params: p,
    keys: key.keys,
    label: key.label,
  });
  if (!ofLetters(by))
    return hist(`SELECT DISTINCT f.${LETTER_KEY}, ${key.expr} AS k, ${dx} FROM facts f ${key.join} ${where(w)}`); // prettier-ignore
  if (onlyLetterFilters(f))
    return hist(`SELECT ${key.expr} AS k, ${dx} FROM letter_facts f ${key.join} ${where(w)}`);
  const seen = `SELECT f.${LETTER_BLOCK}, bit_or(${letterBit('f')}) AS seen
    FROM facts f ${w.sql} GROUP BY ALL`;
  return hist(`SELECT ${key.expr} AS k, ${dx} FROM letter_facts f
    JOIN (${seen}) b ON b.${LETTER_BLOCK} = f.${LETTER_BLOCK} ${key.join}
    WHERE ${has} AND (b.seen & ${letterBit('f')}) <> 0`);
}

/**
 * A histogram by a free text key (a letter, a service) cut to the `limit` keys with most letters
 * (or first by name) in SQL: a row a letter and day would otherwise leave the database.
 */
export function cut(h: Histogram, by: WaitBy, o: { sort: 'n' | 'key'; limit: number }): Histogram {
  if (by === 'decision_month' || dimension(by).storage !== 'text') return h;
  const counted = `sum(n) FILTER (WHERE d BETWEEN 0 AND ${MAX_DAYS})`;
  const order = o.sort === 'n' ? `${counted} DESC NULLS LAST, k` : 'k';
  return {
    ...h,
    sql: `WITH h AS (${h.sql}) SELECT * FROM h WHERE k IN (SELECT k FROM h GROUP BY k ORDER BY ${order} LIMIT $limit)`,
    params: { ...h.params, limit: o.limit },
  };
}
