/**
 * The dimensions an analyst groups and filters by: the only identifiers that ever reach SQL.
 * Services are grouped by a cheap column first (a list column by its set id), and only the
 * few groups are labelled afterwards: a set is unnested into its labels and a missing value
 * reads 'Not stated', so no service drops out of a breakdown.
 */
interface Dimension { group: (t: string) => string; label: (k: string) => string; cube?: true }

const col = (c: string, cube?: true): Dimension => ({ group: (t) => `${t}.${c}`, label: (k) => `coalesce(${k}::VARCHAR, 'Not stated')`, cube });
const set = (c: string): Dimension => ({ group: (t) => `${t}.${c}`, label: (k) => `unnest((SELECT s.labels FROM sets s WHERE s.id = ${k}))`, cube: true });
const year = (c: string): Dimension => ({ group: (t) => `year(${t}.${c})`, label: (k) => `coalesce(${k}::VARCHAR, 'Not stated')` });

export const DIMENSIONS = {
  category: col('category', true),
  subcategory: col('subcategory', true),
  treatment: col('treatment'),
  decision: col('decision', true),
  guideline_source: set('guideline_set'),
  mtus_chapter: set('chapter_set'),
  specialty: col('reviewer_specialty', true),
  licensure_state: set('licensure_set'),
  gender: col('patient_gender', true),
  age: { group: (t) => `${t}.patient_age // 10 * 10`, label: (k) => `coalesce(${k}::VARCHAR || '–' || (${k} + 9)::VARCHAR, 'Not stated')` },
  body_region: col('body_region', true),
  layout: col('layout', true),
  letter_id: col('letter_id'),
  decision_year: year('decision_date'),
  injury_year: year('date_of_injury'),
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as [DimensionName, ...DimensionName[]];

export const inCube = (d: DimensionName) => (DIMENSIONS[d] as Dimension).cube === true;

/**
 * Services counted by up to two dimensions, as a subquery with k1, k2 (labels), n and upheld,
 * plus `extra` (another grouping column, e.g. the decision date). `from` is facts, or a
 * table of counts with a column n such as facet_cube. A list dimension's group appears once
 * per label, so callers sum n and upheld by key.
 */
export function counted(from: string, where: string, dims: DimensionName[], extra?: string): string {
  const n = from === 'facts' ? 'count(*)' : 'sum(f.n)';
  const groups = [...dims.map((d, i) => `${DIMENSIONS[d].group('f')} AS g${i + 1}`), ...(extra ? [extra] : [])];
  let sql = `SELECT ${groups.map((g) => `${g}, `).join('')}${n}::INTEGER AS n, coalesce(${n} FILTER (WHERE f.upheld), 0)::INTEGER AS upheld
    FROM ${from} f ${where} ${groups.length ? 'GROUP BY ALL' : ''}`;
  dims.forEach((d, i) => { sql = `SELECT ${DIMENSIONS[d].label(`g${i + 1}`)} AS k${i + 1}, * FROM (${sql})`; });
  return sql;
}
