import { z } from 'zod';
import { GROUPABLE, type DimensionName } from '../model/dimensions.ts';
import { MEASURE_NAMES, PERIODS, type PeriodName } from '../model/measures.ts';
import { filterShape } from './filters.ts';
import { ITEM_SORTS, type ItemSort } from './records.ts';
import { TIMELINESS_ANSWER } from './timeliness-schema.ts';

const dimension = z.preprocess(
  (v) => (v === 'guideline' ? 'guideline_source' : v),
  z.enum(GROUPABLE as [DimensionName, ...DimensionName[]]),
);
const waitBy = z.enum([...GROUPABLE, ...(Object.keys(PERIODS) as PeriodName[])] as [
  DimensionName | PeriodName,
  ...(DimensionName | PeriodName)[],
]);
const measureName = z.enum(MEASURE_NAMES);
const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `must be ${min} or more`)
    .max(max, `must be ${max} or less`)
    .default(fallback);

/** Every endpoint's query parameters, from which the server validates and the OpenAPI document is made. */
export const ROUTES = {
  '/api/summary': {
    summary:
      'Counts of letters and services, the uphold rate with its 95% interval, and the data source',
    shape: filterShape,
  },
  '/api/rates': {
    summary:
      'Uphold rate by one dimension: {key, n, upheld, overturned, uphold_rate, ci_low, ci_high, low_n} per key',
    shape: {
      ...filterShape,
      by: dimension,
      sort: z.enum(['n', 'rate', 'key']).default('n'),
      limit: int(1, 1000, 100),
      min_n: int(0, 1e9, 0),
    },
  },
  '/api/trend': {
    summary:
      'Uphold rate per month, quarter or year of decision, optionally split by one dimension',
    shape: {
      ...filterShape,
      interval: z.enum(['month', 'quarter', 'year']).default('month'),
      by: dimension.optional(),
    },
  },
  '/api/crosstab': {
    summary: 'n and uphold rate in each cell of two dimensions, at most 10,000 cells',
    shape: { ...filterShape, rows: dimension, cols: dimension },
  },
  '/api/facets': {
    summary:
      'For each facet dimension, its values and counts under every filter but its own, and whether the list was cut',
    shape: { ...filterShape, size: int(1, 200, 30) },
  },
  '/api/items': {
    summary:
      "Services with their letter's key fields, a page at a time; pass next_cursor back as cursor for the next page",
    shape: {
      ...filterShape,
      sort: z.enum(Object.keys(ITEM_SORTS) as [ItemSort, ...ItemSort[]]).default('decision_date'),
      order: z.enum(['asc', 'desc']).default('desc'),
      limit: int(1, 500, 50),
      cursor: z.string().max(1000).optional(),
      measure: measureName
        .optional()
        .describe(
          'List letters, not services: one row per letter or case whose review time in this measure is counted (its first service stands for it), as behind a bar of /api/timeliness',
        ),
    },
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
      limit: int(1, 1000, 100),
    },
    answer: TIMELINESS_ANSWER,
  },
  '/api/suggest': {
    summary:
      'Service names (kind service), then treatment words (word) and synonyms (synonym) that contain what was typed, most frequent first, for a search box',
    shape: {
      q: z.string().min(1, 'must not be empty').max(100, 'at most 100 characters'),
      limit: int(1, 50, 10),
    },
  },
  '/api/export.csv': {
    summary:
      'Every service under the filters as CSV, streamed, the filters recorded in the first line',
    shape: filterShape,
  },
  '/api/export.parquet': {
    summary: 'Every service under the filters as Parquet, the filters recorded in its metadata',
    shape: filterShape,
  },
} satisfies Record<string, { summary: string; shape: z.ZodRawShape; answer?: z.ZodType }>;
