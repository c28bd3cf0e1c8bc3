import { z } from 'zod';
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import taxonomy from '../etl/rules/taxonomy.json' with { type: 'json' };
import { LAYOUTS } from '../etl/types.ts';
import { DERIVED_VERSION } from '../etl/load.ts';
import type { Database } from './db.ts';
import { DIMENSIONS } from './dimensions.ts';
import { HttpError } from './errors.ts';
import { treatmentMatch } from './synonyms.ts';

type Values = readonly [string, ...string[]];
const many = (values?: Values) => {
  const one = values
    ? z.enum(values)
    : z.string().min(1, 'must not be empty').max(200, 'at most 200 characters');
  return z
    .preprocess(
      (v) => (v === undefined || Array.isArray(v) ? v : [v]),
      z.array(one).max(50, 'at most 50 values'),
    )
    .optional();
};
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    'not a real calendar date',
  )
  .optional();
const age = z.coerce
  .number({ error: 'expected a whole number of years' })
  .int('expected a whole number of years')
  .min(0, 'must be 0 or more')
  .max(120, 'must be 120 or less')
  .optional();

const cats = taxonomy.request_categories as Record<string, string[]>;
export const CATEGORIES = [...Object.keys(cats), 'Unclassified'] as unknown as Values;
export const SUBCATEGORIES = [
  ...new Set([...Object.values(cats).flat(), 'Unclassified']),
] as unknown as Values;
export const SPECIALTIES = taxonomy.reviewer_board_specialties as unknown as Values;
export const SOURCES = ['MTUS', 'ODG', 'ACOEM', 'Other', 'None'] as const;
export const REGIONS = [
  'Lumbar spine',
  'Cervical spine',
  'Thoracic spine',
  'Shoulder',
  'Elbow',
  'Wrist and hand',
  'Hip and pelvis',
  'Knee',
  'Ankle and foot',
  'Head',
  'Upper extremities',
  'Lower extremities',
  'Spine',
  'Multiple',
] as const;

/** Every filter, one query parameter each. Repeating a parameter matches any of its values. */
export const filterShape = {
  category: many(CATEGORIES),
  subcategory: many(SUBCATEGORIES),
  treatment: many(),
  decision: many(['Upheld', 'Overturned']),
  guideline_source: many(SOURCES),
  mtus_chapter: many(),
  specialty: many(SPECIALTIES),
  licensure_state: many(),
  decision_from: isoDate,
  decision_to: isoDate,
  injury_from: isoDate,
  injury_to: isoDate,
  age_min: age,
  age_max: age,
  gender: many(['male', 'female']),
  body_region: many(REGIONS),
  layout: many(LAYOUTS as unknown as Values),
  letter_id: many(),
};
export type Filters = z.infer<z.ZodObject<typeof filterShape>>;
export type FilterName = keyof Filters;

/** The filters facet_cube can answer (see etl/derived.sql); each is also offered as a facet. */
export const FACETS = [
  'category',
  'subcategory',
  'decision',
  'guideline_source',
  'mtus_chapter',
  'specialty',
  'licensure_state',
  'gender',
  'body_region',
  'layout',
] as const satisfies readonly FilterName[];
export type Facet = (typeof FACETS)[number];
const isFacet = (name: string) => (FACETS as readonly string[]).includes(name);

/** The filters split into facet filters and the rest. */
export const splitFacets = (f: Filters): [Filters, Filters] => [
  Object.fromEntries(Object.entries(f).filter(([k]) => isFacet(k))),
  Object.fromEntries(Object.entries(f).filter(([k]) => !isFacet(k))),
];

function fail(name: string, reason: string): never {
  throw new HttpError(400, `Invalid parameter "${name}": ${reason}.`, {
    invalid_params: [{ name, reason }],
  });
}

/** Parses a query string with a zod shape; any problem is a 400 naming the parameter. */
export function parseQuery<S extends z.ZodRawShape>(
  shape: S,
  query: unknown,
): z.infer<z.ZodObject<S>> {
  const result = z.strictObject(shape).safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue.code === 'unrecognized_keys')
      fail(
        issue.keys[0],
        `unknown parameter; valid parameters are ${Object.keys(shape).join(', ')}`,
      );
    fail(
      String(issue.path[0] ?? 'query'),
      issue.code === 'invalid_value' ? `must be one of: ${issue.values.join(', ')}` : issue.message,
    );
  }
  const d = result.data as Record<string, unknown>;
  for (const [from, to] of [
    ['decision_from', 'decision_to'],
    ['injury_from', 'injury_to'],
    ['age_min', 'age_max'],
  ]) {
    if (
      d[from] !== undefined &&
      d[to] !== undefined &&
      (d[from] as string | number) > (d[to] as string | number)
    ) {
      fail(from, `must not be after ${to}`);
    }
  }
  return result.data;
}

