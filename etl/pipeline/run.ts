import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  type WriteStream,
} from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { unmappedLabels, type Unmapped } from '../dmhc/report.ts';
import { isCsv, stageCsv } from '../dmhc/stage.ts';
import { diskNeeds, removeBuild } from './leftovers.ts';
import { bytesOf } from '../../cli/values.ts';
import { ETL_MEMORY } from './memory.ts';
import type { CaseBatch } from '../dmhc/rows.ts';
import { countLetterFiles, letterFiles } from './files.ts';
import { buildDerived } from '../../warehouse/build-derived.ts';
import { merge } from './merge.ts';
import { applySchema, schemaOf, SCHEMA_VERSION } from '../../warehouse/schema.ts';
import { upgrade } from './upgrade.ts';
import { UsageError } from '../../cli/flags.ts';
import { Pool } from './pool.ts';
import { progress } from '../../cli/progress.ts';
import { staleTexts } from './reparse.ts';
import { known, type Known } from './known.ts';
import { PARSER_VERSION } from './version.ts';
import { PHASES_ON, printPhases, traceStatements } from './phases.ts';
import type { Done, Job } from './worker.ts';
import { applyStateCoding, type StateCoding } from '../state-coding/apply.ts';
import { hasManifest } from '../state-coding/manifest.ts';
import { dropReplaced } from '../state-coding/metadata-load.ts';

export interface Summary {
  files: number;
  new: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  letters: number;
  items: number;
  quarantined: number;
  /** Letters another parser version read, parsed again from their stored text. */
  reparsed: number;
  /** Unchanged files another parser version quarantined, read again. */
  retried: number;
  seconds: number;
  /** The schema version of the database this run upgraded, if it did. */
  upgraded?: number;
  /** How the services matched the state's rows, when input holds a fetch manifest. */
  state?: StateCoding | null;
  /** DMHC labels on none of the importer's lists, when the database was rebuilt. */
  unmapped?: Unmapped[];
}

const BATCH = 256;

type Out = Record<'letters' | 'items' | 'quarantine', WriteStream>;

// Worker threads read, hash and parse every letter under input, and this thread streams every
// CSV (DMHC open data); their rows go to NDJSON in stage.
async function parseAll(
  input: string | null,
  dbPath: string,
  stage: string,
  known: Known,
  s: Summary,
  o: Options,
): Promise<void> {
  const version = o.parserVersion ?? PARSER_VERSION;
  const touched = new Set<string>();
  const pool = new Pool(o.workers, o.fileTimeoutMs);
  const phases: Record<string, number> = {};
  const out = Object.fromEntries(
    ['letters', 'items', 'quarantine'].map((t) => [
      t,
      createWriteStream(join(stage, `${t}-0.ndjson`)),
    ]),
  ) as Out;
  // The count walks the folder beside the run (the walk is cheap); until it is done the bar
  // shows the files done without a total.
  let total: number | null = null;
  const counted =
    o.quiet || !input
      ? Promise.resolve()
      : countLetterFiles(input).then(
          (n) => void (total = n),
          () => {},
        );
  const tick = o.quiet || !input ? () => {} : progress(() => total);
  const pending = new Set<Promise<void>>();
  const take = async (d: Done) => {
    for (const k of ['new', 'changed', 'unchanged', 'quarantined', 'reparsed', 'retried'] as const)
      s[k] += d[k];
    for (const f of d.touched) touched.add(f);
    s.letters += d.loaded;
    s.items += d.itemCount;
    for (const [k, v] of Object.entries(d.phases ?? {}))
      phases[k] = k.startsWith('peak') ? Math.max(phases[k] ?? 0, v) : (phases[k] ?? 0) + v;
    for (const t of ['letters', 'items', 'quarantine'] as const)
      if (d[t] && !out[t].write(d[t])) await once(out[t], 'drain');
    tick(s.files);
  };
  const batch: NonNullable<Job['files']> = [];
  const send = async (job: Omit<Job, 'version'>) => {
    const p = pool
      .run({ ...job, version, stage })
      .then(take)
      .finally(() => pending.delete(p));
    pending.add(p);
    // Keep every worker fed, and no more than two batches a worker in flight.
    if (pending.size >= 2 * pool.size) await Promise.race(pending);
  };
  try {
    for await (const path of input ? letterFiles(input) : []) {
      s.files++;
      const source_file = relative(input ?? '', path);
      if (isCsv(path)) {
        // A CSV holds many cases: this thread streams it, the workers read its rows.
        const cases = (batch: CaseBatch) => send({ cases: batch });
        const was = known.retry.has(source_file) ? 'retry' : known.files.get(source_file);
        s[await stageCsv(path, source_file, was, version, { send: cases, take })]++;
        continue;
      }
      const retry = known.retry.has(source_file);
      batch.push({ path, source_file, known: known.files.get(source_file), retry });
      if (batch.length >= BATCH) await send({ files: batch.splice(0), listTouched: !!known.stale });
    }
    if (batch.length) await send({ files: batch, listTouched: !!known.stale });
    await Promise.all(pending);
    // Letters an older parser read are parsed again from the text the database holds.
    if (known.stale)
      for await (const texts of staleTexts(dbPath, version, touched, BATCH)) await send({ texts });
    await Promise.all(pending);
  } finally {
    await Promise.all(Object.values(out).map((w) => new Promise((ok) => w.end(ok))));
    await pool.close();
  }
  await counted;
  tick(s.files, true);
  if (PHASES_ON) printPhases(phases, s.files);
}

