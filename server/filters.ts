import { z } from 'zod';
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import taxonomy from '../etl/rules/taxonomy.json' with { type: 'json' };
import { HttpError } from './errors.ts';
import { treatmentMatch } from './synonyms.ts';

const many = (values?: readonly [string, ...string[]]) => {
  const one = values ? z.enum(values) : z.string().min(1).max(200);
  return z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(one).max(50, 'at most 50 values')).optional();
};
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'not a real calendar date')
  .optional();

export const CATEGORIES = Object.keys(taxonomy.request_categories).concat('Unclassified') as [string, ...string[]];

/** Every filter, as a query parameter. Repeating a parameter ORs its values. */
export const filterShape = {
  category: many(CATEGORIES),
  treatment: many(),
  specialty: many(taxonomy.reviewer_board_specialties as [string, ...string[]]),
  decision: many(['Upheld', 'Overturned']),
  guideline_source: many(['MTUS', 'ODG', 'ACOEM', 'Other', 'None']),
  decision_from: isoDate,
  decision_to: isoDate,
};
export type Filters = z.infer<z.ZodObject<typeof filterShape>>;

/** Parses a query string with a zod shape; any problem is a 400 naming the parameter. */
export function parseQuery<S extends z.ZodRawShape>(shape: S, query: unknown): z.infer<z.ZodObject<S>> {
  const result = z.strictObject(shape).safeParse(query);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? 'query');
  const reason = issue.code === 'unrecognized_keys'
    ? `unknown parameter; valid parameters are ${Object.keys(shape).join(', ')}`
    : issue.code === 'invalid_value' ? `must be one of: ${issue.values.join(', ')}` : issue.message;
  throw new HttpError(400, `Invalid parameter "${name}": ${reason}.`, { invalid_params: [{ name, reason }] });
}

/** The WHERE clause for the filters over `items i JOIN letters l`, with every value bound. */
export function whereClause(f: Filters): { sql: string; params: Record<string, DuckDBValue> } {
  const parts: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const inList = (name: keyof Filters, column: string) => {
    const v = f[name] as string[] | undefined;
    if (!v) return;
    params[name] = listValue(v);
    parts.push(`list_contains($${name}, ${column})`);
  };
  inList('category', 'i.category');
  inList('specialty', 'l.reviewer_specialty');
  inList('decision', 'i.decision');
  if (f.guideline_source) {
    params.guideline_source = listValue(f.guideline_source);
    parts.push('list_has_any(i.guideline_sources, $guideline_source)');
  }
  if (f.treatment) {
    parts.push(`(${f.treatment.map((t, k) => {
      const m = treatmentMatch(t);
      params[`treatment${k}`] = 'like' in m ? m.like : m.regex;
      return 'like' in m ? `i.treatment ILIKE $treatment${k} ESCAPE '\\'` : `regexp_matches(i.treatment, $treatment${k})`;
    }).join(' OR ')})`);
  }
  if (f.decision_from) { params.decision_from = f.decision_from; parts.push('l.decision_date >= $decision_from::DATE'); }
  if (f.decision_to) { params.decision_to = f.decision_to; parts.push('l.decision_date <= $decision_to::DATE'); }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
