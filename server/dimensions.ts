/**
 * The dimensions an analyst groups and filters by: the only identifiers that ever reach SQL.
 * Each is an expression over `facts f`; list columns are unnested through a lateral join, and
 * an empty list counts as 'None' so no service drops out of a breakdown.
 */
export interface Dimension { expr: (alias: string) => string; list?: string }

const col = (c: string, missing = 'Not stated'): Dimension => ({ expr: () => `coalesce(f.${c}, '${missing}')` });
const list = (c: string): Dimension => ({ expr: (a) => `${a}.v`, list: c });

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
  age: { expr: () => "coalesce((f.patient_age // 10 * 10)::VARCHAR || '–' || (f.patient_age // 10 * 10 + 9)::VARCHAR, 'Not stated')" },
  body_region: col('body_region'),
  layout: col('layout'),
  letter_id: col('letter_id'),
  decision_year: { expr: () => "coalesce(year(f.decision_date)::VARCHAR, 'Not stated')" },
  injury_year: { expr: () => "coalesce(year(f.date_of_injury)::VARCHAR, 'Not stated')" },
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as [DimensionName, ...DimensionName[]];

/** The SELECT expression and the FROM addition for a dimension, under a unique alias. */
export function dimensionSql(name: DimensionName, alias: string): { expr: string; join: string } {
  const d: Dimension = DIMENSIONS[name];
  const join = d.list
    ? ` CROSS JOIN unnest(CASE WHEN len(f.${d.list}) = 0 THEN ['None'] ELSE f.${d.list} END) AS ${alias}(v)`
    : '';
  return { expr: d.expr(alias), join };
}
