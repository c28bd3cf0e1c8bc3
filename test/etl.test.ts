import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DERIVED_VERSION } from '../warehouse/build-derived.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { report } from '../etl/cli/report.ts';
import { generate } from '../etl/generate/index.ts';
import { CI, SHARED, rows, tempDir } from './helpers.ts';

describe('ETL', () => {
  const input = tempDir();
  const db = join(tempDir(), 'imr.duckdb');
  const fixtures = join(import.meta.dirname, 'fixtures');

  it('loads good letters and quarantines bad files with specific reasons', async () => {
    await generate(40, 3, join(input, 'generated'));
    mkdirSync(join(input, 'bad'));
    copyFileSync(join(fixtures, 'not-a-letter.txt'), join(input, 'bad', 'newsletter.txt'));
    copyFileSync(join(fixtures, 'header-2016-quirks.txt'), join(input, 'quirks.TXT'));
    writeFileSync(join(input, 'bad', 'empty.pdf'), '');
    writeFileSync(
      join(input, 'bad', 'broken.pdf'),
      '%PDF-1.4\n1 0 obj << /Type /Catalog >>\nno pages, no xref\n%%EOF\n',
    );
    writeFileSync(join(input, 'bad', 'junk.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    const s = await runEtl(input, db);
    expect(s).toMatchObject({ files: 45, new: 45, letters: 41, quarantined: 4 });
    const q = await rows(db, 'SELECT source_file, reason FROM quarantine ORDER BY source_file');
    expect(await report(db)).toMatch(/quarantined: 4\n {2}bad\/broken.pdf: unreadable PDF/);
    expect(q).toEqual([
      { source_file: 'bad/broken.pdf', reason: expect.stringMatching(/^unreadable PDF/) },
      { source_file: 'bad/empty.pdf', reason: 'empty file' },
      { source_file: 'bad/junk.txt', reason: 'binary file, not a letter' },
      {
        source_file: 'bad/newsletter.txt',
        reason: expect.stringMatching(/not an IMR determination letter/),
      },
    ]);
    const [counts] = await rows(
      db,
      `SELECT (SELECT count(*) FROM letters)::INTEGER AS letters,
      (SELECT count(*) FROM items)::INTEGER AS items, (SELECT count(*) FROM items WHERE letter_id NOT IN (SELECT letter_id FROM letters))::INTEGER AS orphans`,
    );
    expect(counts).toEqual({ letters: 41, items: s.items, orphans: 0 });
  });

  it('adds and changes nothing when run again on the same folder', async () => {
    const before = await rows(db, 'SELECT * EXCLUDE (full_text) FROM letters ORDER BY letter_id');
    const s = await runEtl(input, db);
    expect(s).toMatchObject({
      files: 45,
      new: 0,
      changed: 0,
      unchanged: 45,
      letters: 0,
      quarantined: 0,
    });
    expect(await rows(db, 'SELECT * EXCLUDE (full_text) FROM letters ORDER BY letter_id')).toEqual(
      before,
    );
  });

  it('rebuilds derived tables made by another version of derived.sql, and only then', async () => {
    const mtime = () => statSync(db).mtimeMs;
    const untouched = mtime();
    await runEtl(input, db);
    expect(mtime()).toBe(untouched);
    const instance = await DuckDBInstance.create(db);
    const conn = await instance.connect();
    await conn.run("UPDATE derived_version SET version = 'older'; DROP TABLE codes");
    conn.closeSync();
    instance.closeSync();
    const s = await runEtl(input, db);
    expect(s).toMatchObject({ new: 0, changed: 0, unchanged: 45 });
    expect(await rows(db, 'SELECT version FROM derived_version')).toEqual([
      { version: DERIVED_VERSION },
    ]);
    expect((await rows(db, 'SELECT count(*)::INTEGER AS n FROM codes'))[0].n).toBeGreaterThan(0);
  });

  it('replaces a letter whose file changed, and lifts a fixed file out of quarantine', async () => {
    const quirks = join(input, 'quirks.TXT');
    writeFileSync(
      quirks,
      readFileSync(quirks, 'utf8').replace(
        '10/325mg #45 is: Upheld',
        '10/325mg #45 is: Overturned',
      ),
    );
    copyFileSync(
      join(fixtures, 'narrative-2014-board-certified.txt'),
      join(input, 'bad', 'newsletter.txt'),
    );
    const s = await runEtl(input, db);
    expect(s).toMatchObject({ new: 0, changed: 2, unchanged: 43, letters: 2, quarantined: 0 });
    expect(
      await rows(db, "SELECT decision FROM items WHERE letter_id = 'CM17-0000042' AND item_no = 1"),
    ).toEqual([{ decision: 'Overturned' }]);
    expect(
      await rows(
        db,
        "SELECT count(*)::INTEGER AS n FROM quarantine WHERE source_file = 'bad/newsletter.txt'",
      ),
    ).toEqual([{ n: 0 }]);
    expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM letters')).toEqual([{ n: 42 }]);
  });
});

describe('ETL with two files holding one letter', () => {
  it('keeps the later file, records the other as a duplicate, and changes nothing when run again', async () => {
    const input = tempDir();
    const db = join(tempDir(), 'imr.duckdb');
    const text = readFileSync(
      join(import.meta.dirname, 'fixtures', 'header-2016-quirks.txt'),
      'utf8',
    );
    writeFileSync(join(input, 'a.txt'), text);
    writeFileSync(
      join(input, 'b.txt'),
      text.replace('10/325mg #45 is: Upheld', '10/325mg #45 is: Overturned'),
    );
    expect(await runEtl(input, db)).toMatchObject({ new: 2, duplicates: 1, letters: 1 });
    const state = async () => ({
      letters: await rows(db, 'SELECT letter_id, source_file FROM letters'),
      decision: await rows(db, 'SELECT decision FROM items WHERE item_no = 1'),
      duplicates: await rows(db, 'SELECT source_file, letter_id FROM duplicates'),
    });
    const first = await state();
    expect(first).toEqual({
      letters: [{ letter_id: 'CM17-0000042', source_file: 'b.txt' }],
      decision: [{ decision: 'Overturned' }],
      duplicates: [{ source_file: 'a.txt', letter_id: 'CM17-0000042' }],
    });
    expect(await runEtl(input, db)).toMatchObject({ new: 0, changed: 0, unchanged: 2, letters: 0 });
    expect(await state()).toEqual(first);
  });
});

const LETTERS = join(SHARED, 'letters');
(CI || existsSync(LETTERS) ? describe : describe.skip)(
  'ETL over the real letters in ../shared/letters',
  () => {
    it('loads every real letter, quarantines none, and stores what the golden files say', async () => {
      const db = join(tempDir(), 'real.duckdb');
      const s = await runEtl(LETTERS, db);
      const golden = join(import.meta.dirname, 'golden', 'dwc-2016');
      const expected = readdirSync(golden).map((f) =>
        JSON.parse(readFileSync(join(golden, f), 'utf8')),
      );
      expect(s).toMatchObject({ files: 145, letters: 145, quarantined: 0 });
      const stored = await rows(
        db,
        `SELECT letter_id, list(decision ORDER BY item_no) AS decisions FROM items
      WHERE letter_id LIKE 'CM%' GROUP BY letter_id ORDER BY letter_id`,
      );
      expect(stored).toEqual(
        expected
          .map((g) => ({
            letter_id: g.letter_id,
            decisions: g.items.map((i: { decision: string }) => i.decision),
          }))
          .sort((a, b) => a.letter_id.localeCompare(b.letter_id)),
      );
      expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM letters WHERE synthetic')).toEqual([
        { n: 0 },
      ]);
      // Every letter states its specialty, licensure, age and gender; all but the seed have the header dates.
      const text = await report(db);
      for (const f of [
        'reviewer_specialty',
        'reviewer_licensure',
        'patient_age',
        'patient_gender',
        'date_of_injury',
      ]) {
        expect(text).toMatch(new RegExp(`${f} +100% filled`));
      }
      for (const f of [
        'case_number',
        'decision_date',
        'date_assigned',
        'ur_denial_date',
        'application_received',
        'priority',
      ]) {
        expect(text).toMatch(new RegExp(`${f} +99.3% filled`));
      }
      const classified = Number(/classified +([\d.]+)%/.exec(text)![1]);
      expect(classified).toBeGreaterThanOrEqual(97);
      expect(text).toContain('quarantined: 0');
    });
  },
);
