import { ParseError } from '../letters/types.ts';

/**
 * The columns of the DMHC IMR data set, by the name the portal gives them (with or without
 * spaces: `IMR Type` or `IMRType`). Both shapes (the `;`-separated 2001-2016 file and the
 * current comma-separated one) have the first ten; only the current one has Findings, IMR Type,
 * Days To Review and Days To Adopt.
 */
export const COLUMNS = {
  reference_id: 'Reference ID',
  report_year: 'Report Year',
  diagnosis_category: 'Diagnosis Category',
  diagnosis_subcategory: 'Diagnosis Sub Category',
  treatment_category: 'Treatment Category',
  treatment_subcategory: 'Treatment Sub Category',
  determination: 'Determination',
  type: 'Type',
  age_range: 'Age Range',
  gender: 'Patient Gender',
  findings: 'Findings',
  imr_type: 'IMR Type',
  days_to_review: 'Days To Review',
  days_to_adopt: 'Days To Adopt',
} as const;
export type Column = keyof typeof COLUMNS;
const OPTIONAL: Column[] = ['findings', 'imr_type', 'days_to_review', 'days_to_adopt'];

/** Where each column is in a row, by position. */
export type ColumnIndex = Record<Column, number>;

// Header names compared without case, spaces, punctuation or a byte-order mark, so that
// "Diagnosis Sub Category" and "DiagnosisSubCategory" are one column.
const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The position of every column in a header row. A header with fewer than three of the data
 * set's columns is some other CSV; one with three or more but not all of the required ones is
 * a DMHC file that cannot be loaded whole. Columns the data set does not have are ignored.
 */
export function columnIndex(header: string[]): ColumnIndex {
  const at = new Map(header.map((h, i) => [key(h), i]));
  const index = {} as ColumnIndex;
  const missing: string[] = [];
  for (const [col, name] of Object.entries(COLUMNS) as [Column, string][]) {
    index[col] = at.get(key(name)) ?? -1;
    if (index[col] < 0 && !OPTIONAL.includes(col)) missing.push(name);
  }
  const found = Object.keys(COLUMNS).length - OPTIONAL.length - missing.length;
  if (found < 3) {
    const shown = header.slice(0, 6).join(', ').slice(0, 120);
    throw new ParseError(
      `not a DMHC IMR file: its header (${shown}) lacks the data set's columns (Reference ID, Report Year, Determination, ...)`,
    );
  }
  if (missing.length)
    throw new ParseError(`DMHC IMR file without required column(s): ${missing.join(', ')}`);
  return index;
}

/** The delimiter of a DMHC file, from its header line: `;` (2001-2016 file) or `,`. */
export function delimiterOf(firstChunk: string): string {
  const header = firstChunk.slice(0, firstChunk.search(/[\r\n]|$/));
  const count = (c: string) => header.split(c).length;
  return count(';') > count(',') ? ';' : ',';
}
