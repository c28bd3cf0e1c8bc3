import {
  DIMENSION_NAMES,
  FACETS,
  dimension,
  keyColumn,
  type DimensionName,
} from '../model/dimensions.ts';
import { MEASURE_NAMES } from '../model/measures.ts';

/**
 * letter_facts: one row per letter (or health-plan case), in letter_key order, for review time.
 * It holds the letter's own columns as facts names them (so the same WHERE clause filters it),
 * its review time by every measure, and, for each dimension of its services that is a facet,
 * which keys its services have, as a bitmask: bit b is the key whose code is b + 1, or a set
 * dimension's label numbered b in label_bits. A breakdown by a key of the services then counts
 * each letter once under each of its keys by grouping letters by mask, without making a million
 * letter and key pairs distinct at query time (150-270 ms at a million letters). A dimension
 * with more than 64 keys has no mask that holds them all: the server counts it from facts.
 */

/** The dimensions of services whose keys letter_facts holds per letter. */
export const MASKED: DimensionName[] = FACETS.filter((n) => dimension(n).table === 'items');
/** The column of a letter's keys of a dimension of its services, as a bitmask. */
export const maskColumn = (name: DimensionName) => `${name}_mask`;
/** How many keys a mask holds. */
export const MASK_BITS = 64;

/** facts' columns that belong to the letter: equal on all its services. */
const LETTER_COLUMNS = [
  ...new Set(
    DIMENSION_NAMES.filter((n) => dimension(n).table === 'letters').flatMap((n) => {
      const d = dimension(n);
      const own = d.storage === 'code' || d.storage === 'set' ? keyColumn(n) : d.column;
      return [own, ...(d.yearColumn ? [d.yearColumn] : [])];
    }),
  ),
];

const isSet = (n: DimensionName) => dimension(n).storage === 'set';

// label_bits: each set dimension's labels, numbered from 0 in label order; set_masks: each set
// (a service's list) as the mask of its labels.
const labelBits = `CREATE OR REPLACE TABLE label_bits AS
SELECT kind, label, (row_number() OVER (PARTITION BY kind ORDER BY label) - 1)::INTEGER AS bit
FROM (SELECT DISTINCT kind, unnest(labels) AS label FROM sets)`;
const setMasks = `CREATE OR REPLACE TABLE set_masks AS
SELECT s.id, bit_or(CASE WHEN b.bit < ${MASK_BITS} THEN 1::UBIGINT << b.bit::UBIGINT ELSE 0::UBIGINT END) AS mask
FROM (SELECT id, kind, unnest(labels) AS label FROM sets) s JOIN label_bits b USING (kind, label)
GROUP BY s.id`;

// A service's bit of a dimension: its code's (codes start at 1), or its set's labels.
const bit = (n: DimensionName) =>
  isSet(n)
    ? `m_${n}.mask`
    : `CASE WHEN f.${keyColumn(n)} <= ${MASK_BITS} THEN 1::UBIGINT << (f.${keyColumn(n)} - 1)::UBIGINT ELSE 0::UBIGINT END`;
const setJoins = MASKED.filter(isSet).map(
  (n) => `JOIN set_masks m_${n} ON m_${n}.id = f.${keyColumn(n)}`,
);

const letterFacts = `CREATE OR REPLACE TABLE letter_facts AS
WITH masks AS (
  SELECT f.letter_key, ${MASKED.map((n) => `bit_or(${bit(n)}) AS ${maskColumn(n)}`).join(', ')}
  FROM facts f ${setJoins.join(' ')} GROUP BY f.letter_key)
SELECT f.letter_key, f.letter_block, f.decision_month_no,
  ${[...LETTER_COLUMNS, ...MEASURE_NAMES].map((c) => `f.${c}`).join(', ')},
  ${MASKED.map((n) => `m.${maskColumn(n)}`).join(', ')}
FROM facts f JOIN masks m USING (letter_key)
WHERE f.first_item
ORDER BY f.letter_key`;

/** The statements, in order, after facts. */
export const LETTER_STATEMENTS = [labelBits, setMasks, letterFacts];
