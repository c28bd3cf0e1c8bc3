import { z } from 'zod';
import { DIMENSION_NAMES, FACETS, type FacetName } from './dimensions.ts';
import { LIMIT_NOTE, MAX_DAYS, MEASURE_NAMES } from './measures.ts';
import { LETTER_FACTS, type FieldKind } from './letter.ts';
import { LOW_N } from './limits.ts';
import { PROGRAMS, REASONS } from './values.ts';

/**
 * The API's answers, declared once as zod schemas with their types: the server's query
 * functions return these types, the OpenAPI document describes the schemas, and the dashboard
 * reads the types (import type: the page never loads zod), so no layer can change a field
 * another does not see.
 */

const count = (what = '') => z.number().int().min(0).describe(what);
const rate = z.number().nullable();
const dimensionName = z.enum(DIMENSION_NAMES);

/** Counts with the uphold rate, its 95% Wilson interval and the low-n flag. */
export const Rate = z.object({
  n: count('Services counted'),
  upheld: count(),
  overturned: count(),
  uphold_rate: rate.describe('upheld / n; null when n is 0'),
  ci_low: z.number().describe('95% Wilson interval of uphold_rate'),
  ci_high: z.number(),
  low_n: z.boolean().describe(`n under ${LOW_N}: the interval is too wide to compare`),
});
export type Rate = z.infer<typeof Rate>;

export const DataSource = z.enum(['synthetic', 'real', 'mixed', 'empty']);
export type DataSource = z.infer<typeof DataSource>;

export const Source = z.object({
  data_source: DataSource,
  synthetic_letters: count(),
  real_letters: count(),
  quarantined: count('Letter files the ETL could not read'),
});
export type Source = z.infer<typeof Source>;

const year = z.number().int().nullable();

