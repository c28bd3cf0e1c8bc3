import { MEASURE_NAMES, measure, spanProblem, type MeasureName } from '../../../model/measures.ts';
import { REVIEW_SPEEDS, type Program, type ReviewSpeed } from '../../../model/values.ts';

/**
 * A review speed however written ("Standard", "EXPEDITED"): a letter's Priority or a DMHC
 * case's IMR Type. Null when blank; undefined when it is neither, which the importer flags.
 */
export function reviewSpeed(raw: string | null | undefined): ReviewSpeed | null | undefined {
  const v = raw?.trim().toLowerCase() ?? '';
  if (v === '') return null;
  return REVIEW_SPEEDS.find((s) => s.toLowerCase() === v);
}

const DAY = 86_400_000;
/** Whole days from one ISO date to another; null when either is missing. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined) {
  if (!from || !to) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/** Each of a program's measures for a letter or case: a span of its dates, or its own column. */
export function spans(
  program: Program,
  row: Record<string, unknown>,
): Partial<Record<MeasureName, number | null>> {
  const out: Partial<Record<MeasureName, number | null>> = {};
  for (const name of MEASURE_NAMES) {
    const m = measure(name);
    if (m.program !== program) continue;
    out[name] = m.column
      ? ((row[m.column] as number | null | undefined) ?? null)
      : daysBetween(row[m.from!] as string | null, row[m.to!] as string | null);
  }
  return out;
}

/**
 * The flags of a letter's or case's spans that are not counted (negative, or more than
 * MAX_DAYS): the server leaves them out of the measure and says how many it left out.
 */
export const spanFlags = (program: Program, row: Record<string, unknown>): string[] =>
  Object.entries(spans(program, row)).flatMap(([name, days]) => {
    const problem = spanProblem(name as MeasureName, days ?? null);
    return problem ? [problem] : [];
  });
