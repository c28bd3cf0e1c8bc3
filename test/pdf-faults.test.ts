import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { rows, tempDir } from './helpers.ts';

const DMHC_HEADER = [
  'Reference ID,Report Year,Diagnosis Category,Diagnosis Sub Category,Treatment Category',
  'Treatment Sub Category,Determination,Type,Age Range,Patient Gender,Findings',
].join(',');

// Workers read this at their start: files that begin with IMR-TEST-FAULT then end or hang them.
beforeAll(() => void (process.env.IMR_TEST_FAULTS = '1'));
afterAll(() => void delete process.env.IMR_TEST_FAULTS);

describe('a worker that crashes or hangs', () => {
  it('quarantines the file it was on, starts a new worker and loads every other letter', async () => {
    const input = tempDir();
    await generate(60, 7, input, 'mixed');
    // Names put them mid-batch, between generated letters, so the rest of a batch is redone.
    writeFileSync(join(input, 'letter-0000010x.txt'), 'IMR-TEST-FAULT exit 7\n');
    writeFileSync(join(input, 'letter-0000020x.txt'), 'IMR-TEST-FAULT hang\n');
    writeFileSync(join(input, 'letter-0000030x.txt'), 'IMR-TEST-FAULT oom\n');
    const db = join(tempDir(), 'imr.duckdb');
    const s = await runEtl(input, db, { quiet: true, workers: 2, fileTimeoutMs: 5000 });
    expect(s).toMatchObject({ files: 63, new: 63, letters: 60, quarantined: 3 });
    expect(await rows(db, 'SELECT source_file, reason FROM quarantine ORDER BY 1')).toEqual([
      {
        source_file: 'letter-0000010x.txt',
        reason: 'worker crashed while reading this file (exit code 7)',
      },
      { source_file: 'letter-0000020x.txt', reason: 'took longer than 5 s to read' },
      {
        source_file: 'letter-0000030x.txt',
        reason: expect.stringMatching(
          /^worker crashed while reading this file \(exit code 1: .*memory/,
        ),
      },
    ]);
    // The letters in the same batches as the faults were read again, once each.
    const [n] = await rows(db, 'SELECT count(DISTINCT letter_id)::INTEGER AS n FROM letters');
    expect(n.n).toBe(60);
    const engines = await rows(
      db,
      'SELECT pdf_engine, count(*)::INTEGER AS n FROM letters GROUP BY 1 ORDER BY 1 NULLS LAST',
    );
    expect(engines).toEqual([
      { pdf_engine: 'pdfium', n: 30 },
      { pdf_engine: null, n: 30 },
    ]);
  }, 120_000);

  it('quarantines the DMHC row it was on, and loads the rest of the file', async () => {
    const input = tempDir();
    // Three batches of rows; a fault in the second, whose other rows are then read again.
    const findings = (i: number) => (i === 1500 ? 'IMR-TEST-FAULT exit 9' : 'The reviewer found.');
    const lines = Array.from(
      { length: 2500 },
      (_, i) => `MN21-${i},2021,A,B,C,D,Upheld,MN,21-30,Male,"${findings(i)}"`,
    );
    writeFileSync(join(input, 'dmhc.csv'), [DMHC_HEADER, ...lines].join('\n'));
    const db = join(tempDir(), 'imr.duckdb');
    const s = await runEtl(input, db, { quiet: true, workers: 2 });
    expect(s).toMatchObject({ files: 1, letters: 2499, quarantined: 1 });
    expect(await rows(db, 'SELECT reason FROM quarantine')).toEqual([
      { reason: 'MN21-1500 (row 1501): worker crashed while reading this file (exit code 9)' },
    ]);
    const [n] = await rows(db, "SELECT count(*)::INTEGER AS n FROM letters WHERE program = 'DMHC'");
    expect(n.n).toBe(2499);
  }, 120_000);

  it('is only a file that is not a letter without IMR_TEST_FAULTS', async () => {
    delete process.env.IMR_TEST_FAULTS;
    const input = tempDir();
    writeFileSync(join(input, 'exit.txt'), 'IMR-TEST-FAULT exit 7\n');
    const s = await runEtl(input, join(tempDir(), 'imr.duckdb'), { quiet: true, workers: 1 });
    expect(s).toMatchObject({ files: 1, letters: 0, quarantined: 1 });
    process.env.IMR_TEST_FAULTS = '1';
  });
});