/** One program's services under the filters: counts, rate, years covered, real or synthetic. */
export const ProgramSummary = z.object({
  program: z.enum(PROGRAMS),
  label: z.string(),
  services: count(),
  upheld: count(),
  uphold_rate: rate,
  ci_low: z.number(),
  ci_high: z.number(),
  first_year: year,
  last_year: year,
  data_source: DataSource.describe("'empty' when no service of the program matches the filters"),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

/** /api/summary: the services under the filters, their letters and where they came from. */
export const Summary = z.object({
  ...Source.shape,
  ...Rate.shape,
  letters: count(),
  items: count('Services: the items the letters decide'),
  first_decision: z.string().nullable(),
  last_decision: z.string().nullable(),
  programs: z
    .array(ProgramSummary)
    .describe('Every program, in the declared order, even one with no service under the filters'),
});
export type Summary = z.infer<typeof Summary>;

export const RateRow = z.object({ key: z.string(), ...Rate.shape });
export type RateRow = z.infer<typeof RateRow>;

/**
 * A key's rate beside the rate its mix of services predicts (`/api/rates?adjust=STRATUM`):
 * indirect standardisation over the services in strata it shares with another key.
 */
export const AdjustedRateRow = z.object({
  ...RateRow.shape,
  adjusted_n: count('Its services in strata where another key has services too'),
  adjusted_upheld: count('How many of those were upheld: the observed count'),
  expected_upheld: z
    .number()
    .describe("The upheld count if each were upheld at its stratum's rate under the filters"),
  expected_rate: rate.describe('expected_upheld / adjusted_n; null with none compared'),
  oe_ratio: rate.describe('Observed / expected upheld (docs/api.md, "Comparing fairly")'),
  oe_ci_low: rate,
  oe_ci_high: rate,
});
export type AdjustedRateRow = z.infer<typeof AdjustedRateRow>;

/** /api/rates?adjust=: each key observed against expected for its mix. */
export const AdjustedRates = z.object({
  by: z.string(),
  adjust: z.string(),
  strata: count('Strata with services under the filters'),
  single_key_strata: count('Strata whose services all share one key: left out'),
  rows: z.array(AdjustedRateRow),
});
export type AdjustedRates = z.infer<typeof AdjustedRates>;

/** /api/rates: a set dimension (guidelines, reasons) counts a service once under each value. */
export const Rates = z.object({
  by: dimensionName,
  rows: z.array(RateRow),
  multi_valued: z
    .boolean()
    .describe("A set dimension: the rows' n add up to more than the services, shares to over 100%"),
  note: z.string().optional(),
});
export type Rates = z.infer<typeof Rates>;

/** Why a family was assigned: its triggering sentence, as offsets into the text it was read from. */
export const ReasonSpan = z.object({
  reason: z.enum(REASONS),
  start: z.number().int(),
  end: z.number().int(),
});
export type ReasonSpan = z.infer<typeof ReasonSpan>;

/** A share of services with its 95% Wilson interval: n of the services out of `of`. */
export const Share = z.object({
  n: count(),
  of: count(),
  share: rate,
  ci_low: z.number(),
  ci_high: z.number(),
});
export type Share = z.infer<typeof Share>;

/** One slice of /api/compare: its services, how many were upheld, the rate and its interval. */
export const SliceRate = Rate.pick({
  n: true,
  upheld: true,
  uphold_rate: true,
  ci_low: true,
  ci_high: true,
});
export type SliceRate = z.infer<typeof SliceRate>;

export const ComparisonTest = z.enum(['two-proportion z test', "Fisher's exact test"]);
export type ComparisonTest = z.infer<typeof ComparisonTest>;

/** /api/compare: slice a against slice b, a's uphold rate minus b's, its interval and p. */
export const Comparison = z.object({
  a: SliceRate,
  b: SliceRate,
  difference: rate.describe('Null when either slice has no service'),
  ci_low: rate.describe("Newcombe's hybrid score interval (method 10) from the Wilson intervals"),
  ci_high: rate,
  p_value: rate,
  test: ComparisonTest.nullable().describe(
    "Fisher's exact test when an expected count of the 2×2 table is under 5",
  ),
});
export type Comparison = z.infer<typeof Comparison>;

/** One reason family's share of the upheld and of the overturned services. */
export const ReasonShares = z.object({
  reason: z.enum(REASONS),
  label: z.string(),
  upheld: Share,
  overturned: Share,
});
export type ReasonShares = z.infer<typeof ReasonShares>;

/** /api/reasons: the Why view's numbers under the filters. */
export const Reasons = z.object({
  upheld: count('Upheld services with a text to read reasons from: the shares\u2019 denominator'),
  overturned: count('Overturned services with a text to read reasons from'),
  not_stated: count('Services without a text (the 2001-2016 health-plan file, no rationale)'),
  rows: z.array(ReasonShares),
  guidelines: z
    .object({
      different: Share.describe('Services with both guideline paragraphs, and those that differ'),
      same_rate: Rate,
      different_rate: Rate,
    })
    .describe("How often the claims administrator's and the reviewer's guideline families differ"),
  note: z.string(),
});
export type Reasons = z.infer<typeof Reasons>;

export const TrendRow = z.object({ period: z.string(), key: z.string(), ...Rate.shape });
export type TrendRow = z.infer<typeof TrendRow>;

/** The trend's periods, and the services without a decision date (in no period). */
export const Trend = z.object({ rows: z.array(TrendRow), undated: count() });
export type Trend = z.infer<typeof Trend>;

/** /api/trend: the trend, with the interval and the split it was asked for. */
export const TrendAnswer = z.object({
  interval: z.enum(['month', 'quarter', 'year']),
  by: dimensionName.nullable(),
  ...Trend.shape,
});
export type TrendAnswer = z.infer<typeof TrendAnswer>;

export const Cell = z.object({ row: z.string(), col: z.string(), ...Rate.shape });
export type Cell = z.infer<typeof Cell>;

/** /api/crosstab: n and uphold rate in each cell of two dimensions. */
export const Crosstab = z.object({
  rows: dimensionName,
  cols: dimensionName,
  cells: z.array(Cell),
});
export type Crosstab = z.infer<typeof Crosstab>;

export const FacetValues = z.object({
  values: z.array(z.object({ value: z.string(), n: count(), selected: z.boolean() })),
  truncated: z.boolean().describe('The list was cut at size values'),
});
export type FacetValues = z.infer<typeof FacetValues>;

/** /api/facets: each facet's values with their counts under every filter but its own. */
export const Facets = z.object(
  Object.fromEntries(FACETS.map((f) => [f, FacetValues])) as Record<FacetName, typeof FacetValues>,
);
export type Facets = z.infer<typeof Facets>;

/** /api/items: a page of services (or letters), each its letter's key fields and its own. */
export const Items = z.object({
  rows: z.array(z.record(z.string(), z.unknown())),
  next_cursor: z.string().nullable().describe('Pass back as cursor for the next page'),
});
export type Items = z.infer<typeof Items>;

/**
 * A treatment search suggestion: a normalised service name (filtered exactly, `service=`), a
 * word of the treatment names, or a synonym term (both searched, `treatment=`).
 */
export const Suggestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('service'), term: z.string(), n: count('Services under this name') }),
  z.object({ kind: z.literal('word'), term: z.string(), n: count('Services whose names hold it') }),
  z.object({ kind: z.literal('synonym'), term: z.string(), n: z.null() }),
]);
export type Suggestion = z.infer<typeof Suggestion>;

/** /api/suggest: what was typed, and its suggestions. */
export const Suggestions = z.object({ q: z.string(), suggestions: z.array(Suggestion) });
export type Suggestions = z.infer<typeof Suggestions>;

const days = (what: string) =>
  z
    .number()
    .nullable()
    .describe(`${what} of the days, exact (quantile_cont over the letters); null when n is 0`);

/**
 * Review time under one key: exact quantiles of the days over the letters (workers' comp) or
 * cases (health plans) whose span is counted, each one wait however many services it decides.
 */
