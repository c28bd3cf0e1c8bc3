import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDrill, drillFilters, encodeDrill, type DrillKey } from '../client/data/drill.ts';
import { GROUPABLE } from '../model/dimensions.ts';
import { ODD_LETTERS, ODD_TREATMENTS } from './odd-letters.ts';
import { startServer } from './server.ts';

const ODD = [
  'Evaluation & Management',
  'EMG/NCV/NCS',
  'a+b',
  'cream #2',
  'patch 5%',
  '%41%zz',
  `"deluxe" 'pillow'`,
  'crème für Straße 東京',
  'a&b=c?d#e%20+f/g',
  ' leading and trailing ',
  '',
  ...ODD_TREATMENTS,
];

describe('a drill-down in the URL', () => {
  it.each(ODD)('round-trips %j through the page URL', (key) => {
    const keys: DrillKey[] = [
      ['category', key],
      ['guideline_source', key],
    ];
    // As the page keeps it: the drill is the value of one parameter of the page's query string.
    const page = new URLSearchParams({ dim: 'category', drill: encodeDrill(keys) });
    const back = new URLSearchParams(new URL(`http://x/?${page}`).search).get('drill')!;
    expect(decodeDrill(back)).toEqual(keys);
    const drilled = drillFilters(new URLSearchParams(), keys);
    expect('filters' in drilled && drilled.filters.getAll('category')).toEqual([key]);
  });
});

// [filters, keys, the filters the list asks for, or the start of the reason it cannot]
const CASES: [string, DrillKey[], string | RegExp][] = [
  ['', [['category', 'Evaluation & Management']], 'category=Evaluation+%26+Management'],
  ['', [['subcategory', 'EMG/NCV/NCS']], 'subcategory=EMG%2FNCV%2FNCS'],
  ['', [['treatment', 'C+ gel #2 5%']], 'treatment=C%2B+gel+%232+5%25'],
  ['', [['treatment', `"a" 'b'`]], 'treatment=%22a%22+%27b%27'],
  ['', [['treatment', 'crème 東京']], 'treatment=cr%C3%A8me+%E6%9D%B1%E4%BA%AC'],
  ['', [['category', 'Not stated']], 'category=Not+stated'],
  ['', [['category', 'Unclassified']], 'category=Unclassified'],
  ['', [['specialty', 'Not applicable']], 'specialty=Not+applicable'],
  ['', [['licensure_state', 'Not stated']], 'licensure_state=Not+stated'],
  ['', [['guideline_source', 'None']], 'guideline_source=None'],
  ['', [['mtus_chapter', 'None']], 'mtus_chapter=None'],
  ['', [['letter_id', 'CM16-0000001']], 'letter_id=CM16-0000001'],
  // A service is its exact name; a service filtered is replaced by the one clicked.
  ['', [['service', 'Electro-acupuncture']], 'service=Electro-acupuncture'],
  [
    'service=Acupuncture&service=Electro-acupuncture&treatment=acup',
    [['service', 'Acupuncture']],
    'treatment=acup&service=Acupuncture',
  ],
  ['', [['service', 'Not stated']], /^services with no service cannot be listed/],
  // Another filter stays; a filter on the dimension drilled is replaced by the key.
  [
    'decision=Upheld&category=Pharmaceuticals&category=Surgery',
    [['category', 'Surgery']],
    'decision=Upheld&category=Surgery',
  ],
  ['guideline_source=MTUS', [['guideline_source', 'MTUS']], 'guideline_source=MTUS'],
  ['guideline_source=MTUS', [['guideline_source', 'ODG']], /^Guideline cited "ODG" together/],
  ['treatment=qzx', [['treatment', 'Qzx a&b']], 'treatment=Qzx+a%26b'],
  // Two keys: a heat-map cell.
  [
    '',
    [
      ['category', 'Evaluation & Management'],
      ['guideline_source', 'ODG'],
    ],
    'category=Evaluation+%26+Management&guideline_source=ODG',
  ],
  // Years and age bands become ranges, within the range already filtered.
  ['', [['decision_year', '2016']], 'decision_from=2016-01-01&decision_to=2016-12-31'],
  ['', [['injury_year', '2009']], 'injury_from=2009-01-01&injury_to=2009-12-31'],
  [
    'decision_from=2016-03-05',
    [['decision_year', '2016']],
    'decision_from=2016-03-05&decision_to=2016-12-31',
  ],
  [
    'decision_to=2016-03-05',
    [['decision_year', '2016']],
    'decision_to=2016-03-05&decision_from=2016-01-01',
  ],
  ['', [['age', '40–49']], 'age_min=40&age_max=49'],
  ['age_min=45', [['age', '40–49']], 'age_min=45&age_max=49'],
  ['age_max=101', [['age', '100–109']], 'age_max=101&age_min=100'],
  ['decision_to=2015-01-01', [['decision_year', '2016']], /^Decision date 2016 is outside/],
  ['', [['decision_year', 'Not stated']], /^services with no decision date cannot be listed/],
  ['', [['age', 'Not stated']], /^services with no age cannot be listed/],
  ['', [['age', '40-49']], /^"40-49" is not a age range/],
  ['', [['age', '40–45']], /^"40–45" is not a age range/],
  ['', [['decision_year', '2016-01']], /is not a decision date range/],
  ['', [['treatment', 'Not stated']], /^services with no treatment cannot be listed/],
  ['', [['no_such', 'x']], /^"no_such" is not a dimension/],
  ['', [], /^nothing was chosen/],
];

