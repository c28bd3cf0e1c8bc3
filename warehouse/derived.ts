import {
  CODED,
  DIMENSION_NAMES,
  FACETS,
  SETS,
  dimension,
  keyColumn,
  type DimensionName,
} from '../model/dimensions.ts';
import { MEASURE_NAMES, measure, type MeasureName } from '../model/measures.ts';
import { LETTER_STATEMENTS } from './derived-letters.ts';
import { NOT_APPLICABLE, NOT_STATED } from '../model/values.ts';
import {
  CUBE_KEY,
  DECISION_MONTH_NO,
  FIRST_ITEM,
  LETTER_BLOCK,
  LETTER_KEY,
  LETTERS_PER_BLOCK,
  TREATMENT_ID,
} from './names.ts';

/**
 * The tables the server queries, rebuilt by every ETL run from letters and items, written from
 * the dimensions' declaration: each code dimension gets a code column, each set dimension a set
 * id, and each facet a column of facet_cube.
 */

const alias = (name: DimensionName) => (dimension(name).table === 'items' ? 'i' : 'l');
const raw = (name: DimensionName) => `${alias(name)}.${dimension(name).column}`;
/** The stored value: the preferred column's where present (the state's coding), else the column's. */
const source = (name: DimensionName) => {
  const d = dimension(name);
  return d.prefer ? `coalesce(${alias(name)}.${d.prefer}, ${raw(name)})` : raw(name);
};
/** expr for the dimension's own programs' services, `other` for the rest. */
const own = (name: DimensionName, expr: string, other: string) => {
  const programs = dimension(name).programs;
  if (!programs) return expr;
  return `CASE WHEN l.program IN (${programs.map((p) => `'${p}'`).join(', ')}) THEN ${expr} ELSE ${other} END`;
};
/** A code dimension's value: a missing one is a value of its own that a filter can ask for. */
const value = (name: DimensionName) =>
  own(name, `coalesce(${source(name)}, '${NOT_STATED}')`, `'${NOT_APPLICABLE}'`);
/** A set dimension's list: ['Not applicable'] for another program's services. */
const list = (name: DimensionName) => own(name, source(name), `['${NOT_APPLICABLE}']`);
const setAlias = (name: DimensionName) => `s_${name}`;
/** The rows a dimension's values are read from: its table, with the letter (for its program). */
const rows = (name: DimensionName) =>
  dimension(name).table === 'items' ? 'items i JOIN letters l USING (letter_id)' : 'letters l';

/**
 * The distinct (kind, value) pairs of the dimensions names, as `expr` gives each value, in one
 * scan of each table: a SELECT DISTINCT and a join of items to letters for each dimension held
 * every one's hash tables at once, and ran out of memory (20,000 letters under 128 MB).
 */
function distinctValues(names: DimensionName[], expr: (d: DimensionName) => string, as: string) {
  const scan = (table: 'items' | 'letters') => {
    const here = names.filter((d) => dimension(d).table === table);
    if (!here.length) return [];
    const kinds = `[${here.map((d) => `'${d}'`).join(', ')}]`;
    const values = `[${here.map(expr).join(', ')}]`;
    return [`SELECT unnest(${kinds}) AS kind, unnest(${values}) AS ${as} FROM ${rows(here[0])}`];
  };
  return `SELECT DISTINCT * FROM (${[...scan('items'), ...scan('letters')].join('\n  UNION ALL ')})`;
}

// sets: each distinct list of a set dimension, once, with the labels a breakdown shows (an
// empty list is the dimension's `empty` label, a missing one 'Not stated'). Facts carry a set's
// id: grouping by an integer and unnesting the few groups afterwards is ten times faster than
// unnesting every service.
const sets = `CREATE OR REPLACE TABLE sets AS
SELECT row_number() OVER (ORDER BY kind, list::VARCHAR)::INTEGER AS id, kind, list,
  CASE WHEN list IS NULL THEN ['${NOT_STATED}'] WHEN len(list) > 0 THEN list
  ${SETS.map((s) => `WHEN kind = '${s}' THEN ['${dimension(s).empty ?? NOT_STATED}']`).join(' ')} END AS labels
FROM (${distinctValues(SETS, list, 'list')})`;

