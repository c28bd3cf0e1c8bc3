import { readdirSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { createApp } from '../server/http/app.ts';
import { Database } from '../server/db/database.ts';
import { listen } from '../server/start/listen.ts';
import { tempDir } from './helpers.ts';

// Far shorter than any export of this database takes: exports have no time limit.
const TIMEOUT_MS = 100;
// Each of 200 generated letters' services, this many times over: about a million rows.
const COPIES = 2000;

const exportsDir = tempDir();
const savedTmp = process.env.TMPDIR;
let services = 0;
let db: Database;
let server: Server;
let url = '';
const errors = vi.spyOn(console, 'error');

/** A database file of generated letters whose facts table is repeated COPIES times. */
async function bigDatabase(): Promise<string> {
  const corpus = tempDir();
  await generate(200, 11, corpus);
  const path = join(tempDir(), 'imr.duckdb');
  await runEtl(corpus, path);
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(`CREATE OR REPLACE TABLE facts AS SELECT f.* FROM range(${COPIES}), facts f`);
  const [r] = (
    await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM facts')
  ).getRowObjectsJson();
  services = Number(r.n);
  conn.closeSync();
  instance.closeSync();
  return path;
}

beforeAll(async () => {
  // One statement at a time, so that a statement still running keeps the next one waiting.
  db = new Database(await bigDatabase(), TIMEOUT_MS, 0, 1);
  // The exports' temporary folders are made here, where the tests can watch them.
  process.env.TMPDIR = exportsDir;
  server = listen(createApp(db, tempDir()), 0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  process.env.TMPDIR = savedTmp;
  await new Promise((ok) => server.close(ok));
  db.close();
});

const exportFolders = () => readdirSync(exportsDir).filter((d) => d.startsWith('imr-export-'));

/** Rows in a file DuckDB reads with read, and the time the download took. */
async function download(kind: 'csv' | 'parquet', read: string) {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/export.${kind}`);
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  const file = join(tempDir(), `x.${kind}`);
  writeFileSync(file, body);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const [r] = (
    await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${read}($f)`, { f: file })
  ).getRowObjectsJson();
  conn.closeSync();
  instance.closeSync();
  return { rows: Number(r.n), ms };
}

describe('an export that takes longer than the query time limit', () => {
  it('finishes as a complete Parquet file', async () => {
    const { rows, ms } = await download('parquet', 'read_parquet');
    expect(ms).toBeGreaterThan(TIMEOUT_MS);
    expect(rows).toBe(services);
  });

  it('finishes as a complete CSV file', async () => {
    const { rows, ms } = await download('csv', 'read_csv');
    expect(ms).toBeGreaterThan(TIMEOUT_MS);
    expect(rows).toBe(services);
  });

  it('while a query that runs longer is stopped, as the premise of these tests', async () => {
    const err = await db
      .query('SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3')
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(`ran longer than ${TIMEOUT_MS} ms`);
  });
});

/** Bytes the export under way has written to its temporary file so far. */
const written = () =>
  exportFolders()
    .flatMap((d) => readdirSync(join(exportsDir, d), { withFileTypes: true }))
    .reduce((n, f) => n + statSync(join(f.parentPath, f.name)).size, 0);

/**
 * How long after the client goes away (once begun resolves) the export's temporary folder is
 * gone and the next statement has run, against a whole export's time.
 */
async function goAway(
  kind: 'csv' | 'parquet',
  begun: (answered: Promise<Response>) => Promise<unknown>,
) {
  const whole = (await download(kind, kind === 'csv' ? 'read_csv' : 'read_parquet')).ms;
  const client = new AbortController();
  const answered = fetch(`${url}/api/export.${kind}`, { signal: client.signal });
  answered.catch(() => {});
  await begun(answered);
  client.abort();
  const t0 = performance.now();
  await vi.waitFor(() => expect(exportFolders()).toEqual([]), { timeout: 20_000, interval: 5 });
  const removed = performance.now() - t0;
  // There is one turn: this runs only once the export has let go of it.
  await db.query('SELECT 1 AS x');
  return { whole, removed, next: performance.now() - t0 };
}

describe('a client that goes away mid-export', () => {
  it('stops a Parquet export being written: its folder is removed and its turn freed at once', async () => {
    // The answer comes once the file is whole, so the client leaves while the writer writes.
    const t = await goAway('parquet', () =>
      vi.waitFor(() => expect(written()).toBeGreaterThan(0), { timeout: 20_000, interval: 5 }),
    );
    // Left to run, the writer would take most of a whole export's time.
    expect(t.removed).toBeLessThan(t.whole / 4);
    expect(t.next).toBeLessThan(t.whole / 4);
  });

  it('stops a CSV export being sent: its turn is freed at once', async () => {
    const t = await goAway('csv', async (answered) => {
      const res = await answered;
      expect(res.status).toBe(200);
      expect((await res.body!.getReader().read()).value?.length).toBeGreaterThan(0);
    });
    // Left to run, the writer took 2 s of a 5 s download (the rest is sending and reading).
    expect(t.next).toBeLessThan(t.whole / 10);
  });

  it('logs no error', () => {
    expect(errors).not.toHaveBeenCalled();
  });
});
