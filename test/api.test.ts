import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Truth } from '../etl/generate/letter.ts';
import { Database } from '../server/db/database.ts';
import type { HttpError } from '../server/http/errors.ts';
import { SUBCATEGORIES } from '../model/values.ts';
import { FACETS } from '../model/dimensions.ts';
import { crosstab } from '../server/queries/crosstab.ts';
import { startServer } from './server.ts';

type Row = Truth & Truth['items'][number];
let srv: Awaited<ReturnType<typeof startServer>>;
let truth: Truth[];
let rows: Row[];
beforeAll(async () => {
  srv = await startServer(700);
  truth = readFileSync(join(srv.corpus, 'truth.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  rows = truth.flatMap((t) => t.items.map((i) => ({ ...t, ...i })));
});
afterAll(() => srv.close());

export const get = async (base: string, path: string) => {
  const res = await fetch(base + path);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    text,
    body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null,
  };
};
const api = (path: string) => get(srv.url, path);

/** Expected {n, upheld} per key, counted from the generator's truth rather than by SQL. */
function expected(keyOf: (r: Row) => string[], keep: (r: Row) => boolean = () => true) {
  const m: Record<string, { n: number; upheld: number }> = {};
  for (const r of rows.filter(keep))
    for (const k of keyOf(r)) {
      m[k] ??= { n: 0, upheld: 0 };
      m[k].n++;
      if (r.decision === 'Upheld') m[k].upheld++;
    }
  return m;
}
const asMap = (list: { key: string; n: number; upheld: number }[]) =>
  Object.fromEntries(list.map((r) => [r.key, { n: r.n, upheld: r.upheld }]));
const orNone = (xs: string[]) => (xs.length ? xs : ['None']);

describe('GET /api/summary', () => {
  it('counts letters and services, with the rate, its interval and the data source', async () => {
    const { status, body } = await api('/api/summary');
    expect(status).toBe(200);
    const upheld = rows.filter((r) => r.decision === 'Upheld').length;
    expect(body).toMatchObject({
      data_source: 'synthetic',
      synthetic_letters: 700,
      real_letters: 0,
      letters: 700,
      items: rows.length,
      upheld,
      low_n: false,
    });
    expect(body.uphold_rate).toBeCloseTo(upheld / rows.length, 10);
    expect(body.ci_low).toBeLessThan(body.uphold_rate);
    expect(body.ci_high).toBeGreaterThan(body.uphold_rate);
  });

  it("gives the one program loaded the totals' counts and years, under any filter", async () => {
    for (const [query, keep] of [
      ['', () => true],
      ['?decision=Overturned', (r: Row) => r.decision === 'Overturned'],
      ['?gender=female', (r: Row) => r.patient_gender === 'female'],
    ] as const) {
      const { body } = await api(`/api/summary${query}`);
      const mine = rows.filter(keep);
      const years = mine.flatMap((r) => (r.decision_date ? [+r.decision_date.slice(0, 4)] : []));
      const [dwc, dmhc] = body.programs;
      expect(dwc, query).toMatchObject({
        program: 'DWC',
        services: mine.length,
        upheld: mine.filter((r) => r.decision === 'Upheld').length,
        first_year: Math.min(...years),
        last_year: Math.max(...years),
        data_source: 'synthetic',
      });
      expect(dmhc, query).toMatchObject({ program: 'DMHC', services: 0, data_source: 'empty' });
      expect(dmhc.first_year).toBeNull();
    }
  });
});

describe('GET /api/rates', () => {
  const byTruth: [string, (r: Row) => string[]][] = [
    ['category', (r) => [r.category]],
    ['subcategory', (r) => [r.subcategory]],
    ['decision', (r) => [r.decision]],
    ['guideline_source', (r) => r.guideline_sources],
    ['guideline', (r) => r.guideline_sources],
    ['mtus_chapter', (r) => orNone(r.mtus_chapters)],
    ['specialty', (r) => [r.reviewer_specialty]],
    ['licensure_state', (r) => r.reviewer_licensure],
    ['gender', (r) => [r.patient_gender]],
    ['layout', (r) => [r.layout]],
    ['treatment', (r) => [r.treatment]],
    [
      'age',
      (r) => [`${Math.floor(r.patient_age / 10) * 10}–${Math.floor(r.patient_age / 10) * 10 + 9}`],
    ],
    ['decision_year', (r) => [r.decision_date?.slice(0, 4) ?? 'Not stated']],
    ['injury_year', (r) => [r.date_of_injury.slice(0, 4)]],
  ];
  it.each(byTruth)('by=%s matches the truth', async (by, keyOf) => {
    const { status, body } = await api(`/api/rates?by=${by}&limit=1000`);
    expect(status).toBe(200);
    expect(asMap(body.rows)).toEqual(expected(keyOf));
    for (const r of body.rows) {
      expect(Object.keys(r).sort()).toEqual([
        'ci_high',
        'ci_low',
        'key',
        'low_n',
        'n',
        'overturned',
        'upheld',
        'uphold_rate',
      ]);
      expect(r.overturned).toBe(r.n - r.upheld);
      expect(r.low_n).toBe(r.n < 11);
      expect(r.ci_low).toBeLessThanOrEqual(r.uphold_rate);
      expect(r.ci_high).toBeGreaterThanOrEqual(r.uphold_rate);
    }
  });

  it('groups by body region and letter without losing a service', async () => {
    for (const by of ['body_region', 'letter_id']) {
      const { body } = await api(`/api/rates?by=${by}&limit=1000`);
      expect(body.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(rows.length);
    }
  });

  it('sorts by n, rate or key, limits, and drops rows under min_n', async () => {
    const byN = (await api('/api/rates?by=subcategory&sort=n')).body.rows;
    expect(byN.map((r: { n: number }) => r.n)).toEqual(
      [...byN.map((r: { n: number }) => r.n)].sort((a, b) => b - a),
    );
    const byRate = (await api('/api/rates?by=subcategory&sort=rate')).body.rows;
    expect(byRate.map((r: { uphold_rate: number }) => r.uphold_rate)).toEqual(
      [...byRate.map((r: { uphold_rate: number }) => r.uphold_rate)].sort((a, b) => b - a),
    );
    const byKey = (await api('/api/rates?by=subcategory&sort=key')).body.rows.map(
      (r: { key: string }) => r.key,
    );
    expect(byKey).toEqual([...byKey].sort());
    expect((await api('/api/rates?by=subcategory&limit=3')).body.rows).toHaveLength(3);
    const big = (await api('/api/rates?by=subcategory&min_n=50')).body.rows;
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((r: { n: number }) => r.n >= 50)).toBe(true);
    expect(big.length).toBeLessThan(byN.length);
  });
});

describe('filters', () => {
  const some = () => rows.find((r) => r.case_number && r.mtus_chapters.length)!;
  const cases: [string, () => string, (r: Row) => boolean][] = [
    [
      'category',
      () => 'category=Surgery&category=Injection',
      (r) => ['Surgery', 'Injection'].includes(r.category),
    ],
    ['subcategory', () => 'subcategory=Opioids', (r) => r.subcategory === 'Opioids'],
    [
      'treatment',
      () => 'treatment=ACUPUNCTURE&treatment=infrared',
      (r) => /acupuncture|infrared/i.test(r.treatment),
    ],
    [
      'treatment synonyms',
      () => 'treatment=PT',
      (r) => /physical therapy|\bPT\b|physiotherapy/i.test(r.treatment),
    ],
    ['decision', () => 'decision=Overturned', (r) => r.decision === 'Overturned'],
    [
      'guideline_source',
      () => 'guideline_source=ODG&guideline_source=ACOEM',
      (r) => r.guideline_sources.some((s) => s === 'ODG' || s === 'ACOEM'),
    ],
    [
      'mtus_chapter',
      () => `mtus_chapter=${encodeURIComponent(some().mtus_chapters[0])}`,
      (r) => r.mtus_chapters.includes(some().mtus_chapters[0]),
    ],
    [
      'specialty',
      () => 'specialty=Family%20Practice',
      (r) => r.reviewer_specialty === 'Family Practice',
    ],
    [
      'licensure_state',
      () => 'licensure_state=Texas',
      (r) => r.reviewer_licensure.includes('Texas'),
    ],
    [
      'decision_from/to',
      () => 'decision_from=2017-01-01&decision_to=2019-12-31',
      (r) =>
        !!r.decision_date && r.decision_date >= '2017-01-01' && r.decision_date <= '2019-12-31',
    ],
    [
      'injury_from/to',
      () => 'injury_from=2010-01-01&injury_to=2014-06-30',
      (r) => r.date_of_injury >= '2010-01-01' && r.date_of_injury <= '2014-06-30',
    ],
    [
      'age_min/max',
      () => 'age_min=30&age_max=45',
      (r) => r.patient_age >= 30 && r.patient_age <= 45,
    ],
    ['gender', () => 'gender=female', (r) => r.patient_gender === 'female'],
    [
      'layout',
      () => 'layout=notice-2013&layout=professional-review',
      (r) => ['notice-2013', 'professional-review'].includes(r.layout),
    ],
    [
      'letter_id',
      () => `letter_id=${some().case_number}`,
      (r) => r.case_number === some().case_number,
    ],
    [
      'combined',
      () => 'category=Pharmaceuticals&decision_from=2016-01-01&gender=male',
      (r) =>
        r.category === 'Pharmaceuticals' &&
        !!r.decision_date &&
        r.decision_date >= '2016-01-01' &&
        r.patient_gender === 'male',
    ],
  ];
  it.each(cases)('%s selects exactly the services the truth says', async (_name, query, keep) => {
    const want = rows.filter(keep);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(rows.length);
    const { status, body } = await api(`/api/summary?${query()}`);
    expect(status).toBe(200);
    expect(body.items).toBe(want.length);
    expect(body.upheld).toBe(want.filter((r) => r.decision === 'Upheld').length);
    expect(body.letters).toBe(new Set(want.map((r) => r.file)).size);
  });

  it('matches nothing for a valid value the data never holds, and ignores it beside one it does', async () => {
    const absent = SUBCATEGORIES.find((x) => !rows.some((r) => r.subcategory === x))!;
    expect(absent).toBeDefined();
    expect(
      (await api(`/api/summary?subcategory=${encodeURIComponent(absent)}`)).body,
    ).toMatchObject({ items: 0, letters: 0 });
    const both = (
      await api(`/api/summary?subcategory=${encodeURIComponent(absent)}&subcategory=Opioids`)
    ).body;
    expect(both.items).toBe(rows.filter((r) => r.subcategory === 'Opioids').length);
  });

  it('body_region keeps only services in that region', async () => {
    const { body } = await api('/api/items?body_region=Lumbar%20spine&limit=500');
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.every((r: { body_region: string }) => r.body_region === 'Lumbar spine')).toBe(
      true,
    );
  });

  it('treats SQL and LIKE wildcards in a search as plain text', async () => {
    for (const t of ["' OR 1=1 --", '%%', '_', "acupuncture'; DROP TABLE items; --"]) {
      const { status, body } = await api(`/api/summary?treatment=${encodeURIComponent(t)}`);
      expect(status).toBe(200);
      expect(body.items).toBe(0);
    }
    expect((await api('/api/summary?treatment=%25')).body.items).toBe(
      rows.filter((r) => r.treatment.includes('%')).length,
    );
    expect((await api('/api/summary')).body.letters).toBe(700);
  });
});

