import {
  AGE_BANDS,
  BODY_REGIONS,
  CATEGORY_SOURCES,
  CATEGORIES,
  DECISIONS,
  GENDERS,
  GUIDELINE_AGREEMENTS,
  GUIDELINE_SOURCES,
  LAYOUTS,
  PROGRAMS,
  REASON_LABELS,
  REASONS,
  REVIEW_SPEEDS,
  REVIEW_TYPES,
  SPECIALTIES,
  SUBCATEGORIES,
  TREATMENT_TYPES,
  type Program,
  type Values,
} from './values.ts';

const DWC = ['DWC'] as const;
const DMHC = ['DMHC'] as const;

/**
 * How a dimension is stored, which decides how it is counted and filtered:
 * - code: one value per service, counted by a small integer code (codes table, X_code column);
 * - set: a list per service, counted by the id of each distinct list (sets table, X_set column),
 *   so a service citing two guideline families counts once under each;
 * - text: a free value, counted as itself; filtered by exact value, or searched (`search`);
 * - number: counted in buckets of `bucket`, filtered by a min/max range;
 * - date: counted by year, filtered by a from/to range.
 */
export type Storage = 'code' | 'set' | 'text' | 'number' | 'date';

export interface Dimension {
  /** For people: filter bar, chart menus, table headings. */
  label: string;
  /** The sentence the API docs show. */
  doc: string;
  storage: Storage;
  /** Where the ETL stores it: the table and column. */
  table: 'letters' | 'items';
  column: string;
  /** Counted in facet_cube and offered in /api/facets. */
  facet?: true;
  /** Not a `by=` choice (a list of services per key would not be a breakdown). */
  ungrouped?: true;
  /** The closed list of values; without it any value up to 200 characters is accepted. */
  values?: Values;
  /** Values that are keys, with their labels for people (reason families). */
  valueLabels?: Readonly<Record<string, string>>;
  /** A set's label when its list is empty. */
  empty?: string;
  /** Text searched by words and synonyms rather than matched exactly. */
  search?: true;
  /** Number and date dimensions: the two filter parameters of their range. */
  range?: readonly [string, string];
  /** The range's label in the filter bar: "<rangeLabel> from … to …". */
  rangeLabel?: string;
  /** Number dimensions: the width of a group (ages by decade). */
  bucket?: number;
  /** The programs that have it; a service of another program shows 'Not applicable'. */
  programs?: readonly Program[];
  /** A column whose value, where present, is used instead (the state's own coding). */
  prefer?: string;
  /** Date dimensions: the year column of services that have a year and no date (DMHC). */
  yearColumn?: string;
  /** Offered in the dashboard's rate chart, or as the trend chart's split, with this label. */
  rateMenu?: string;
  splitMenu?: string;
  /**
   * The heat map's rows or columns when the programs in view are exactly this dimension's
   * `programs` (all programs, for a dimension without them).
   */
  heatmap?: 'rows' | 'cols';
  /** A kind of service that rates can be adjusted for (`adjust=`), named so in sentences. */
  stratum?: string;
}

