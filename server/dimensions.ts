/**
 * The dimensions an analyst groups and filters by: the only identifiers that ever reach SQL.
 * Each is an expression over a row alias. A list column is unnested in the select list (a
 * lateral join is ten times slower in DuckDB here), and an empty list counts as 'None', so no
 * service drops out of a breakdown.
 */
export type Dimension = (t: string) => string;

const col = (c: string): Dimension => (t) => `coalesce(${t}.${c}, 'Not stated')`;
const list = (c: string): Dimension => (t) => `unnest(CASE WHEN len(${t}.${c}) = 0 THEN ['None'] ELSE ${t}.${c} END)`;

export const DIMENSIONS = {
  category: col('category'),
  subcategory: col('subcategory'),
  treatment: col('treatment'),
  decision: col('decision'),
  guideline_source: list('guideline_sources'),
  mtus_chapter: list('mtus_chapters'),
  specialty: col('reviewer_specialty'),
  licensure_state: list('reviewer_licensure'),
  gender: col('patient_gender'),
  age: (t) => `coalesce((${t}.patient_age // 10 * 10)::VARCHAR || '–' || (${t}.patient_age // 10 * 10 + 9)::VARCHAR, 'Not stated')`,
  body_region: col('body_region'),
  layout: col('layout'),
  letter_id: col('letter_id'),
  decision_year: (t) => `coalesce(year(${t}.decision_date)::VARCHAR, 'Not stated')`,
  injury_year: (t) => `coalesce(year(${t}.date_of_injury)::VARCHAR, 'Not stated')`,
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as [DimensionName, ...DimensionName[]];

/**
 * Services under a WHERE clause with their keys for up to two dimensions, as a subquery with
 * columns k1, k2 and decision. Each dimension is unnested at its own level, so two list
 * dimensions give every pair.
 */
export function keyed(where: string, d1: DimensionName, d2?: DimensionName): string {
  const inner = `SELECT ${DIMENSIONS[d1]('f')} AS k1, f.* FROM facts f ${where}`;
  return d2 ? `SELECT ${DIMENSIONS[d2]('s')} AS k2, s.* FROM (${inner}) s` : inner;
}
