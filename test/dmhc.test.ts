import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedCase, writeDmhcCsv } from '../etl/dmhc/generate.ts';
import { Random } from '../etl/generate/random.ts';
import { readCases } from './dmhc-read.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir();
let n = 0;

/** Reads a file written from text (or bytes) and returns its cases and bad rows. */
async function read(content: string | Buffer) {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return readCases(path);
}

const HEADER =
  'Reference ID,Report Year,Diagnosis Category,Diagnosis Sub Category,Treatment Category,Treatment Sub Category,Determination,Type,Age Range,Patient Gender,Findings';
const row = (id: string, rest = '') =>
  `${id},2021,Mental,Depression,"Pharmacy/Prescription Drugs",Anti-Depressants,Overturned Decision of Health Plan,Medical Necessity,21-30,Female,${rest}`;

describe('DMHC reader, current shape', () => {
  it('reads quoted findings with commas, quotes, line breaks, a BOM and CRLF', async () => {
    const findings =
      '"Findings: The physician reviewer found that ""the drug"", at this dose,\r\nis needed.\nSecond paragraph; still the same field."';
    const text = `\uFEFF${HEADER}\r\n${row('MN21-1', findings)}\r\n${row('EI21-2', '')}\r\n`;
    const { cases, bad } = await read(text);
    expect(bad).toEqual([]);
    expect(cases.map((c) => c.letter_id)).toEqual(['MN21-1', 'EI21-2']);
    expect(cases[0].full_text).toBe(
      'Findings: The physician reviewer found that "the drug", at this dose,\r\nis needed.\nSecond paragraph; still the same field.',
    );
    expect(cases[1].full_text).toBeNull();
    expect(cases[0]).toMatchObject({
      program: 'DMHC',
      case_outcome: 'Overturned',
      report_year: 2021,
      review_type: 'Medical Necessity',
      diagnosis_category: 'Mental',
      diagnosis_subcategory: 'Depression',
      age_band: '21-30',
      patient_gender: 'female',
      panel: false,
      synthetic: false,
    });
    expect(cases[0].items[0]).toMatchObject({
      decision: 'Overturned',
      dmhc_category: 'Pharmacy/Prescription Drugs',
      dmhc_subcategory: 'Anti-Depressants',
      treatment_type: 'Pharmaceuticals',
      evidence_sources: [],
      category: null,
    });
    expect(cases[1].items[0].evidence_sources).toBeNull();
  });

  it('skips blank lines, of nothing, of spaces or of delimiters only, without counting them', async () => {
    const blank = ['', '   ', ',,,,,,,,,,', ' , ,,,,,,,,,'];
    const text = [blank[1], HEADER, ...blank, row('MN21-1'), ...blank, 'MN21-2,20x1', ''];
    const { cases, bad } = await read(text.join('\r\n'));
    expect(cases.map((c) => c.letter_id)).toEqual(['MN21-1']);
    // The bad row is the file's second, not its tenth: blank lines are no rows.
    expect(bad).toEqual(['MN21-2 (row 2): truncated row (2 of 11 fields)']);
  });

  it('ignores an unknown extra column, wherever it is', async () => {
    const header = HEADER.replace('Type,', 'Type,Region Code,');
    const line = row('MN21-3', 'text').replace(
      'Medical Necessity,',
      'Medical Necessity,"North, 7",',
    );
    const { cases, bad } = await read(`${header}\n${line}\n`);
    expect(bad).toEqual([]);
    expect(cases[0]).toMatchObject({ letter_id: 'MN21-3', age_band: '21-30', full_text: 'text' });
  });

  it('quarantines a truncated last line, inside a quoted field or short of fields', async () => {
    const cut = `${HEADER}\r\n${row('MN21-4', 'ok')}\r\n${row('MN21-5', '"The reviewer found, that')}`;
    const a = await read(cut);
    expect(a.cases.map((c) => c.letter_id)).toEqual(['MN21-4']);
    expect(a.bad).toEqual([
      expect.stringMatching(/^MN21-5 \(row 2\): the file ends inside a quoted field/),
    ]);
    const short = `${HEADER}\r\n${row('MN21-6', 'ok')}\r\nMN21-7,2021,Mental,Depr`;
    const b = await read(short);
    expect(b.cases.map((c) => c.letter_id)).toEqual(['MN21-6']);
    expect(b.bad).toEqual(['MN21-7 (row 2): truncated row (4 of 11 fields)']);
  });

  it('quarantines bad rows by reference id with the reason, and loads the rest', async () => {
    const lines = [
      row('MN21-8', 'a'),
      row('MN21-9', 'b').replace('Overturned Decision', 'Withdrawn Decision'),
      row('MN21-10', 'c').replace(',2021,', ',20x1,'),
      row('MN21-8', 'again'),
      row('', 'no id'),
      row('MN21-11', 'd'),
    ];
    const { cases, bad } = await read([HEADER, ...lines].join('\n'));
    expect(cases.map((c) => c.letter_id)).toEqual(['MN21-8', 'MN21-11']);
    expect(bad).toEqual([
      'MN21-9 (row 2): unknown determination "Withdrawn Decision of Health Plan"',
      'MN21-10 (row 3): unparseable report year "20x1"',
      'MN21-8 (row 4): the reference id appears again; the first row is kept',
      'no reference id (row 5): no Reference ID',
    ]);
  });

  it('rejects a file missing a required column, and a CSV that is not a DMHC file', async () => {
    await expect(read(`${HEADER.replace('Determination,', '')}\n`)).rejects.toThrow(
      'DMHC IMR file without required column(s): Determination',
    );
    await expect(read('name,email,city\nAda,ada@example.org,London\n')).rejects.toThrow(
      /^not a DMHC IMR file: its header \(name, email, city\)/,
    );
    await expect(read('')).rejects.toThrow('empty file');
  });

  it('reads the 2001-2016 shape (;-separated, no Findings) and gzip', async () => {
    const text =
      'Reference ID;Report Year;Diagnosis Category;Diagnosis Sub Category;Treatment Category;Treatment Sub Category;Determination;Type;Age Range;Patient Gender\r\n' +
      'EI09-1;2009;Cancer;Breast;Diagnostic Imaging, Screening and Testing;MRI;Upheld Decision of Health Plan;;11_20;\r\n';
    for (const content of [text, gzipSync(text)]) {
      const { cases, bad } = await read(content);
      expect(bad).toEqual([]);
      expect(cases[0]).toMatchObject({
        letter_id: 'EI09-1',
        case_outcome: 'Upheld',
        age_band: '11-20',
        patient_gender: null,
        review_type: 'Experimental/Investigational', // from the id, the Type being blank
        full_text: null,
        panel: null,
      });
      expect(cases[0].items[0].treatment_type).toBe('Imaging');
    }
  });

  it('gives back what the generator wrote, row for row', async () => {
    const path = join(dir, 'generated.csv');
    await writeDmhcCsv(path, 300, 7);
    const { cases } = await readCases(path);
    const r = new Random(7);
    const truth = Array.from({ length: 300 }, (_, i) => generatedCase(r, i));
    expect(cases.length).toBe(300);
    cases.forEach((c, i) => {
      const t = truth[i];
      expect(c.letter_id).toBe(t.reference_id);
      expect(c.case_outcome).toBe(t.decision);
      expect(c.report_year).toBe(t.report_year);
      expect(c.age_band).toBe(t.age_band);
      expect(c.full_text).toBe(t.findings);
      expect(c.reviewer_specialty).toBe(t.reviewer_specialty);
      expect(c.panel).toBe(t.panel);
      expect(c.items[0].evidence_sources).toEqual(t.evidence_sources);
      expect(c.items[0].reason, t.findings).toEqual(t.reasons);
    });
  });
});
