import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { CaseBatch } from '../dmhc/rows.ts';

/**
 * One file for a worker: where it is, its name in the database, the hash the database has;
 * `retry` re-reads one quarantined by another parser version even if unchanged.
 */
export interface FileJob {
  path: string;
  source_file: string;
  known?: string;
  retry?: boolean;
}
/** A letter to parse again from the text the database holds, without reading its file. */
export interface TextJob {
  source_file: string;
  source_sha256: string;
  full_text: string;
  pdf_engine: string | null;
}
export interface Job {
  files?: FileJob[];
  texts?: TextJob[];
  /** Rows of a DMHC IMR CSV, which this thread streamed (etl/dmhc/stage.ts). */
  cases?: CaseBatch;
  /** The parser version the rows record (PARSER_VERSION unless a test injects another). */
  version: string;
  /** Return the source files read, so a run does not also re-parse them from stored text. */
  listTouched?: boolean;
  /**
   * The run's stage folder: the worker appends its rows to NDJSON files of its own there and
   * returns only counts, rather than handing every text back to the main thread to write.
   */
  stage?: string;
}
/** What a worker made of a batch: NDJSON for each table, and counts. */
export interface Done {
  letters: string;
  items: string;
  quarantine: string;
  new: number;
  changed: number;
  unchanged: number;
  loaded: number;
  itemCount: number;
  quarantined: number;
  reparsed: number;
  retried: number;
  touched: string[];
  /** Milliseconds spent in each phase, when IMR_PHASES is set. */
  phases?: Record<string, number>;
}

export const emptyDone = (): Done => ({
  letters: '',
  items: '',
  quarantine: '',
  new: 0,
  changed: 0,
  unchanged: 0,
  loaded: 0,
  itemCount: 0,
  quarantined: 0,
  reparsed: 0,
  retried: 0,
  touched: [],
});

/** Adds b's rows, counts and phase times to a. */
export function addDone(a: Done, b: Done): void {
  for (const k of ['letters', 'items', 'quarantine'] as const) a[k] += b[k];
  const counts = ['new', 'changed', 'unchanged', 'loaded', 'itemCount', 'quarantined'] as const;
  for (const k of [...counts, 'reparsed', 'retried'] as const) a[k] += b[k];
  a.touched.push(...b.touched);
  if (b.phases) {
    a.phases ??= {};
    for (const [k, v] of Object.entries(b.phases))
      a.phases[k] = k.startsWith('peak') ? Math.max(a.phases[k] ?? 0, v) : (a.phases[k] ?? 0) + v;
  }
}

/** Records a file that could not be loaded, with the reason the quarantine table gives. */
export function quarantine(
  d: Done,
  source_file: string,
  source_sha256: string,
  reason: string,
  parser_version: string | null,
): void {
  d.quarantine += JSON.stringify({ source_file, source_sha256, reason, parser_version }) + '\n';
  d.quarantined++;
}

/** SHA-256 of a file read a piece at a time, so a file of any size is never held whole. */
export function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
