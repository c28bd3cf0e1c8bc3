import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { once } from 'node:events';
import { dirname, join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { letterFiles } from './files.ts';
import { applySchema, buildDerived, DERIVED_VERSION, merge } from './load.ts';
import { Pool } from './pool.ts';
import { progress } from './progress.ts';
import { PHASES_ON, printPhases } from './phases.ts';
import type { Done, Job } from './worker.ts';

export interface Summary {
  files: number;
  new: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  letters: number;
  items: number;
  quarantined: number;
  seconds: number;
}

const BATCH = 256;

type Out = Record<'letters' | 'items' | 'quarantine', WriteStream>;

// What the database holds already: every file it has seen, with the hash it had, and whether
// its derived tables were built by this version of derived.sql.
async function known(dbPath: string): Promise<{ files: Map<string, string>; current: boolean }> {
  if (!existsSync(dbPath)) return { files: new Map(), current: false };
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const db = await instance.connect();
  try {
    // Streamed in chunks: a million rows read whole took 900 MB before the map was built.
    const files = new Map<string, string>();
    const result =
      await db.stream(`SELECT source_file, source_sha256 FROM letters UNION ALL SELECT source_file, source_sha256 FROM quarantine
      UNION ALL SELECT source_file, source_sha256 FROM duplicates`);
    for await (const rows of result.yieldRows())
      for (const [f, h] of rows) files.set(String(f), String(h));
    // A database older than derived_version has no such table.
    const current = await db.runAndReadAll('SELECT version FROM derived_version').then(
      (r) => r.getRows()[0]?.[0] === DERIVED_VERSION,
      () => false,
    );
    return { files, current };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

// Worker threads read, hash and parse every file under input; their rows go to NDJSON in stage.
async function parseAll(
  input: string,
  stage: string,
  known: Map<string, string>,
  s: Summary,
  o: Options,
): Promise<void> {
  const pool = new Pool(o.workers, o.fileTimeoutMs);
  const phases: Record<string, number> = {};
  const out = Object.fromEntries(
    ['letters', 'items', 'quarantine'].map((t) => [
      t,
      createWriteStream(join(stage, `${t}-0.ndjson`)),
    ]),
  ) as Out;
  const tick = o.quiet ? () => {} : progress(() => null);
  const pending = new Set<Promise<void>>();
  const take = async (d: Done) => {
    for (const k of ['new', 'changed', 'unchanged', 'quarantined'] as const) s[k] += d[k];
    s.letters += d.loaded;
    s.items += d.itemCount;
    for (const [k, v] of Object.entries(d.phases ?? {}))
      phases[k] = k.startsWith('peak') ? Math.max(phases[k] ?? 0, v) : (phases[k] ?? 0) + v;
    for (const t of ['letters', 'items', 'quarantine'] as const)
      if (d[t] && !out[t].write(d[t])) await once(out[t], 'drain');
    tick(s.files);
  };
  let batch: Job['files'] = [];
  const send = async () => {
    const p = pool
      .run({ files: batch })
      .then(take)
      .finally(() => pending.delete(p));
    batch = [];
    pending.add(p);
    // Keep every worker fed, and no more than two batches a worker in flight.
    if (pending.size >= 2 * pool.size) await Promise.race(pending);
  };
  try {
    for await (const path of letterFiles(input)) {
      s.files++;
      const source_file = relative(input, path);
      batch.push({ path, source_file, known: known.get(source_file) });
      if (batch.length >= BATCH) await send();
    }
    if (batch.length) await send();
    await Promise.all(pending);
  } finally {
    await Promise.all(Object.values(out).map((w) => new Promise((ok) => w.end(ok))));
    await pool.close();
  }
  if (!o.quiet) tick(s.files, true);
  if (PHASES_ON) printPhases(phases, s.files);
}

interface Options {
  quiet?: boolean;
  workers?: number;
  /** A file that takes longer than this to read is quarantined (default 60 s). */
  fileTimeoutMs?: number;
}

/**
 * Loads every letter under input into the database at dbPath. Worker threads read and parse;
 * their rows go to NDJSON files that DuckDB merges in one transaction. When something is new
 * or changed, the run builds a copy of the database and renames it over the old file only
 * when complete, so a reader never sees a half-loaded database and a killed run leaves the
 * old one exactly as it was. When nothing is, and its derived tables are this version's, the
 * database is not touched at all.
 */
export async function runEtl(input: string, dbPath: string, o: Options = {}): Promise<Summary> {
  const t0 = performance.now();
  mkdirSync(dirname(dbPath) || '.', { recursive: true });
  // Leftovers of a run that was killed are dropped; the database itself was never touched.
  const building = `${dbPath}.building`;
  const stage = `${dbPath}.stage`;
  for (const f of [building, `${building}.wal`, stage]) rmSync(f, { recursive: true, force: true });
  mkdirSync(stage);
  const s: Summary = {
    files: 0,
    new: 0,
    changed: 0,
    unchanged: 0,
    duplicates: 0,
    letters: 0,
    items: 0,
    quarantined: 0,
    seconds: 0,
  };
  try {
    const k = await known(dbPath);
    await parseAll(input, stage, k.files, s, o);
    k.files.clear(); // a million paths and hashes, not needed while DuckDB merges
    if (s.new + s.changed > 0 || !k.current) await mergeInto(dbPath, building, stage, input, s);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  s.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return s;
}

async function mergeInto(
  dbPath: string,
  building: string,
  stage: string,
  input: string,
  s: Summary,
): Promise<void> {
  if (existsSync(dbPath)) copyFileSync(dbPath, building);
  // DuckDB's share of the run's memory; what does not fit spills to the stage folder.
  const instance = await DuckDBInstance.create(building, {
    memory_limit: '640MB',
    temp_directory: stage,
  });
  const db = await instance.connect();
  try {
    await applySchema(db);
    s.duplicates = await merge(db, stage);
    s.letters -= s.duplicates;
    await db.run(
      'INSERT INTO runs SELECT now(), $input, (SELECT bool_and(synthetic) FROM letters), $files, $letters, $items, $quarantined',
      { input, files: s.files, letters: s.letters, items: s.items, quarantined: s.quarantined },
    );
    await buildDerived(db);
    await db.run('CHECKPOINT');
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  renameSync(building, dbPath);
}
