import type { Database } from './db.ts';
import { counted, CUBE_COLUMNS, inCube, type DimensionName } from './dimensions.ts';
import { cubeFilters, FACETS, whereClause, splitFacets, type Filters } from './filters.ts';
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

export async function summary(db: Database, f: Filters) {
  const w = whereClause(f);
  const [{ max }] = await db.query('SELECT coalesce(max(letter_key), 0)::INTEGER AS max FROM facts');
  // Letters are counted as a bitmap of their dense keys, four times faster than count(DISTINCT).
  // The bitmap's size must be a constant: it is the database's own integer, never user input.
  const letters = `bit_count(bitstring_agg(f.letter_key, 0, ${Math.trunc(Number(max))}))::INTEGER AS letters`;
  const [counts] = await db.query(`SELECT ${letters}, count(*)::INTEGER AS n, count(*) FILTER (WHERE f.upheld)::INTEGER AS upheld,
      min(f.decision_date)::VARCHAR AS first_decision, max(f.decision_date)::VARCHAR AS last_decision
    FROM facts f ${w.sql}`, w.params);
  const { n, upheld, letters: l, ...rest } = counts as { n: number; upheld: number; letters: number | null };
  return { ...(await source(db)), letters: l ?? 0, items: n, ...withRate({ n, upheld }), ...rest };
}

/** facet_cube when it holds every column the filters and dimensions need, else facts. */
const table = (f: Filters, dims: DimensionName[]) => (cubeFilters(f) && dims.every(inCube) ? 'facet_cube' : 'facts');

export interface RateOptions { sort: 'n' | 'rate' | 'key'; limit: number; min_n: number }
const ORDER = { n: 'sum(n) DESC, key', rate: 'sum(upheld) / sum(n) DESC, sum(n) DESC, key', key: 'key' };
const SUMS = 'sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld';
const rateRow = (r: Record<string, unknown>) => withRate({ key: String(r.key), n: Number(r.n), upheld: Number(r.upheld) });

export async function rates(db: Database, by: DimensionName, f: Filters, o: RateOptions) {
  const w = whereClause(f);
  const rows = await db.query(`SELECT k1 AS key, ${SUMS} FROM (${counted(table(f, [by]), w.sql, [by])})
    GROUP BY key HAVING sum(n) >= $min_n ORDER BY ${ORDER[o.sort]} LIMIT $limit`, { ...w.params, min_n: o.min_n, limit: o.limit });
  return rows.map(rateRow);
}

export async function trend(db: Database, interval: 'month' | 'quarter' | 'year', by: DimensionName | undefined, f: Filters) {
  const w = whereClause(f);
  const dated = w.sql ? `${w.sql} AND f.decision_date IS NOT NULL` : 'WHERE f.decision_date IS NOT NULL';
  // Grouped by day first, a few thousand groups, then by period: cheaper than truncating every date.
  const days = counted('facts', dated, by ? [by] : [], 'f.decision_date AS day');
  const rows = await db.query(`SELECT strftime(date_trunc('${interval}', day), '%Y-%m-%d') AS period, ${by ? 'k1' : "'All'"} AS key, ${SUMS}
    FROM (${days}) GROUP BY period, key ORDER BY period, key`, w.params);
  const [undated] = await db.query(`SELECT count(*)::INTEGER AS n FROM facts f ${w.sql ? `${w.sql} AND` : 'WHERE'} f.decision_date IS NULL`, w.params);
  return { rows: rows.map((r) => ({ period: String(r.period), ...rateRow(r) })), undated: Number(undated.n) };
}

export async function crosstab(db: Database, rowsBy: DimensionName, colsBy: DimensionName, f: Filters) {
  const w = whereClause(f);
  const cells = await db.query(`SELECT k1 AS row, k2 AS col, ${SUMS} FROM (${counted(table(f, [rowsBy, colsBy]), w.sql, [rowsBy, colsBy])})
    GROUP BY row, col ORDER BY row, col`, w.params);
  return cells.map((x) => ({ row: String(x.row), col: String(x.col), ...withRate({ n: Number(x.n), upheld: Number(x.upheld) }) }));
}

/**
 * Datasette-style facets: each dimension's values and counts under every filter but its own.
 * One statement: services are first counted by every facet column under the other filters
 * (facet_cube already holds these counts when there are none), and each facet is read from
 * those counts.
 */
export async function facets(db: Database, f: Filters, size: number) {
  const [facetFilters, others] = splitFacets(f);
  const rest = whereClause(others);
  const base = rest.sql ? `(SELECT ${CUBE_COLUMNS}, count(*)::INTEGER AS n FROM facts f ${rest.sql} GROUP BY ALL)` : 'facet_cube';
  const params = { ...rest.params, size: size + 1 };
  const arms = FACETS.map((name) => {
    const w = whereClause(facetFilters, name);
    Object.assign(params, w.params);
    return `(SELECT '${name}' AS facet, k1 AS value, sum(n)::INTEGER AS n FROM (${counted('counts', w.sql, [name])})
      GROUP BY value ORDER BY n DESC, value LIMIT $size)`;
  });
  const rows = await db.query(`WITH counts AS MATERIALIZED (SELECT * FROM ${base} f) ${arms.join(' UNION ALL ')}`, params);
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
