import type { Database, Row } from './db.ts';
import { counted, DIMENSIONS, inCube, labelled, labelledInSql, type DimensionName } from './dimensions.ts';
import { FACETS, lookup, whereClause, splitFacets, type Filters, type Lookup } from './filters.ts';
import { withRate } from './stats.ts';
import { synonymTerms } from './synonyms.ts';

/** Where the loaded letters come from, so every view can say when the data are synthetic. */
export const source = (db: Database) => db.once('source', async () => {
  const [r] = await db.query(`SELECT count(*) FILTER (WHERE synthetic)::INTEGER AS synthetic_letters,
      count(*) FILTER (WHERE NOT synthetic)::INTEGER AS real_letters,
      (SELECT count(*)::INTEGER FROM quarantine) AS quarantined FROM letters`);
  const synthetic = Number(r.synthetic_letters);
  const real = Number(r.real_letters);
  return {
    data_source: synthetic && real ? 'mixed' : synthetic ? 'synthetic' : real ? 'real' : 'empty',
    synthetic_letters: synthetic, real_letters: real, quarantined: Number(r.quarantined),
  };
});

/** Filters that keep or drop whole letters: under these alone, each letter's first service stands for it. */
const LETTER_FILTERS = ['specialty', 'licensure_state', 'decision_from', 'decision_to', 'injury_from', 'injury_to',
  'age_min', 'age_max', 'gender', 'layout', 'letter_id'];

export async function summary(db: Database, f: Filters) {
  const w = whereClause(f, await lookup(db));
  const counts = `count(*)::INTEGER AS n, sum(f.upheld::UTINYINT)::INTEGER AS upheld,
    min(f.decision_date)::VARCHAR AS first_decision, max(f.decision_date)::VARCHAR AS last_decision`;
  // Under item filters a letter counts once however many of its services match: each block of
  // 64 letter keys becomes a bitmap of the letters seen, twice as fast as count(DISTINCT).
  const sql = Object.entries(f).every(([k, v]) => v === undefined || LETTER_FILTERS.includes(k))
    ? `SELECT count(*) FILTER (WHERE f.first_item)::INTEGER AS letters, ${counts} FROM facts f ${w.sql}`
    : `SELECT sum(bit_count(seen))::INTEGER AS letters, sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld,
        min(first_decision) AS first_decision, max(last_decision) AS last_decision
      FROM (SELECT bit_or(1::UBIGINT << (f.letter_key % 64)::UBIGINT) AS seen, ${counts} FROM facts f ${w.sql} GROUP BY f.letter_block)`;
  const [row] = await db.query(sql, w.params);
  const { n, upheld, letters, ...rest } = row as { n: number | null; upheld: number | null; letters: number | null };
  return { ...(await source(db)), letters: letters ?? 0, items: n ?? 0, ...withRate({ n: n ?? 0, upheld: upheld ?? 0 }), ...rest };
}

/**
 * Where to count services for these dimensions: facts, or, when every dimension is a facet
 * column, facet_cube's counts (when there are other filters, services counted by cube_key
 * under them and joined to it), with the facet filters applied to those counts. Under a
 * treatment search alone the services are counted from treatment_cube, a tenth of facts.
 */
function base(f: Filters, l: Lookup, dims: DimensionName[]) {
  if (!dims.every(inCube)) {
    const w = whereClause(f, l);
    return { from: 'facts', where: w.sql, params: w.params };
  }
  const [facetFilters, others] = splitFacets(f);
  const o = whereClause(others, l);
  const w = whereClause(facetFilters, l);
  const [counts, n] = Object.entries(others).every(([k, v]) => k === 'treatment' || v === undefined)
    ? ['treatment_cube', 'sum(f.n)'] : ['facts', 'count(*)'];
  const from = o.sql ? `(SELECT c.* REPLACE (x.n AS n) FROM (SELECT f.cube_key, ${n}::INTEGER AS n FROM ${counts} f ${o.sql}
    GROUP BY ALL) x JOIN facet_cube c USING (cube_key))` : 'facet_cube';
  return { from, where: w.sql, params: { ...o.params, ...w.params } };
}

export interface RateOptions { sort: 'n' | 'rate' | 'key'; limit: number; min_n: number }
const SQL_ORDER = { n: 'sum(n) DESC, k1', rate: 'sum(upheld) / sum(n) DESC, sum(n) DESC, k1', key: 'k1' };
type Counts = { key: string; n: number; upheld: number };
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDER: Record<RateOptions['sort'], (a: Counts, b: Counts) => number> = {
  n: (a, b) => b.n - a.n || byKey(a.key, b.key),
  rate: (a, b) => b.upheld / b.n - a.upheld / a.n || b.n - a.n || byKey(a.key, b.key),
  key: (a, b) => byKey(a.key, b.key),
};
const SUMS = 'sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld';
const counts = (r: Row): Counts => ({ key: String(r.k1), n: Number(r.n), upheld: Number(r.upheld) });

