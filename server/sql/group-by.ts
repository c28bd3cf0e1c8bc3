import {
  dimension,
  DIMENSION_NAMES,
  keyColumn,
  type DimensionName,
} from '../../model/dimensions.ts';
import { NOT_STATED } from '../../model/values.ts';
import type { Row } from '../db/database.ts';
import type { Lookup } from './lookup.ts';

/**
 * How SQL groups services by each declared dimension, by its storage: a code by its integer
 * code, a set by its set id, a number by its bucket, a date by its year, text as itself. Codes
 * and sets are labelled afterwards in JavaScript from the lookup (labelling them in SQL cost
 * more than the counting), anything else in SQL. A missing value reads 'Not stated', so no
 * service drops out of a breakdown.
 */
interface Grouping {
  group: (t: string) => string;
  label?: (k: string) => string;
  names?: (k: number, l: Lookup) => string[];
  cube?: true;
}

const stated = (k: string) => `coalesce(${k}::VARCHAR, '${NOT_STATED}')`;

function grouping(name: DimensionName): Grouping {
  const d = dimension(name);
  const column = (t: string) => `${t}.${d.column}`;
  switch (d.storage) {
    case 'code':
      return {
        group: (t) => `${t}.${keyColumn(name)}`,
        names: (k, l) => [l.names[name]?.[k] ?? NOT_STATED],
        cube: d.facet,
      };
    case 'set':
      return {
        group: (t) => `${t}.${keyColumn(name)}`,
        names: (k, l) => l.sets.get(k)?.labels ?? [NOT_STATED],
        cube: d.facet,
      };
    case 'number': {
      const b = d.bucket ?? 1;
      return {
        group: (t) => `${column(t)} // ${b} * ${b}`,
        label: (k) =>
          `coalesce(${k}::VARCHAR || '–' || (${k} + ${b - 1})::VARCHAR, '${NOT_STATED}')`,
      };
    }
    case 'date': {
      // A service with a year and no date (a DMHC case's report year) counts in its year.
      const y = d.yearColumn;
      const year = (t: string) => `year(${column(t)})`;
      return { group: y ? (t) => `coalesce(${year(t)}, ${t}.${y})` : year, label: stated };
    }
    case 'text':
      return { group: column, label: stated };
  }
}

export const GROUPINGS = Object.fromEntries(
  DIMENSION_NAMES.map((name) => [name, grouping(name)]),
) as Record<DimensionName, Grouping>;

const dim = (d: DimensionName): Grouping => GROUPINGS[d];
export const inCube = (d: DimensionName) => dim(d).cube === true;
/** Whether SQL's keys for d are its labels, so SQL may order and limit by them. */
export const labelledInSql = (d: DimensionName) => dim(d).label !== undefined;

/**
 * Services counted by up to two dimensions, as a subquery with k1, k2, n and upheld, plus
 * `extra` (another grouping column, e.g. the decision month). `from` is facts, or a table of
 * counts with a column n such as facet_cube. Pass the rows through labelled().
 */
export function counted(
  from: string,
  where: string,
  dims: DimensionName[],
  extra?: string,
): string {
  const [n, upheld] =
    from === 'facts'
      ? ['count(*)', 'sum(f.upheld::UTINYINT)']
      : ['sum(f.n)', 'sum(f.n) FILTER (WHERE f.upheld)'];
  const groups = [
    ...dims.map((d, i) => `${dim(d).group('f')} AS g${i + 1}`),
    ...(extra ? [extra] : []),
  ];
  let sql = `SELECT ${groups.map((g) => `${g}, `).join('')}${n}::INTEGER AS n, coalesce(${upheld}, 0)::INTEGER AS upheld
    FROM ${from} f ${where} ${groups.length ? 'GROUP BY ALL' : ''}`;
  dims.forEach((d, i) => {
    sql = `SELECT ${dim(d).label?.(`g${i + 1}`) ?? `g${i + 1}`} AS k${i + 1}, * FROM (${sql})`;
  });
  return sql;
}

/** A key's labels: a code's value, a set's labels (each counts the group once), or the key itself. */
const labels = (d: DimensionName, key: unknown, l: Lookup): string[] =>
  dim(d).names?.(key === null ? NaN : Number(key), l) ?? [String(key)];

/**
 * Counted rows with their keys k1, k2 labelled, and the rows that then share their labels (and
 * `by` column) summed, so each label appears once (per `by` value); `sums` names further
 * columns summed so. New objects, built field by field: on this machine spreading a row costs
 * more than the rest of its handling.
 */
export function labelled(
  rows: Row[],
  dims: DimensionName[],
  l: Lookup,
  by?: string,
  sums: readonly string[] = [],
): Row[] {
  const out = new Map<
    string,
    { k1?: string; k2?: string; n: number; upheld: number; [by: string]: unknown }
  >();
  for (const r of rows) {
    const [ones, twos] = dims.map((d, i) => labels(d, r[`k${i + 1}`], l));
    // A key with no dimension (the trend's 'All') is kept as it is.
    for (const k1 of ones ?? [r.k1 as string | undefined]) {
      for (const k2 of twos ?? [r.k2 as string | undefined]) {
        const key = `${k1}\0${k2}\0${by ? r[by] : ''}`;
        let seen = out.get(key);
        if (seen) [seen.n, seen.upheld] = [seen.n + Number(r.n), seen.upheld + Number(r.upheld)];
        else {
          seen = by
            ? { k1, k2, n: Number(r.n), upheld: Number(r.upheld), [by]: r[by] }
            : { k1, k2, n: Number(r.n), upheld: Number(r.upheld) };
          out.set(key, seen);
          for (const s of sums) seen[s] = 0;
        }
        for (const s of sums) seen[s] = (seen[s] as number) + Number(r[s]);
      }
    }
  }
  return [...out.values()];
}
