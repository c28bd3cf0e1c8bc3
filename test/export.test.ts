import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { startServer } from './server.ts';
import { tempDir } from './helpers.ts';
import { Database } from '../server/db/database.ts';
import { HttpError } from '../server/http/errors.ts';
import { summary } from '../server/queries/summary.ts';

let srv: Awaited<ReturnType<typeof startServer>>;
const FORMULAS = readFileSync(
  join(import.meta.dirname, 'fixtures', 'header-2016-formulas.txt'),
  'utf8',
);
beforeAll(async () => {
  srv = await startServer(300, { extra: { 'formulas.txt': FORMULAS } });
});
afterAll(() => srv.close());

const csv = async (query: string) => {
  const res = await fetch(`${srv.url}/api/export.csv?${query}`);
  const text = await res.text();
  const [comment, ...rest] = text.split('\n');
  const parsed = Papa.parse<Record<string, string>>(rest.join('\n'), {
    header: true,
    skipEmptyLines: true,
  });
  return { res, comment, rows: parsed.data, errors: parsed.errors };
};

describe('GET /api/export.csv', () => {
  it('streams every service under the filters, names the file after them and records them', async () => {
    const { res, comment, rows, errors } = await csv('category=Pharmaceuticals&decision=Upheld');
    const summary = await (
      await fetch(`${srv.url}/api/summary?category=Pharmaceuticals&decision=Upheld`)
    ).json();
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="?imr-services_category-Pharmaceuticals_decision-Upheld_\d{4}-\d\d-\d\d\.csv/,
    );
    expect(comment).toMatch(
      /^# IMR Outcomes services export; data: synthetic; filters: category=Pharmaceuticals&decision=Upheld;/,
    );
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(summary.items);
    expect(
      rows.every(
        (r) =>
          r.category === 'Pharmaceuticals' && r.decision === 'Upheld' && r.synthetic === 'true',
      ),
    ).toBe(true);
  });

  it('exports everything with no row limit', async () => {
    const { rows } = await csv('');
    const summary = await (await fetch(`${srv.url}/api/summary`)).json();
    expect(rows).toHaveLength(summary.items);
    expect(new Set(rows.map((r) => `${r.letter_id}/${r.item_no}`)).size).toBe(summary.items);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { rows } = await csv('letter_id=CM18-0066666');
    expect(rows.map((r) => r.treatment)).toEqual([
      '\'=HYPERLINK("http://example.invalid","acupuncture")',
      "'+1 acupuncture session",
      "'@SUM(1,2) acupuncture",
      "'-2 sessions of acupuncture",
    ]);
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(Object.values(r).join('')))).toBe(true);
  });
});

describe('GET /api/export.parquet', () => {
  it('writes every service under the filters with the filters in the file metadata', async () => {
    const res = await fetch(`${srv.url}/api/export.parquet?treatment=acupuncture`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /imr-services_treatment-acupuncture_.*\.parquet/,
    );
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const file = join(tempDir(), 'x.parquet');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const summary = await (await fetch(`${srv.url}/api/summary?treatment=acupuncture`)).json();
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const [count] = (
      await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM read_parquet($f)', { f: file })
    ).getRowObjectsJson();
    const meta = (
      await conn.runAndReadAll(
        'SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata($f) ORDER BY k',
        { f: file },
      )
    ).getRowObjectsJson();
    conn.closeSync();
    instance.closeSync();
    expect(count.n).toBe(summary.items);
    expect(meta).toEqual([
      { k: 'data_source', v: 'synthetic' },
      { k: 'filters', v: 'treatment=acupuncture' },
    ]);
  });
});

describe('query time limit', () => {
  it('interrupts a query that runs too long and answers 503 without SQL', async () => {
    const db = new Database(srv.dbPath, 200);
    const t0 = performance.now();
    const err = await db
      .query('SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3')
      .catch((e: unknown) => e);
    db.close();
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).message).toMatch(/ran longer than 200 ms/);
    expect((err as HttpError).message).not.toMatch(/SELECT|range/);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});

describe('memory', () => {
  // Each counts 500,000 groups: in 16 MB one fits alone, and two of four at once ran out.
  const heavy = (i: number) =>
    `SELECT count(*)::INTEGER AS n, ${i} AS i FROM (SELECT x % 500000 AS k, count(*) FROM range(2000000) t(x) GROUP BY k)`;

  it('runs again alone a query that ran out of memory beside others', async () => {
    const db = new Database(srv.dbPath, 10_000, 0, 4, '16MB');
    const answers = await Promise.all([0, 1, 2, 3].map((i) => db.query(heavy(i))));
    db.close();
    expect(answers.map(([r]) => r.n)).toEqual([500000, 500000, 500000, 500000]);
  });

  it('answers 503 saying to narrow the filters when a query runs out of memory alone', async () => {
    const db = new Database(srv.dbPath, 10_000, 0, 4, '16MB');
    const err = await db
      .query('SELECT count(*) FROM (SELECT x AS k, count(*) FROM range(4000000) t(x) GROUP BY k)')
      .catch((e: unknown) => e);
    db.close();
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).message).toMatch(/narrow the filters/);
    expect((err as HttpError).message).not.toMatch(/Out of Memory|range/);
  });
});

describe('the database file', () => {
  const letters = async (db: Database) =>
    Number((await db.query('SELECT count(*)::INTEGER AS n FROM letters'))[0].n);

  it('built by another version answers 503 saying to run the ETL, not a server error', async () => {
    const path = join(tempDir(), 'imr.duckdb');
    copyFileSync(srv.dbPath, path);
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run("UPDATE derived_version SET version = 'older'");
    conn.closeSync();
    instance.closeSync();
    const db = new Database(path);
    const err = await summary(db, {}).catch((e: unknown) => e);
    db.close();
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).message).toMatch(/another version.*npm run etl/);
  });

  it('not there yet answers 503 saying to load letters', async () => {
    const db = new Database(join(tempDir(), 'none.duckdb'));
    const err = await summary(db, {}).catch((e: unknown) => e);
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).message).toMatch(/not there yet.*npm run etl/);
  });

  it('is reopened when the ETL renames a new file over it, without a restart and without stale results', async () => {
    const dir = tempDir();
    const path = join(dir, 'imr.duckdb');
    copyFileSync(srv.dbPath, path);
    const db = new Database(path);
    const before = await letters(db);
    expect(await letters(db)).toBe(before);
    expect(db.cached).toBe(1);
    // A new file, as the ETL builds it, with ten letters fewer, renamed over the old one.
    copyFileSync(srv.dbPath, join(dir, 'next.duckdb'));
    const next = await DuckDBInstance.create(join(dir, 'next.duckdb'));
    const conn = await next.connect();
    await conn.run(
      'DELETE FROM letters WHERE letter_id IN (SELECT letter_id FROM letters ORDER BY letter_id LIMIT 10)',
    );
    conn.closeSync();
    next.closeSync();
    renameSync(join(dir, 'next.duckdb'), path);
    expect(await letters(db)).toBe(before - 10);
    db.close();
  });

  it('keeps only the most recent results', async () => {
    const db = new Database(srv.dbPath, 10_000, 2);
    const first = await db.query('SELECT letter_id FROM letters ORDER BY letter_id LIMIT 3');
    await db.query('SELECT 1 AS x');
    await db.query('SELECT 2 AS x');
    expect(db.cached).toBe(2);
    expect(await db.query('SELECT letter_id FROM letters ORDER BY letter_id LIMIT 3')).toEqual(
      first,
    );
    expect(db.cached).toBe(2);
    db.close();
  });
});
