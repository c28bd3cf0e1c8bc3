import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCase, writeDmhcCsv, type GeneratedCase } from '../etl/dmhc/generate.ts';
import type { Truth } from '../etl/generate/letter.ts';
import { Random } from '../etl/generate/random.ts';
import type { Timeliness, TimelinessRow } from '../model/api.ts';
import { rows as dbRows, tempDir } from './helpers.ts';
import { startServer } from './server.ts';

// A real server over 300 generated letters, a generated current-shape DMHC file (its header
// without spaces) and two letters whose dates give an impossible span. Every expected figure
// is computed here from the generators' truth, never by SQL.
const CASES = 600;
const SEED = 5;
const FIXTURES = join(import.meta.dirname, 'fixtures');
const QUIRKS = readFileSync(join(FIXTURES, 'header-2016-quirks.txt'), 'utf8');
// The fixture is Expedited, decided 02/03/2017; these say it was received after the decision,
// and two years before it. Their truth is the fixture's expected facts with those dates.
const ODD: [string, string, string][] = [
  ['CM17-0900001', '03/01/2017', '2017-03-01'],
  ['CM17-0900002', '01/02/2015', '2015-01-02'],
];
const odd = (id: string, received: string) =>
  QUIRKS.replace('CM17-0000042', id).replace('Application 01/02/2017', `Application ${received}`);
