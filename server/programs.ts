import { PROGRAM_LABELS, type DataSource, type ProgramSummary } from '../model/api.ts';
import { dimension, keyColumn } from '../model/dimensions.ts';
import { PROGRAMS } from '../model/values.ts';
import type { Row } from './db.ts';
import type { Lookup } from './lookup.ts';
import { withRate } from './stats.ts';

/** Real, synthetic, both (mixed) or none (empty), from how many letters are each. */
export const sourceOf = (synthetic: number, real: number): DataSource =>
  synthetic && real ? 'mixed' : synthetic ? 'synthetic' : real ? 'real' : 'empty';

const { yearColumn } = dimension('decision_year');

// Each program's counts, as [name, inner aggregate, outer aggregate]: the summary counts them in
// the same scan as its totals (server/summary.ts), the inner under the filters, the outer over
// the inner's groups. A service's years are its decision date's or, a DMHC case, its report year.
const PARTS: [string, (test: string) => string, (c: string) => string][] = [
  ['n', (t) => `count(*) FILTER (WHERE ${t})`, (c) => `sum(${c})::INTEGER`],
  ['upheld', (t) => `sum(f.upheld::UTINYINT) FILTER (WHERE ${t})`, (c) => `sum(${c})::INTEGER`],
  ['synthetic', (t) => `count(*) FILTER (WHERE ${t} AND f.synthetic)`, (c) => `sum(${c})::INTEGER`],
  ['first_date', (t) => `min(f.decision_date) FILTER (WHERE ${t})`, (c) => `year(min(${c}))`],
  ['last_date', (t) => `max(f.decision_date) FILTER (WHERE ${t})`, (c) => `year(max(${c}))`],
  ['first_report', (t) => `min(f.${yearColumn}) FILTER (WHERE ${t})`, (c) => `min(${c})`],
  ['last_report', (t) => `max(f.${yearColumn}) FILTER (WHERE ${t})`, (c) => `max(${c})`],
];

/** The SQL of each program's counts, with its code bound (-1, matching nothing, if absent). */
export function programCounts(l: Lookup) {
  const col = (i: number, name: string) => `p${i}_${name}`;
  const test = (i: number) => `f.${keyColumn('program')} = $program_${i}`;
  return {
    inner: PROGRAMS.flatMap((_, i) =>
      PARTS.map(([n, inner]) => `${inner(test(i))} AS ${col(i, n)}`),
    ),
    outer: PROGRAMS.flatMap((_, i) =>
      PARTS.map(([n, , outer]) => `${outer(col(i, n))} AS ${col(i, n)}`),
    ),
    params: Object.fromEntries(
      PROGRAMS.map((p, i) => [`program_${i}`, l.codes.program?.[p] ?? -1]),
    ),
  };
}

/** Each program's services under the filters, from the row programCounts' SQL gave. */
export function programSummaries(row: Row): ProgramSummary[] {
  const years = (...v: unknown[]) => v.filter((x) => x != null).map(Number);
  return PROGRAMS.map((program, i) => {
    const get = (name: string) => row[`p${i}_${name}`];
    const n = Number(get('n') ?? 0);
    const synthetic = Number(get('synthetic') ?? 0);
    const first = years(get('first_date'), get('first_report'));
    const last = years(get('last_date'), get('last_report'));
    const { upheld, uphold_rate, ci_low, ci_high } = withRate({
      n,
      upheld: Number(get('upheld') ?? 0),
    });
    return {
      program,
      label: PROGRAM_LABELS[program],
      services: n,
      upheld,
      uphold_rate,
      ci_low,
      ci_high,
      first_year: first.length ? Math.min(...first) : null,
      last_year: last.length ? Math.max(...last) : null,
      data_source: sourceOf(synthetic, n - synthetic),
    };
  });
}
