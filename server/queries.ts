import type { Database } from './db.ts';
import { counted, inCube, type DimensionName } from './dimensions.ts';
import { FACETS, whereClause, splitFacets, type Filters } from './filters.ts';
import { withRate } from './stats.ts';
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

/** Filters that keep or drop whole letters: under these alone, each letter's first service stands for it. */
const LETTER_FILTERS = ['specialty', 'licensure_state', 'decision_from', 'decision_to', 'injury_from', 'injury_to',
  'age_min', 'age_max', 'gender', 'layout', 'letter_id'];

export async function summary(db: Database, f: Filters) {
  const w = whereClause(f);
  const counts = `count(*)::INTEGER AS n, count(*) FILTER (WHERE f.upheld)::INTEGER AS upheld,
    min(f.decision_date)::VARCHAR AS first_decision, max(f.decision_date)::VARCHAR AS last_decision`;
  // Under item filters a letter counts once however many of its services match: each block of
  // 64 letter keys becomes a bitmap of the letters seen, twice as fast as count(DISTINCT).
  const sql = Object.entries(f).every(([k, v]) => v === undefined || LETTER_FILTERS.includes(k))
    ? `SELECT count(*) FILTER (WHERE f.first_item)::INTEGER AS letters, ${counts} FROM facts f ${w.sql}`
    : `SELECT sum(bit_count(seen))::INTEGER AS letters, sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld,
        min(first_decision) AS first_decision, max(last_decision) AS last_decision
      FROM (SELECT bit_or(1::UBIGINT << (f.letter_key % 64)::UBIGINT) AS seen, ${counts} FROM facts f ${w.sql} GROUP BY f.letter_key // 64)`;
  const [row] = await db.query(sql, w.params);
  const { n, upheld, letters, ...rest } = row as { n: number | null; upheld: number | null; letters: number | null };
  return { ...(await source(db)), letters: letters ?? 0, items: n ?? 0, ...withRate({ n: n ?? 0, upheld: upheld ?? 0 }), ...rest };
}

/**
 * Where to count services for these dimensions: facts, or, when every dimension is a facet
 * column, facet_cube's counts (facts counted by cube_key under the other filters and joined
 * to it, when there are other filters), with the facet filters applied to those counts.
 */
function base(f: Filters, dims: DimensionName[]) {
  if (!dims.every(inCube)) {
    const w = whereClause(f);
    return { from: 'facts', where: w.sql, params: w.params };
  }
  const [facetFilters, others] = splitFacets(f);
  const o = whereClause(others);
  const w = whereClause(facetFilters);
  const from = o.sql ? `(SELECT c.* REPLACE (x.n AS n) FROM (SELECT f.cube_key, count(*)::INTEGER AS n FROM facts f ${o.sql}
    GROUP BY ALL) x JOIN facet_cube c USING (cube_key))` : 'facet_cube';
  return { from, where: w.sql, params: { ...o.params, ...w.params } };
}

export interface RateOptions { sort: 'n' | 'rate' | 'key'; limit: number; min_n: number }
const ORDER = { n: 'sum(n) DESC, key', rate: 'sum(upheld) / sum(n) DESC, sum(n) DESC, key', key: 'key' };
const SUMS = 'sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld';
const rateRow = (r: Record<string, unknown>) => withRate({ key: String(r.key), n: Number(r.n), upheld: Number(r.upheld) });

export async function rates(db: Database, by: DimensionName, f: Filters, o: RateOptions) {
  const b = base(f, [by]);
  const rows = await db.query(`SELECT k1 AS key, ${SUMS} FROM (${counted(b.from, b.where, [by])})
    GROUP BY key HAVING sum(n) >= $min_n ORDER BY ${ORDER[o.sort]} LIMIT $limit`, { ...b.params, min_n: o.min_n, limit: o.limit });
  return rows.map(rateRow);
}

export async function trend(db: Database, interval: 'month' | 'quarter' | 'year', by: DimensionName | undefined, f: Filters) {
  const w = whereClause(f);
  // Grouped by month first, a few hundred groups, then by period: cheaper than truncating every
  // date. Undated services form the period NULL.
  const months = counted('facts', w.sql, by ? [by] : [], 'f.decision_month AS month');
  const rows = await db.query(`SELECT strftime(date_trunc('${interval}', month), '%Y-%m-%d') AS period, ${by ? 'k1' : "'All'"} AS key, ${SUMS}
    FROM (${months}) GROUP BY period, key ORDER BY period, key`, w.params);
  const dated = rows.filter((r) => r.period !== null);
  const undated = rows.reduce((sum, r) => sum + (r.period === null ? Number(r.n) : 0), 0);
  return { rows: dated.map((r) => ({ period: String(r.period), ...rateRow(r) })), undated };
}

export async function crosstab(db: Database, rowsBy: DimensionName, colsBy: DimensionName, f: Filters) {
  const b = base(f, [rowsBy, colsBy]);
  const cells = await db.query(`SELECT k1 AS row, k2 AS col, ${SUMS} FROM (${counted(b.from, b.where, [rowsBy, colsBy])})
    GROUP BY row, col ORDER BY row, col`, b.params);
  return cells.map((x) => ({ row: String(x.row), col: String(x.col), ...withRate({ n: Number(x.n), upheld: Number(x.upheld) }) }));
}

/**
 * Datasette-style facets: each dimension's values and counts under every filter but its own,
 * in one statement over facet_cube's counts under the filters that are not facets.
 */
export async function facets(db: Database, f: Filters, size: number) {
  const [facetFilters, others] = splitFacets(f);
  const b = base(others, [...FACETS]);
  const params = { ...b.params, size: size + 1 };
  const arms = FACETS.map((name) => {
    const w = whereClause(facetFilters, name);
    Object.assign(params, w.params);
    return `(SELECT '${name}' AS facet, k1 AS value, sum(n)::INTEGER AS n FROM (${counted('counts', w.sql, [name])})
      GROUP BY value ORDER BY n DESC, value LIMIT $size)`;
  });
  const rows = await db.query(`WITH counts AS MATERIALIZED (SELECT * FROM ${b.from} f)
    SELECT * FROM (${arms.join(' UNION ALL ')}) ORDER BY facet, n DESC, value`, params);
  return Object.fromEntries(FACETS.map((name) => {
    const mine = rows.filter((r) => r.facet === name);
    return [name, {
      values: mine.slice(0, size).map((r) => ({ value: String(r.value), n: Number(r.n), selected: (f[name] as string[] | undefined)?.includes(String(r.value)) ?? false })),
      truncated: mine.length > size,
    }];
  })) as Record<(typeof FACETS)[number], { values: { value: string; n: number; selected: boolean }[]; truncated: boolean }>;
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