// codes: a small integer for each value of the code dimensions. A scan keeps the rows equal to
// one integer three times faster than those equal to one string, and the server binds the codes
// a filter asks for.
const codes = `CREATE OR REPLACE TABLE codes AS
SELECT kind, value, row_number() OVER (PARTITION BY kind ORDER BY value)::SMALLINT AS code
FROM (${distinctValues(CODED, value, 'value')})`;

// treatments: the distinct treatment names, far fewer than services, so a search scans these
// and facts are kept by their id.
const treatments = `CREATE OR REPLACE TABLE treatments AS
SELECT row_number() OVER (ORDER BY treatment)::INTEGER AS id, treatment, count(*)::INTEGER AS n
FROM items GROUP BY treatment`;

// services: the distinct normalised services, numbered, so that rates adjusted for the mix of
// services (server/queries/adjust.ts) group by an integer: grouping 300,000 letters' services by the
// text took 50 ms, by an integer 8 ms.
const services = `CREATE OR REPLACE TABLE services AS
SELECT row_number() OVER (ORDER BY service)::INTEGER AS id, service FROM items GROUP BY service`;

/** Columns facts carry that are no dimension's: for lists, exports and counting. */
const EXTRA = ['i.item_no', 'i.outside_mtus', 'i.retrospective', 'i.quantity', 'i.drug_name'];

/**
 * Each review time measure (model/measures.ts), in whole days, on every service of its letter:
 * the span of two of the letter's dates, or the day count the DMHC data set gives. Stored as
 * they are, negative or absurd ones too: the server leaves those out and counts them.
 */
const span = (name: MeasureName) => {
  const m = measure(name);
  const days = m.column ? `l.${m.column}` : `date_diff('day', l.${m.from}, l.${m.to})`;
  return `${days}::INTEGER AS ${name}`;
};
const SPANS = MEASURE_NAMES.map(span);
/** The spans of a letter's dates, as columns of `letters l` (the others are letters columns). */
export const DATE_SPANS = MEASURE_NAMES.filter((n) => !measure(n).column).map(span);

const codeColumn = (c: DimensionName) =>
  `list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = '${c}'), ${value(c)})::SMALLINT AS ${c}_code`;

// facts: one row per service with the letter fields it is filtered and grouped by, without the
// long texts, sorted by decision date so date filters skip whole row groups. letter_key numbers
// the letters densely, so the server counts distinct letters with a bitmap; first_item marks one
// service per letter; letter_block is letter_key // 64, a small integer DuckDB groups by with a
// perfect hash, as it does decision_month_no (year * 12 + month - 1) with a facet code.
// cube_key is the service's row in facet_cube.
//
// It is built in steps that each hold little at once, so that each fits DuckDB's memory or
// spills (one statement with every join, the cubes' DISTINCT over their labels and the sort ran
// out of 640 MB at a million letters, and out of 96 MB at 20,000): letter_keys numbers the
// letters; facts_base joins the services to their letters, keys, sets and codes; cubes numbers
// the distinct facet codes, small integers; facts is facts_base with each row's cube, sorted.
const letterKeys = `CREATE OR REPLACE TABLE letter_keys AS
SELECT letter_id, first_no,
  row_number() OVER (ORDER BY l.decision_date, letter_id)::INTEGER AS letter_key
FROM (SELECT letter_id, min(item_no) AS first_no FROM items GROUP BY letter_id)
JOIN letters l USING (letter_id)`;

