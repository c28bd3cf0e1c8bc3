import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'express';
import { MEASURE_NAMES } from '../../model/measures.ts';
import { serviceColumns } from '../sql/columns.ts';
import type { Database } from '../db/database.ts';
import { whereClause, type Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';

// A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice).
// Testing the first character is a third faster than a regular expression over 2.4M rows, but
// DuckDB holds memory for each IN list in every thread: over the CSV's two dozen text columns
// it ran out of the server's 64 MB, so the CSV tests with a regular expression.
const safe = (formula: (expr: string) => string) => (expr: string, name: string) =>
  `CASE WHEN ${formula(expr)} THEN '''' || ${expr} ELSE ${expr} END AS ${name}`;
const inList = safe((e) => `left(${e}, 1) IN ('=', '+', '-', '@', chr(9), chr(13))`);
const matched = safe((e) => `regexp_matches(${e}, '^[=+\\-@\\t\\r]')`);

/**
 * The CSV's columns, every service column (server/sql/columns.ts): lists as '; '-separated text, and
 * free text (not from a declared list of values) made safe from formulas.
 */
const CSV_COLUMNS = serviceColumns('quantity', 'retrospective')
  .map(({ name, storage, closed }) => {
    const expr = storage === 'set' ? `array_to_string(f.${name}, '; ')` : `f.${name}`;
    const free = !closed && (storage === 'text' || storage === 'code' || storage === 'set');
    if (free) return matched(expr, name);
    return expr === `f.${name}` ? expr : `${expr} AS ${name}`;
  })
  .join(', ');

// Parquet keeps the columns it had before services carried their program, treatment type,
// service and health-plan fields, plus review time (its speed and the measures' days, small
// integers). DuckDB's Parquet writer holds buffers for every column in each thread; with two
// threads in the server's 64 MB, a million services' export had no room left: 22 columns ran
// out of memory, as did these with a regular expression for the IN lists.
const PARQUET_COLUMNS = [
  inList('f.letter_id', 'letter_id'),
  'f.item_no',
  inList('f.treatment', 'treatment'),
  'f.decision',
  'f.category',
  inList('f.subcategory', 'subcategory'),
  "array_to_string(f.guideline_sources, '; ') AS guideline_sources",
  inList("array_to_string(f.mtus_chapters, '; ')", 'mtus_chapters'),
  'f.body_region',
  'f.quantity',
  'f.retrospective',
  'f.decision_date',
  'f.date_of_injury',
  inList('f.reviewer_specialty', 'reviewer_specialty'),
  "array_to_string(f.reviewer_licensure, '; ') AS reviewer_licensure",
  'f.patient_age',
  'f.patient_gender',
  'f.layout',
  'f.review_speed',
  ...MEASURE_NAMES.map((m) => `f.${m}`),
  'f.synthetic',
].join(', ');

/** The filters as a query string, to record with the file. */
export function describeFilters(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f))
    for (const x of [v].flat()) if (x !== undefined) q.append(k, String(x));
  return q.toString();
}

