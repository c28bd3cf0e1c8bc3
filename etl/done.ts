import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** One file for a worker: where it is, its name in the database, the hash the database has. */
export interface FileJob {
  path: string;
  source_file: string;
  known?: string;
}
export interface Job {
  files: FileJob[];
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
});

/** Adds b's rows, counts and phase times to a. */
export function addDone(a: Done, b: Done): void {
  for (const k of ['letters', 'items', 'quarantine'] as const) a[k] += b[k];
  for (const k of ['new', 'changed', 'unchanged', 'loaded', 'itemCount', 'quarantined'] as const)
    a[k] += b[k];
  if (b.phases) {
    a.phases ??= {};
    for (const [k, v] of Object.entries(b.phases))
      a.phases[k] = k.startsWith('peak') ? Math.max(a.phases[k] ?? 0, v) : (a.phases[k] ?? 0) + v;
  }
}

/** Records a file that could not be loaded, with the reason the quarantine table gives. */
export function quarantine(d: Done, f: FileJob, sha: string, reason: string): void {
  d.quarantine += JSON.stringify({ source_file: f.source_file, source_sha256: sha, reason }) + '\n';
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
