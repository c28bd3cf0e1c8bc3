import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../etl/generate/index.ts';
import { makeFuzzCorpus } from '../etl/generate/fuzz.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { ROOT, check, rows, tempDir } from './helpers.ts';

describe('ETL under bad input', () => {
  it('quarantines each of 1,100 malformed inputs with its reason, loads every good letter, and loses nothing', async () => {
    const db = join(tempDir(), 'imr.duckdb');
    const before = tempDir();
    await generate(200, 31, before);
    await runEtl(before, db, { quiet: true });
    const old = await rows(db, 'SELECT letter_id, item_count FROM letters ORDER BY letter_id');

    const input = tempDir();
    await generate(300, 32, join(input, 'good'));
    const cases = makeFuzzCorpus(join(input, 'fuzz'), 7);
    // Letters that lost a paragraph but not their decisions load, flagged: about 50 of the 1,100.
    expect(cases.filter((c) => c.expect === 'quarantine').length).toBeGreaterThanOrEqual(790);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const s = await runEtl(input, db, { quiet: true });
    const bad = cases.filter((c) => c.expect === 'quarantine');
    const reasons = new Map(
      (await rows(db, 'SELECT source_file, reason FROM quarantine')).map((x) => [
        String(x.source_file),
        String(x.reason),
      ]),
    );
    const loaded = new Map(
      (await rows(db, 'SELECT source_file, item_count FROM letters')).map((x) => [
        String(x.source_file),
        Number(x.item_count),
      ]),
    );
    for (const c of cases) {
      const file = join('fuzz', c.file);
      if (c.expect === 'quarantine')
        expect(reasons.get(file), `${c.kind}: ${c.file}`).toMatch(c.reason!);
      else expect(loaded.get(file), `${c.kind}: ${c.file} should load`).toBe(c.items);
    }
    expect([...loaded.keys()].filter((f) => f.startsWith('good/')).length).toBe(300);
    expect(s.quarantined).toBe(bad.length);
    // What the earlier run loaded is still there, unchanged.
    const ids = old.map((x) => String(x.letter_id));
    const still = await rows(
      db,
      `SELECT letter_id, item_count FROM letters WHERE letter_id IN (${ids.map((i) => `'${i}'`).join(',')}) ORDER BY letter_id`,
    );
    expect(still).toEqual(old);
    expect((await check(db)).orphans).toBe(0);
  });
});

describe('ETL under a full disk', () => {
  it('fails without harming the database when a write runs out of room', async () => {
    const db = join(tempDir(), 'imr.duckdb');
    const first = tempDir();
    await generate(300, 41, first);
    await runEtl(first, db, { quiet: true });
    const before = await check(db);
    const more = tempDir();
    await generate(3000, 42, more);
    // The size limit lets the copy of the database through, then stops the run's own writes.
    const kb = Math.ceil(statSync(db).size / 1024) + 512;
    const run = spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f ${kb}; exec "${process.execPath}" --import tsx etl/cli/etl.ts --input "${more}" --db "${db}"`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status === 0 && run.signal === null).toBe(false);
    expect(await check(db)).toEqual(before);
    // With room again, the same run completes.
    const s = await runEtl(more, db, { quiet: true });
    expect(s.letters).toBeGreaterThan(2900);
  });
});