/** Every dimension an analyst filters and groups by: the only identifiers that reach SQL. */
export const DIMENSIONS = {
  program: {
    label: 'Program',
    doc: "The IMR program: workers' comp (DWC letters) or health plans (DMHC open data).",
    storage: 'code',
    table: 'letters',
    column: 'program',
    facet: true,
    values: PROGRAMS,
    rateMenu: 'program',
    splitMenu: 'program',
    heatmap: 'cols',
  },
  treatment_type: {
    label: 'Treatment type',
    doc: "The common treatment type both programs share, from each program's own category.",
    storage: 'code',
    table: 'items',
    column: 'treatment_type',
    facet: true,
    values: TREATMENT_TYPES,
    rateMenu: 'treatment type (both programs)',
    splitMenu: 'treatment type',
    heatmap: 'rows',
    stratum: 'treatment type',
  },
  category: {
    label: 'Category',
    doc: "The state's request category of the service.",
    storage: 'code',
    table: 'items',
    column: 'category',
    prefer: 'state_category',
    programs: DWC,
    facet: true,
    values: CATEGORIES,
    rateMenu: 'treatment category',
    splitMenu: 'category',
    heatmap: 'rows',
    stratum: 'treatment category',
  },
  subcategory: {
    label: 'Subcategory',
    doc: "The state's request subcategory or drug class of the service.",
    storage: 'code',
    table: 'items',
    column: 'subcategory',
    prefer: 'state_subcategory',
    programs: DWC,
    facet: true,
    values: SUBCATEGORIES,
    rateMenu: 'subcategory',
    stratum: 'treatment subcategory',
  },
  service: {
    label: 'Service',
    doc: 'What was asked for, without counts, sides, sites or dates ("Acupuncture", "MRI"; a drug by its generic ingredients).',
    storage: 'text',
    table: 'items',
    column: 'service',
    rateMenu: 'service',
    stratum: 'service',
  },
  treatment: {
    label: 'Treatment',
    doc: 'The service as the letter names it; filtered by a case-insensitive search with synonyms.',
    storage: 'text',
    table: 'items',
    column: 'treatment',
    search: true,
  },
  decision: {
    label: 'Decision',
    doc: 'Upheld (the denial stands) or Overturned.',
    storage: 'code',
    table: 'items',
    column: 'decision',
    facet: true,
    values: DECISIONS,
  },
  guideline_source: {
    label: 'Guideline cited',
    doc: 'The guideline families the reviewer relied on; a service citing two counts under each.',
    storage: 'set',
    table: 'items',
    column: 'guideline_sources',
    programs: DWC,
    facet: true,
    values: GUIDELINE_SOURCES,
    empty: 'None',
    rateMenu: 'guideline cited by MAXIMUS',
    splitMenu: 'guideline source',
    heatmap: 'cols',
  },
  mtus_chapter: {
    label: 'MTUS chapter',
    doc: 'The MTUS chapters the reviewer cited.',
    storage: 'set',
    table: 'items',
    column: 'mtus_chapters',
    programs: DWC,
    facet: true,
    empty: 'None',
    rateMenu: 'MTUS chapter cited',
  },
  ca_guideline_source: {
    label: 'Guideline cited by UR',
    doc: "The guideline families the claims administrator's utilization review relied on, as its paragraph names them; a service citing two counts under each.",
    storage: 'set',
    table: 'items',
    column: 'ca_guideline_sources',
    programs: DWC,
    values: GUIDELINE_SOURCES,
    empty: 'None',
    rateMenu: 'guideline cited by the claims administrator (UR)',
  },
  guideline_agreement: {
    label: 'UR vs IMR guideline',
    doc: "Whether the claims administrator's and the reviewer's guideline families (MTUS, ODG, ACOEM, Other, None), compared as sets, are the same or different; Not stated when either paragraph is missing.",
    storage: 'code',
    table: 'items',
    column: 'guideline_agreement',
    programs: DWC,
    facet: true,
    values: GUIDELINE_AGREEMENTS,
    valueLabels: { same: 'Same guidelines as UR', different: 'Other guidelines than UR' },
    rateMenu: 'UR vs IMR guideline',
    splitMenu: 'UR vs IMR guideline',
  },
  reason: {
    label: 'Reason',
    doc: "Why the reviewer decided: the reason families (../shared/reference/reasons.md) read from the workers' comp rationale or the health-plan findings; a service giving several counts under each, so shares do not sum to 100%. Not stated without a text (the 2001-2016 health-plan file).",
    storage: 'set',
    table: 'items',
    column: 'reason',
    values: REASONS,
    valueLabels: REASON_LABELS,
    rateMenu: 'reason given',
  },
  specialty: {
    label: 'Reviewer specialty',
    doc: "The reviewer's board specialty, normalised to the state's list (the first named).",
    storage: 'code',
    table: 'letters',
    column: 'reviewer_specialty',
    facet: true,
    values: SPECIALTIES,
    rateMenu: 'reviewer specialty',
  },
  licensure_state: {
    label: 'Licensure state',
    doc: 'The states where the reviewer is licensed.',
    storage: 'set',
    table: 'letters',
    column: 'reviewer_licensure',
    programs: DWC,
    facet: true,
    empty: 'Not stated',
  },
  gender: {
    label: 'Gender',
    doc: "The patient's gender, as the letter or the DMHC data set gives it (male, female, other).",
    storage: 'code',
    table: 'letters',
    column: 'patient_gender',
    facet: true,
    values: GENDERS,
  },
  age_band: {
    label: 'Age band',
    doc: "The patient's age band: DMHC's as published, workers' comp's from the age.",
    storage: 'code',
    table: 'letters',
    column: 'age_band',
    values: AGE_BANDS,
    rateMenu: 'age band',
  },
  age: {
    label: 'Age',
    doc: "The injured worker's age in years, grouped by decade.",
    storage: 'number',
    table: 'letters',
    column: 'patient_age',
    range: ['age_min', 'age_max'],
    rangeLabel: 'Age',
    bucket: 10,
  },
  body_region: {
    label: 'Body region',
    doc: 'The body region the service names, or Multiple.',
    storage: 'code',
    table: 'items',
    column: 'body_region',
    programs: DWC,
    facet: true,
    values: BODY_REGIONS,
  },
  layout: {
    label: 'Letter layout',
    doc: "The letter's layout, which tells its era.",
    storage: 'code',
    table: 'letters',
    column: 'layout',
    programs: DWC,
    facet: true,
    values: LAYOUTS,
  },
  letter_id: {
    label: 'Letter',
    doc: 'The case number, or H- and a hash of the text for a letter without one.',
    storage: 'text',
    table: 'letters',
    column: 'letter_id',
  },
  decision_year: {
    label: 'Decision date',
    doc: 'The date of the decision; grouped by year, filtered by a range of dates.',
    storage: 'date',
    table: 'letters',
    column: 'decision_date',
    yearColumn: 'report_year',
    range: ['decision_from', 'decision_to'],
    rangeLabel: 'Decided',
    splitMenu: 'year',
  },
  injury_year: {
    label: 'Date of injury',
    doc: 'The date of injury; grouped by year, filtered by a range of dates.',
    storage: 'date',
    table: 'letters',
    column: 'date_of_injury',
    range: ['injury_from', 'injury_to'],
    rangeLabel: 'Injured',
  },
  review_type: {
    label: 'Review type',
    doc: 'Health plans: medical necessity, experimental/investigational or urgent care.',
    storage: 'code',
    table: 'letters',
    column: 'review_type',
    programs: DMHC,
    rateMenu: 'review type',
    splitMenu: 'review type',
    facet: true,
    values: REVIEW_TYPES,
    heatmap: 'cols',
  },
  diagnosis_category: {
    label: 'Diagnosis',
    doc: "Health plans: the diagnosis category, one name for each concept however the data set's years spell it (its own words are in diagnosis_category_raw).",
    storage: 'code',
    table: 'letters',
    column: 'diagnosis_category',
    programs: DMHC,
    rateMenu: 'diagnosis category',
    facet: true,
  },
  dmhc_category: {
    label: 'Health-plan category',
    doc: "Health plans: the treatment category, one name for each concept however the data set's years spell it (its own words are in dmhc_category_raw).",
    storage: 'code',
    table: 'items',
    column: 'dmhc_category',
    programs: DMHC,
    rateMenu: 'health-plan treatment category',
    facet: true,
    heatmap: 'rows',
  },
  dmhc_subcategory: {
    label: 'Health-plan subcategory',
    doc: 'Health plans: the treatment subcategory, as the data set writes it, with the abbreviations known to mean an older name written out (its own words are in dmhc_subcategory_raw).',
    storage: 'code',
    table: 'items',
    column: 'dmhc_subcategory',
    programs: DMHC,
    rateMenu: 'health-plan subcategory',
  },
  category_source: {
    label: 'Category from',
    doc: "Workers' comp: whether the category is the state's own coding or the project's rules.",
    storage: 'code',
    table: 'items',
    column: 'category_source',
    programs: DWC,
    facet: true,
    values: CATEGORY_SOURCES,
  },
  review_speed: {
    label: 'Review speed',
    doc: "Standard or Expedited: a workers' comp letter's Priority, a health-plan case's IMR Type.",
    storage: 'code',
    table: 'letters',
    column: 'review_speed',
    facet: true,
    values: REVIEW_SPEEDS,
    rateMenu: 'review speed',
    splitMenu: 'review speed',
  },
} as const satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as [DimensionName, ...DimensionName[]];

