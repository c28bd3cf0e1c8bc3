import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Truth } from '../etl/generate/letter.ts';
import { startServer } from './server.ts';

let srv: Awaited<ReturnType<typeof startServer>>;
let truth: Truth[];
beforeAll(async () => {
  srv = await startServer(600);
  truth = readFileSync(join(srv.corpus, 'truth.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
});
afterAll(() => srv.close());

const get = async (path: string) => {
  const res = await fetch(srv.url + path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: await res.json() };
};

/** Expected counts per key, computed from the generator's truth file rather than from SQL. */
function expectedRates(keyOf: (t: Truth, i: Truth['items'][number]) => string[], keep = (_t: Truth, _i: Truth['items'][number]) => true) {
  const m = new Map<string, { n: number; upheld: number }>();
  for (const t of truth) for (const i of t.items) {
    if (!keep(t, i)) continue;
    for (const k of keyOf(t, i)) {
      const c = m.get(k) ?? { n: 0, upheld: 0 };
      c.n++;
      if (i.decision === 'Upheld') c.upheld++;
      m.set(k, c);
    }
  }
  return Object.fromEntries(m);
}
const asMap = (rows: { key: string; n: number; upheld: number }[]) => Object.fromEntries(rows.map((r) => [r.key, { n: r.n, upheld: r.upheld }]));

describe('GET /api/summary', () => {
  it('counts letters and services, with the rate, its interval and the data source', async () => {
    const { status, body } = await get('/api/summary');
    expect(status).toBe(200);
    const items = truth.flatMap((t) => t.items);
    const upheld = items.filter((i) => i.decision === 'Upheld').length;
    expect(body).toMatchObject({ data_source: 'synthetic', synthetic_letters: 600, real_letters: 0, letters: 600, items: items.length, upheld });
    expect(body.uphold_rate).toBeCloseTo(upheld / items.length, 10);
    expect(body.ci_low).toBeLessThan(body.uphold_rate);
    expect(body.ci_high).toBeGreaterThan(body.uphold_rate);
  });
});

describe('GET /api/rates', () => {
  it.each([
    ['category', (_t: Truth, i: Truth['items'][number]) => [i.category]],
    ['guideline', (_t: Truth, i: Truth['items'][number]) => i.guideline_sources],
    ['specialty', (t: Truth) => [t.reviewer_specialty]],
  ] as const)('by=%s matches the truth', async (by, keyOf) => {
    const { status, body } = await get(`/api/rates?by=${by}`);
    expect(status).toBe(200);
    expect(asMap(body.rows)).toEqual(expectedRates(keyOf));
    for (const r of body.rows) {
      expect(Object.keys(r).sort()).toEqual(['ci_high', 'ci_low', 'key', 'n', 'overturned', 'upheld', 'uphold_rate']);
      expect(r.overturned).toBe(r.n - r.upheld);
      expect(r.ci_low).toBeLessThanOrEqual(r.uphold_rate);
      expect(r.ci_high).toBeGreaterThanOrEqual(r.uphold_rate);
    }
  });

  it('filters by treatment substring, case-insensitively, ORing repeats', async () => {
    const { body } = await get('/api/rates?by=category&treatment=ACUPUNCTURE&treatment=infrared');
    expect(asMap(body.rows)).toEqual(expectedRates((_t, i) => [i.category], (_t, i) => /acupuncture|infrared/i.test(i.treatment)));
    expect(body.rows.length).toBeGreaterThan(0);
  });

  it('finds the same services for "PT" and "physical therapy"', async () => {
    const pt = await get('/api/summary?treatment=PT');
    const spelled = await get('/api/summary?treatment=physical%20therapy');
    const truthCount = truth.flatMap((t) => t.items).filter((i) => /physical therapy|\bPT\b|physiotherapy/i.test(i.treatment)).length;
    expect(truthCount).toBeGreaterThan(0);
    expect(pt.body.items).toBe(truthCount);
    expect(spelled.body.items).toBe(truthCount);
  });

  it('filters by category and decision date range', async () => {
    const { body } = await get('/api/rates?by=specialty&category=Pharmaceuticals&category=Surgery&decision_from=2017-01-01&decision_to=2019-12-31');
    expect(asMap(body.rows)).toEqual(expectedRates((t) => [t.reviewer_specialty], (t, i) =>
      ['Pharmaceuticals', 'Surgery'].includes(i.category) && t.decision_date !== null && t.decision_date >= '2017-01-01' && t.decision_date <= '2019-12-31'));
  });

  it('treats SQL and LIKE wildcards in a search as plain text', async () => {
    for (const t of ["' OR 1=1 --", '%%', '_', "acupuncture'; DROP TABLE items; --"]) {
      const { status, body } = await get(`/api/rates?by=category&treatment=${encodeURIComponent(t)}`);
      expect(status).toBe(200);
      expect(body.rows).toEqual([]);
    }
    expect((await get('/api/summary')).body.letters).toBe(600);
    const percent = await get('/api/rates?by=category&treatment=%25');
    expect(asMap(percent.body.rows)).toEqual(expectedRates((_t, i) => [i.category], (_t, i) => i.treatment.includes('%')));
  });
});

describe('bad requests', () => {
  it.each([
    ['/api/rates?by=treatment', 'by', /one of: category, guideline, specialty/],
    ['/api/rates', 'by', /.+/],
    ['/api/rates?by=category&category=Magic', 'category', /one of: Diagnostic Testing/],
    ['/api/rates?by=category&decision_from=2016-13-01', 'decision_from', /not a real calendar date/],
    ['/api/rates?by=category&decision_to=yesterday', 'decision_to', /YYYY-MM-DD/],
    ['/api/rates?by=category&treatment=', 'treatment', /.+/],
    ['/api/summary?colour=red', 'colour', /unknown parameter/],
    ['/api/summary?specialty=Astrology', 'specialty', /one of:/],
    ['/api/summary?decision=Maybe', 'decision', /one of: Upheld, Overturned/],
    ['/api/summary?guideline_source=Wikipedia', 'guideline_source', /one of: MTUS/],
  ])('%s is a 400 naming %s', async (path, name, reason) => {
    const { status, type, body } = await get(path);
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body.detail).toContain(`"${name}"`);
    expect(body.invalid_params[0].name).toBe(name);
    expect(body.invalid_params[0].reason).toMatch(reason);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|at .*\.ts:\d+/);
  });

  it('answers an unknown endpoint with a 404 problem', async () => {
    const { status, type } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/problem\+json/);
  });

  it('sends security headers', async () => {
    const { headers } = await get('/api/summary');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-powered-by')).toBeNull();
  });
});
