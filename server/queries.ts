import type { Database } from './db.ts';
import { keyed, type DimensionName } from './dimensions.ts';
import { whereClause, type FilterName, type Filters } from './filters.ts';
import { COUNTS, withRate } from './stats.ts';
import { synonymTerms } from './synonyms.ts';

/** Where the loaded letters come from, so every view can say when the data are synthetic. */
export async function source(db: Database) {
  const [r] = await db.query(`SELECT count(*) FILTER (WHERE synthetic)::INTEGER AS synthetic_letters,
      count(*) FILTER (WHERE NOT synthetic)::INTEGER AS real_letters,
      (SELECT count(*)::INTEGER FROM quarantine) AS quarantined FROM letters`);
  const synthetic = Number(r.synthetic_letters);
  const real = Number(r.real_letters);
  return {
    data_source: synthetic && real ? 'mixed' : synthetic ? 'synthetic' : real ? 'real' : 'empty',
    synthetic_letters: synthetic, real_letters: real, quarantined: Number(r.quarantined),
  };
}

export async function summary(db: Database, f: Filters) {
  const w = whereClause(f);
  const [counts] = await db.query(`SELECT count(DISTINCT f.letter_id)::INTEGER AS letters, ${COUNTS},
      min(f.decision_date)::VARCHAR AS first_decision, max(f.decision_date)::VARCHAR AS last_decision
    FROM facts f ${w.sql}`, w.params);
  const { n, upheld, letters, ...rest } = counts as { n: number; upheld: number; letters: number };
  return { ...(await source(db)), letters, items: n, ...withRate({ n, upheld }), ...rest };
}

export interface RateOptions { sort: 'n' | 'rate' | 'key'; limit: number; min_n: number }
const ORDER = { n: 'n DESC, key', rate: 'upheld / n DESC, n DESC, key', key: 'key' };
const rateRow = (r: Record<string, unknown>) => withRate({ key: String(r.key), n: Number(r.n), upheld: Number(r.upheld) });

export async function rates(db: Database, by: DimensionName, f: Filters, o: RateOptions) {
  const w = whereClause(f);
  const rows = await db.query(`SELECT k1 AS key, ${COUNTS} FROM (${keyed(w.sql, by)})
    GROUP BY key HAVING count(*) >= $min_n ORDER BY ${ORDER[o.sort]} LIMIT $limit`, { ...w.params, min_n: o.min_n, limit: o.limit });
  return rows.map(rateRow);
}

export async function trend(db: Database, interval: 'month' | 'quarter' | 'year', by: DimensionName | undefined, f: Filters) {
  const w = whereClause(f);
  const dated = w.sql ? `${w.sql} AND f.decision_date IS NOT NULL` : 'WHERE f.decision_date IS NOT NULL';
  const keys = by ? keyed(dated, by) : `SELECT 'All' AS k1, f.* FROM facts f ${dated}`;
  const rows = await db.query(`SELECT strftime(date_trunc('${interval}', decision_date), '%Y-%m-%d') AS period, k1 AS key, ${COUNTS}
    FROM (${keys}) GROUP BY period, key ORDER BY period, key`, w.params);
  const [undated] = await db.query(`SELECT count(*)::INTEGER AS n FROM facts f ${w.sql ? `${w.sql} AND` : 'WHERE'} f.decision_date IS NULL`, w.params);
  return { rows: rows.map((r) => ({ period: String(r.period), ...rateRow(r) })), undated: Number(undated.n) };
}

export async function crosstab(db: Database, rowsBy: DimensionName, colsBy: DimensionName, f: Filters) {
  const w = whereClause(f);
  const cells = await db.query(`SELECT k1 AS row, k2 AS col, ${COUNTS} FROM (${keyed(w.sql, rowsBy, colsBy)})
    GROUP BY row, col ORDER BY row, col`, w.params);
  return cells.map((x) => ({ row: String(x.row), col: String(x.col), ...withRate({ n: Number(x.n), upheld: Number(x.upheld) }) }));
}

/** Dimensions offered as facets, each with the filter that narrows it. */
export const FACETS = ['category', 'subcategory', 'decision', 'guideline_source', 'mtus_chapter', 'specialty',
  'licensure_state', 'gender', 'body_region', 'layout'] as const satisfies readonly (DimensionName & FilterName)[];

/** Datasette-style facets: each dimension's values and counts under every filter but its own. */
export async function facets(db: Database, f: Filters, size: number) {
  const lists = await Promise.all(FACETS.map(async (name) => {
    const w = whereClause(f, name);
    const rows = await db.query(`SELECT k1 AS value, count(*)::INTEGER AS n FROM (${keyed(w.sql, name)})
      GROUP BY value ORDER BY n DESC, value LIMIT $size`, { ...w.params, size: size + 1 });
    return [name, {
      values: rows.slice(0, size).map((r) => ({ value: String(r.value), n: Number(r.n), selected: (f[name] as string[] | undefined)?.includes(String(r.value)) ?? false })),
      truncated: rows.length > size,
    }] as const;
  }));
  return Object.fromEntries(lists) as Record<(typeof FACETS)[number], (typeof lists)[number][1]>;
}

/** Words of treatment names (and synonym terms) containing q, with how many services use them. */
export async function suggest(db: Database, q: string, limit: number) {
  const rows = await db.query(`SELECT word, sum(n)::INTEGER AS n FROM (
      SELECT unnest(regexp_split_to_array(lower(treatment), '[^a-z0-9-]+')) AS word, n FROM treatments)
    WHERE length(word) > 2 AND contains(word, lower($q)) GROUP BY word ORDER BY n DESC, word LIMIT $limit`, { q, limit });
  const words = rows.map((r) => ({ term: String(r.word), n: Number(r.n) }));
  const synonyms = synonymTerms(q).filter((t) => !words.some((w) => w.term === t.toLowerCase())).map((term) => ({ term, n: null }));
  return [...words, ...synonyms].slice(0, limit);
}