/** A dimension's declaration, widened so optional fields read as optional. */
export const dimension = (name: DimensionName): Dimension => DIMENSIONS[name];

/** A value as people read it: its label when the dimension's values are keys, else itself. */
export const valueLabel = (name: DimensionName, value: string): string =>
  dimension(name).valueLabels?.[value] ?? value;

/** The column facts and facet_cube hold for a code or set dimension: its code or its set id. */
export const keyColumn = (name: DimensionName) =>
  dimension(name).storage === 'set' ? `${name}_set` : `${name}_code`;

const where = (test: (d: Dimension) => boolean) =>
  DIMENSION_NAMES.filter((name) => test(dimension(name)));

export const GROUPABLE = where((d) => !d.ungrouped);
export const FACETS = where((d) => d.facet === true) as FacetName[];
export const RANGED = where((d) => d.range !== undefined);
export const CODED = where((d) => d.storage === 'code');
export const SETS = where((d) => d.storage === 'set');
/** What rates can be adjusted for: the mix of these kinds of service. */
export const STRATA = where((d) => d.stratum !== undefined);
/**
 * A chart's menu of dimensions for the programs in view (none named: all), name → label in
 * declaration order: a dimension only other programs have would be all 'Not applicable'.
 */
export const menu = (
  chart: 'rateMenu' | 'splitMenu',
  inView: readonly Program[] = [],
): Record<string, string> =>
  Object.fromEntries(
    DIMENSION_NAMES.flatMap((name) => {
      const { [chart]: label, programs } = dimension(name);
      const shown = !inView.length || !programs || programs.some((p) => inView.includes(p));
      return label && shown ? [[name, label]] : [];
    }),
  );