const factsBase = () => {
  // Each dimension's column as stored (the preferred value where there is one), and a date
  // dimension's year column.
  const rawColumns = [
    ...new Set([
      ...DIMENSION_NAMES.map((d) => `${source(d)} AS ${dimension(d).column}`),
      ...DIMENSION_NAMES.flatMap((d) => {
        const y = dimension(d).yearColumn;
        return y ? [`${alias(d)}.${y}`] : [];
      }),
    ]),
  ];
  const block = `k.${LETTER_KEY} // ${LETTERS_PER_BLOCK} AS ${LETTER_BLOCK}`;
  return `SELECT k.${LETTER_KEY}, ${block}, i.item_no = k.first_no AS ${FIRST_ITEM},
  ${[...rawColumns, ...EXTRA, ...SPANS].join(', ')},
  t.id AS ${TREATMENT_ID}, sv.id AS service_id, i.decision = 'Upheld' AS upheld,
  (year(l.decision_date) * 12 + month(l.decision_date) - 1)::INTEGER AS ${DECISION_MONTH_NO},
  l.synthetic,
  ${SETS.map((s) => `${setAlias(s)}.id AS ${s}_set`).join(', ')},
  ${CODED.map(codeColumn).join(',\n  ')}
FROM letter_keys k JOIN letters l USING (letter_id) JOIN items i USING (letter_id)
JOIN treatments t ON t.treatment IS NOT DISTINCT FROM i.treatment
JOIN services sv ON sv.service IS NOT DISTINCT FROM i.service
${SETS.map((s) => `JOIN sets ${setAlias(s)} ON ${setAlias(s)}.kind = '${s}' AND ${setAlias(s)}.list IS NOT DISTINCT FROM ${list(s)}`).join('\n')}`;
};

const cubeKeys = FACETS.map(keyColumn).join(', ');

const cubes = `CREATE OR REPLACE TABLE cubes AS
SELECT ${cubeKeys}, row_number() OVER (ORDER BY ${cubeKeys})::INTEGER AS ${CUBE_KEY}
FROM (SELECT DISTINCT ${cubeKeys} FROM facts_base)`;

const facts = `CREATE OR REPLACE TABLE facts AS
SELECT f.${LETTER_KEY}, f.${LETTER_BLOCK}, f.${FIRST_ITEM}, c.${CUBE_KEY},
  f.* EXCLUDE (${LETTER_KEY}, ${LETTER_BLOCK}, ${FIRST_ITEM})
FROM facts_base f JOIN cubes c USING (${cubeKeys})
ORDER BY f.letter_key, f.item_no`;

const dropSteps = 'DROP TABLE letter_keys; DROP TABLE facts_base; DROP TABLE cubes';

// facet_cube: services counted by every facet column, a few percent of the facts' rows.
// Facets, rates and cross-tabs by these columns read it, or, under other filters, count facts
// by cube_key and join it.
const facetCube = `CREATE OR REPLACE TABLE facet_cube AS
SELECT cube_key, first(upheld) AS upheld, ${FACETS.map((f) => `first(${keyColumn(f)}) AS ${keyColumn(f)}`).join(', ')},
  count(*)::INTEGER AS n
FROM facts GROUP BY cube_key ORDER BY cube_key`;

// treatment_cube: services counted by treatment, normalised service and cube_key, a tenth of the
// facts' rows (a treatment's service is one but for a few state-coded cases). Under a treatment
// search (and facet filters), facets, rates and cross-tabs count these, not facts, as do rates
// adjusted for the mix of services.
const treatmentCube = `CREATE OR REPLACE TABLE treatment_cube AS
SELECT treatment_id, service_id, cube_key, count(*)::INTEGER AS n
FROM facts GROUP BY ALL ORDER BY ALL`;

/**
 * How many letters a pass of facts_base joins at once: the hash table of their columns grows
 * with the letters, so it is built a slice of letters at a time, each pass scanning the items
 * again (a million letters: 5 passes of 2.1-2.8 s).
 */
export const LETTERS_PER_PASS = 200_000;

/** A statement run once for each slice of LETTERS_PER_PASS letters, $lo to $hi by letter_key. */
interface Passes {
  pass: string;
}

/** The statements, in order. */
export const DERIVED_STATEMENTS: (string | Passes)[] = [
  sets,
  codes,
  treatments,
  services,
  letterKeys,
  `CREATE OR REPLACE TABLE facts_base AS ${factsBase()} LIMIT 0`,
  { pass: `INSERT INTO facts_base ${factsBase()}\nWHERE k.letter_key BETWEEN $lo AND $hi` },
  cubes,
  facts,
  dropSteps,
  facetCube,
  treatmentCube,
  ...LETTER_STATEMENTS,
];
