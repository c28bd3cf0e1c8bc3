import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate } from '../etl/generate/index.ts';
import { Random } from '../etl/generate/random.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { writeParquet } from '../etl/pipeline/parquet.ts';
import { ROOT, check, tempDir } from './helpers.ts';

/** Runs the ETL CLI in a child process and SIGKILLs it after `ms`; resolves when it is gone. */
function killAfter(input: string, db: string, ms: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'etl', 'cli', 'etl.ts'), '--input', input, '--db', db],
    { stdio: 'ignore', cwd: ROOT },
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((ok) =>
    child.on('exit', () => {
      clearTimeout(timer);
      ok();
    }),
  );
}

describe('ETL crash safety', () => {
  it('leaves the old database whole, or the new one, when killed at any of twenty moments', async () => {
    const corpus = tempDir();
    await generate(1500, 21, join(corpus, 'a'));
    const db = join(tempDir(), 'imr.duckdb');
    await runEtl(join(corpus, 'a'), db, { quiet: true });
    const before = await check(db);
    await generate(1500, 22, join(corpus, 'b'));
    // What a completed run over both folders gives, measured on a copy.
    const copy = join(tempDir(), 'copy.duckdb');
    copyFileSync(db, copy);
    await runEtl(corpus, copy, { quiet: true });
    const after = await check(copy);
    expect(after.letters).toBeGreaterThan(before.letters);
    const states: string[] = [];
    // Twenty kills at moments spread over a run: starting up, parsing, merging, renaming.
    const r = new Random(3);
    for (const ms of Array.from({ length: 20 }, (_, k) =>
      k < 4 ? 300 + k * 600 : r.int(200, 7000),
    )) {
      await killAfter(corpus, db, ms);
      const now = await check(db);
      // Either nothing of the killed run is there, or all of it is: never a mix.
      expect([before, after]).toContainEqual(now);
      states.push(now.letters === before.letters ? 'old' : 'new');
    }
    expect(states).toContain('old');
    // A run that is allowed to finish completes what the killed ones began.
    await runEtl(corpus, db, { quiet: true });
    expect(await check(db)).toEqual(after);
    expect(existsSync(`${db}.building`)).toBe(false);
    expect(existsSync(`${db}.stage`)).toBe(false);
  }, 300_000);
});

describe('Parquet export', () => {
  it('writes letters and items partitioned by decision year, readable as one data set', async () => {
    const corpus = tempDir();
    await generate(300, 5, corpus);
    const db = join(tempDir(), 'imr.duckdb');
    const s = await runEtl(corpus, db, { quiet: true });
    const out = tempDir();
    await writeParquet(db, out);
    expect(existsSync(join(out, 'letters', 'decision_year=2016'))).toBe(true);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const n = async (what: string) =>
      Number(
        (
          await conn.runAndReadAll(
            `SELECT count(*) FROM read_parquet($p, hive_partitioning = true)`,
            { p: join(out, what, '*', '*.parquet') },
          )
        ).getRows()[0][0],
      );
    expect(await n('letters')).toBe(s.letters);
    expect(await n('items')).toBe(s.items);
    conn.closeSync();
    instance.closeSync();
  });
});
