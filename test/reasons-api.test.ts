import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Truth } from '../etl/generate/letter.ts';
import { writeDmhcCsv } from '../etl/dmhc/generate.ts';
import type { Reasons, ReasonSpan } from '../model/api.ts';
import { REASONS } from '../model/values.ts';
import { tempDir } from './helpers.ts';
import { startServer } from './server.ts';

// The reason and guideline-agreement dimensions through the API, against the generator's truth:
// generated letters and a generated health-plan file, whose every service records its reasons.
type Row = Truth['items'][number] & { letter: string };
let srv: Awaited<ReturnType<typeof startServer>>;
let rows: Row[];
beforeAll(async () => {
  const csv = join(tempDir(), 'dmhc.csv');
  await writeDmhcCsv(csv, 150);
  srv = await startServer(400, { extra: { 'dmhc.csv': readFileSync(csv, 'utf8') } });
  const truth: Truth[] = readFileSync(join(srv.corpus, 'truth.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  rows = truth.flatMap((t) => t.items.map((i) => ({ ...i, letter: t.case_number ?? '' })));
});
afterAll(() => srv.close());

async function api(path: string) {
  const res = await fetch(srv.url + path);
  return { status: res.status, body: await res.json() };
}
const byKey = (list: { key: string; n: number; upheld: number }[]) =>
  Object.fromEntries(list.map((r) => [r.key, { n: r.n, upheld: r.upheld }]));

describe('GET /api/rates?by=reason', () => {
  it('counts each letter service under each of its families, as the truth says, and says so', async () => {
    const { status, body } = await api('/api/rates?by=reason&program=DWC&limit=100');
    expect(status).toBe(200);
    expect(body.multi_valued).toBe(true);
    expect(body.note).toMatch(/more than 100%/);
    const want: Record<string, { n: number; upheld: number }> = {};
    for (const r of rows)
      for (const k of r.reason) {
        want[k] ??= { n: 0, upheld: 0 };
        want[k].n++;
        if (r.decision === 'Upheld') want[k].upheld++;
      }
    expect(byKey(body.rows)).toEqual(want);
    expect(body.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBeGreaterThan(
      rows.length,
    );
  });

  it('is Not stated for the health-plan cases without findings, and not multi-valued by category', async () => {
    const dmhc = (await api('/api/rates?by=reason&program=DMHC')).body.rows;
    for (const r of dmhc) expect([...REASONS, 'Not stated']).toContain(r.key);
    expect((await api('/api/rates?by=category')).body.multi_valued).toBe(false);
  });
});

describe('reason= and guideline_agreement= filters', () => {
  const endpoints = ['summary', 'rates?by=category', 'trend', 'crosstab?rows=category&cols=decision', 'facets', 'items', 'reasons', 'export.csv']; // prettier-ignore

  it.each(endpoints)('/api/%s takes them, and refuses an unknown value naming the parameter', async (e) => {
    const sep = e.includes('?') ? '&' : '?';
    const ok = await fetch(`${srv.url}/api/${e}${sep}reason=exceeds_quantity&guideline_agreement=different`);
    expect(ok.status).toBe(200);
    for (const p of ['reason', 'guideline_agreement']) {
      const bad = await fetch(`${srv.url}/api/${e}${sep}${p}=because`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await bad.json()).invalid_params[0].name).toBe(p);
    }
  }); // prettier-ignore

  it('keep the services the truth gives the family, or the agreement', async () => {
    for (const k of ['no_functional_improvement', 'criteria_met']) {
      const n = rows.filter((r) => r.reason.includes(k as never)).length;
      expect((await api(`/api/summary?program=DWC&reason=${k}`)).body.items).toBe(n);
    }
    for (const a of ['same', 'different']) {
      const n = rows.filter((r) => r.guideline_agreement === a).length;
      expect((await api(`/api/summary?guideline_agreement=${a}`)).body.items).toBe(n);
    }
    const unread = rows.filter((r) => r.guideline_agreement === null).length;
    expect((await api('/api/summary?program=DWC&guideline_agreement=Not+stated')).body.items).toBe(
      unread,
    );
  });
});

describe('services and letters carry their reasons', () => {
  it('/api/items rows carry reason (keys) and guideline_agreement', async () => {
    const { body } = await api('/api/items?reason=drug_monitoring&limit=500');
    expect(body.rows.length).toBeGreaterThan(0);
    for (const r of body.rows) {
      expect(r.reason).toContain('drug_monitoring');
      expect(['same', 'different', null]).toContain(r.guideline_agreement);
    }
    const csv = await (await fetch(`${srv.url}/api/export.csv?reason=drug_monitoring`)).text();
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^#.*\n/, ''), { header: true });
    expect(parsed.data.filter((r) => r.letter_id).every((r) => r.reason.includes('drug_monitoring'))).toBe(true); // prettier-ignore
  });

  it("the letter answer gives each service's families with its sentence's offsets", async () => {
    const { body: page } = await api('/api/items?program=DWC&limit=40');
    let spans = 0;
    for (const id of new Set<string>(page.rows.map((r: { letter_id: string }) => r.letter_id))) {
      const { body: l } = await api(`/api/letters/${id}`);
      for (const i of l.items) {
        const want = rows.find((r) => r.letter === id && r.treatment === i.treatment)!;
        expect(i.reason).toEqual(want.reason);
        for (const s of i.reason_spans as ReasonSpan[]) {
          spans++;
          expect(i.reason).toContain(s.reason);
          expect(i.rationale.slice(s.start, s.end)).toMatch(/^[A-Z].*\.$/);
        }
      }
    }
    expect(spans).toBeGreaterThan(10);
  });

  it("a health-plan case's offsets are into its findings", async () => {
    const { body: page } = await api('/api/items?program=DMHC&reason=findings_do_not_support');
    const { body: c } = await api(`/api/letters/${page.rows[0].letter_id}`);
    const [s] = c.items[0].reason_spans as ReasonSpan[];
    expect(c.items[0].rationale).toBeNull();
    expect(c.full_text.slice(s.start, s.end)).toMatch(/^[A-Z].*\.$/);
  });
});

describe('GET /api/reasons', () => {
  it("gives each family's share of upheld and overturned services, as rates by reason count them", async () => {
    const { body } = (await api('/api/reasons?program=DWC')) as { body: Reasons };
    const { body: sum } = await api('/api/summary?program=DWC');
    expect(body.upheld + body.overturned + body.not_stated).toBe(sum.items);
    expect(body.upheld).toBe(rows.filter((r) => r.decision === 'Upheld').length);
    const rates = byKey((await api('/api/rates?by=reason&program=DWC')).body.rows);
    for (const r of body.rows) {
      expect(r.upheld.n).toBe(rates[r.reason]?.upheld ?? 0);
      expect(r.overturned.n + r.upheld.n).toBe(rates[r.reason]?.n ?? 0);
      expect(r.upheld.share).toBeCloseTo(r.upheld.n / body.upheld);
      expect(r.upheld.ci_low).toBeLessThanOrEqual(r.upheld.share!);
      expect(r.upheld.ci_high).toBeGreaterThanOrEqual(r.upheld.share!);
    }
    expect(body.rows.find((r) => r.reason === 'criteria_met')!.overturned.share).toBe(1);
  });

  it('compares UR and IMR guidelines: how often they differ, and the rate either way', async () => {
    const { body } = (await api('/api/reasons')) as { body: Reasons };
    const agreement = byKey((await api('/api/rates?by=guideline_agreement')).body.rows);
    const g = body.guidelines;
    expect(g.different.n).toBe(agreement.different.n);
    expect(g.different.of).toBe(agreement.different.n + agreement.same.n);
    expect(g.same_rate.upheld).toBe(agreement.same.upheld);
    expect(g.different_rate.uphold_rate).toBeCloseTo(
      agreement.different.upheld / agreement.different.n,
    );
  });
});

describe('OpenAPI', () => {
  it('documents /api/reasons, the new filters and what the offsets point into', async () => {
    const { body } = await api('/api/openapi.json');
    expect(body.paths['/api/reasons']).toBeDefined();
    const params = body.paths['/api/items'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['reason', 'guideline_agreement']));
    expect(body.paths['/api/letters/{id}'].get.summary).toMatch(/reason_spans/);
    expect(body.paths['/api/rates'].get.summary).toMatch(/each of its values/);
  });
});
