import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDmhcCsv } from '../etl/dmhc/generate.ts';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { CI, SHARED, check, rows, tempDir } from './helpers.ts';

const REAL = join(SHARED, 'reference', 'dmhc', 'imr-determinations-2001-2016.csv');
const HEADER =
  'Reference ID,Report Year,Diagnosis Category,Diagnosis Sub Category,Treatment Category,Treatment Sub Category,Determination,Type,Age Range,Patient Gender,Findings';
const line = (id: string, decision: string, findings = '') =>
  `${id},2022,Mental,Depression,Chiropractic,Other,${decision} Decision of Health Plan,Medical Necessity,31-40,Male,"${findings}"`;
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
const byId = async (db: string) =>
  Object.fromEntries(
    (await rows(db, `SELECT letter_id, case_outcome, source_file FROM letters WHERE program = 'DMHC'`)).map(
      (r) => [r.letter_id, `${r.case_outcome} ${r.source_file}`],
    ),
  ); // prettier-ignore

describe('ETL of DMHC files', () => {
  it('loads DMHC CSVs beside letters, quarantining another CSV and bad rows', async () => {
    const input = tempDir();
    const db = join(tempDir(), 'imr.duckdb');
    await generate(6, 5, join(input, 'letters'));
    mkdirSync(join(input, 'dmhc'));
    await writeDmhcCsv(join(input, 'dmhc', 'generated.csv'), 120, 3);
    writeFileSync(join(input, 'dmhc', 'bad-rows.csv'), csv(line('MN22-1', 'Upheld'), line('MN22-2', 'Pending')));
    writeFileSync(join(input, 'contacts.csv'), 'name,email\nAda,ada@example.org\n');
    const s = await runEtl(input, db, { quiet: true, workers: 1 });
    expect(s).toMatchObject({ files: 9, new: 9, letters: 6 + 120 + 1, quarantined: 2 });
    expect(await rows(db, 'SELECT source_file, reason FROM quarantine ORDER BY source_file')).toEqual([
      { source_file: 'contacts.csv', reason: expect.stringMatching(/^not a DMHC IMR file/) },
      { source_file: 'dmhc/bad-rows.csv', reason: 'MN22-2 (row 2): unknown determination "Pending Decision of Health Plan"' },
    ]);
    const [dwc] = await rows(db, `SELECT count(*)::INTEGER AS n,
      count(*) FILTER (age_band IS NOT DISTINCT FROM CASE WHEN patient_age IS NULL THEN NULL
        WHEN patient_age >= 65 THEN '65+' WHEN patient_age >= 51 THEN '51-64' WHEN patient_age <= 10 THEN '0-10'
        ELSE ((patient_age - 1) // 10 * 10 + 1)::VARCHAR || '-' || ((patient_age - 1) // 10 * 10 + 10)::VARCHAR END)::INTEGER AS banded
      FROM letters WHERE program = 'DWC'`);
    expect(dwc).toEqual({ n: 6, banded: 6 });
    const [types] = await rows(db, `SELECT count(*) FILTER (treatment_type IS NULL)::INTEGER AS untyped,
      count(*) FILTER (program = 'DMHC' AND panel IS NOT NULL)::INTEGER AS with_findings,
      count(*) FILTER (program = 'DMHC' AND synthetic)::INTEGER AS synthetic FROM items JOIN letters USING (letter_id)`);
    // The generator's cases say they are synthetic; the hand-written row does not.
    expect(types).toEqual({ untyped: 0, with_findings: 120, synthetic: 120 });
    expect((await check(db)).orphans).toBe(0);
  }); // prettier-ignore

  it('adds nothing for a file loaded again; a later run replaces the reference ids its file holds', async () => {
    const input = tempDir();
    const db = join(tempDir(), 'imr.duckdb');
    writeFileSync(join(input, 'imr-2023.csv'), csv(line('MN22-1', 'Upheld'), line('MN22-2', 'Upheld'), line('MN22-3', 'Upheld')));
    await runEtl(input, db, { quiet: true, workers: 1 });
    const again = await runEtl(input, db, { quiet: true, workers: 1 });
    expect(again).toMatchObject({ files: 1, new: 0, changed: 0, unchanged: 1, letters: 0 });
    expect(Object.keys(await byId(db))).toHaveLength(3);
    // A newer download, saved under a name that sorts first: its run wins for MN22-2.
    writeFileSync(join(input, 'download (1).csv'), csv(line('MN22-2', 'Overturned'), line('MN22-4', 'Overturned')));
    const newer = await runEtl(input, db, { quiet: true, workers: 1 });
    expect(newer).toMatchObject({ new: 1, unchanged: 1, letters: 2 });
    const expected = {
      'MN22-1': 'Upheld imr-2023.csv',
      'MN22-2': 'Overturned download (1).csv',
      'MN22-3': 'Upheld imr-2023.csv',
      'MN22-4': 'Overturned download (1).csv',
    };
    expect(await byId(db)).toEqual(expected);
    // Both files unchanged: nothing is read again, nothing moves back.
    expect(await runEtl(input, db, { quiet: true, workers: 1 })).toMatchObject({ unchanged: 2, letters: 0 });
    expect(await byId(db)).toEqual(expected);
    // The old file downloaded again in place, without MN22-3: its rows are replaced.
    writeFileSync(join(input, 'imr-2023.csv'), csv(line('MN22-1', 'Overturned')));
    expect(await runEtl(input, db, { quiet: true, workers: 1 })).toMatchObject({ changed: 1, unchanged: 1 });
    expect(await byId(db)).toEqual({ ...expected, 'MN22-1': 'Overturned imr-2023.csv', 'MN22-3': undefined });
  }); // prettier-ignore

  it('loads the real 2001-2016 file with the counts the raw CSV gives', async (ctx) => {
    if (!existsSync(REAL)) {
      if (CI) throw new Error(`missing ${REAL}`);
      console.warn(`skipped: ${REAL} is missing`);
      return ctx.skip();
    }
    const input = tempDir();
    const db = join(tempDir(), 'imr.duckdb');
    copyFileSync(REAL, join(input, 'imr.csv'));
    await runEtl(input, db, { quiet: true, workers: 1 });
    // Counted here from the raw text: no field of this file is quoted, so lines and `;` suffice.
    const [header, ...lines] = readFileSync(REAL, 'latin1').split('\r\n').filter(Boolean);
    const col = (name: string) => header.split(';').indexOf(name);
    const count = (c: number) => {
      const m: Record<string, number> = {};
      for (const l of lines) m[l.split(';')[c]] = (m[l.split(';')[c]] ?? 0) + 1;
      return m;
    };
    const overturned = lines.filter((l) => l.includes(';Overturned Decision of Health Plan;')).length;
    expect([lines.length, overturned]).toEqual([19228, 8452]);
    const [totals] = await rows(db, `SELECT count(*)::INTEGER AS n, count(*) FILTER (case_outcome = 'Overturned')::INTEGER AS overturned,
      count(*) FILTER (synthetic)::INTEGER AS synthetic FROM letters`);
    expect(totals).toEqual({ n: lines.length, overturned, synthetic: 0 });
    const years = await rows(db, 'SELECT report_year::VARCHAR AS k, count(*)::INTEGER AS n FROM letters GROUP BY 1');
    expect(Object.fromEntries(years.map((r) => [r.k, r.n]))).toEqual(count(col('Report Year')));
    // The file's own words are kept beside the canonical names.
    const cats = await rows(db, `SELECT coalesce(dmhc_category_raw, '') AS k, count(*)::INTEGER AS n FROM items GROUP BY 1`);
    expect(Object.fromEntries(cats.map((r) => [r.k, r.n]))).toEqual(count(col('Treatment Category')));
    const subs = await rows(db, `SELECT count(DISTINCT coalesce(dmhc_subcategory, ''))::INTEGER AS n FROM items`);
    expect(subs[0].n).toBe(Object.keys(count(col('Treatment Sub Category'))).length);
    const [q] = await rows(db, 'SELECT count(*)::INTEGER AS n FROM quarantine');
    expect(q.n).toBe(0);
  }); // prettier-ignore
});
