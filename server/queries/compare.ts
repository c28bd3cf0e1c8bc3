import { parse } from 'node:querystring';
import type { Comparison, SliceRate } from '../../model/api.ts';
import { base, fromFacts, treatmentOnly } from '../sql/base.ts';
import type { Database } from '../db/database.ts';
import { counted } from '../sql/group-by.ts';
import { filterShape, parseQuery, splitFacets, type Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';
import { fisherExact, newcombe, wilson, zTest } from './stats.ts';

/**
 * One slice's filters from its query string (`category=Surgery&decision_from=2018-01-01`), read
 * as Express reads a request's, and checked as every endpoint checks its filters: a bad one is
 * a 400 naming it after the slice (`a.category`).
 */
export const sliceFilters = (name: 'a' | 'b', query: string): Filters =>
  parseQuery(filterShape, { ...parse(query) }, `${name}.`);

/**
 * A slice's services and upheld: from facet_cube (or treatment_cube) when its filters are
 * facets (and a treatment search), else in one pass over facts, as the summary counts them.
 */
async function slice(db: Database, f: Filters): Promise<SliceRate> {
  const l = await lookup(db);
  const b = treatmentOnly(splitFacets(f)[1]) ? base(f, l, []) : fromFacts(f, l);
  const [r] = await db.query(counted(b.from, b.where, []), b.params);
  const [n, upheld] = [Number(r?.n ?? 0), Number(r?.upheld ?? 0)];
  const [ci_low, ci_high] = wilson(upheld, n);
  return { n, upheld, uphold_rate: n ? upheld / n : null, ci_low, ci_high };
}

/**
 * a's uphold rate minus b's, with Newcombe's hybrid score interval and a two-sided p: the
 * pooled two-proportion z test, or Fisher's exact test when an expected count of the 2×2 table
 * (upheld and overturned in each slice, given the margins) is under 5.
 */
export function compareCounts(a: SliceRate, b: SliceRate): Comparison {
  if (!a.n || !b.n)
    return { a, b, difference: null, ci_low: null, ci_high: null, p_value: null, test: null };
  const all = a.n + b.n;
  const upheld = a.upheld + b.upheld;
  const expected = [a.n, b.n].flatMap((n) => [(n * upheld) / all, (n * (all - upheld)) / all]);
  const exact = expected.some((e) => e < 5);
  const [ci_low, ci_high] = newcombe(a.upheld, a.n, b.upheld, b.n);
  return {
    a,
    b,
    difference: a.upheld / a.n - b.upheld / b.n,
    ci_low,
    ci_high,
    p_value: (exact ? fisherExact : zTest)(a.upheld, a.n, b.upheld, b.n),
    test: exact ? "Fisher's exact test" : 'two-proportion z test',
  };
}

/** Slice a against slice b, each counted under its own filters. */
export async function compare(db: Database, a: Filters, b: Filters): Promise<Comparison> {
  const [x, y] = await Promise.all([slice(db, a), slice(db, b)]);
  return compareCounts(x, y);
}