const oddTruth = (id: string, received: string): Truth => ({
  ...JSON.parse(readFileSync(join(FIXTURES, 'header-2016-quirks.expected.json'), 'utf8')),
  case_number: id,
  application_received: received,
});
let srv: Awaited<ReturnType<typeof startServer>>;
let letters: Truth[];
let cases: GeneratedCase[];
beforeAll(async () => {
  const csv = join(tempDir(), 'dmhc.csv');
  await writeDmhcCsv(csv, CASES, SEED, { compact: true });
  const extra = Object.fromEntries(ODD.map(([id, us]) => [`${id}.txt`, odd(id, us)]));
  srv = await startServer(300, { extra: { ...extra, 'dmhc.csv': readFileSync(csv, 'utf8') } });
  letters = readFileSync(join(srv.corpus, 'truth.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  letters.push(...ODD.map(([id, , iso]) => oddTruth(id, iso)));
  const r = new Random(SEED);
  cases = Array.from({ length: CASES }, (_, i) => generatedCase(r, i));
});
afterAll(() => srv.close());

async function wait(query: string): Promise<Timeliness> {
  const res = await fetch(`${srv.url}/api/timeliness?${query}`);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

/** quantile_cont's definition: the sorted values, interpolated linearly at (n - 1) * p. */
function quantile(sorted: number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const [lo, hi] = [Math.floor(at), Math.ceil(at)];
  return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
}

type Wait = { key: string; days: number; limit: number };
/** The rows the API must give for these waits (one per letter and key), keyed by key. */
function expected(waits: Wait[]) {
  const by = new Map<string, Wait[]>();
  for (const w of waits) by.set(w.key, [...(by.get(w.key) ?? []), w]);
  return Object.fromEntries(
    [...by].map(([key, ws]) => {
      const ok = ws.filter((w) => w.days >= 0 && w.days <= 730);
      const d = ok.map((w) => w.days).sort((a, b) => a - b);
      return [
        key,
        {
          n: ok.length,
          p25_days: d.length ? quantile(d, 0.25) : null,
          median_days: d.length ? quantile(d, 0.5) : null,
          p75_days: d.length ? quantile(d, 0.75) : null,
          p90_days: d.length ? quantile(d, 0.9) : null,
          within_limit: ok.filter((w) => w.days <= w.limit).length,
          excluded: ws.length - ok.length,
        },
      ];
    }),
  );
}
const close = (x: number | null) => (x === null ? null : expect.closeTo(x, 6));
const asMap = (t: Timeliness) =>
  Object.fromEntries(
    t.rows.map((r: TimelinessRow) => [
      r.key,
      {
        n: r.n,
        p25_days: r.p25_days,
        median_days: r.median_days,
        p75_days: r.p75_days,
        p90_days: r.p90_days,
        within_limit: r.within_limit,
        excluded: r.excluded,
      },
    ]),
  );
const withClose = (m: ReturnType<typeof expected>) =>
  Object.fromEntries(
    Object.entries(m).map(([k, v]) => [
      k,
      { ...v, p25_days: close(v.p25_days), p75_days: close(v.p75_days), p90_days: close(v.p90_days) }, // prettier-ignore
    ]),
  );

const DAY = 86_400_000;
const span = (from: string | null, to: string | null) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / DAY) : null;
const limitOf = (speed: string) => (speed === 'Expedited' ? 3 : 30);

/** Each generated letter's wait from its application to its decision, with its keys. */
function letterWaits(keys: (l: Truth) => string[], keep: (l: Truth) => boolean = () => true) {
  return letters.filter(keep).flatMap((l) => {
    const days = span(l.application_received, l.decision_date);
    const speed = l.priority ?? 'Not stated';
    return days === null
      ? []
      : [...new Set(keys(l))].map((key) => ({ key, days, limit: limitOf(speed) }));
  });
}

describe('GET /api/timeliness, health plans', () => {
  it.each(['days_to_review', 'days_to_adopt'] as const)(
    'by=review_speed&measure=%s gives the exact quantiles of the generated file, per case',
    async (measure) => {
      const t = await wait(`by=review_speed&measure=${measure}`);
      const want = expected(
        cases.map((c) => ({ key: c.review_speed, days: c[measure], limit: limitOf(c.review_speed) })), // prettier-ignore
      );
      // Medians of whole days are exact: whole, or halfway between two.
      expect(asMap(t)).toEqual(withClose(want));
      expect(t).toMatchObject({ measure, program: 'DMHC', max_days: 730 });
      expect(t.limits).toEqual({ Standard: 30, Expedited: 3, 'Not stated': 30 });
      expect(t.limit_note).toMatch(/30 days.*3 days/);
      // The generator wrote some negative and some absurd spans: left out, and counted.
      if (measure === 'days_to_review') expect(t.rows.some((r) => r.excluded > 0)).toBe(true);
      for (const r of t.rows) {
        expect(r.within_limit_share).toBeCloseTo(r.within_limit / r.n, 12);
        expect(r.ci_low).toBeLessThanOrEqual(r.within_limit_share!);
        expect(r.ci_high).toBeGreaterThanOrEqual(r.within_limit_share!);
      }
    },
  );

  it('flags every case whose span it leaves out', async () => {
    const flagged = await dbRows(
      srv.dbPath,
      `SELECT count(*)::INTEGER AS n FROM letters WHERE list_contains(flags, 'days_to_review: negative span, left out of the measure')
        OR list_contains(flags, 'days_to_review: more than 730 days, left out of the measure')`,
    );
    expect(flagged[0].n).toBe(cases.filter((c) => c.days_to_review < 0 || c.days_to_review > 730).length); // prettier-ignore
  });
});

describe("GET /api/timeliness, workers' comp", () => {
  it('counts letters, not services: by review speed, each letter once', async () => {
    const t = await wait('by=review_speed&measure=days_to_decision');
    const want = expected(letterWaits((l) => [l.priority ?? 'Not stated']));
    expect(asMap(t)).toEqual(withClose(want));
    expect(t.rows.find((r) => r.key === 'Expedited')!.excluded).toBe(2);
    const flags = await dbRows(srv.dbPath, `SELECT letter_id, flags FROM letters WHERE letter_id LIKE 'CM17-09%' ORDER BY 1`); // prettier-ignore
    expect(flags).toEqual([
      { letter_id: 'CM17-0900001', flags: ['days_to_decision: negative span, left out of the measure'] }, // prettier-ignore
      { letter_id: 'CM17-0900002', flags: ['days_to_decision: more than 730 days, left out of the measure'] }, // prettier-ignore
    ]);
    const services = letters.reduce((s, l) => s + l.items.length, 0);
    expect(t.rows.reduce((s, r) => s + r.n, 0)).toBeLessThan(services);
  });

  it('by a key of the services, counts a letter once under each of its keys', async () => {
    for (const [by, keyOf] of [
      ['category', (l: Truth) => l.items.map((i) => i.category)],
      ['guideline_source', (l: Truth) => l.items.flatMap((i) => i.guideline_sources)],
    ] as const) {
      const t = await wait(`by=${by}&measure=days_to_decision&limit=1000`);
      expect(asMap(t), by).toEqual(withClose(expected(letterWaits(keyOf))));
    }
  });

  it('follows filters on services and on letters', async () => {
    const pharma = (l: Truth) => l.items.some((i) => i.category === 'Pharmaceuticals');
    const byYear = (l: Truth) => [l.decision_date!.slice(0, 4)];
    const t = await wait('by=decision_year&measure=days_to_decision&category=Pharmaceuticals');
    expect(asMap(t)).toEqual(withClose(expected(letterWaits(byYear, pharma))));
    const female = (l: Truth) => l.patient_gender === 'female';
    const g = await wait('by=specialty&measure=days_from_ur&gender=female&limit=1000');
    const fromUr = letters.filter(female).flatMap((l) => {
      const days = span(l.ur_denial_date, l.decision_date);
      const limit = limitOf(l.priority ?? 'Not stated');
      return days === null ? [] : [{ key: l.reviewer_specialty, days, limit }];
    });
    expect(asMap(g)).toEqual(withClose(expected(fromUr)));
  });

  it('by a key of the services under a filter on another one: the matching services only', async () => {
    const overturned = (l: Truth) => l.items.filter((i) => i.decision === 'Overturned');
    const t = await wait('by=category&measure=days_to_decision&decision=Overturned&limit=1000');
    const keys = (l: Truth) => overturned(l).map((i) => i.category);
    expect(asMap(t)).toEqual(
      withClose(expected(letterWaits(keys, (l) => overturned(l).length > 0))),
    );
  });

  it('by age: decades, as /api/rates labels them', async () => {
    const t = await wait('by=age&measure=days_to_decision');
    const decade = (l: Truth) => Math.floor(l.patient_age / 10) * 10;
    expect(asMap(t)).toEqual(withClose(expected(letterWaits((l) => [`${decade(l)}–${decade(l) + 9}`])))); // prettier-ignore
  });

  it('by a letter, cut in SQL to the first keys asked for', async () => {
    const t = await wait('by=letter_id&measure=days_to_decision&sort=key&limit=3');
    const first = letters
      .filter((l) => span(l.application_received, l.decision_date) !== null)
      .sort((a, b) => (a.case_number! < b.case_number! ? -1 : 1))
      .slice(0, 3);
    expect(asMap(t)).toEqual(withClose(expected(letterWaits((l) => [l.case_number!], (l) => first.includes(l))))); // prettier-ignore
  });

  it('by=decision_month gives each month of decision, sorted by key', async () => {
    const t = await wait('by=decision_month&measure=days_from_assignment&sort=key&limit=1000');
    const waits = letters.flatMap((l) => {
      const days = span(l.date_assigned, l.decision_date);
      const limit = limitOf(l.priority ?? 'Not stated');
      return days === null ? [] : [{ key: l.decision_date!.slice(0, 7), days, limit }];
    });
    expect(asMap(t)).toEqual(withClose(expected(waits)));
    expect(t.rows.map((r) => r.key)).toEqual(t.rows.map((r) => r.key).sort());
  });

  it('lists the letters behind a key, one row each, as many as its n', async () => {
    const t = await wait('by=category&measure=days_to_decision&category=Surgery');
    const [surgery] = t.rows;
    const res = await fetch(
      `${srv.url}/api/items?category=Surgery&measure=days_to_decision&limit=500`,
    );
    const listed = (await res.json()).rows as { letter_id: string; days_to_decision: number }[];
    expect(listed.length).toBe(surgery.n);
    expect(new Set(listed.map((r) => r.letter_id)).size).toBe(listed.length);
    const want = letters.filter((l) => l.items.some((i) => i.category === 'Surgery') && span(l.application_received, l.decision_date) !== null); // prettier-ignore
    expect(listed.map((r) => r.letter_id).sort()).toEqual(want.map((l) => l.case_number ?? '').sort()); // prettier-ignore
  });
});

describe('exports', () => {
  it('carry review_speed and every span, in CSV and Parquet', async () => {
    const l = letters.find((x) => x.application_received && x.priority === 'Standard')!;
    const c = cases.find((x) => x.days_to_review > 0 && x.review_speed === 'Expedited')!;
    const want = {
      [l.case_number!]: { review_speed: 'Standard', days_to_decision: span(l.application_received, l.decision_date), days_from_ur: span(l.ur_denial_date, l.decision_date), days_to_review: null }, // prettier-ignore
      [c.reference_id]: { review_speed: 'Expedited', days_to_decision: null, days_from_ur: null, days_to_review: c.days_to_review, days_to_adopt: c.days_to_adopt }, // prettier-ignore
    };
    const q = `letter_id=${l.case_number}&letter_id=${c.reference_id}`;
    const csv = await (await fetch(`${srv.url}/api/export.csv?${q}`)).text();
    const parsed = Papa.parse<Record<string, string>>(csv.slice(csv.indexOf('\n') + 1), {
      header: true,
      skipEmptyLines: true,
      dynamicTyping: true,
    }).data;
    const file = join(tempDir(), 'x.parquet');
    writeFileSync(file, Buffer.from(await (await fetch(`${srv.url}/api/export.parquet?${q}`)).arrayBuffer())); // prettier-ignore
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const parquet = (await duck.runAndReadAll('SELECT * FROM read_parquet($f)', { f: file })).getRowObjectsJson(); // prettier-ignore
    duck.closeSync();
    for (const exported of [parsed, parquet]) {
      const byId = Object.fromEntries(exported.map((r) => [r.letter_id, r]));
      for (const [id, fields] of Object.entries(want))
        for (const [k, v] of Object.entries(fields))
          expect(byId[id as string][k] ?? null, `${id} ${k}`).toBe(v);
    }
  });
});

describe('GET /api/timeliness, bad requests and documentation', () => {
  it.each([
    ['by=review_speed', 'measure'],
    ['by=review_speed&measure=days_to_lunch', 'measure'],
    ['by=nothing&measure=days_to_review', 'by'],
    ['measure=days_to_review', 'by'],
    ['by=review_speed&measure=days_to_review&review_speed=Slow', 'review_speed'],
  ])('%s is a 400 naming %s', async (query, name) => {
    const res = await fetch(`${srv.url}/api/timeliness?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await res.json()).invalid_params[0].name).toBe(name);
  });

  it('is in the OpenAPI document with its answer', async () => {
    const doc = await (await fetch(`${srv.url}/api/openapi.json`)).json();
    const op = doc.paths['/api/timeliness'].get;
    const names = op.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['by', 'measure', 'review_speed', 'program']));
    const row = op.responses['200'].content['application/json'].schema.properties.rows.items;
    expect(Object.keys(row.properties)).toEqual(
      expect.arrayContaining(['key', 'n', 'median_days', 'p25_days', 'p75_days', 'p90_days', 'within_limit', 'within_limit_share', 'ci_low', 'ci_high']), // prettier-ignore
    );
  });
});
