import { TREATMENT_ID } from '../../warehouse/names.ts';
import { z } from 'zod';
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import {
  dimension,
  FACETS,
  filterDimension,
  LIST_FILTERS,
  RANGE_BOUNDS,
  RANGE_FILTERS,
  type FacetName,
  type Filters,
  type ListFilterName,
  type RangeFilterName,
} from '../../model/dimensions.ts';
import { MAX_AGE } from '../../model/limits.ts';
import { NOT_APPLICABLE, NOT_STATED, type Values } from '../../model/values.ts';
import { GROUPINGS } from './group-by.ts';
import { HttpError } from '../http/errors.ts';
import type { Lookup } from './lookup.ts';
import { treatmentMatch } from './synonyms.ts';

export type { Filters } from '../../model/dimensions.ts';

/** A list filter: repeat the parameter for several values. A closed list also takes the keys a breakdown shows for a missing value. */
const many = (values?: Values) => {
  const one = values
    ? z.enum([...values, NOT_STATED, NOT_APPLICABLE] as unknown as Values)
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
/** A query parameter that is a whole number from min to max; every route's counts take this. */
export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `must be ${min} or more`)
    .max(max, `must be ${max} or less`);
const age = wholeNumber(0, MAX_AGE).optional();

const bound = (p: RangeFilterName) =>
  dimension(RANGE_BOUNDS[p].name).storage === 'date' ? isoDate : age;

/** Every filter, one query parameter each, from the dimensions' declaration. */
export const filterShape = Object.fromEntries([
  ...LIST_FILTERS.map((name) => [name, many(dimension(name).values).describe(dimension(name).doc)]),
  ...RANGE_FILTERS.map((p) => {
    const { name, side } = RANGE_BOUNDS[p];
    return [p, bound(p).describe(`${side === 'min' ? 'From' : 'To'}: ${dimension(name).doc}`)];
  }),
]) as { [K in ListFilterName]: ReturnType<typeof many> } & {
  [K in RangeFilterName]: typeof isoDate | typeof age;
};

/** Filters that keep or drop whole letters, by the letters' own fields. */
const LETTER_FILTERS = [...LIST_FILTERS, ...RANGE_FILTERS].filter(
  (p) => dimension(filterDimension(p)).table === 'letters',
) as string[];
/** Whether every filter given keeps or drops whole letters: then a letter's first service stands for it. */
export const onlyLetterFilters = (f: Filters) =>
  Object.entries(f).every(([k, v]) => v === undefined || LETTER_FILTERS.includes(k));

const isFacet = (name: string) => (FACETS as string[]).includes(name);
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

/**
 * Parses a query string with a zod shape; any problem is a 400 naming the parameter, after
 * `prefix` when the query is itself one parameter's value (`a.category` in /api/compare).
 */
export function parseQuery<S extends z.ZodRawShape>(
  shape: S,
  query: unknown,
  prefix = '',
): z.infer<z.ZodObject<S>> {
  const result = z.strictObject(shape).safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue.code === 'unrecognized_keys')
      fail(
        prefix + issue.keys[0],
        `unknown parameter; valid parameters are ${Object.keys(shape).join(', ')}`,
      );
    fail(
      prefix + String(issue.path[0] ?? 'query'),
      issue.code === 'invalid_value' ? `must be one of: ${issue.values.join(', ')}` : issue.message,
    );
  }
  const d = result.data as Record<string, string | number | undefined>;
  for (const [from, to] of RANGE_FILTERS.filter((p) => RANGE_BOUNDS[p].side === 'min').map(
    (p) => dimension(RANGE_BOUNDS[p].name).range!,
  )) {
    if (d[from] !== undefined && d[to] !== undefined && d[from]! > d[to]!) {
      fail(prefix + from, `must not be after ${prefix}${to}`);
    }
  }
  return result.data;
}

/**
 * The keys a facet filter keeps: codes, or the ids of the sets holding a wanted label. A value
 * the data never holds has no key and matches nothing; undefined keeps every service.
 */
export function facetKeys(name: FacetName, f: Filters, l: Lookup): number[] | undefined {
  const wanted = f[name];
  if (!wanted) return undefined;
  if (dimension(name).storage === 'set')
    return [...l.sets]
      .filter(([, s]) => s.kind === name && s.labels.some((x) => wanted.includes(x)))
      .map(([id]) => id);
  return wanted.map((v) => l.codes[name]?.[v]).filter((c) => c !== undefined);
}

/**
 * The WHERE clause for the filters over `facts f`, with every value bound. Code and set values
 * are matched by their integer codes, which DuckDB tests inside the scan.
 */
export function whereClause(
  f: Filters,
  l: Lookup,
): { sql: string; params: Record<string, DuckDBValue> } {
  const parts: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const bind = (name: string, value: DuckDBValue) => {
    params[name] = value;
    return `$${name}`;
  };
  // One value is an equality, which DuckDB tests inside the scan; no value matches nothing.
  const oneOf = (name: string, column: string, values: (string | number)[], type: string) => {
    parts.push(
      values.length === 0
        ? 'false'
        : values.length === 1
          ? `${column} = ${bind(name, values[0])}::${type}`
          : `list_contains(${bind(name, listValue(values))}::${type}[], ${column})`,
    );
  };
  for (const name of LIST_FILTERS) {
    const values = f[name];
    const d = dimension(name);
    if (!values) continue;
    if (d.storage === 'code' || d.storage === 'set') {
      const keys = facetKeys(name as FacetName, f, l)!;
      oneOf(name, GROUPINGS[name].group('f'), keys, d.storage === 'set' ? 'INTEGER' : 'SMALLINT');
    } else if (d.search) {
      // Search the distinct names, then keep the services that carry one of them.
      const terms = values.map((t, k) => {
        const m = treatmentMatch(t);
        return 'like' in m
          ? `t.${d.column} ILIKE ${bind(`${name}${k}`, m.like)} ESCAPE '\\'`
          : `regexp_matches(t.${d.column}, ${bind(`${name}${k}`, m.regex)})`;
      });
      parts.push(
        `f.${TREATMENT_ID} IN (SELECT t.id FROM treatments t WHERE ${terms.join(' OR ')})`,
      );
    } else oneOf(name, `f.${d.column}`, values, 'VARCHAR');
  }
  for (const p of RANGE_FILTERS) {
    if (f[p] === undefined) continue;
    const { name, side } = RANGE_BOUNDS[p];
    const d = dimension(name);
    const cast = d.storage === 'date' ? '::DATE' : '';
    const op = side === 'min' ? '>=' : '<=';
    const bound = `${bind(p, f[p])}${cast}`;
    // A service with only a year (a DMHC case) is in the range when its year is.
    const year = d.yearColumn
      ? ` OR (f.${d.column} IS NULL AND f.${d.yearColumn} ${op} year(${bound}))`
      : '';
    parts.push(year ? `(f.${d.column} ${op} ${bound}${year})` : `f.${d.column} ${op} ${bound}`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
