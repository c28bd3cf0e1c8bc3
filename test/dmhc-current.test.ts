import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DmhcCase } from '../etl/dmhc/case.ts';
import { quote } from '../etl/dmhc/generate.ts';
import { AGE_BANDS } from '../model/values.ts';
import { DIAGNOSIS_CONCEPTS, TREATMENT_CONCEPTS } from './dmhc-labels.ts';
import { readCases } from './dmhc-read.ts';
import { ROOT, rows, tempDir } from './helpers.ts';
import { startServer } from './server.ts';

// Files in the shape of today's DMHC download, written here from the facts of
// ../shared/reference/dmhc/README.md: every label spelling it lists (test/dmhc-labels.ts), in
// both header spellings.

const AGES = ['0 to 10', '11 to 20', '21 to 30', '31 to 40', '41 to 50', '51 to 64', '65+', ''];
const GENDERS = ['Female', 'Male', 'Other', ''];
const SPEEDS = ['Standard', 'Expedited', ''];
const SPACED = ['Reference ID', 'Report Year', 'Diagnosis Category', 'Diagnosis Sub Category', 'Treatment Category', 'Treatment Sub Category', 'Determination', 'Type', 'Age Range', 'Patient Gender', 'Findings', 'IMR Type', 'Days To Review', 'Days To Adopt']; // prettier-ignore

const treatments = TREATMENT_CONCEPTS.flat();
const diagnoses = DIAGNOSIS_CONCEPTS.flat();
const ROWS = Math.max(treatments.length, diagnoses.length);

/** A current-shape file: one row per spelling, cycling through every other label too. */
function currentFile(prefix: string, compact: boolean): string {
  const header = SPACED.map((h) => quote(compact ? h.replace(/ /g, '') : h)).join(',');
  const lines = Array.from(
    { length: ROWS },
    (_, i) =>
    [`${prefix}24-${1000 + i}`, 2024, diagnoses[i % diagnoses.length], 'Other', treatments[i % treatments.length], 'Other',
      'Upheld Decision of Health Plan', 'Medical Necessity', AGES[i % AGES.length], GENDERS[i % GENDERS.length],
      'Findings: The physician reviewer found that the service is not medically necessary.', SPEEDS[i % SPEEDS.length], 20 + (i % 30), i % 9,
    ].map(quote).join(','), // prettier-ignore
  );
  return [header, ...lines].join('\r\n') + '\r\n';
}

const dir = tempDir();
const read = async (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return readCases(join(dir, name));
};

describe("today's DMHC download, every spelling", () => {
  it.each([
    ['spaced', false],
    ['compact', true],
  ])('reads a file whose header is %s, every label to a known name', async (_, compact) => {
    const { cases, bad } = await read(`f-${compact}.csv`, currentFile('MN', compact));
    expect(bad).toEqual([]);
    expect(cases).toHaveLength(ROWS);
    expect(cases.flatMap((c) => c.flags)).toEqual([]);
    const i = (c: DmhcCase) => Number(c.letter_id.slice(5)) - 1000;
    for (const c of cases) {
      const row = i(c);
      expect(c.items[0].dmhc_category_raw).toBe(treatments[row % treatments.length]);
      expect(c.diagnosis_category_raw).toBe(diagnoses[row % diagnoses.length]);
      expect(c.age_band).toBe(
        AGES[row % AGES.length] ? AGES[row % AGES.length].replace(' to ', '-') : null,
      );
      expect(c.patient_gender).toBe(GENDERS[row % GENDERS.length].toLowerCase() || null);
      expect(c.review_speed).toBe(SPEEDS[row % SPEEDS.length] || null);
      expect(c.days_to_review).toBe(20 + (row % 30));
      expect(c.days_to_adopt).toBe(row % 9);
      expect(c.items[0].treatment_type, c.items[0].dmhc_category_raw!).not.toBeNull();
    }
    // Each concept's spellings have one name, and there are no more names than concepts.
    for (const [concepts, name] of [
      [TREATMENT_CONCEPTS, (c: DmhcCase) => [c.items[0].dmhc_category_raw, c.items[0].dmhc_category]],
      [DIAGNOSIS_CONCEPTS, (c: DmhcCase) => [c.diagnosis_category_raw, c.diagnosis_category]],
    ] as const) {
      const named = new Map(cases.map((c) => name(c) as [string, string]));
      for (const spellings of concepts)
        expect(new Set(spellings.map((s) => named.get(s))).size, spellings.join(' | ')).toBe(1);
      expect(new Set(named.values()).size).toBeLessThanOrEqual(concepts.length);
    }
  }); // prettier-ignore
});