interface Options {
  quiet?: boolean;
  workers?: number;
  /** The parser version rows record; tests inject one to stand for a changed parser. */
  parserVersion?: string;
  /** A file that takes longer than this to read is quarantined (default 60 s). */
  fileTimeoutMs?: number;
  /** DuckDB's memory for the merge (IMR_ETL_MEMORY); what does not fit spills to disk. */
  memory?: string;
}

/**
 * Loads every letter under input into the database at dbPath. Worker threads read and parse;
 * their rows go to NDJSON files that DuckDB merges in one transaction. When something is new
 * or changed, the run builds a copy of the database and renames it over the old file only
 * when complete, so a reader never sees a half-loaded database and a killed run leaves the
 * old one exactly as it was. When nothing is, and its derived tables are this version's, the
 * database is not touched at all.
 */
export async function runEtl(
  input: string | null,
  dbPath: string,
  o: Options = {},
): Promise<Summary> {
  const t0 = performance.now();
  mkdirSync(dirname(dbPath) || '.', { recursive: true });
  const building = `${dbPath}.building`;
  const stage = `${dbPath}.stage`;
  // What a killed run left is dropped; the database itself was never touched.
  const left = removeBuild(dbPath);
  if (left.length && !o.quiet) console.warn(`removed what an earlier run left: ${left.join(', ')}`);
  const schema = await schemaOf(dbPath);
  if (schema.kind === 'foreign')
    throw new UsageError(
      `--db ${JSON.stringify(dbPath)} holds another program's tables, not letters`,
    );
  if (schema.kind === 'newer')
    throw new UsageError(
      `--db ${JSON.stringify(dbPath)} was built by a newer release (schema ${schema.version}; ` +
        `this one reads ${SCHEMA_VERSION}): update IMR Outcomes to load into it`,
    );
  const memory = o.memory ?? ETL_MEMORY.default;
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
    reparsed: 0,
    retried: 0,
    seconds: 0,
  };
  try {
    // A database of an earlier release is rebuilt into today's schema first (etl/pipeline/upgrade.ts); the
    // run then reads from that copy, and renames it over the database only when all is done.
    const source = schema.kind === 'older' ? building : dbPath;
    if (schema.kind === 'older') {
      if (!o.quiet) console.log(upgrading(dbPath, schema.version));
      await upgrade(dbPath, building, memory);
      s.upgraded = schema.version;
    }
    const k = await known(source, o.parserVersion ?? PARSER_VERSION);
    await parseAll(input, source, stage, k, s, o);
    k.files.clear(); // a million paths and hashes, not needed while DuckDB merges
    // The parse's garbage, collected before DuckDB takes its share (`npm run etl` exposes gc):
    // 1,000,000 DMHC rows peaked at 1,146 MB of RSS with it, at 1,274 MB without.
    (globalThis as { gc?: () => void }).gc?.();
    // A manifest may have changed without any letter changing: its coding is applied again.
    const manifest = input !== null && hasManifest(input);
    if (s.new + s.changed + s.reparsed + s.retried > 0 || !k.current || manifest || s.upgraded)
      await mergeInto(source, dbPath, stage, input, s, memory);
  } catch (e) {
    if (e instanceof Error) e.message += `\n${diskNeeds(dbPath, stage)}`;
    throw e;
  } finally {
    removeBuild(dbPath);
  }
  s.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return s;
}

async function mergeInto(
  source: string,
  dbPath: string,
  stage: string,
  input: string | null,
  s: Summary,
  memory: string,
): Promise<void> {
  const building = `${dbPath}.building`;
  if (source === dbPath && existsSync(dbPath)) copyFileSync(dbPath, building);
  // DuckDB's share of the run's memory; what does not fit spills to the stage folder.
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: memory,
    temp_directory: stage,
    preserve_insertion_order: 'false',
    threads: String(threadsFor(memory)),
  });
  const db = await instance.connect();
  traceStatements(db);
  try {
    // Row groups of 16,384 rows, not DuckDB's 122,880: a group of long texts is held whole
    // until it is written. 1,000,000 DMHC rows: 64.6 s and 1,130 MB of peak RSS, against 71.0 s
    // and 1,945 MB. The cost: an unfiltered page of services at a million letters took 89 ms
    // instead of 56 (the size is the database's, not one table's).
    await db.run(`ATTACH '${building.replace(/'/g, "''")}' AS building (ROW_GROUP_SIZE 16384)`);
    await db.run('USE building');
    await applySchema(db);
    await dropReplaced(db, stage);
    s.duplicates = await merge(db, stage);
    s.letters -= s.duplicates;
    s.state = await applyStateCoding(db, input, stage);
    await db.run(
      'INSERT INTO runs SELECT now(), $input, (SELECT bool_and(synthetic) FROM letters), $files, $letters, $items, $quarantined',
      { input, files: s.files, letters: s.letters, items: s.items, quarantined: s.quarantined },
    );
    await db.run('CHECKPOINT');
    await buildDerived(db);
    s.unmapped = await unmappedLabels(db);
    await db.run('CHECKPOINT');
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  renameSync(building, dbPath);
}

const upgrading = (db: string, from: number) =>
  `upgrading ${db} from schema ${from} to ${SCHEMA_VERSION}: its letters are parsed again from the text it holds`;

/**
 * DuckDB's threads for the merge: one a core, but one for each 256 MB of its memory at most.
 * Each thread that writes a table keeps buffers of its own for every column: writing facts (86
 * columns) took about 100 MB a thread whatever the size of the data, so 100,000 letters failed
 * in 192 MB on 2 threads and loaded on 1.
 */
function threadsFor(memory: string): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.floor((bytesOf(memory) ?? 0) / 256e6)));
}