export const TimelinessRow = z.object({
  key: z.string(),
  n: count('Letters or cases counted, one wait each; not services'),
  median_days: days('The median'),
  p25_days: days('The 25th percentile'),
  p75_days: days('The 75th percentile'),
  p90_days: days('The 90th percentile'),
  within_limit: count('Of the n, decided within the legal limit of their review speed'),
  within_limit_share: rate,
  ci_low: z.number().describe('95% Wilson interval of within_limit_share'),
  ci_high: z.number(),
  excluded: count('Spans left out: negative or over max_days'),
});
export type TimelinessRow = z.infer<typeof TimelinessRow>;

/** /api/timeliness: review time by one key. */
export const Timeliness = z
  .object({
    by: z.string(),
    measure: z.enum(MEASURE_NAMES),
    label: z.string(),
    program: z.enum(PROGRAMS),
    doc: z.string().describe('What the measure counts'),
    caveat: z.string().describe('What it does not count'),
    limits: z
      .object({ Standard: z.number(), Expedited: z.number(), 'Not stated': z.number() })
      .describe('The legal limit in days by review speed'),
    limit_note: z.string().describe(LIMIT_NOTE),
    max_days: z
      .number()
      .describe(`Spans over this many days (${MAX_DAYS}), or negative, are left out`),
    rows: z.array(TimelinessRow),
  })
  .describe('Review time by one key');
export type Timeliness = z.infer<typeof Timeliness>;

const KINDS = {
  text: z.string().nullable(),
  date: z.string().nullable().describe('YYYY-MM-DD'),
  whole: z.number().int().nullable(),
  list: z.array(z.string()).nullable(),
} satisfies Record<FieldKind, z.ZodType>;
const fields = <T extends Record<string, FieldKind>>(kinds: T) =>
  Object.fromEntries(Object.entries(kinds).map(([k, kind]) => [k, KINDS[kind]])) as {
    [K in keyof T]: (typeof KINDS)[T[K]];
  };

/** A service a letter decides, with every field the ETL read (null where it read none). */
export const LetterItem = z.object({
  item_no: z.number().int(),
  ...fields({
    treatment: 'text',
    decision: 'text',
    category: 'text',
    subcategory: 'text',
    claims_administrator_guideline: 'text',
    maximus_guideline: 'text',
    guideline_sources: 'list',
    mtus_chapters: 'list',
    mtus_sections: 'list',
  }),
  outside_mtus: z.boolean().nullable(),
  ...fields({
    body_region: 'text',
    drug_name: 'text',
    drug_strength: 'text',
    quantity: 'whole',
    quantity_unit: 'text',
    rationale: 'text',
  }),
  retrospective: z.boolean().nullable(),
  ...fields({ date_of_service: 'date', service: 'text' }),
  surgical_context: z.boolean().nullable(),
  ...fields({
    dmhc_category: 'text',
    dmhc_subcategory: 'text',
    treatment_type: 'text',
    evidence_sources: 'list',
    state_category: 'text',
    state_subcategory: 'text',
    state_decision: 'text',
    category_source: 'text',
  }),
  reason: z
    .array(z.enum(REASONS))
    .nullable()
    .describe('Its reason families; null without a rationale (a health-plan case: findings)'),
  reason_spans: z
    .array(ReasonSpan)
    .nullable()
    .describe(
      "Each family's sentence: offsets into the rationale, or a health-plan case's full_text",
    ),
  ...fields({
    ca_guideline_sources: 'list',
    guideline_agreement: 'text',
    dmhc_category_raw: 'text',
    dmhc_subcategory_raw: 'text',
  }),
});
export type LetterItem = z.infer<typeof LetterItem>;

/**
 * /api/letters/:id: one letter or health-plan case, its header facts (model/letter.ts), what
 * the ETL recorded of it, every item, and its full text (a case: the findings, when given).
 */
export const Letter = z.object({
  letter_id: z.string(),
  ...fields(LETTER_FACTS),
  program: z.enum(PROGRAMS).nullable(),
  ...fields({
    reviewer_specialty: 'text',
    reviewer_specialties: 'list',
    diagnoses: 'list',
    item_count: 'whole',
    full_text: 'text',
    source_sha256: 'text',
  }),
  synthetic: z.boolean(),
  ...fields({ flags: 'list', parser_version: 'text', pdf_engine: 'text' }),
  panel: z.boolean().nullable().describe('A health-plan case decided by a panel'),
  ...fields({
    review_speed: 'text',
    days_to_review: 'whole',
    days_to_adopt: 'whole',
    diagnosis_category_raw: 'text',
  }),
  items: z.array(LetterItem),
});
export type Letter = z.infer<typeof Letter>;

/** /api/events: the policy changes the trend charts mark (model/events.ts). */
export const Events = z.object({
  events: z.array(
    z.object({
      date: z.string().describe('The day it took effect, YYYY-MM-DD'),
      program: z.enum(PROGRAMS),
      label: z.string(),
      detail: z.string(),
      source: z.string().describe('The public page that states the date'),
    }),
  ),
});
export type Events = z.infer<typeof Events>;
