import type { DataSource, ProgramSummary } from '../../model/api.ts';
import { PROGRAM_LABELS } from '../../model/programs.ts';
import { dimension } from '../../model/dimensions.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import type { Database, Row } from '../db/database.ts';
import { whereClause, type Filters } from '../sql/filters.ts';
import { lookup, type Lookup } from '../sql/lookup.ts';
import { withRate } from './stats.ts';

/** Real, synthetic, both (mixed) or none (empty), from how many letters are each. */
export const sourceOf = (synthetic: number, real: number): DataSource =>
  synthetic && real ? 'mixed' : synthetic ? 'synthetic' : real ? 'real' : 'empty';

// A service's year: its decision date's, or (a DMHC case) its report year.
const YEAR = `coalesce(year(f.decision_date), f.${dimension('decision_year').yearColumn})`;

/** Each program's services under the filters: n, rate, years covered, real or synthetic. */
export async function programs(db: Database, f: Filters): Promise<ProgramSummary[]> {
  const w = whereClause(f, await lookup(db));
  const found = await db.query(
    `SELECT f.program AS program, count(*)::INTEGER AS n,
      sum(f.upheld::UTINYINT)::INTEGER AS upheld, min(${YEAR})::INTEGER AS first_year,
      max(${YEAR})::INTEGER AS last_year, count(*) FILTER (WHERE f.synthetic)::INTEGER AS synthetic,
      count(*) FILTER (WHERE NOT f.synthetic)::INTEGER AS real
    FROM facts f ${w.sql} GROUP BY ALL`,
    w.params,
  );
  return PROGRAMS.map((program) =>
    entry(
      program,
      found.find((x) => x.program === program),
    ),
  );
}

/** The programs a database holds services of (the program codes it gives). */
export const programsLoaded = (l: Lookup) => PROGRAMS.filter((p) => l.codes.program?.[p] != null);

/**
 * Each program's entry when one program alone is loaded: the summary's own totals are its, so
 * no second scan of the services is needed (at a million letters it cost 24-29 ms).
 */
export const onlyProgram = (program: Program, totals: Row): ProgramSummary[] =>
  PROGRAMS.map((p) => entry(p, p === program ? totals : undefined));

/** A program's entry from its counts: n, upheld, first and last year, synthetic and real. */
function entry(program: Program, r: Row | undefined): ProgramSummary {
  const n = Number(r?.n ?? 0);
  const { upheld, uphold_rate, ci_low, ci_high } = withRate({
    n,
    upheld: Number(r?.upheld ?? 0),
  });
  return {
    program,
    label: PROGRAM_LABELS[program],
    services: n,
    upheld,
    uphold_rate,
    ci_low,
    ci_high,
    first_year: r?.first_year == null ? null : Number(r.first_year),
    last_year: r?.last_year == null ? null : Number(r.last_year),
    data_source: sourceOf(Number(r?.synthetic ?? 0), Number(r?.real ?? 0)),
  };
}