/**
 * The heat map's two dimensions for the programs in view (none: all of them): those declared
 * for exactly these programs, so no axis is all 'Not applicable'.
 */
export function heatmapAxes(inView: readonly Program[]): Record<'rows' | 'cols', DimensionName> {
  const want = new Set<Program>(inView.length ? inView : PROGRAMS);
  const fits = (d: Dimension) => {
    const own = new Set<Program>(d.programs ?? PROGRAMS);
    return own.size === want.size && [...own].every((p) => want.has(p));
  };
  const axis = (a: 'rows' | 'cols') => where((d) => d.heatmap === a && fits(d))[0];
  return { rows: axis('rows'), cols: axis('cols') };
}
/** Facet dimensions, the names that index the facets answer. */
export type FacetName = {
  [K in DimensionName]: (typeof DIMENSIONS)[K] extends { facet: true } ? K : never;
}[DimensionName];

/** Filter parameters: a list for code, set and text dimensions, two bounds for ranges. */
export const LIST_FILTERS = where((d) => !d.range) as ListFilterName[];
export const RANGE_FILTERS = DIMENSION_NAMES.flatMap(
  (name) => dimension(name).range ?? [],
) as RangeFilterName[];
/** Each range bound's dimension and side. */
export const RANGE_BOUNDS = Object.fromEntries(
  DIMENSION_NAMES.flatMap((name) =>
    (dimension(name).range ?? []).map((p, i) => [p, { name, side: i === 0 ? 'min' : 'max' }]),
  ),
) as Record<RangeFilterName, { name: DimensionName; side: 'min' | 'max' }>;

type Declared = typeof DIMENSIONS;
/** Dimensions filtered by a list of values (repeat the parameter for several). */
export type ListFilterName = {
  [K in DimensionName]: Declared[K] extends { range: unknown } ? never : K;
}[DimensionName];
/** The bounds of number and date dimensions' ranges. */
export type RangeFilterName = {
  [K in DimensionName]: Declared[K] extends { range: readonly [infer A, infer B] } ? A | B : never;
}[DimensionName];
export type FilterName = ListFilterName | RangeFilterName;
/** Filters as the API takes them: lists of values, and range bounds (dates, or whole numbers). */
export type Filters = { [K in ListFilterName]?: string[] } & {
  [K in RangeFilterName]?: string | number;
};

/** The dimension a filter parameter filters. */
export const filterDimension = (p: FilterName): DimensionName =>
  p in RANGE_BOUNDS ? RANGE_BOUNDS[p as RangeFilterName].name : (p as ListFilterName);

/**
 * The range one key of a breakdown by a number or date dimension stands for: the year's dates,
 * or the bucket's bounds ("40–49"). Null for a key that is no range ('Not stated').
 */
export function keyRange(
  name: DimensionName,
  key: string,
): [string, string] | [number, number] | null {
  const d = dimension(name);
  if (d.storage === 'date') {
    const y = /^(\d{4})$/.exec(key)?.[1];
    return y ? [`${y}-01-01`, `${y}-12-31`] : null;
  }
  const band = /^(\d+)–(\d+)$/.exec(key);
  if (!band) return null;
  const [lo, hi] = [Number(band[1]), Number(band[2])];
  return hi - lo + 1 === (d.bucket ?? 1) ? [lo, hi] : null;
}
