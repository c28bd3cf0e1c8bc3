import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { ParseError } from '../types.ts';
import { rowToCase, type DmhcCase } from './case.ts';
import { columnIndex, delimiterOf, type ColumnIndex } from './columns.ts';

/** Where the reader puts what it reads. A handler that returns false asks it to wait for drained(). */
export interface Sink {
  case(c: DmhcCase): boolean;
  /** A row that is not loaded: its reference id when it has one, and why. */
  bad(id: string | null, reason: string): boolean;
  drained(): Promise<void>;
}

/** The file as a stream of text; gzip is told by its magic bytes, not by the name. */
function open(path: string): Readable {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const text = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) raw.on('error', (e) => text.destroy(e));
  // Decoding here, not in papaparse, keeps a character split between two chunks whole.
  return text.setEncoding('utf8');
}

// Why a row's fields cannot be trusted, or null when they can.
function malformed(fields: string[], width: number, errors: Papa.ParseError[]): string | null {
  if (errors.some((e) => e.code === 'MissingQuotes'))
    return 'the file ends inside a quoted field (truncated?)';
  if (fields.length < width) return `truncated row (${fields.length} of ${width} fields)`;
  if (fields.slice(width).some((f) => f.trim() !== ''))
    return `${fields.length} fields where the header has ${width} (an unquoted delimiter?)`;
  return null;
}

/**
 * Streams a DMHC IMR CSV (either shape, plain or gzip) through papaparse, one row at a time:
 * memory does not grow with the file. Each row becomes a case or, with its reason, a bad row;
 * a reference id seen before in the file is a bad row, the first is kept. A file that is not a
 * DMHC IMR file rejects with a ParseError saying why.
 */
export function readDmhcCsv(path: string, sink: Sink): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    let at: ColumnIndex | null = null;
    let width = 0;
    let rows = 0;
    let failed: Error | null = null;
    const seen = new Set<string>();
    const row = (fields: string[], errors: Papa.ParseError[]): boolean => {
      rows++;
      const id = fields[at!.reference_id]?.trim() || null;
      const why = malformed(fields, width, errors);
      const where = `${id ?? 'no reference id'} (row ${rows})`;
      if (why) return sink.bad(id, `${where}: ${why}`);
      if (id && seen.has(id))
        return sink.bad(id, `${where}: the reference id appears again; the first row is kept`);
      try {
        const c = rowToCase(fields, at!);
        seen.add(c.letter_id);
        return sink.case(c);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        return sink.bad(id, `${where}: ${e.message}`);
      }
    };
    const input = open(path);
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: delimiterOf,
      skipEmptyLines: 'greedy',
      step: (r, parser) => {
        try {
          if (!at) {
            width = r.data.length;
            at = columnIndex(r.data);
          } else if (!row(r.data, r.errors)) {
            // papaparse's pause stops the parser but not the stream, whose chunks would queue up.
            parser.pause();
            input.pause();
            sink.drained().then(() => {
              input.resume();
              parser.resume();
            });
          }
        } catch (e) {
          failed = e as Error;
          parser.abort();
          input.destroy();
        }
      },
      complete: () => {
        if (failed) reject(failed);
        else if (!at) reject(new ParseError('empty file'));
        else resolve({ rows });
      },
      error: (e: Error) => reject(new ParseError(`could not be read: ${e.message}`)),
    });
  });
}
