import { z } from 'zod';
import type { Timeliness } from '../../model/api.ts';
import { LIMIT_NOTE, MAX_DAYS, MEASURE_NAMES } from '../../model/measures.ts';
import { PROGRAMS } from '../../model/values.ts';

const days = (what: string) =>
  z.number().nullable().describe(`${what} of the days, exact (quantile_cont over the letters); null when n is 0`); // prettier-ignore

/** /api/timeliness's answer, for the OpenAPI document; checked against the model's type. */
export const TIMELINESS_ANSWER = z
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
    max_days: z.number().describe(`Spans over this many days (${MAX_DAYS}), or negative, are left out`), // prettier-ignore
    rows: z.array(
      z.object({
        key: z.string(),
        n: z.number().int().describe('Letters or cases counted, one wait each; not services'),
        median_days: days('The median'),
        p25_days: days('The 25th percentile'),
        p75_days: days('The 75th percentile'),
        p90_days: days('The 90th percentile'),
        within_limit: z.number().int().describe('Of the n, decided within the limit'),
        within_limit_share: z.number().nullable(),
        ci_low: z.number().describe('95% Wilson interval of within_limit_share'),
        ci_high: z.number(),
        excluded: z.number().int().describe('Spans left out: negative or over max_days'),
      }),
    ),
  })
  .describe('Review time by one key') satisfies z.ZodType<Timeliness>;
