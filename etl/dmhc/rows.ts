import { quarantine, type Done } from '../pipeline/batch.ts';
import { ParseError } from '../letters/types.ts';
import { rowToCase, type DmhcCase } from './case.ts';
import type { ColumnIndex } from './columns.ts';
import type { RawRow } from './csv.ts';

/** Where a batch of rows comes from, and the rows: what a worker reads into cases. */
export interface CaseBatch {
  /** The file, and the parser version its cases and quarantined rows record. */
  file: { source_file: string; source_sha256: string; parser_version: string };
  at: ColumnIndex;
  rows: RawRow[];
}

/** A row as a case, or why it cannot be one ("MN21-1 (row 3): unknown determination ..."). */
export function readRow(r: RawRow, at: ColumnIndex): DmhcCase | string {
  try {
    return rowToCase(r.fields, at);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return `${r.id} (row ${r.no}): ${e.message}`;
  }
}

/**
 * Objects' fields, in order, as one NDJSON line without the null ones (the merge reads a missing
 * field as NULL) or the one named skip. Written field by field, not as one merged object
 * stringified: the spreads and the null filter cost more than the line (16 µs a case against 10).
 */
function line(parts: Record<string, unknown>[], skip = ''): string {
  let out = '';
  for (const row of parts)
    for (const k in row) {
      const v = row[k];
      if (v !== null && k !== skip) out += `${out ? ',' : '{'}"${k}":${JSON.stringify(v)}`;
    }
  return out + '}\n';
}

/** A case's row for letters and its one service's row for items, as NDJSON lines. */
export function caseLines(c: DmhcCase, file: CaseBatch['file']): { letter: string; item: string } {
  return {
    letter: line([c, { item_count: 1 }, file], 'items'),
    item: line([{ letter_id: c.letter_id }, c.items[0], { source_file: file.source_file }]),
  };
}

/**
 * Quarantines a bad row (or a file that is not a DMHC file) in d, with its reason. Like its
 * cases, it records the version of the rules that read it: another version reads the file again.
 */
export const quarantineCase = (d: Done, file: CaseBatch['file'], reason: string) =>
  quarantine(d, file.source_file, file.source_sha256, reason, file.parser_version);