describe('the same file loaded and served', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  const api = async (path: string) => (await fetch(srv.url + path)).json();
  beforeAll(async () => {
    srv = await startServer(5, {
      extra: { 'spaced.csv': currentFile('MN', false), 'compact.csv': currentFile('EI', true) },
    });
  });
  afterAll(() => srv.close());

  it('counts the seven age bands and Not stated, and Other as a gender', async () => {
    const ages = await api('/api/rates?by=age_band&program=DMHC&limit=100');
    const keys = ages.rows.map((r: { key: string }) => r.key);
    expect(keys.sort()).toEqual([...AGE_BANDS, 'Not stated'].sort());
    const genders = await api('/api/rates?by=gender&program=DMHC');
    const other = genders.rows.find((r: { key: string }) => r.key === 'other');
    expect(other.n).toBe(2 * Array.from({ length: ROWS }, (_, i) => i % GENDERS.length === 2).filter(Boolean).length); // prettier-ignore
    const [stored] = await rows(srv.dbPath, `SELECT count(*)::INTEGER AS n FROM letters WHERE patient_gender = 'other'`); // prettier-ignore
    expect(stored.n).toBe(other.n);
  });

  it('gives one health-plan category per concept in breakdowns', async () => {
    const cats = await api('/api/rates?by=dmhc_category&program=DMHC&limit=1000');
    expect(cats.rows.length).toBeLessThanOrEqual(TREATMENT_CONCEPTS.length);
    const dx = await api('/api/rates?by=diagnosis_category&program=DMHC&limit=1000');
    expect(dx.rows.length).toBeLessThanOrEqual(DIAGNOSIS_CONCEPTS.length);
    expect(dx.rows.map((r: { key: string }) => r.key)).not.toContain('Mental Behav Neur');
  });
});

describe('labels the importer has not seen', () => {
  it('are flagged, listed by --report as unmapped and named in a warning at the end of the run', async () => {
    const input = join(tempDir(), 'in');
    mkdirSync(input);
    const file = currentFile('UR', false).split('\r\n');
    // Two rows with labels on no list, the rest as before.
    file[1] = file[1].replace(/"Pharmacy\/Prescription Drugs"/, '"Teleportation Proc"').replace(/"Orthopedic\/ Musculoskeletal"/, '"Alien Dx"'); // prettier-ignore
    file[2] = file[2].replace('"Pharmacy"', '"Teleportation Proc"').replace('"11 to 20"', '"Teen"');
    writeFileSync(join(input, 'today.csv'), file.join('\r\n'));
    const db = join(tempDir(), 'imr.duckdb');
    const cli = join(ROOT, 'etl', 'cli', 'etl.ts');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, '--input', input, '--db', db, '--report', '--workers', '1'],
      { cwd: ROOT, env: { ...process.env, IMR_DB: '' } },
    );
    expect(stdout).toContain('  unmapped: Teleportation Proc (2 cases, treatment category)');
    expect(stdout).toContain('  unmapped: Alien Dx (1 case, diagnosis category)');
    expect(stdout).toContain('  unmapped: Teen (1 case, age range)');
    expect(stderr.trim().split('\n').at(-1)).toMatch(
      /^warning: 3 DMHC labels are on none of the importer's lists .* in 4 cases: "Teleportation Proc" \(treatment category, 2\)/,
    );
    // The category keeps the file's words; the age is left out, never guessed.
    const kept = await rows(db, `SELECT l.letter_id, i.dmhc_category, i.treatment_type, l.age_band, l.flags
      FROM letters l JOIN items i USING (letter_id) WHERE len(l.flags) > 0 ORDER BY 1`); // prettier-ignore
    expect(kept).toEqual([
      { letter_id: 'UR24-1000', dmhc_category: 'Teleportation Proc', treatment_type: null, age_band: '0-10',
        flags: ['unmapped treatment category: Teleportation Proc', 'unmapped diagnosis category: Alien Dx'] },
      { letter_id: 'UR24-1001', dmhc_category: 'Teleportation Proc', treatment_type: null, age_band: null,
        flags: ['unmapped treatment category: Teleportation Proc', 'unmapped age range: Teen'] },
    ]); // prettier-ignore
  });
});
