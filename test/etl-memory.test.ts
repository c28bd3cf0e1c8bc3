// The merge and derived tables under a small memory cap. A million letters once ran out of the
// ETL's 640 MB (then its default) in the merge; the cap against the size of the data is what failed, so here the
// cap shrinks (IMR_ETL_MEMORY) rather than the data growing: 100,000 letters in 192 MB, where
// the merge of 113c1c0 ran out of memory (2 runs of 2). Below about 60,000 letters DuckDB's fixed
// cost of writing wide tables (about 100 MB a thread) hides the difference.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { check, ROOT, rows, tempDir } from './helpers.ts';

const LETTERS = 100_000;
let corpus: string;
let small: string; // 300 letters
let services: number; // as the generator's truth says
beforeAll(async () => {
  small = tempDir();
  await generate(300, 11, small);
  corpus = tempDir();
  await generate(LETTERS, 11, corpus);
  const truth = readFileSync(join(corpus, 'truth.jsonl'), 'utf8').trim().split('\n');
  services = truth.reduce((n, line) => n + JSON.parse(line).items.length, 0);
}, 300_000);

describe('a build under a small memory cap', () => {
  it('loads 100,000 letters in 192 MB, every letter and service', async () => {
    const db = join(tempDir(), 'imr.duckdb');
    const s = await runEtl(corpus, db, { quiet: true, memory: '192MB' });
    expect(s.letters).toBe(LETTERS);
    const counts = await check(db);
    expect(counts).toMatchObject({ letters: LETTERS, items: services, facts: services });
    const [cubes] = await rows(db, 'SELECT sum(n)::INTEGER AS n FROM facet_cube');
    expect(cubes.n).toBe(services);
    expect(readdirSync(join(db, '..'))).toEqual(['imr.duckdb']);
  }, 300_000);

  it('a build that runs out of memory says what it needs and leaves nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'imr.duckdb');
    const run = runEtl(small, db, { quiet: true, memory: '16MB' });
    await expect(run).rejects.toThrow(/Out of Memory[^]*needs about [\d.]+ GB of free disk/);
    expect(readdirSync(dir)).toEqual([]);
  }, 180_000);
});

describe('IMR_ETL_MEMORY', () => {
  const etl = (memory: string, db: string) =>
    promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'etl', 'cli', 'etl.ts'), '--input', small, '--db', db],
      { cwd: ROOT, env: { ...process.env, IMR_ETL_MEMORY: memory } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );

  it.each(['lots', '8MB', '640'])(
    '%s: one line naming it, status 2, nothing written',
    async (m) => {
      const dir = tempDir();
      const r = await etl(m, join(dir, 'imr.duckdb'));
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`IMR_ETL_MEMORY="${m}"`);
      expect(lines[0]).toContain('at least 16MB');
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});
