import type { Cell, Facets, RateRow, Source, Suggestion, Summary, Trend } from '../model/api.ts';
import type { Database, Row } from './db.ts';
import {
  dimension,
  FACETS,
  type DimensionName,
  type FacetName,
  filterDimension,
  LIST_FILTERS,
  RANGE_FILTERS,
} from '../model/dimensions.ts';
import { counted, GROUPINGS, inCube, labelled, labelledInSql } from './dimensions.ts';
import { facetKeys, whereClause, splitFacets, type Filters } from './filters.ts';
import { lookup, type Lookup } from './lookup.ts';
import { programs } from './programs.ts';
import { HttpError } from './errors.ts';
import { withRate } from './stats.ts';
import { synonymTerms } from './synonyms.ts';

/** Where the loaded letters come from, so every view can say when the data are synthetic. */
export const source = (db: Database): Promise<Source> =>
  db.once('source', async () => {
    const [r] =
      await db.query(`SELECT count(*) FILTER (WHERE synthetic)::INTEGER AS synthetic_letters,
      count(*) FILTER (WHERE NOT synthetic)::INTEGER AS real_letters,
      (SELECT count(*)::INTEGER FROM quarantine) AS quarantined FROM letters`);
    const synthetic = Number(r.synthetic_letters);
    const real = Number(r.real_letters);
    return {
      data_source: synthetic && real ? 'mixed' : synthetic ? 'synthetic' : real ? 'real' : 'empty',
      synthetic_letters: synthetic,
      real_letters: real,
      quarantined: Number(r.quarantined),
    };
  });

/** Filters that keep or drop whole letters: under these alone, each letter's first service stands for it. */
const LETTER_FILTERS = [...LIST_FILTERS, ...RANGE_FILTERS].filter(
  (p) => dimension(filterDimension(p)).table === 'letters',
) as string[];

export async function summary(db: Database, f: Filters): Promise<Summary> {
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
  const [[row], perProgram] = await Promise.all([db.query(sql, w.params), programs(db, f)]);
  const { n, upheld, letters, first_decision, last_decision } = row as {
    n: number | null;
    upheld: number | null;
    letters: number | null;
    first_decision: string | null;
    last_decision: string | null;
  };
  return {
    ...(await source(db)),
    letters: letters ?? 0,
    items: n ?? 0,
    ...withRate({ n: n ?? 0, upheld: upheld ?? 0 }),
    first_decision,
    last_decision,
    programs: perProgram,
  };
}

/**
 * Services counted by cube_key under filters that are not facets: from treatment_cube (a
 * tenth of facts) under a treatment search alone, else from facts.
 */
function cubeCounts(others: Filters, l: Lookup) {
  const o = whereClause(others, l);
  const [from, n] = Object.entries(others).every(([k, v]) => k === 'treatment' || v === undefined)
    ? ['treatment_cube', 'sum(f.n)']
    : ['facts', 'count(*)'];
  return {
    sql: `SELECT f.cube_key, ${n}::INTEGER AS n FROM ${from} f ${o.sql} GROUP BY ALL`,
    params: o.params,
    filtered: o.sql !== '',
  };
}

/**
 * Where to count services for these dimensions: facts, or, when every dimension is a facet
 * column, facet_cube's counts (joined to cubeCounts under other filters), with the facet
 * filters applied to those counts.
 */
function base(f: Filters, l: Lookup, dims: DimensionName[]) {
  if (!dims.every(inCube)) {
    const w = whereClause(f, l);
    return { from: 'facts', where: w.sql, params: w.params };
  }
  const [facetFilters, others] = splitFacets(f);
  const c = cubeCounts(others, l);
  const w = whereClause(facetFilters, l);
  const from = c.filtered
    ? `(SELECT c.* REPLACE (x.n AS n) FROM (${c.sql}) x JOIN facet_cube c USING (cube_key))`
    : 'facet_cube';
  return { from, where: w.sql, params: { ...c.params, ...w.params } };
}

export interface RateOptions {
  sort: 'n' | 'rate' | 'key';
  limit: number;
  min_n: number;
}
const SQL_ORDER = {
  n: 'sum(n) DESC, k1',
  rate: 'sum(upheld) / sum(n) DESC, sum(n) DESC, k1',
  key: 'k1',
};
type Counts = { key: string; n: number; upheld: number };
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDER: Record<RateOptions['sort'], (a: Counts, b: Counts) => number> = {
  n: (a, b) => b.n - a.n || byKey(a.key, b.key),
  rate: (a, b) => b.upheld / b.n - a.upheld / a.n || b.n - a.n || byKey(a.key, b.key),
  key: (a, b) => byKey(a.key, b.key),
};
const SUMS = 'sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld';
const counts = (r: Row): Counts => ({
  key: String(r.k1),
  n: Number(r.n),
  upheld: Number(r.upheld),
});

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
      ? `coalesce(f.decision_month_no, f.${dimension('decision_year').yearColumn} * 12)`
      : 'f.decision_month_no';
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

/** The most cells a cross-tab answers: more can't be read as a heat map, and would fill the server's memory as JSON. */
export const MAX_CELLS = 10_000;

