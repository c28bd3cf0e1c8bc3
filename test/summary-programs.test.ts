import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCase, writeDmhcCsv, type GeneratedCase } from '../etl/dmhc/generate.ts';
import type { Truth } from '../etl/generate/letter.ts';
import { Random } from '../etl/generate/random.ts';
import { listedType } from '../etl/letters/classify/rules/treatment-types.ts';
import Papa from 'papaparse';
import type { ProgramSummary, Summary } from '../model/api.ts';
import { wilson } from '../server/queries/stats.ts';
import { tempDir } from './helpers.ts';
import { startServer } from './server.ts';

// A real server over 300 generated letters and a generated DMHC file of 400 cases; the
// expected figures are counted from the generators' truth, never from SQL.
const CASES = 400;
const SEED = 7;
let srv: Awaited<ReturnType<typeof startServer>>;
let letters: Truth[];
let cases: GeneratedCase[];
beforeAll(async () => {
  const csv = join(tempDir(), 'dmhc.csv');
  await writeDmhcCsv(csv, CASES, SEED);
  srv = await startServer(300, { extra: { 'dmhc.csv': readFileSync(csv, 'utf8') } });
  letters = readFileSync(join(srv.corpus, 'truth.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const r = new Random(SEED);
  cases = Array.from({ length: CASES }, (_, i) => generatedCase(r, i));
});
afterAll(() => srv.close());

const summary = async (query = ''): Promise<Summary> => {
  const res = await fetch(`${srv.url}/api/summary${query}`);
  expect(res.status).toBe(200);
  return res.json();
};
const byProgram = (s: Summary) => Object.fromEntries(s.programs.map((p) => [p.program, p]));

/** What a program's entry must say, given its services' decisions and years. */
function expected(rows: { upheld: boolean; year: number | null }[]): Partial<ProgramSummary> {
  const upheld = rows.filter((r) => r.upheld).length;
  // A service with no decision date counts, in no year.
  const years = rows.flatMap((r) => (r.year === null ? [] : [r.year]));
  const [ci_low, ci_high] = wilson(upheld, rows.length);
  return {
    services: rows.length,
    upheld,
    uphold_rate: rows.length ? upheld / rows.length : null,
    ci_low,
    ci_high,
    first_year: years.length ? Math.min(...years) : null,
    last_year: years.length ? Math.max(...years) : null,
  };
}
const dwcRows = (keep: (d: string) => boolean = () => true) =>
  letters.flatMap((l) =>
    l.items
      .filter((i) => keep(i.decision))
      .map((i) => ({
        upheld: i.decision === 'Upheld',
        year: l.decision_date ? Number(l.decision_date.slice(0, 4)) : null,
      })),
  );
const dmhcRows = (keep: (c: GeneratedCase) => boolean = () => true) =>
  cases.filter(keep).map((c) => ({ upheld: c.decision === 'Upheld', year: c.report_year }));

describe('GET /api/summary, per program', () => {
  it('reports each program: services, rate with its interval, years and data source', async () => {
    // Some generated letters have no decision date: their services count, in no year.
    expect(letters.some((l) => l.decision_date === null)).toBe(true);
    const s = await summary();
    expect(s.programs.map((p) => p.program)).toEqual(['DWC', 'DMHC']);
    const p = byProgram(s);
    expect(p.DWC).toMatchObject({
      ...expected(dwcRows()),
      label: "Workers' comp (DWC)",
      data_source: 'synthetic',
    });
    // Generated cases say so in their findings (the real file's are real: dmhc-etl.test.ts).
    expect(p.DMHC).toMatchObject({
      ...expected(dmhcRows()),
      label: 'Health plans (DMHC)',
      data_source: 'synthetic',
    });
    expect(p.DWC.services + p.DMHC.services).toBe(s.items);
  });

  it('follows the filters: one program, a decision, a treatment type', async () => {
    const one = byProgram(await summary('?program=DMHC'));
    expect(one.DWC).toMatchObject({ services: 0, first_year: null, data_source: 'empty' });
    expect(one.DMHC).toMatchObject(expected(dmhcRows()));

    const overturned = byProgram(await summary('?decision=Overturned'));
    expect(overturned.DWC).toMatchObject(expected(dwcRows((d) => d === 'Overturned')));
    expect(overturned.DMHC).toMatchObject(expected(dmhcRows((c) => c.decision === 'Overturned')));

    const acupuncture = byProgram(await summary('?treatment_type=Acupuncture&program=DMHC'));
    expect(acupuncture.DMHC).toMatchObject(
      expected(dmhcRows((c) => c.treatment_subcategory === 'Acupuncture')),
    );
    expect(acupuncture.DMHC.services).toBeGreaterThan(0);
  });

  it('a year range keeps DMHC cases by their report year', async () => {
    const s = byProgram(await summary('?decision_from=2010-01-01&decision_to=2012-12-31'));
    expect(s.DMHC).toMatchObject(
      expected(dmhcRows((c) => c.report_year >= 2010 && c.report_year <= 2012)),
    );
  });
});

/** Every service /api/items lists under the query, a page of 500 at a time. */
async function listed(query: string) {
  const rows: Record<string, unknown>[] = [];
  let cursor = '';
  do {
    const res = await fetch(
      `${srv.url}/api/items?${query}&limit=500&sort=letter_id&order=asc${cursor && `&cursor=${cursor}`}`,
    );
    expect(res.status).toBe(200);
    const page = await res.json();
    rows.push(...page.rows);
    cursor = page.next_cursor ?? '';
  } while (cursor);
  return rows;
}

/** What a health-plan case's service must carry, from the generator's truth. */
const caseFields = (c: GeneratedCase) => ({
  letter_id: c.reference_id,
  program: 'DMHC',
  treatment_type: listedType('DMHC', c.treatment_category, c.treatment_subcategory),
  dmhc_category: c.treatment_category,
  dmhc_subcategory: c.treatment_subcategory,
  review_type: c.review_type,
  age_band: c.age_band,
  report_year: c.report_year,
  decision: c.decision,
});

describe('services listed and exported', () => {
  it("carry their program and treatment type, and a health-plan case the data set's fields", async () => {
    const dmhc = await listed('program=DMHC');
    expect(dmhc).toEqual(
      [...cases]
        .sort((a, b) => (a.reference_id < b.reference_id ? -1 : 1))
        .map((c) => expect.objectContaining(caseFields(c))),
    );
    const dwc = await listed('program=DWC');
    const types = (rows: { program: unknown; treatment_type: unknown }[]) =>
      rows.map((r) => `${r.program} ${r.treatment_type}`).sort();
    expect(types(dwc as never)).toEqual(
      types(
        letters.flatMap((l) =>
          l.items.map((i) => ({
            program: 'DWC',
            treatment_type: listedType('DWC', i.category, i.subcategory),
          })),
        ),
      ),
    );
    expect(dwc.every((r) => typeof r.service === 'string' && r.review_type === null)).toBe(true);
  });

  it('carry the same fields in the CSV export', async () => {
    const c = cases[0];
    const text = await (
      await fetch(`${srv.url}/api/export.csv?letter_id=${c.reference_id}`)
    ).text();
    const body = text.slice(text.indexOf('\n') + 1);
    const [row, ...rest] = Papa.parse<Record<string, string>>(body, {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rest).toEqual([]);
    const want = Object.entries(caseFields(c)).map(([k, v]) => [k, v === null ? '' : String(v)]);
    expect(row).toMatchObject(Object.fromEntries(want));
  });
});
