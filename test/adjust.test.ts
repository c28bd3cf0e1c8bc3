import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjustedRates, Cell, Comparison } from '../model/api.ts';
import { PROGRAMS } from '../model/values.ts';
import { letter } from './odd-letters.ts';
import { startServer } from './server.ts';

/**
 * A corpus, loaded by the real ETL from letters written here, where two reviewer specialties
 * uphold each kind of service equally often but see different mixes: drugs (upheld 90%) and
 * physical therapy (50%). A third sees drugs and, alone, MRIs: a stratum only one key has.
 */
const DRUG = 'Norco 10/325mg #60';
const PT = 'Physical therapy 2 times a week for 6 weeks';
const MRI = 'MRI of the lumbar spine';
const GROUPS: [specialty: string, treatment: string, n: number, upheld: number][] = [
  ['Family Practice', DRUG, 40, 36],
  ['Family Practice', PT, 10, 5],
  ['Orthopedic Surgery', DRUG, 10, 9],
  ['Orthopedic Surgery', PT, 40, 20],
  ['Internal Medicine', DRUG, 10, 9],
  ['Internal Medicine', MRI, 6, 3],
];

/** The groups as letters of five services each, the first `upheld` of a group upheld. */
function letters(): Record<string, string> {
  const files: Record<string, string> = {};
  let no = 0;
  for (const [specialty, treatment, n, upheld] of GROUPS)
    for (let first = 0; first < n; first += 5) {
      const size = Math.min(5, n - first);
      const id = `CM18-${String(9_000_000 + ++no)}`;
      const names = Array.from({ length: size }, () => treatment);
      files[`${id}.txt`] = letter(id, names, specialty, (i) => first + i < upheld);
    }
  return files;
}

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer(0, { extra: letters() });
});
afterAll(() => srv.close());
const api = async (path: string) => {
  const res = await fetch(srv.url + path);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: await res.json(),
  };
};

