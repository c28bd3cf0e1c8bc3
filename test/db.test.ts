import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { SCHEMA_HASH, SCHEMA_VERSION } from '../warehouse/schema.ts';
import { Database } from '../server/db/database.ts';
import { Admission } from '../server/db/admission.ts';
import { ResultCache } from '../server/db/cache.ts';
import { PerFile } from '../server/db/per-file.ts';
import { rerunnable, runOnce } from '../server/db/statement.ts';
import { HttpError } from '../server/http/errors.ts';
import { tempDir } from './helpers.ts';

/** A small database file of its own: table t with the numbers 1..n. */
/** A database file of this schema version (the server serves no other) holding t: 1..n. */
async function makeFile(path: string, n: number) {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE t AS SELECT range::INTEGER + 1 AS x FROM range(${n})`);
  await conn.run(
    `CREATE TABLE schema_version AS SELECT ${SCHEMA_VERSION} AS version, '${SCHEMA_HASH}' AS schema_hash`,
  );
  conn.closeSync();
  instance.closeSync();
}

const count = 'SELECT count(*)::INTEGER AS n FROM t';

describe('admission', () => {
  it('starts turns in order of arrival, at most max at once, and an alone turn with nothing else', async () => {
    // Short statements of seeded random lengths, one in seven alone, arriving ten at a time.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 4;
    const admission = new Admission(3);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const crowded: number[] = [];
    const statement = (i: number, alone: boolean) => async () => {
      started.push(i);
      if (alone && running > 0) crowded.push(i);
      running++;
      most = Math.max(most, running);
      await sleep(Math.floor(random()));
      running--;
    };
    const all: Promise<void>[] = [];
    for (let i = 0; i < 140; i++) {
      const alone = i % 7 === 3;
      all.push(alone ? admission.alone(statement(i, true)) : admission.turn(statement(i, false)));
      if (i % 10 === 9) await sleep(1);
    }
    await Promise.all(all);
    expect(started).toEqual(Array.from({ length: 140 }, (_, i) => i));
    expect(most).toBe(3);
    expect(crowded).toEqual([]);
  });

  it('frees every turn when an alone statement fails, and passes its error on', async () => {
    const admission = new Admission(2);
    const err = await admission
      .alone(() => Promise.reject(new Error('failed alone')))
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('failed alone');
    const both = await Promise.all([admission.turn(async () => 1), admission.turn(async () => 2)]);
    expect(both).toEqual([1, 2]);
  });

  it.each([0, -1, 2.5, NaN, Infinity])('refuses %s turns at once, naming the number', (max) => {
    expect(() => new Admission(max)).toThrow(new RegExp(`not ${max}`));
  });
});

describe('result cache', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

  it('keeps the most recent entries, a hit counting as recent', () => {
    const cache = new ResultCache(2);
    cache.set('a', {}, rows(1));
    cache.set('b', { v: 1 }, rows(2));
    expect(cache.get('a', {})).toEqual(rows(1));
    cache.set('c', {}, rows(3));
    expect([cache.get('a', {}), cache.get('b', { v: 1 }), cache.get('c', {})]).toEqual([
      rows(1),
      undefined,
      rows(3),
    ]);
    expect(cache.size).toBe(2);
  });

  it('tells results apart by their bound values, and keeps none over the row limit', () => {
    const cache = new ResultCache(5, 3);
    cache.set('q', { v: 1 }, rows(3));
    cache.set('q', { v: 2 }, rows(4));
    cache.set('q', { v: 3 }, rows(0));
    expect(cache.get('q', { v: 1 })).toEqual(rows(3));
    expect(cache.get('q', { v: 2 })).toBeUndefined();
    expect(cache.get('q', { v: 3 })).toEqual([]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('with no entries keeps nothing, and refuses a count that is not a whole number', () => {
    const cache = new ResultCache(0);
    cache.set('a', {}, rows(1));
    expect([cache.get('a', {}), cache.size]).toEqual([undefined, 0]);
    for (const bad of [-1, 1.5, NaN]) expect(() => new ResultCache(bad)).toThrow(/whole number/);
  });
});

describe('made once per file', () => {
  it('makes a key once, and again after it failed', async () => {
    const perFile = new PerFile();
    let made = 0;
    const make = async () => {
      if (++made === 1) throw new Error('first try fails');
      return made;
    };
    await expect(perFile.get('k', make)).rejects.toThrow('first try fails');
    expect(await perFile.get('k', make)).toBe(2);
    expect(await perFile.get('k', make)).toBe(2);
    perFile.clear();
    expect(await perFile.get('k', make)).toBe(3);
  });
});

describe('Database over a file the ETL swaps', () => {
  it('drops its results and what it made once when a new file is renamed over the old', async () => {
    const dir = tempDir();
    const path = join(dir, 'imr.duckdb');
    await makeFile(path, 5);
    await makeFile(join(dir, 'next.duckdb'), 8);
    const db = new Database(path);
    let made = 0;
    const once = () => db.once('n', async () => ++made);
    expect([await db.query(count), await once(), await once()]).toEqual([[{ n: 5 }], 1, 1]);
    expect(db.cached).toBe(1);
    renameSync(join(dir, 'next.duckdb'), path);
    expect(await once()).toBe(2);
    expect(db.cached).toBe(0);
    expect(await db.query(count)).toEqual([{ n: 8 }]);
    expect(await db.integers('SELECT x, x * 2 AS y FROM t ORDER BY x')).toEqual([
      Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
      Int32Array.from([2, 4, 6, 8, 10, 12, 14, 16]),
    ]);
    db.close();
  });

  it('does not keep for the new file rows read from the old one', async () => {
    const dir = tempDir();
    const path = join(dir, 'imr.duckdb');
    await makeFile(path, 5);
    await makeFile(join(dir, 'next.duckdb'), 8);
    // One turn, held by a statement that runs until its 1 s limit: the count queued behind it
    // has opened the old file and reads it only after the new one has been opened.
    const db = new Database(path, 1000, 10, 1);
    await db.once('the old file, opened', async () => 0);
    const slow = db.query('SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3');
    const old = db.query(count);
    renameSync(join(dir, 'next.duckdb'), path);
    await db.once('open the new file', async () => 0);
    expect(await slow.catch((e: HttpError) => e.status)).toBe(503);
    expect(await old).toEqual([{ n: 5 }]);
    expect(db.cached).toBe(0);
    expect(await db.query(count)).toEqual([{ n: 8 }]);
    expect(db.cached).toBe(1);
    db.close();
  });
});

describe('a statement that may be run again', () => {
  it('passes an error other than memory on as it is, without running again', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    let runs = 0;
    const err = await rerunnable(
      new Admission(2),
      instance,
      async (conn) => {
        runs++;
        await conn.run('SELECT no_such_column FROM range(3)');
      },
      { timeoutMs: 10_000 },
    ).catch((e: unknown) => e);
    instance.closeSync();
    expect(err).not.toBeInstanceOf(HttpError);
    expect((err as Error).message).toMatch(/no_such_column/);
    expect(runs).toBe(1);
  });

  it('runs again alone once after running out of memory, then answers 503', async () => {
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: '16MB',
      temp_directory: tempDir(),
    });
    const admission = new Admission(2);
    const runs: boolean[] = [];
    let others = 0;
    // Another statement holds a turn while the first attempt runs, and is done before the rerun.
    const other = admission.turn(async () => {
      others++;
      await sleep(50);
      others--;
    });
    const err = await rerunnable(
      admission,
      instance,
      async (conn) => {
        runs.push(others === 0);
        await conn.run(
          'SELECT count(*) FROM (SELECT x, count(*) FROM range(4000000) t(x) GROUP BY x)',
        );
      },
      { timeoutMs: 30_000 },
    ).catch((e: unknown) => e);
    await other;
    instance.closeSync();
    expect(runs).toEqual([false, true]);
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).message).toMatch(/narrow the filters/);
  });
});

describe('a statement whose client goes away', () => {
  const endless = 'SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3';

  it('is interrupted, with no time limit, rejects with the reason and frees its turn', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const admission = new Admission(1);
    const client = new AbortController();
    const run = runOnce(admission, instance, (conn) => conn.run(endless).then(() => {}), {
      signal: client.signal,
    });
    await sleep(100);
    client.abort(new Error('gone'));
    expect(await run.catch((e: Error) => e.message)).toBe('gone');
    expect(await admission.turn(async () => 'next')).toBe('next');
    instance.closeSync();
  });

  it('never starts if its client went away while it waited its turn', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const admission = new Admission(1);
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const holder = admission.turn(() => held);
    const client = new AbortController();
    let started = false;
    const run = rerunnable(
      admission,
      instance,
      async () => {
        started = true;
      },
      { timeoutMs: 10_000, signal: client.signal },
    );
    client.abort(new Error('gone'));
    release();
    await holder;
    expect(await run.catch((e: Error) => e.message)).toBe('gone');
    expect(started).toBe(false);
    instance.closeSync();
  });
});
