import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'express';
import Papa from 'papaparse';
import type { Database } from './db.ts';
import { whereClause, type Filters } from './filters.ts';

const COLUMNS = `f.letter_id, f.item_no, f.treatment, f.decision, f.category, f.subcategory,
  array_to_string(f.guideline_sources, '; ') AS guideline_sources, array_to_string(f.mtus_chapters, '; ') AS mtus_chapters,
  f.body_region, f.quantity, f.retrospective, f.decision_date, f.date_of_injury, f.reviewer_specialty,
  array_to_string(f.reviewer_licensure, '; ') AS reviewer_licensure, f.patient_age, f.patient_gender, f.layout, f.synthetic`;
const ORDER = 'ORDER BY f.decision_date, f.letter_id, f.item_no';

/** The filters as a query string, to record with the file. */
export function describeFilters(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) for (const x of [v].flat()) if (x !== undefined) q.append(k, String(x));
  return q.toString();
}

/** A file name that says what the file holds, e.g. imr-services_category-Surgery_2026-11-26.csv */
export function fileName(f: Filters, ext: string): string {
  const parts = Object.entries(f).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}-${[v].flat().join('+')}`.replace(/[^A-Za-z0-9+.-]+/g, '-'));
  return `${['imr-services', ...parts].join('_').slice(0, 150)}_${new Date().toISOString().slice(0, 10)}.${ext}`;
}

// A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice).
const neutralise = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Streams every service under the filters as CSV, with the filters in a leading comment line. */
export async function exportCsv(db: Database, f: Filters, dataSource: string, res: Response): Promise<void> {
  const w = whereClause(f);
  let closed = false;
  res.on('close', () => { closed = true; });
  res.type('text/csv; charset=utf-8').attachment(fileName(f, 'csv'));
  res.write(`# IMR Outcomes services export; data: ${dataSource}; filters: ${describeFilters(f) || 'none'}; made ${new Date().toISOString()}\n`);
  let header = true;
  let fields: string[] = [];
  for await (const chunk of db.stream(`SELECT ${COLUMNS} FROM facts f ${w.sql} ${ORDER}`, w.params)) {
    if (closed) break;
    if (header) { fields = chunk as string[]; header = false; res.write(Papa.unparse([fields]) + '\r\n'); continue; }
    const rows = (chunk as unknown[][]).map((r) => r.map(neutralise));
    if (rows.length && !res.write(Papa.unparse({ fields, data: rows }, { header: false }) + '\r\n')) await once(res, 'drain');
  }
  res.end();
}

/** Writes every service under the filters as Parquet, with the filters in its key-value metadata. */
export async function exportParquet(db: Database, f: Filters, dataSource: string, res: Response): Promise<void> {
  const w = whereClause(f);
  const dir = mkdtempSync(join(tmpdir(), 'imr-export-'));
  const file = join(dir, 'export.parquet');
  try {
    await db.run(`COPY (SELECT ${COLUMNS} FROM facts f ${w.sql} ${ORDER}) TO '${file}'
      (FORMAT parquet, KV_METADATA {filters: $filters_text, data_source: $data_source})`,
      { ...w.params, filters_text: describeFilters(f) || 'none', data_source: dataSource });
    res.type('application/vnd.apache.parquet').attachment(fileName(f, 'parquet'));
    const stream = createReadStream(file);
    stream.pipe(res);
    await once(stream, 'close');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
