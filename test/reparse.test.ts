import { copyFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runEtl } from '../etl/pipeline/run.ts';
import { report } from '../etl/cli/report.ts';
import { PARSER_VERSION, parserFiles, versionOf } from '../etl/pipeline/version.ts';
import { ROOT, rows, tempDir } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const LETTERS = [
  'header-2016-quirks.txt',
  'notice-2013-one-item.txt',
  'header-2016-missing-paragraphs.txt',
];

async function sql(db: string, statement: string) {
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  await conn.run(statement);
  conn.closeSync();
  instance.closeSync();
}

const decisions = (db: string) =>
  rows(db, `SELECT letter_id, item_no, decision FROM items ORDER BY letter_id, item_no`);
const versions = (db: string) =>
  rows(
    db,
    `SELECT 'letters' AS t, parser_version AS v, count(*)::INTEGER AS n FROM letters GROUP BY ALL
     UNION ALL SELECT 'quarantine', parser_version, count(*)::INTEGER FROM quarantine GROUP BY ALL ORDER BY t`,
  );

describe('parser version and re-parsing', () => {
  const input = tempDir();
  const db = join(tempDir(), 'imr.duckdb');
  mkdirSync(join(input, 'bad'));
  for (const f of LETTERS) copyFileSync(join(FIXTURES, f), join(input, f));
  copyFileSync(
    join(FIXTURES, 'unreadable-header-2016-no-decision.txt'),
    join(input, 'bad', 'no-decision.txt'),
  );

  it('hashes the parser and its rules, not the rest of the ETL', () => {
    const files = parserFiles().map((f) => relative(ROOT, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'etl/letters/parse.ts',
        'etl/letters/fields/items.ts',
        'etl/letters/layouts/index.ts',
        'model/taxonomy.json',
        'etl/letters/classify/classify.ts',
      ]),
    );
    expect(files).not.toContain('etl/pipeline/run.ts');
    expect(files).not.toContain('etl/letters/pdf/extract.ts');
    expect(PARSER_VERSION).toMatch(/^[0-9a-f]{16}$/);
  });

  it('versions sources by their code, not by where they live, the paths they import or comments', () => {
    const a = `import { x } from './a.ts';\nexport const y = x + 1;\n`;
    const moved = `// Moved.\nimport { x } from '../letters/a.ts';\n\n  export const y = x + 1;\n`;
    const rule = `{"acupuncture": "Acupuncture"}`;
    expect(versionOf([rule, moved])).toBe(versionOf([a, rule]));
    expect(versionOf([a, rule])).not.toBe(versionOf([a.replace('+ 1', '+ 2'), rule]));
  });

  it('records the version with every letter and quarantined file, and flags what it loaded around', async () => {
    const s = await runEtl(input, db, { parserVersion: 'v1', workers: 1, quiet: true });
    expect(s).toMatchObject({ new: 4, letters: 3, quarantined: 1, reparsed: 0, retried: 0 });
    expect(await versions(db)).toEqual([
      { t: 'letters', v: 'v1', n: 3 },
      { t: 'quarantine', v: 'v1', n: 1 },
    ]);
    const [flagged] = await rows(db, `SELECT flags FROM letters WHERE len(flags) > 0`);
    expect(flagged.flags).toEqual([
      'item 1: no "Claims Administrator guideline:" paragraph',
      'item 2: no "MAXIMUS guideline:" paragraph',
      'item 3: no "Decision rationale:" paragraph',
    ]);
    expect(await report(db)).toMatch(
      /flagged letters: 1 .*\n {2}no "Claims Administrator guideline:" paragraph: 1 \(1 letters\)\n/,
    );
  });

  it('parses nothing again while the version is the same', async () => {
    // The stored text is edited: only a re-parse from it can change the decision.
    await sql(
      db,
      `UPDATE letters SET full_text = replace(full_text, 'Norco\n10/325mg #45 is: Upheld', 'Norco\n10/325mg #45 is: Overturned')`,
    );
    const before = await decisions(db);
    const s = await runEtl(input, db, { parserVersion: 'v1', workers: 1, quiet: true });
    expect(s).toMatchObject({ unchanged: 4, reparsed: 0, retried: 0 });
    expect(await decisions(db)).toEqual(before);
  });

  it('re-parses from the stored text, without the files, every letter another version read', async () => {
    const before = await decisions(db);
    const s = await runEtl(input, db, { parserVersion: 'v2', workers: 1, quiet: true });
    expect(s).toMatchObject({ unchanged: 3, new: 0, changed: 0, reparsed: 3, retried: 1 });
    const after = await decisions(db);
    const norco = { letter_id: 'CM17-0000042', item_no: 1 };
    expect(before).toContainEqual({ ...norco, decision: 'Upheld' });
    expect(after).toContainEqual({ ...norco, decision: 'Overturned' });
    expect(after.filter((r) => !(r.letter_id === norco.letter_id && r.item_no === 1))).toEqual(
      before.filter((r) => !(r.letter_id === norco.letter_id && r.item_no === 1)),
    );
    expect(await versions(db)).toEqual([
      { t: 'letters', v: 'v2', n: 3 },
      { t: 'quarantine', v: 'v2', n: 1 },
    ]);
  });

  it('re-parses a database made before parser versions were recorded', async () => {
    await sql(
      db,
      `ALTER TABLE letters DROP COLUMN parser_version; ALTER TABLE letters DROP COLUMN flags;
       ALTER TABLE quarantine DROP COLUMN parser_version; DROP TABLE schema_version`,
    );
    const s = await runEtl(input, db, { workers: 1, quiet: true });
    expect(s).toMatchObject({ reparsed: 3, retried: 1, upgraded: 1 });
    expect(await versions(db)).toEqual([
      { t: 'letters', v: PARSER_VERSION, n: 3 },
      { t: 'quarantine', v: PARSER_VERSION, n: 1 },
    ]);
  });
});