describe('drillFilters', () => {
  it.each(CASES)('%s + %j → %s', (filters, keys, want) => {
    const got = drillFilters(new URLSearchParams(filters), keys);
    if (typeof want === 'string') expect(got).toEqual({ filters: new URLSearchParams(want) });
    else expect('reason' in got && got.reason).toMatch(want);
  });

  it('leaves the filters it was given unchanged', () => {
    const filters = new URLSearchParams('category=Surgery&age_min=45');
    drillFilters(filters, [
      ['category', 'Surgery'],
      ['age', '40–49'],
    ]);
    expect(filters.toString()).toBe('category=Surgery&age_min=45');
  });
});

// Every key the API returns, under these filters, drills to filters the API accepts, whose
// services are exactly the key's n (a treatment search at least n: a name may hold another).
describe('every key of every dimension, against the API', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    srv = await startServer(300, { extra: ODD_LETTERS });
  });
  afterAll(() => srv?.close());
  const get = async (path: string) => {
    const res = await fetch(srv.url + path);
    const body = await res.json();
    if (!res.ok) throw new Error(`${path}: ${body.detail}`);
    return body;
  };

  for (const filters of ['', 'guideline_source=MTUS&decision_from=2016-06-01&age_min=45']) {
    it.each(GROUPABLE)(`by %s under "${filters}"`, async (dim) => {
      const q = new URLSearchParams(filters);
      const { rows } = await get(`/api/rates?by=${dim}&limit=1000&${q}`);
      expect(rows.length).toBeGreaterThan(0);
      let listed = 0;
      for (const r of rows as { key: string; n: number }[]) {
        const drilled = drillFilters(q, [[dim, r.key]]);
        if ('reason' in drilled) {
          // Only what no filter can say: a missing value of a range, another guideline beside MTUS.
          expect([dim, r.key, drilled.reason]).toMatchObject([
            dim,
            expect.any(String),
            expect.stringMatching(/^services with no|together with/),
          ]);
          continue;
        }
        const { items } = await get(`/api/summary?${drilled.filters}`);
        if (dim === 'treatment') expect(items).toBeGreaterThanOrEqual(r.n);
        else expect([r.key, items]).toEqual([r.key, r.n]);
        listed++;
      }
      expect(listed).toBeGreaterThan(0);
    });
  }

  it('lists each odd treatment name exactly', async () => {
    for (const t of ODD_TREATMENTS) {
      const drilled = drillFilters(new URLSearchParams(), [['treatment', t]]);
      const { items } = await get(`/api/summary?${'filters' in drilled && drilled.filters}`);
      expect([t, items]).toEqual([t, 1]);
    }
  });
});