describe('GET /api/trend, /api/crosstab, /api/facets', () => {
  it('trend by year with a split matches the truth, and counts undated services', async () => {
    const { body } = await api('/api/trend?interval=year&by=category');
    const got = Object.fromEntries(
      body.rows.map((r: { period: string; key: string; n: number; upheld: number }) => [
        `${r.period.slice(0, 4)} ${r.key}`,
        { n: r.n, upheld: r.upheld },
      ]),
    );
    expect(got).toEqual(
      expected(
        (r) => [`${r.decision_date!.slice(0, 4)} ${r.category}`],
        (r) => !!r.decision_date,
      ),
    );
    expect(body.undated).toBe(rows.filter((r) => !r.decision_date).length);
  });

  it('trend by month and quarter covers every dated service', async () => {
    for (const interval of ['month', 'quarter']) {
      const { body } = await api(`/api/trend?interval=${interval}`);
      expect(body.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(
        rows.filter((r) => r.decision_date).length,
      );
      expect(body.rows.every((r: { period: string }) => /^\d{4}-\d{2}-01$/.test(r.period))).toBe(
        true,
      );
      expect(new Set(body.rows.map((r: { key: string }) => r.key))).toEqual(new Set(['All']));
    }
  });

  it('crosstab of category by guideline source matches the truth', async () => {
    const { body } = await api('/api/crosstab?rows=category&cols=guideline_source');
    const got = Object.fromEntries(
      body.cells.map((c: { row: string; col: string; n: number; upheld: number }) => [
        `${c.row}|${c.col}`,
        { n: c.n, upheld: c.upheld },
      ]),
    );
    expect(got).toEqual(expected((r) => r.guideline_sources.map((s) => `${r.category}|${s}`)));
  });

  it('refuses a cross-tab with more cells than it answers, naming rows and cols', async () => {
    const db = new Database(srv.dbPath);
    const err = await crosstab(db, 'letter_id', 'category', {}, 50).catch((e: unknown) => e);
    const fits = await crosstab(db, 'category', 'layout', {}, 50);
    db.close();
    expect((err as HttpError).status).toBe(400);
    expect((err as HttpError).extra.invalid_params).toEqual([
      expect.objectContaining({ name: 'rows' }),
      expect.objectContaining({ name: 'cols' }),
    ]);
    expect((err as HttpError).message).toMatch(/letter_id by category has more than 50 cells/);
    expect(fits.length).toBeGreaterThan(0);
  });

  it('facets count each value under every filter but their own, and say when a list was cut', async () => {
    const { body } = await api('/api/facets?category=Surgery&decision=Upheld&size=3');
    const category = expected(
      (r) => [r.category],
      (r) => r.decision === 'Upheld',
    );
    const top3 = Object.entries(category)
      .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
      .slice(0, 3);
    expect(body.category.values.map((v: { value: string; n: number }) => [v.value, v.n])).toEqual(
      top3.map(([k, v]) => [k, v.n]),
    );
    expect(body.category.truncated).toBe(true);
    const decision = expected(
      (r) => [r.decision],
      (r) => r.category === 'Surgery',
    );
    expect(
      Object.fromEntries(
        body.decision.values.map((v: { value: string; n: number }) => [v.value, v.n]),
      ),
    ).toEqual(Object.fromEntries(Object.entries(decision).map(([k, v]) => [k, v.n])));
    expect(body.decision.truncated).toBe(false);
    expect(body.decision.values.find((v: { value: string }) => v.value === 'Upheld').selected).toBe(
      true,
    );
    expect(Object.keys(body).sort()).toEqual([...FACETS].sort());
    expect(FACETS).toEqual(expect.arrayContaining(['category', 'guideline_source', 'program']));
  });
});

describe('facet_cube and facts give the same counts', () => {
  // Facet filters alone are answered from facet_cube; a treatment search counts treatment_cube by
  // cube_key first, and other filters count facts.
  const female = (r: Row) => r.patient_gender === 'female';
  const odg = (r: Row) => r.guideline_sources.includes('ODG');
  const cases: [string, string, (r: Row) => boolean][] = [
    ['facet filters', 'gender=female&guideline_source=ODG', odg],
    [
      'and an age filter',
      'gender=female&guideline_source=ODG&age_min=40',
      (r) => odg(r) && r.patient_age >= 40,
    ],
    [
      'and a treatment filter',
      'gender=female&guideline_source=ODG&treatment=a',
      (r) => odg(r) && /a/i.test(r.treatment),
    ],
    [
      'and a treatment and an age filter',
      'gender=female&guideline_source=ODG&treatment=a&age_max=50',
      (r) => odg(r) && /a/i.test(r.treatment) && r.patient_age <= 50,
    ],
  ];
  const pairs = (list: { value: string; n: number }[]) =>
    Object.fromEntries(list.map((v) => [v.value, v.n]));
  const counts = (m: Record<string, { n: number }>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.n]));
  it.each(cases)(
    '%s: rates, cross-tab and facets match the truth',
    async (_path, query, others) => {
      const keep = (r: Row) => female(r) && others(r);
      expect(
        asMap((await api(`/api/rates?by=mtus_chapter&limit=1000&${query}`)).body.rows),
      ).toEqual(expected((r) => orNone(r.mtus_chapters), keep));
      const cells = (await api(`/api/crosstab?rows=layout&cols=licensure_state&${query}`)).body
        .cells;
      expect(
        Object.fromEntries(
          cells.map((c: { row: string; col: string; n: number; upheld: number }) => [
            `${c.row}|${c.col}`,
            { n: c.n, upheld: c.upheld },
          ]),
        ),
      ).toEqual(expected((r) => r.reviewer_licensure.map((s) => `${r.layout}|${s}`), keep));
      const f = (await api(`/api/facets?size=200&${query}`)).body;
      expect(pairs(f.specialty.values)).toEqual(
        counts(expected((r) => [r.reviewer_specialty], keep)),
      );
      expect(pairs(f.gender.values)).toEqual(counts(expected((r) => [r.patient_gender], others)));
    },
  );
});