describe('GET /api/rates?adjust=', () => {
  it('finds the same per-stratum rates under different mixes: raw rates differ, O/E is 1', async () => {
    const { status, body } = await api('/api/rates?by=specialty&adjust=category&sort=key');
    expect(status).toBe(200);
    const r = body as AdjustedRates;
    expect(r).toMatchObject({ by: 'specialty', adjust: 'category', strata: 3 });
    const [fp, im, os] = r.rows;
    expect([fp.key, im.key, os.key]).toEqual([
      'Family Practice',
      'Internal Medicine',
      'Orthopedic Surgery',
    ]);
    expect(fp).toMatchObject({ n: 50, upheld: 41, adjusted_n: 50, adjusted_upheld: 41 });
    expect(os).toMatchObject({ n: 50, upheld: 29, adjusted_n: 50, adjusted_upheld: 29 });
    expect(fp.uphold_rate! - os.uphold_rate!).toBeCloseTo(0.24, 10);
    for (const row of [fp, os, im]) {
      expect(row.oe_ratio, row.key).toBeCloseTo(1, 6);
      expect(row.oe_ci_low!).toBeLessThan(1);
      expect(row.oe_ci_high!).toBeGreaterThan(1);
    }
  });

  it('leaves out a stratum whose services all have one key, and says how many there are', async () => {
    const { body } = await api('/api/rates?by=specialty&adjust=category');
    const r = body as AdjustedRates;
    expect(r.single_key_strata).toBe(1);
    const im = r.rows.find((x) => x.key === 'Internal Medicine')!;
    // Its six MRIs are in no other specialty's mix: only its ten drugs are compared.
    expect(im).toMatchObject({ n: 16, upheld: 12, adjusted_n: 10, adjusted_upheld: 9 });
    expect(im.expected_upheld).toBeCloseTo(9, 9);
  });

  it("gives expected_rate as computed by hand from /api/crosstab's cells", async () => {
    for (const query of ['', '&decision_from=2018-01-01', '&treatment=norco&treatment=therapy']) {
      const cells = (await api(`/api/crosstab?rows=specialty&cols=category${query}`)).body
        .cells as Cell[];
      const strata = new Map<string, { n: number; upheld: number; keys: number }>();
      for (const c of cells) {
        const s = strata.get(c.col) ?? { n: 0, upheld: 0, keys: 0 };
        strata.set(c.col, { n: s.n + c.n, upheld: s.upheld + c.upheld, keys: s.keys + 1 });
      }
      const byHand = new Map<string, { n: number; expected: number }>();
      for (const c of cells) {
        const s = strata.get(c.col)!;
        if (s.keys < 2) continue;
        const e = byHand.get(c.row) ?? { n: 0, expected: 0 };
        byHand.set(c.row, { n: e.n + c.n, expected: e.expected + (c.n * s.upheld) / s.n });
      }
      const r = (await api(`/api/rates?by=specialty&adjust=category${query}`)).body;
      expect(r.rows.length, query).toBe(byHand.size);
      for (const row of (r as AdjustedRates).rows) {
        const want = byHand.get(row.key)!;
        expect(row.adjusted_n, `${query} ${row.key}`).toBe(want.n);
        expect(row.expected_upheld).toBeCloseTo(want.expected, 9);
        expect(row.expected_rate).toBeCloseTo(want.expected / want.n, 12);
      }
    }
  });

  it('gives the same answer by service (treatment_cube, or facts) as by category (facet_cube)', async () => {
    // Here each service is one category's, so the two adjustments must agree to the last digit.
    for (const q of ['', '&decision_from=2018-01-01', '&treatment=norco&treatment=therapy']) {
      const cube = (await api(`/api/rates?by=specialty&adjust=category&sort=key${q}`)).body;
      const services = (await api(`/api/rates?by=specialty&adjust=service&sort=key${q}`)).body;
      expect(services.adjust).toBe('service');
      expect(services.rows, q).toEqual(cube.rows);
    }
    const byYear = (await api('/api/rates?by=decision_year&adjust=service')).body;
    expect(byYear.rows).toHaveLength(1);
    expect(byYear.rows[0]).toMatchObject({ key: '2018', n: 116, adjusted_n: 0 });
    expect(byYear.rows[0].oe_ratio).toBeNull();
  });

  it('puts the O/E interval at the Wilson interval of the observed rate over the expected rate', async () => {
    const r = (await api('/api/rates?by=specialty&adjust=category')).body as AdjustedRates;
    for (const row of r.rows) {
      const [lo, hi] = wilsonByHand(row.adjusted_upheld, row.adjusted_n);
      expect(row.oe_ci_low).toBeCloseTo(lo / row.expected_rate!, 9);
      expect(row.oe_ci_high).toBeCloseTo(hi / row.expected_rate!, 9);
    }
  });

  it.each([
    ['by=specialty&adjust=bogus', 'adjust'],
    ['by=specialty&adjust=specialty', 'adjust'],
    ['by=category&adjust=category', 'adjust'],
  ])('answers %s with a 400 naming %s', async (query, name) => {
    const { status, type, body } = await api(`/api/rates?${query}`);
    expect(status).toBe(400);
    expect(type).toMatch(/problem\+json/);
    expect(body.invalid_params[0].name).toBe(name);
  });
});

// The test's own Wilson and Newcombe (method 10), from the papers' formulas.
function wilsonByHand(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const mid = 2 * n * p + z * z;
  const spread = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  return [(mid - spread) / (2 * (n + z * z)), (mid + spread) / (2 * (n + z * z))];
}
function newcombeByHand(k1: number, n1: number, k2: number, n2: number) {
  const [l1, u1] = wilsonByHand(k1, n1);
  const [l2, u2] = wilsonByHand(k2, n2);
  const d = k1 / n1 - k2 / n2;
  const lower = d - Math.sqrt((k1 / n1 - l1) ** 2 + (u2 - k2 / n2) ** 2);
  const upper = d + Math.sqrt((u1 - k1 / n1) ** 2 + (k2 / n2 - l2) ** 2);
  return [lower, upper];
}

