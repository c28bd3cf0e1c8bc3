import { CUBE_KEY } from '../../warehouse/names.ts';
import type { AdjustedRateRow, AdjustedRates } from '../../model/api.ts';
import type { DimensionName } from '../../model/dimensions.ts';
import { base, fromFacts, treatmentOnly } from '../sql/base.ts';
import { counts } from '../sql/counts.ts';
import type { Database } from '../db/database.ts';
import { counted, GROUPINGS, inCube, labelled } from '../sql/group-by.ts';
import { HttpError } from '../http/errors.ts';
import { splitFacets, whereClause, type Filters } from '../sql/filters.ts';
import { lookup, type Lookup } from '../sql/lookup.ts';
import { cut, sqlCut, type RateOptions } from './rates.ts';
import { wilson, withRate } from './stats.ts';

/**
 * Indirect standardisation, in one statement: services counted by key (k1) and stratum (k2);
 * each stratum's uphold rate over every key under the filters; then per key its services in
 * strata another key shares (a stratum whose services all have one value of `by` compares
 * nothing, and would only pull the ratio towards 1), how many were upheld, and how many its
 * strata's rates predict. Every stratum row carries the count of strata and of one-key strata.
 * The counts (c) are read twice, so they are made once.
 */
const standardised = (counts: string, cutClause: string) => `WITH c AS MATERIALIZED (
    SELECT k1, k2, sum(n) AS n, sum(upheld) AS upheld FROM (${counts}) GROUP BY ALL),
  s AS (
    SELECT k2, sum(upheld) / sum(n) AS stratum_rate, count(*) > 1 AS shared,
      count(*) OVER () AS strata, sum((count(*) = 1)::INTEGER) OVER () AS single
    FROM c GROUP BY k2)
  SELECT k1, sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld,
    coalesce(sum(n) FILTER (WHERE shared), 0)::INTEGER AS adjusted_n,
    coalesce(sum(upheld) FILTER (WHERE shared), 0)::INTEGER AS adjusted_upheld,
    coalesce(sum(n * stratum_rate) FILTER (WHERE shared), 0)::DOUBLE AS expected_upheld,
    any_value(strata)::INTEGER AS strata, any_value(single)::INTEGER AS single
  FROM c JOIN s USING (k2) GROUP BY k1 ${cutClause}`;

/**
 * What a stratum groups by: its code, or a service's id (services.id), an integer, since
 * grouping by the text cost six times as much. No label is needed: strata are never shown.
 */
const stratumKey = (stratum: DimensionName) =>
  stratum === 'service' ? 'f.service_id' : GROUPINGS[stratum].group('f');

/**
 * treatment_cube's counts (under a treatment search, its rows for the treatments found) with
 * each cube row's facet columns: services by service and every facet, a tenth of facts. The
 * search is applied before the join: after it, DuckDB joined every row first.
 */
const serviceCube = (search: string) => `(SELECT c.* REPLACE (t.n AS n), t.service_id
  FROM (SELECT * FROM treatment_cube f ${search}) t JOIN facet_cube c USING (${CUBE_KEY}))`;

/**
 * Where to count services by key and stratum: the cubes when `by` is a facet column and the
 * filters are facets (and a treatment search): facet_cube (through base()) for a facet stratum,
 * treatment_cube joined to it for services; else facts.
 */
function source(f: Filters, l: Lookup, by: DimensionName, stratum: DimensionName) {
  if (stratum !== 'service' || !inCube(by)) return base(f, l, [by, stratum]);
  const [facets, others] = splitFacets(f);
  if (!treatmentOnly(others)) return fromFacts(f, l);
  const [search, w] = [whereClause(others, l), whereClause(facets, l)];
  return { from: serviceCube(search.sql), where: w.sql, params: { ...search.params, ...w.params } };
}

const SUMMED = ['adjusted_n', 'adjusted_upheld', 'expected_upheld'] as const;

/**
 * A key's expected rate and observed / expected ratio. The ratio's 95% interval is the Wilson
 * interval of the observed rate over the compared services divided by the expected rate, which
 * is taken as fixed (as an SMR's expected count is).
 */
function withExpected<T extends { adjusted_n: number; adjusted_upheld: number }>(
  r: T & { expected_upheld: number },
) {
  const expected_rate = r.adjusted_n ? r.expected_upheld / r.adjusted_n : null;
  const [low, high] = wilson(r.adjusted_upheld, r.adjusted_n);
  const ok = expected_rate !== null && expected_rate > 0;
  return Object.assign(r, {
    expected_rate,
    oe_ratio: ok ? r.adjusted_upheld / r.expected_upheld : null,
    oe_ci_low: ok ? low / expected_rate : null,
    oe_ci_high: ok ? high / expected_rate : null,
  });
}

/** Uphold rate by one dimension with each key's rate expected from its mix of `stratum`. */
export async function adjustedRates(
  db: Database,
  by: DimensionName,
  stratum: DimensionName,
  f: Filters,
  o: RateOptions,
): Promise<AdjustedRates> {
  if (by === stratum) {
    const reason = `must differ from by: a ${by} adjusted for its own mix is itself`;
    throw new HttpError(400, `Invalid parameter "adjust": ${reason}.`, {
      invalid_params: [{ name: 'adjust', reason }],
    });
  }
  const l = await lookup(db);
  const b = source(f, l, by, stratum);
  const c = sqlCut(by, o, b.params);
  const found = await db.query(
    standardised(counted(b.from, b.where, [by], `${stratumKey(stratum)} AS k2`), c.clause),
    c.params,
  );
  const rows = labelled(found, [by], l, undefined, SUMMED).map((r) => ({
    ...counts(r),
    adjusted_n: Number(r.adjusted_n),
    adjusted_upheld: Number(r.adjusted_upheld),
    expected_upheld: Number(r.expected_upheld),
  }));
  return {
    by,
    adjust: stratum,
    strata: Number(found[0]?.strata ?? 0),
    single_key_strata: Number(found[0]?.single ?? 0),
    rows: cut(rows, o).map((r): AdjustedRateRow => withExpected(withRate(r))),
  };
}