export async function rates(db: Database, by: DimensionName, f: Filters, o: RateOptions) {
  const l = await lookup(db);
  const b = base(f, l, [by]);
  // Keys labelled in SQL are ordered and cut there (a letter_id breakdown has a row a letter);
  // codes and sets are few, and are labelled, ordered and cut here.
  const inSql = labelledInSql(by);
  const rows = await db.query(`SELECT k1, ${SUMS} FROM (${counted(b.from, b.where, [by])}) GROUP BY k1
    ${inSql ? `HAVING sum(n) >= $min_n ORDER BY ${SQL_ORDER[o.sort]} LIMIT $limit` : ''}`,
  inSql ? { ...b.params, min_n: o.min_n, limit: o.limit } : b.params);
  return labelled(rows, [by], l).map((r) => counts(r)).filter((r) => r.n >= o.min_n).sort(ORDER[o.sort]).slice(0, o.limit).map(withRate);
}

export async function trend(db: Database, interval: 'month' | 'quarter' | 'year', by: DimensionName | undefined, f: Filters) {
  const l = await lookup(db);
  const w = whereClause(f, l);
  // Grouped by month first, a few hundred groups, then by period: cheaper than truncating every
  // date. Undated services form the period NULL.
  const months = counted('facts', w.sql, by ? [by] : [], 'f.decision_month_no AS month');
  const rows = labelled(await db.query(`SELECT strftime(date_trunc('${interval}', make_date(month // 12, month % 12 + 1, 1)), '%Y-%m-%d') AS period, ${by ? 'k1' : "'All'"} AS k1, ${SUMS}
    FROM (${months}) GROUP BY ALL`, w.params), by ? [by] : [], l, 'period');
  const dated = rows.filter((r) => r.period !== null).map((r) => ({ period: String(r.period), key: String(r.k1), n: Number(r.n), upheld: Number(r.upheld) }))
    .sort((a, b) => byKey(a.period, b.period) || byKey(a.key, b.key));
  const undated = rows.reduce((sum, r) => sum + (r.period === null ? Number(r.n) : 0), 0);
  return { rows: dated.map(withRate), undated };
}

export async function crosstab(db: Database, rowsBy: DimensionName, colsBy: DimensionName, f: Filters) {
  const l = await lookup(db);
  const b = base(f, l, [rowsBy, colsBy]);
  const cells = labelled(await db.query(`SELECT k1, k2, ${SUMS} FROM (${counted(b.from, b.where, [rowsBy, colsBy])}) GROUP BY ALL`, b.params),
    [rowsBy, colsBy], l);
  return cells.map((x) => withRate({ row: String(x.k1), col: String(x.k2), n: Number(x.n), upheld: Number(x.upheld) }))
    .sort((a, b) => byKey(a.row, b.row) || byKey(a.col, b.col));
}

/**
 * Datasette-style facets: each dimension's values and counts under every filter but its own,
 * in one statement over facet_cube's counts under the filters that are not facets.
 */
export async function facets(db: Database, f: Filters, size: number) {
  const l = await lookup(db);
  const [facetFilters, others] = splitFacets(f);
  const b = base(others, l, [...FACETS]);
  // Counts under other filters are made once for all arms; the cube itself is read by each.
  const [from, withCounts] = b.from === 'facet_cube' ? [b.from, ''] : ['counts', `WITH counts AS MATERIALIZED (SELECT * FROM ${b.from} f)`];
  const params = { ...b.params };
  const arms = FACETS.map((name) => {
    const w = whereClause(facetFilters, l, name);
    Object.assign(params, w.params);
    return `SELECT '${name}' AS facet, ${DIMENSIONS[name].group('f')} AS k1, sum(f.n)::INTEGER AS n FROM ${from} f ${w.sql} GROUP BY ALL`;
  });
  const rows = await db.query(`${withCounts} ${arms.join(' UNION ALL ')}`, params);
  return Object.fromEntries(FACETS.map((name) => {
    const mine = labelled(rows.filter((r) => r.facet === name), [name], l).map((r) => counts(r)).sort(ORDER.n);
    return [name, {
      values: mine.slice(0, size).map((r) => ({ value: r.key, n: r.n, selected: (f[name] as string[] | undefined)?.includes(r.key) ?? false })),
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