const compareUrl = (a: string, b: string) =>
  `/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

describe('GET /api/compare', () => {
  it("agrees with the test's own Newcombe interval to 3 decimals", async () => {
    const { status, body } = await api(
      compareUrl('specialty=Family Practice', 'specialty=Orthopedic Surgery&program=DWC'),
    );
    expect(status).toBe(200);
    const c = body as Comparison;
    expect(c.a).toMatchObject({ n: 50, upheld: 41 });
    expect(c.b).toMatchObject({ n: 50, upheld: 29 });
    expect(c.a.uphold_rate).toBeCloseTo(0.82, 12);
    expect(c.difference).toBeCloseTo(0.24, 12);
    const [lo, hi] = newcombeByHand(41, 50, 29, 50);
    expect(c.ci_low).toBeCloseTo(lo, 3);
    expect(c.ci_high).toBeCloseTo(hi, 3);
    expect(c.test).toBe('two-proportion z test');
    expect(c.p_value).toBeGreaterThan(0);
    expect(c.p_value).toBeLessThan(0.05);
  });

  it('gives a slice against itself a difference of 0 and p = 1', async () => {
    for (const s of ['specialty=Family Practice', '', 'category=Pharmaceuticals&treatment=norco']) {
      const c = (await api(compareUrl(s, s))).body as Comparison;
      expect(c.a).toEqual(c.b);
      expect(c.difference).toBe(0);
      expect(c.p_value).toBeCloseTo(1, 12);
      expect(c.ci_low).toBeCloseTo(-c.ci_high!, 12);
    }
  });

  it("uses Fisher's exact test when an expected count is under 5", async () => {
    const c = (await api(compareUrl('category=Diagnostic Testing', 'specialty=Family Practice')))
      .body as Comparison;
    expect(c.a).toMatchObject({ n: 6, upheld: 3 });
    expect(c.test).toBe("Fisher's exact test");
    expect(c.p_value).toBeGreaterThan(0);
    expect(c.p_value).toBeLessThanOrEqual(1);
  });

  it('answers nulls for a slice with no services', async () => {
    const c = (await api(compareUrl('decision_from=2020-01-01', ''))).body as Comparison;
    expect(c.a.n).toBe(0);
    expect(c).toMatchObject({ difference: null, p_value: null, test: null });
  });

  it.each([
    [compareUrl('category=Nope', ''), 'a.category'],
    [compareUrl('', 'decision_from=2018-02-31'), 'b.decision_from'],
    [compareUrl('bogus=1', ''), 'a.bogus'],
    [compareUrl('decision_from=2019-01-01&decision_to=2018-01-01', ''), 'a.decision_from'],
    ['/api/compare?a=', 'b'],
    ['/api/compare?a=program%3DDWC&a=program%3DDMHC&b=', 'a'],
    ['/api/compare?a=&b=&c=', 'c'],
  ])('answers %s with a 400 naming %s', async (path, name) => {
    const { status, type, body } = await api(path);
    expect(status).toBe(400);
    expect(type).toMatch(/problem\+json/);
    expect(body.invalid_params[0].name).toBe(name);
    expect(body.detail).toContain(`"${name}"`);
  });
});

describe('GET /api/events', () => {
  it('serves at least four dated policy events, each with its program and a source', async () => {
    const { status, body } = await api('/api/events');
    expect(status).toBe(200);
    expect(body.events.length).toBeGreaterThanOrEqual(4);
    for (const e of body.events) {
      expect(new Date(e.date).toISOString().slice(0, 10)).toBe(e.date);
      expect(PROGRAMS).toContain(e.program);
      expect(e.label.length).toBeGreaterThan(3);
      expect(new URL(e.source).protocol).toBe('https:');
    }
    expect(body.events.map((e: { date: string }) => e.date)).toContain('2018-01-01');
  });

  it('takes no parameters', async () => {
    const { status, body } = await api('/api/events?program=DWC');
    expect(status).toBe(400);
    expect(body.invalid_params[0].name).toBe('program');
  });

  it('is in the OpenAPI document, with compare and rates?adjust=', async () => {
    const doc = (await api('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/compare', '/api/events', '/api/rates']),
    );
    const names = (p: string) =>
      doc.paths[p].get.parameters.map((x: { name: string }) => x.name) as string[];
    expect(names('/api/rates')).toContain('adjust');
    expect(names('/api/compare')).toEqual(['a', 'b']);
  });
});
