import { CUBE_KEY } from '../../warehouse/names.ts';
import type { DimensionName } from '../../model/dimensions.ts';
import { inCube } from './group-by.ts';
import { splitFacets, whereClause, type Filters } from './filters.ts';
import type { Lookup } from './lookup.ts';

/** Whether the filters that are not facets are at most a treatment search, which the cubes hold. */
export const treatmentOnly = (others: Filters) =>
  Object.entries(others).every(([k, v]) => k === 'treatment' || v === undefined);

/** Every service under the filters, counted from facts. */
export function fromFacts(f: Filters, l: Lookup) {
  const w = whereClause(f, l);
  return { from: 'facts', where: w.sql, params: w.params };
}

/**
 * Services counted by cube_key under filters that are not facets: from treatment_cube (a
 * tenth of facts) under a treatment search alone, else from facts.
 */
export function cubeCounts(others: Filters, l: Lookup) {
  const o = whereClause(others, l);
  const [from, n] = treatmentOnly(others) ? ['treatment_cube', 'sum(f.n)'] : ['facts', 'count(*)'];
  return {
    sql: `SELECT f.${CUBE_KEY}, ${n}::INTEGER AS n FROM ${from} f ${o.sql} GROUP BY ALL`,
    params: o.params,
    filtered: o.sql !== '',
  };
}

/**
 * Where to count services for these dimensions: facts, or, when every dimension is a facet
 * column, facet_cube's counts (joined to cubeCounts under other filters), with the facet
 * filters applied to those counts.
 */
export function base(f: Filters, l: Lookup, dims: DimensionName[]) {
  if (!dims.every(inCube)) return fromFacts(f, l);
  const [facetFilters, others] = splitFacets(f);
  const c = cubeCounts(others, l);
  const w = whereClause(facetFilters, l);
  const from = c.filtered
    ? `(SELECT c.* REPLACE (x.n AS n) FROM (${c.sql}) x JOIN facet_cube c USING (${CUBE_KEY}))`
    : 'facet_cube';
  return { from, where: w.sql, params: { ...c.params, ...w.params } };
}