/** The database's codes for facet values and its list sets (etl/derived.sql), read once per file. */
export interface Lookup {
  codes: Record<string, Record<string, number>>;
  names: Record<string, Record<number, string>>;
  sets: Map<number, { kind: string; labels: string[] }>;
}

export const lookup = (db: Database): Promise<Lookup> =>
  db.once('lookup', async () => {
    const l: Lookup = { codes: {}, names: {}, sets: new Map() };
    // The server reads the tables this version's derived.sql builds, and no others.
    const [built] = await db.query('SELECT version FROM derived_version').catch((e: unknown) => {
      if (e instanceof HttpError) throw e;
      return [];
    });
    if (built?.version !== DERIVED_VERSION) {
      throw new HttpError(
        503,
        'The database was built by another version of IMR Outcomes: run "npm run etl" once to bring it up to date.',
      );
    }
    const codes = await db.query('SELECT kind, value, code FROM codes');
    for (const { kind, value, code } of codes) {
      (l.codes[String(kind)] ??= {})[String(value)] = Number(code);
      (l.names[String(kind)] ??= {})[Number(code)] = String(value);
    }
    for (const r of await db.query('SELECT id, kind, labels FROM sets'))
      l.sets.set(Number(r.id), { kind: String(r.kind), labels: r.labels as string[] });
    return l;
  });

const SET_KINDS: Partial<Record<Facet, string>> = {
  guideline_source: 'guideline',
  mtus_chapter: 'chapter',
  licensure_state: 'licensure',
};
/**
 * The keys a facet filter keeps: codes, the ids of the sets holding a wanted label, or 1 for
 * Upheld and 0 for Overturned. A value the data never holds has no key and matches nothing;
 * undefined keeps every service (no filter, or both decisions).
 */
export function facetKeys(name: Facet, f: Filters, l: Lookup): number[] | undefined {
  const wanted = f[name] as string[] | undefined;
  const kind = SET_KINDS[name];
  if (!wanted) return undefined;
  if (name === 'decision')
    return new Set(wanted).size === 1 ? [wanted[0] === 'Upheld' ? 1 : 0] : undefined;
  if (kind)
    return [...l.sets]
      .filter(([, s]) => s.kind === kind && s.labels.some((x) => wanted.includes(x)))
      .map(([id]) => id);
  return wanted.map((v) => l.codes[name]?.[v]).filter((c) => c !== undefined);
}

/**
 * The WHERE clause for the filters over `facts f`, with every value bound. Facet values and
 * lists are matched by their integer codes, which DuckDB tests inside the scan.
 */
export function whereClause(
  f: Filters,
  l: Lookup,
): { sql: string; params: Record<string, DuckDBValue> } {
  const parts: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const on = (name: FilterName) => f[name] !== undefined;
  const bind = (name: string, value: DuckDBValue) => {
    params[name] = value;
    return `$${name}`;
  };
  // One value is an equality, which DuckDB tests inside the scan; no value matches nothing.
  const oneOf = (name: FilterName, column: string, values: (string | number)[], type: string) => {
    parts.push(
      values.length === 0
        ? 'false'
        : values.length === 1
          ? `${column} = ${bind(name, values[0])}::${type}`
          : `list_contains(${bind(name, listValue(values))}::${type}[], ${column})`,
    );
  };
  const range = (name: FilterName, column: string, op: string, cast = '') => {
    if (on(name)) parts.push(`f.${column} ${op} ${bind(name, f[name] as string | number)}${cast}`);
  };
  for (const name of FACETS) {
    const keys = facetKeys(name, f, l);
    if (name === 'decision' && keys) parts.push(`f.upheld = ${keys[0] === 1}`);
    else if (keys)
      oneOf(name, DIMENSIONS[name].group('f'), keys, name in SET_KINDS ? 'INTEGER' : 'SMALLINT');
  }
  if (on('letter_id')) oneOf('letter_id', 'f.letter_id', f.letter_id!, 'VARCHAR');
  range('decision_from', 'decision_date', '>=', '::DATE');
  range('decision_to', 'decision_date', '<=', '::DATE');
  range('injury_from', 'date_of_injury', '>=', '::DATE');
  range('injury_to', 'date_of_injury', '<=', '::DATE');
  range('age_min', 'patient_age', '>=');
  range('age_max', 'patient_age', '<=');
  if (on('treatment')) {
    // Search the distinct names, then keep the services that carry one of them.
    const terms = f.treatment!.map((t, k) => {
      const m = treatmentMatch(t);
      return 'like' in m
        ? `t.treatment ILIKE ${bind(`treatment${k}`, m.like)} ESCAPE '\\'`
        : `regexp_matches(t.treatment, ${bind(`treatment${k}`, m.regex)})`;
    });
    parts.push(`f.treatment_id IN (SELECT t.id FROM treatments t WHERE ${terms.join(' OR ')})`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
