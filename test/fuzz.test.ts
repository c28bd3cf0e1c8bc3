import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../etl/generate/random.ts';
import { ROUTES } from '../server/http/routes.ts';
import { startServer } from './server.ts';

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer(200);
});
afterAll(() => srv.close());

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE items; --",
  '" OR ""="',
  '1; SELECT * FROM letters',
  ') UNION SELECT full_text FROM letters --',
  '$1',
  '$category',
  '?',
  '%',
  '_',
  '\\',
  '\\x00',
  '%00',
  '%zz',
  '%E0%A4%A',
  '../../etc/passwd',
  '..\\..\\windows',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e308',
  '2016-02-30',
  '9999-99-99',
  'null',
  'undefined',
  '[]',
  '{}',
  'true',
  'ñandú',
  '鍼灸',
  '🦴🩻',
  '\u202e',
  'Ω'.repeat(50),
  'a'.repeat(3000),
  'Upheld',
  'Surgery',
  'month',
  'category',
  'guideline',
  'treatment',
  'MTUS',
  'male',
  'CM16-0213037',
  '2016-01-01',
  '42',
];
const NAMES = [
  ...new Set(Object.values(ROUTES).flatMap((r) => Object.keys(r.shape))),
  'foo',
  '__proto__',
  'constructor',
  'by[]',
  'category[0]',
  '',
];
const PATHS = [...Object.keys(ROUTES), '/api/letters/CM16-0213037', '/api/letters/x'];

function hostileQuery(r: Random): string {
  const parts: string[] = [];
  for (let k = r.int(0, 6); k > 0; k--) {
    const name = r.pick(NAMES);
    const value = r.pick(PAYLOADS);
    const raw = r.chance(0.2);
    const part = `${raw ? name : encodeURIComponent(name)}=${raw ? value : encodeURIComponent(value)}`;
    for (let rep = r.chance(0.1) ? r.int(2, 60) : 1; rep > 0; rep--) parts.push(part);
  }
  // Under the server's URL limit once encoded; longer URLs are answered 414 (tested apart).
  let q = parts.join('&');
  while (new URL(`http://h/?${q}`).search.length > 7000) q = q.slice(0, -100);
  return q;
}

describe('API fuzz', () => {
  it('answers 2,000 random hostile queries with 200, 400 or 404 only, never with SQL or a stack trace', async () => {
    const r = new Random(2024);
    const seen: Record<number, number> = {};
    for (let i = 0; i < 2000; i++) {
      const path = r.pick(PATHS);
      const url = `${srv.url}${path}?${hostileQuery(r)}`;
      const res = await fetch(url);
      const body = await res.text();
      seen[res.status] = (seen[res.status] ?? 0) + 1;
      const allowed = path.startsWith('/api/letters/') ? [200, 400, 404] : [200, 400];
      expect(allowed, `${res.status} for ${url}: ${body.slice(0, 300)}`).toContain(res.status);
      // An export records its filters, so it may echo what was asked: that is no leak, and a
      // Parquet file's bytes are no message (an error would be problem+json).
      const binary = !/json|text|csv/.test(res.headers.get('content-type') ?? '');
      const echoed = PAYLOADS.reduce((b, p) => b.split(p).join(''), binary ? '' : body);
      expect(echoed, url).not.toMatch(
        /\bSELECT\b.*\bFROM\b|Binder Error|Parser Error|Conversion Error|at .*\.ts:\d+|node_modules/,
      );
    }
    expect(seen[200]).toBeGreaterThan(50);
    expect(seen[400]).toBeGreaterThan(500);
  });

  it.each([9000, 40_000])('answers a %i-character URL with a 414 problem', async (length) => {
    const res = await fetch(`${srv.url}/api/summary?treatment=${'a'.repeat(length)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
