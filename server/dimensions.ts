import type { Row } from './db.ts';
import type { Lookup } from './filters.ts';

/**
 * The dimensions an analyst groups and filters by: the only identifiers that ever reach SQL.
 * SQL groups services by a cheap column: a facet value by its integer code, a list by its set
 * id. The few groups are labelled afterwards: a code or a set in JavaScript from the lookup
 * (labelling them in SQL cost more than the counting), anything else in SQL. A missing value
 * reads 'Not stated', so no service drops out of a breakdown.
 */
interface Dimension {
  group: (t: string) => string;
  label?: (k: string) => string;
  names?: (k: number, l: Lookup) => string[];
  cube?: true;
}

const col = (c: string): Dimension => ({
  group: (t) => `${t}.${c}`,
  label: (k) => `coalesce(${k}::VARCHAR, 'Not stated')`,
});
const coded = (kind: string): Dimension => ({
  group: (t) => `${t}.${kind}_code`,
  names: (k, l) => [l.names[kind]?.[k] ?? 'Not stated'],
  cube: true,
});
const set = (c: string): Dimension => ({
  group: (t) => `${t}.${c}`,
  names: (k, l) => l.sets.get(k)?.labels ?? ['Not stated'],
  cube: true,
});
const year = (c: string): Dimension => ({
  group: (t) => `year(${t}.${c})`,
  label: (k) => `coalesce(${k}::VARCHAR, 'Not stated')`,
});

export const DIMENSIONS = {
  category: coded('category'),
  subcategory: coded('subcategory'),
  treatment: col('treatment'),
  decision: {
    group: (t) => `${t}.upheld::SMALLINT`,
    names: (k) => [k === 1 ? 'Upheld' : k === 0 ? 'Overturned' : 'Not stated'],
    cube: true,
  },
  guideline_source: set('guideline_set'),
  mtus_chapter: set('chapter_set'),
  specialty: coded('specialty'),
  licensure_state: set('licensure_set'),
  gender: coded('gender'),
  age: {
    group: (t) => `${t}.patient_age // 10 * 10`,
    label: (k) => `coalesce(${k}::VARCHAR || '–' || (${k} + 9)::VARCHAR, 'Not stated')`,
  },
  body_region: coded('body_region'),
  layout: coded('layout'),
  letter_id: col('letter_id'),
  decision_year: year('decision_date'),
  injury_year: year('date_of_injury'),
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as [DimensionName, ...DimensionName[]];

const dim = (d: DimensionName): Dimension => DIMENSIONS[d];
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
 * `by` column) summed, so each label appears once (per `by` value). New objects, built field
 * by field: on this machine spreading a row costs more than the rest of its handling.
 */
export function labelled(rows: Row[], dims: DimensionName[], l: Lookup, by?: string): Row[] {
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
        const seen = out.get(key);
        if (seen) [seen.n, seen.upheld] = [seen.n + Number(r.n), seen.upheld + Number(r.upheld)];
        else
          out.set(
            key,
            by
              ? { k1, k2, n: Number(r.n), upheld: Number(r.upheld), [by]: r[by] }
              : { k1, k2, n: Number(r.n), upheld: Number(r.upheld) },
          );
      }
    }
  }
  return [...out.values()];
}