/** A file name that says what the file holds, e.g. imr-services_category-Surgery_2026-11-26.csv */
export function fileName(f: Filters, ext: string): string {
  const parts = Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}-${[v].flat().join('+')}`.replace(/[^A-Za-z0-9+.-]+/g, '-'));
  return `${['imr-services', ...parts].join('_').slice(0, 150)}_${new Date().toISOString().slice(0, 10)}.${ext}`;
}

// The temporary folders of exports under way, removed should the server exit first.
const underWay = new Set<string>();
process.on('exit', () => {
  for (const dir of underWay) rmSync(dir, { recursive: true, force: true });
});

/** Resolves when the response can take more, or has closed. */
function drained(res: Response): Promise<void> {
  return new Promise((ok) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      ok();
    };
    res.on('drain', done).on('close', done);
  });
}

/** A signal that aborts when the response closes before it was finished: the client went away. */
function whenGone(res: Response): AbortSignal {
  const gone = new AbortController();
  if (res.destroyed) gone.abort();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone.signal;
}

/** The COPY statement that writes the services under the filters' WHERE clause to file. */
function copyStatement(kind: 'csv' | 'parquet', where: string, file: string): string {
  // Row groups of 8,192 rows, not 122,880: the writer holds one a thread, within the server's
  // memory budget. With 32,768, test/export-long.test.ts's first Parquet export of 958,000
  // services ran out of the 64 MB in 6 of 16 runs; with 16,384, in none of 8, until review
  // time added six columns: then 4 of 16 exports of a million services failed (a 503, or a
  // file cut short), and with 8,192 none of 14.
  const options = `USE_TMP_FILE false, ${kind === 'csv' ? 'FORMAT csv, HEADER' : 'FORMAT parquet, ROW_GROUP_SIZE 8192, KV_METADATA {filters: $filters_text, data_source: $data_source}'}`;
  return `COPY (SELECT ${kind === 'csv' ? CSV_COLUMNS : PARQUET_COLUMNS} FROM facts f ${where}) TO '${file}' (${options})`;
}

/**
 * Sends the file as the writer grows it, until the writer is done (isDone) and everything it
 * wrote is sent, or the client goes away.
 */
async function sendGrowing(
  fh: FileHandle,
  dir: string,
  copy: Promise<void>,
  isDone: () => boolean,
  res: Response,
): Promise<void> {
  for (let pos = 0; !res.destroyed;) {
    const done = isDone();
    const { bytesRead, buffer } = await fh.read(Buffer.allocUnsafe(1 << 20), 0, 1 << 20, pos);
    // Once the writer has begun, the file needs no name: both handles stay open, and a
    // server killed mid-export leaves nothing behind in the temporary folder.
    if (bytesRead && pos === 0) rmSync(dir, { recursive: true, force: true });
    pos += bytesRead;
    if (bytesRead && !res.write(buffer.subarray(0, bytesRead))) await drained(res);
    if (bytesRead) continue;
    if (done) return;
    await Promise.race([copy, setTimeout(20)]);
  }
}

/**
 * Every service under the filters, written by DuckDB's own CSV or Parquet writer into a
 * temporary file and streamed from it as it grows. Converting rows one value at a time
 * through the Node client (and papaparse) ran at about 30,000 rows/s; DuckDB writes several
 * hundred thousand. Rows come in no fixed order (server/db/open.ts says why). The
 * writer has no time limit, so an export of any size finishes, at its own pace whatever the
 * client's; if the client goes away, the writer is interrupted (or never starts, if still
 * waiting its turn) and the temporary file removed. If the writer fails part way, the
 * connection is cut, so no one mistakes a part for the whole.
 */
async function exportFile(
  db: Database,
  f: Filters,
  kind: 'csv' | 'parquet',
  dataSource: string,
  res: Response,
): Promise<void> {
  const signal = whenGone(res);
  const w = whereClause(f, await lookup(db));
  const dir = mkdtempSync(join(tmpdir(), 'imr-export-'));
  underWay.add(dir);
  const file = join(dir, `export.${kind}`);
  const filters = describeFilters(f) || 'none';
  writeFileSync(file, '');
  const fh = await open(file, 'r');
  let written = false;
  // No one can read a Parquet file before its footer, so it is written whole before it is
  // sent, and may be written again if it ran out of memory; CSV is sent as it is written.
  const copy = db
    .run(
      copyStatement(kind, w.sql, file),
      kind === 'csv' ? w.params : { ...w.params, filters_text: filters, data_source: dataSource },
      { rerunnable: kind === 'parquet', signal },
    )
    .then(() => {
      written = true;
    });
  try {
    // A query that fails at once is still answered as a clean error.
    await (kind === 'parquet' ? copy : Promise.race([copy, setTimeout(50)]));
    res
      .attachment(fileName(f, kind))
      .type(kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet');
    if (kind === 'csv')
      res.write(
        `# IMR Outcomes services export; data: ${dataSource}; filters: ${filters}; made ${new Date().toISOString()}\n`,
      );
    await sendGrowing(fh, dir, copy, () => written, res);
    res.end();
  } catch (e) {
    // A client that went away has nothing to be answered, and its stopped query is no error.
    if (signal.aborted) return;
    if (res.headersSent) res.destroy();
    throw e;
  } finally {
    await copy.catch(() => {});
    await fh.close();
    rmSync(dir, { recursive: true, force: true });
    underWay.delete(dir);
  }
}

export const exportCsv = (db: Database, f: Filters, dataSource: string, res: Response) =>
  exportFile(db, f, 'csv', dataSource, res);
export const exportParquet = (db: Database, f: Filters, dataSource: string, res: Response) =>
  exportFile(db, f, 'parquet', dataSource, res);