export async function crosstab(
  db: Database,
  rowsBy: DimensionName,
  colsBy: DimensionName,
  f: Filters,
  maxCells = MAX_CELLS,
): Promise<Cell[]> {
  const l = await lookup(db);
  const b = base(f, l, [rowsBy, colsBy]);
  const found = await db.query(
    `SELECT k1, k2, ${SUMS} FROM (${counted(b.from, b.where, [rowsBy, colsBy])}) GROUP BY ALL LIMIT ${maxCells + 1}`,
    b.params,
  );
  if (found.length > maxCells) {
    const reason = `${rowsBy} by ${colsBy} has more than ${maxCells} cells; choose dimensions with fewer values, or filter first`;
    throw new HttpError(400, `Invalid parameters "rows" and "cols": ${reason}.`, {
      invalid_params: [
        { name: 'rows', reason },
        { name: 'cols', reason },
      ],
    });
  }
  const cells = labelled(found, [rowsBy, colsBy], l);
  return cells
    .map((x) =>
      withRate({ row: String(x.k1), col: String(x.k2), n: Number(x.n), upheld: Number(x.upheld) }),
    )
    .sort((a, b) => byKey(a.row, b.row) || byKey(a.col, b.col));
}

/**
 * facet_cube held in memory, read once per file: for each facet, every cube row's key plus
 * one (0 for none; row cube_key - 1), and the services in each row.
 */
const cube = (db: Database) =>
  db.once('cube', async () => {
    const columns =
      await db.integers(`SELECT ${FACETS.map((name) => `coalesce(${GROUPINGS[name].group('f')}::INTEGER + 1, 0)`).join(', ')}, f.n
    FROM facet_cube f ORDER BY f.cube_key`);
    const keys = columns.slice(0, FACETS.length);
    return {
      keys,
      n: columns[FACETS.length],
      sizes: keys.map((k) => k.reduce((a, b) => Math.max(a, b), 0) + 1),
    };
  });

/**
 * Datasette-style facets: each dimension's values and counts under every filter but its own.
 * The services are counted by cube_key (under the filters that are not facets), and those
 * counts are summed here for every facet at once: a cube row that fails no facet filter counts
 * for every facet, one that fails one filter counts for that filter's facet alone. Ten GROUP BYs
 * in SQL took 15–20 ms more, mostly DuckDB's fixed cost per operator; typed arrays indexed by
 * key, not Maps, keep the loop over 90,000 rows at a few milliseconds.
 */
export async function facets(db: Database, f: Filters, size: number): Promise<Facets> {
  const l = await lookup(db);
  const c = await cube(db);
  const [facetFilters, others] = splitFacets(f);
  const under = cubeCounts(others, l);
  let n = c.n;
  if (under.filtered) {
    const [keys, ns] = await db.integers(under.sql, under.params);
    n = new Int32Array(c.n.length);
    for (let i = 0; i < keys.length; i++) n[keys[i] - 1] = ns[i];
  }
  const keep = FACETS.map((name, j) => {
    const wanted = facetKeys(name, facetFilters, l);
    if (!wanted) return null;
    const mask = new Uint8Array(c.sizes[j]);
    for (const k of wanted) if (k + 1 < mask.length) mask[k + 1] = 1;
    return mask;
  });
  const sums = c.sizes.map((s) => new Float64Array(s));
  for (let r = 0; r < n.length; r++) {
    if (n[r] === 0) continue;
    let failed = -1;
    for (let j = 0; j < keep.length; j++) {
      if (keep[j] && !keep[j]![c.keys[j][r]]) failed = failed === -1 ? j : -2;
    }
    if (failed === -2) continue;
    for (let j = 0; j < sums.length; j++)
      if (failed === -1 || failed === j) sums[j][c.keys[j][r]] += n[r];
  }
  return Object.fromEntries(
    FACETS.map((name, j) => {
      const rows = [...sums[j]].flatMap((sum, key) =>
        sum ? [{ k1: key === 0 ? null : key - 1, n: sum, upheld: 0 }] : [],
      );
      const mine = labelled(rows, [name], l)
        .map((r) => counts(r))
        .sort(ORDER.n);
      return [
        name,
        {
          values: mine.slice(0, size).map((r) => ({
            value: r.key,
            n: r.n,
            selected: (f[name] as string[] | undefined)?.includes(r.key) ?? false,
          })),
          truncated: mine.length > size,
        },
      ];
    }),
  ) as Record<
    FacetName,
    { values: { value: string; n: number; selected: boolean }[]; truncated: boolean }
  >;
}

/**
 * Suggestions for a treatment search: service names containing q (at most half the list, so
 * words always show), most used first; then words of treatment names containing q, most used
 * first; then synonym terms. A service is counted as /api/rates?by=service counts it.
 */
export async function suggest(db: Database, q: string, limit: number): Promise<Suggestion[]> {
  const services = await db.query(
    `SELECT service, count(*)::INTEGER AS n FROM facts
    WHERE contains(lower(service), lower($q)) GROUP BY service ORDER BY n DESC, service LIMIT $limit`,
    { q, limit: Math.ceil(limit / 2) },
  );
  const rows = await db.query(
    `SELECT word, sum(n)::INTEGER AS n FROM (
      SELECT unnest(regexp_split_to_array(lower(treatment), '[^a-z0-9-]+')) AS word, n FROM treatments)
    WHERE length(word) > 2 AND contains(word, lower($q)) GROUP BY word ORDER BY n DESC, word LIMIT $limit`,
    { q, limit },
  );
  const words = rows.map((r) => ({ kind: 'word' as const, term: String(r.word), n: Number(r.n) }));
  const synonyms = synonymTerms(q)
    .filter((t) => !words.some((w) => w.term === t.toLowerCase()))
    .map((term) => ({ kind: 'synonym' as const, term, n: null }));
  return [
    ...services.map((r) => ({ kind: 'service' as const, term: String(r.service), n: Number(r.n) })),
    ...words,
    ...synonyms,
  ].slice(0, limit);
}
