import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { ParseError } from '../letters/types.ts';
import { columnIndex, delimiterOf, type ColumnIndex } from './columns.ts';

/** A row as the reader passes it on: its number in the file, its reference id, its fields. */
export interface RawRow {
  no: number;
  id: string;
  fields: string[];
}

/** Rows are handed on this many at a time, for worker threads to read (etl/dmhc/rows.ts). */
const BATCH_ROWS = 1000;

/**
 * Where the reader puts what it reads: batches of rows, and the rows it turns away with the
 * reason. A `rows` that returns a promise makes the reader wait for it.
 */
export interface Sink {
  rows(batch: RawRow[], at: ColumnIndex): void | Promise<void>;
  /** A row that is not loaded, and why ("ID (row N): reason"). */
  bad(reason: string): void;
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
  // Chunks of 64 KiB: papaparse reads a 100,000-row file in 0.7-0.9 s in chunks of 64 KiB,
  // and in 2.2-3.4 s in chunks of 128 KiB or 1 MiB.
  const raw = createReadStream(path, { highWaterMark: 1 << 16 });
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
 * memory does not grow with the file. Rows go to the sink in batches, or, with their reason,
 * as bad rows; a reference id seen before in the file is a bad row, the first is kept. A file
 * that is not a DMHC IMR file rejects with a ParseError saying why.
 */
export function readDmhcCsv(path: string, sink: Sink): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    let at: ColumnIndex | null = null;
    let width = 0;
    let rows = 0;
    let failed: Error | null = null;
    let batch: RawRow[] = [];
    const seen = new Set<string>();
    const row = (fields: string[], errors: Papa.ParseError[]) => {
      rows++;
      const id = fields[at!.reference_id]?.trim() || null;
      const why = malformed(fields, width, errors) ?? (id ? null : 'no Reference ID');
      const where = `${id ?? 'no reference id'} (row ${rows})`;
      if (why) sink.bad(`${where}: ${why}`);
      else if (seen.has(id!))
        sink.bad(`${where}: the reference id appears again; the first row is kept`);
      else {
        seen.add(id!);
        batch.push({ no: rows, id: id!, fields });
      }
    };
    const input = open(path);
    // Hands the batch on; papaparse's pause stops the parser but not the stream, so both wait.
    const handOn = (parser?: Papa.Parser) => {
      const waiting = batch.length ? sink.rows(batch, at!) : undefined;
      batch = [];
      if (!waiting || !parser) return waiting;
      parser.pause();
      input.pause();
      waiting.then(() => {
        input.resume();
        parser.resume();
      }, fail);
    };
    const fail = (e: unknown) => {
      failed = e as Error;
      reject(failed);
      input.destroy();
    };
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: delimiterOf,
      // 'greedy' would join every row's fields to test it; a row's first field settles it here.
      skipEmptyLines: true,
      step: (r, parser) => {
        try {
          if (r.data.every((f) => f.trim() === '')) return;
          if (!at) {
            width = r.data.length;
            at = columnIndex(r.data);
          } else {
            row(r.data, r.errors);
            if (batch.length >= BATCH_ROWS) handOn(parser);
          }
        } catch (e) {
          fail(e);
          parser.abort();
        }
      },
      complete: async () => {
        if (!failed && at) await Promise.resolve(handOn()).catch(fail);
        if (failed) reject(failed);
        else if (!at) reject(new ParseError('empty file'));
        else resolve({ rows });
      },
      error: (e: Error) => reject(new ParseError(`could not be read: ${e.message}`)),
    });
  });
}
