import { z } from 'zod';
import { GROUPABLE, STRATA, type DimensionName } from '../../model/dimensions.ts';
import { MAX_ROWS, PAGE_ROWS } from '../../model/limits.ts';
import { MEASURE_NAMES, PERIODS, type PeriodName } from '../../model/measures.ts';
import { filterShape, wholeNumber } from '../sql/filters.ts';
import { ITEM_SORTS, type ItemSort } from '../queries/records.ts';
import * as answer from '../../model/api.ts';

const dimension = z.preprocess(
  (v) => (v === 'guideline' ? 'guideline_source' : v),
  z.enum(GROUPABLE as [DimensionName, ...DimensionName[]]),
);
const waitBy = z.enum([...GROUPABLE, ...(Object.keys(PERIODS) as PeriodName[])] as [
  DimensionName | PeriodName,
  ...(DimensionName | PeriodName)[],
]);
const measureName = z.enum(MEASURE_NAMES);
const int = (min: number, max: number, fallback: number) => wholeNumber(min, max).default(fallback);

const slice = (name: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'required: a filter query, such as program=DWC&category=Surgery (empty for every service)'
          : 'expected one filter query string; join its filters with & and URL-encode it',
    })
    .max(4000, 'at most 4,000 characters')
    .describe(
      `Slice ${name}'s filters as a query string (URL-encoded as one value), with the filter parameters every endpoint takes; empty for every service`,
    );

/** Every endpoint's query parameters, from which the server validates and the OpenAPI document is made. */
export const ROUTES = {
  '/api/summary': {
    summary:
      'Counts of letters and services, the uphold rate with its 95% interval, and the data source',
    shape: filterShape,
    answer: answer.Summary,
  },
  '/api/rates': {
    summary:
      'Uphold rate by one dimension: {key, n, upheld, overturned, uphold_rate, ci_low, ci_high, low_n} per key; by a set dimension (guideline_source, reason, ...) a service counts under each of its values, and the answer says so (multi_valued, note); with adjust, also {adjusted_n, adjusted_upheld, expected_upheld, expected_rate, oe_ratio, oe_ci_low, oe_ci_high}',
    shape: {
      ...filterShape,
      by: dimension,
      sort: z.enum(['n', 'rate', 'key']).default('n'),
      limit: int(1, MAX_ROWS, 100),
      min_n: int(0, 1e9, 0),
      adjust: z
        .enum(STRATA as [DimensionName, ...DimensionName[]])
        .optional()
        .describe(
          "Adjust for the mix of this kind of service (indirect standardisation): each key's rate beside the rate expected if each of its services were upheld at its stratum's rate under the filters; strata whose services all have one key are left out",
        ),
    },
    answer: z.union([answer.Rates, answer.AdjustedRates]),
  },
  '/api/compare': {
    summary:
      "Slice a against slice b: {a, b, difference, ci_low, ci_high, p_value, test}; the difference in uphold rates (a minus b) with Newcombe's hybrid score 95% interval, and a two-sided p from the two-proportion z test, or Fisher's exact test when an expected count is under 5",
    shape: {
      a: slice('a'),
      b: slice('b'),
    },
    answer: answer.Comparison,
  },
  '/api/events': {
    summary:
      'The policy events the trend charts mark: {date, program, label, detail, source} each, with the public source that dates it',
    shape: {},
    answer: answer.Events,
  },
  '/api/trend': {
    summary:
      'Uphold rate per month, quarter or year of decision, optionally split by one dimension',
    shape: {
      ...filterShape,
      interval: z.enum(['month', 'quarter', 'year']).default('month'),
      by: dimension.optional(),
    },
    answer: answer.TrendAnswer,
  },
  '/api/reasons': {
    summary:
      "Why: each reason family's share of the upheld and of the overturned services (n, share and 95% interval; a service giving several reasons counts under each), and how often the claims administrator's and the reviewer's guideline families differ, with the uphold rate when they do and when they do not",
    shape: filterShape,
    answer: answer.Reasons,
  },
  '/api/crosstab': {
    summary: 'n and uphold rate in each cell of two dimensions, at most 10,000 cells',
    shape: { ...filterShape, rows: dimension, cols: dimension },
    answer: answer.Crosstab,
  },
  '/api/facets': {
    summary:
      'For each facet dimension, its values and counts under every filter but its own, and whether the list was cut',
    shape: { ...filterShape, size: int(1, 200, 30) },
    answer: answer.Facets,
  },
  '/api/items': {
    summary:
      "Services with their letter's key fields, a page at a time; pass next_cursor back as cursor for the next page",
    shape: {
      ...filterShape,
      sort: z.enum(Object.keys(ITEM_SORTS) as [ItemSort, ...ItemSort[]]).default('decision_date'),
      order: z.enum(['asc', 'desc']).default('desc'),
      limit: int(1, 500, PAGE_ROWS),
      cursor: z.string().max(1000).optional(),
      measure: measureName
        .optional()
        .describe(
          'List letters, not services: one row per letter or case whose review time in this measure is counted (its first service stands for it), as behind a bar of /api/timeliness',
        ),
    },
    answer: answer.Items,
  },
  '/api/timeliness': {
    summary:
      'Review time by one dimension (or decision_month): per key, the letters or cases counted (n, one wait each however many services), the exact median, 25th, 75th and 90th percentiles of the days, how many were within the legal limit of 30 days (Standard) or 3 (Expedited) with the share and its 95% interval, and how many spans were left out as negative or over 730 days',
    shape: {
      ...filterShape,
      by: waitBy,
      measure: measureName.describe(
        "days_to_decision, days_from_assignment, days_from_ur (workers' comp letters), days_to_review, days_to_adopt (health-plan cases)",
      ),
      sort: z.enum(['n', 'key']).default('n'),
      limit: int(1, MAX_ROWS, 100),
    },
    answer: answer.Timeliness,
  },
  '/api/suggest': {
    summary:
      'Service names (kind service), then treatment words (word) and synonyms (synonym) that contain what was typed, most frequent first, for a search box',
    shape: {
      q: z.string().min(1, 'must not be empty').max(100, 'at most 100 characters'),
      limit: int(1, 50, 10),
    },
    answer: answer.Suggestions,
  },
  '/api/export.csv': {
    summary:
      'Every service under the filters as CSV, streamed, the filters recorded in the first line',
    shape: filterShape,
    file: 'text/csv',
  },
  '/api/export.parquet': {
    summary: 'Every service under the filters as Parquet, the filters recorded in its metadata',
    shape: filterShape,
    file: 'application/vnd.apache.parquet',
  },
} satisfies Record<string, Route>;

/** A GET route: what it answers, its query parameters, and its answer's schema or file type. */
type Route = { summary: string; shape: z.ZodRawShape } & ({ answer: z.ZodType } | { file: string });