describe('GET /api/items and /api/letters/:id', () => {
  it('pages through every service under a filter exactly once, in order', async () => {
    const want = rows.filter((r) => r.category === 'Rehabilitation');
    const seen: { letter_id: string; item_no: number; treatment: string }[] = [];
    let cursor: string | null = null;
    do {
      const {
        status,
        body,
      }: { status: number; body: { rows: typeof seen; next_cursor: string | null } } = await api(
        `/api/items?category=Rehabilitation&sort=treatment&order=asc&limit=37${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      seen.push(...body.rows);
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(want.length);
    expect(new Set(seen.map((s) => `${s.letter_id}/${s.item_no}`)).size).toBe(want.length);
    expect(seen.map((s) => s.treatment)).toEqual(
      want.map((r) => r.treatment).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('sorts by decision date descending by default', async () => {
    const { body } = await api('/api/items?limit=200');
    const dates = body.rows.map((r: { decision_date: string | null }) => r.decision_date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('returns one letter with its items and full text', async () => {
    const t = truth.find((x) => x.case_number && x.items.length > 2)!;
    const { status, body } = await api(`/api/letters/${t.case_number}`);
    expect(status).toBe(200);
    expect(
      body.items.map((i: { treatment: string; decision: string }) => [i.treatment, i.decision]),
    ).toEqual(t.items.map((i) => [i.treatment, i.decision]));
    expect(body.full_text).toBe(readFileSync(join(srv.corpus, t.file), 'utf8'));
    expect(body).toMatchObject({
      decision_date: t.decision_date,
      reviewer_specialty: t.reviewer_specialty,
      synthetic: true,
    });
  });

  it.each(['CM99-9999999', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(100)])(
    'answers /api/letters/%s with a 404 problem',
    async (id) => {
      const { status, type, body } = await api(`/api/letters/${id}`);
      expect(status).toBe(404);
      expect(type).toMatch(/^application\/problem\+json/);
      expect(body.detail).toMatch(/No letter/);
    },
  );
});

describe('GET /api/suggest', () => {
  it('offers treatment words containing what was typed, most used first, and synonyms', async () => {
    const { body } = await api('/api/suggest?q=acup');
    const terms = body.suggestions.map((s: { term: string }) => s.term);
    expect(terms).toContain('acupuncture');
    expect(terms).toContain('electro-acupuncture');
    const counted = body.suggestions
      .filter((s: { kind: string }) => s.kind === 'word')
      .map((s: { n: number }) => s.n);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted).toEqual([...counted].sort((a, b) => b - a));
    expect(
      (await api('/api/suggest?q=phys')).body.suggestions.map((s: { term: string }) => s.term),
    ).toContain('physical');
    expect(
      (await api('/api/suggest?q=physical%20th')).body.suggestions.map(
        (s: { term: string }) => s.term,
      ),
    ).toContain('physical therapy');
  });

  it('offers service names first, each with the n its rates row has, then words', async () => {
    const { body } = await api('/api/suggest?q=acup');
    const kinds: string[] = body.suggestions.map((s: { kind: string }) => s.kind);
    const services = body.suggestions.filter((s: { kind: string }) => s.kind === 'service');
    expect(services.map((s: { term: string }) => s.term)).toEqual(
      expect.arrayContaining(['Acupuncture', 'Electro-acupuncture']),
    );
    // Every service before the first word or synonym.
    expect(kinds.slice(0, services.length).every((k) => k === 'service')).toBe(true);
    expect(kinds.slice(services.length)).toContain('word');
    expect(kinds.lastIndexOf('service')).toBeLessThan(kinds.indexOf('word'));
    // Each service's n is what the service filter and breakdown count, and what the truth says.
    const byService = asMap((await api('/api/rates?by=service&limit=1000')).body.rows);
    const truthN = (name: string) =>
      rows.filter((r) => r.treatment.toLowerCase().includes(name.toLowerCase())).length;
    for (const s of services as { term: string; n: number }[]) {
      expect(s.n).toBe(byService[s.term].n);
      const filtered = await api(`/api/summary?service=${encodeURIComponent(s.term)}`);
      expect(filtered.body.items).toBe(s.n);
    }
    const acup = services.find((s: { term: string }) => s.term === 'Acupuncture');
    const electro = services.find((s: { term: string }) => s.term === 'Electro-acupuncture');
    expect(acup.n + electro.n).toBe(truthN('acupuncture'));
  });
});

describe('bad requests', () => {
  it.each([
    ['/api/rates?by=colour', 'by', /one of: program, treatment_type, category, subcategory/],
    ['/api/rates', 'by', /.+/],
    ['/api/rates?by=category&sort=size', 'sort', /one of: n, rate, key/],
    ['/api/rates?by=category&limit=0', 'limit', /1 or more/],
    ['/api/rates?by=category&min_n=-1', 'min_n', /0 or more/],
    ['/api/trend?interval=week', 'interval', /one of: month, quarter, year/],
    ['/api/trend?by=nothing', 'by', /one of:/],
    ['/api/crosstab?rows=category', 'cols', /.+/],
    ['/api/crosstab?rows=x&cols=category', 'rows', /one of:/],
    ['/api/facets?size=1000', 'size', /200 or less/],
    ['/api/items?sort=rationale', 'sort', /one of: decision_date/],
    ['/api/items?order=sideways', 'order', /one of: asc, desc/],
    ['/api/items?limit=abc', 'limit', /whole number/],
    ['/api/items?cursor=not-a-cursor', 'cursor', /not a cursor/],
    ['/api/summary?category=Magic', 'category', /one of: Diagnostic Testing/],
    ['/api/summary?subcategory=Magic', 'subcategory', /one of:/],
    ['/api/summary?treatment=', 'treatment', /must not be empty/],
    ['/api/summary?decision=Maybe', 'decision', /one of: Upheld, Overturned/],
    ['/api/summary?guideline_source=Wikipedia', 'guideline_source', /one of: MTUS/],
    [`/api/summary?mtus_chapter=${'x'.repeat(300)}`, 'mtus_chapter', /at most 200/],
    ['/api/summary?specialty=Astrology', 'specialty', /one of:/],
    [`/api/summary?licensure_state=${'y'.repeat(201)}`, 'licensure_state', /at most 200/],
    ['/api/summary?decision_from=2016-13-01', 'decision_from', /not a real calendar date/],
    ['/api/summary?decision_to=yesterday', 'decision_to', /YYYY-MM-DD/],
    [
      '/api/summary?decision_from=2020-01-01&decision_to=2019-01-01',
      'decision_from',
      /not be after decision_to/,
    ],
    ['/api/summary?injury_from=2016-02-30', 'injury_from', /not a real calendar date/],
    ['/api/summary?injury_to=2016', 'injury_to', /YYYY-MM-DD/],
    ['/api/summary?age_min=old', 'age_min', /whole number/],
    ['/api/summary?age_max=200', 'age_max', /120 or less/],
    ['/api/summary?gender=unknown', 'gender', /one of: male, female, other/],
    ['/api/summary?body_region=Aura', 'body_region', /one of: Lumbar spine/],
    ['/api/summary?layout=1999', 'layout', /one of: notice-2013/],
    [`/api/summary?letter_id=${'z'.repeat(201)}`, 'letter_id', /at most 200/],
    [
      `/api/summary?${Array.from({ length: 51 }, () => 'decision=Upheld').join('&')}`,
      'decision',
      /at most 50 values/,
    ],
    ['/api/summary?colour=red', 'colour', /unknown parameter/],
    ['/api/letters/CM16-0000001?x=1', 'x', /unknown parameter/],
    ['/api/export.csv?category=Magic', 'category', /one of:/],
    ['/api/suggest', 'q', /.+/],
    ['/api/suggest?q=a&limit=99', 'limit', /50 or less/],
  ])('%s is a 400 naming %s', async (path, name, reason) => {
    const { status, type, body } = await api(path);
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body.detail).toContain(`"${name}"`);
    expect(body.invalid_params[0].name).toBe(name);
    expect(body.invalid_params[0].reason).toMatch(reason);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|FROM facts|at .*\.ts:\d+/);
  });

  it('answers an unknown endpoint with a 404 problem', async () => {
    const { status, type } = await api('/api/nothing-here');
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/problem\+json/);
  });

  it('sends security headers', async () => {
    const { headers } = await api('/api/summary');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-powered-by')).toBeNull();
  });
});

describe('documentation', () => {
  it('serves an OpenAPI 3 document made from the validation schemas, and a docs page', async () => {
    const { body } = await api('/api/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/compare',
      '/api/crosstab',
      '/api/events',
      '/api/export.csv',
      '/api/export.parquet',
      '/api/facets',
      '/api/items',
      '/api/letters/{id}',
      '/api/rates',
      '/api/reasons',
      '/api/suggest',
      '/api/summary',
      '/api/timeliness',
      '/api/trend',
    ]);
    const rates = body.paths['/api/rates'].get.parameters;
    expect(rates.find((p: { name: string }) => p.name === 'by')).toMatchObject({ required: true });
    // A closed list also takes the keys breakdowns show for a missing value, so every key round-trips.
    expect(rates.find((p: { name: string }) => p.name === 'gender').schema.items.enum).toEqual([
      'male',
      'female',
      'other',
      'Not stated',
      'Not applicable',
    ]);
    expect(
      rates.find((p: { name: string }) => p.name === 'decision_from').schema.pattern,
    ).toBeDefined();
    const docs = await api('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('GET /api/crosstab');
  });
});
