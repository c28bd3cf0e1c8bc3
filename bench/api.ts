import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { Random } from '../etl/generate/random.ts';
import { sqliteBaseline } from './sqlite.ts';
import { ensureDatabase, httpGet, median, ROOT, startServer, table } from './util.ts';

// npm run bench:api -- --letters N: latency of every endpoint under random filter mixes, CSV
// export speed and the server's peak RSS during it, and the same aggregates on SQLite.
const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '60' },
  },
});
const n = Number(values.letters);
const dir = join(ROOT, 'data', 'bench', String(n));
const db = ensureDatabase(n);
const lite = await sqliteBaseline(db, dir);

// The server, in its own process, so its RSS is its own, with its result cache off: every
// request below runs its queries.
const { url: base, proc: server, rssMb: rss } = await startServer(db, { IMR_CACHE_ENTRIES: '0' });

const r = new Random(7);
const ids: string[] = JSON.parse(
  (await httpGet(`${base}/api/items?limit=500&sort=letter_id`)).body,
).rows.map((x: { letter_id: string }) => x.letter_id);
const CATS = ['Pharmaceuticals', 'Rehabilitation', 'Diagnostic Testing', 'Surgery', 'DMEPOS'];
function filters(): string {
  const q = new URLSearchParams();
  if (r.chance(0.4)) q.append('category', r.pick(CATS));
  if (r.chance(0.3))
    for (const t of r.pick([
      ['acupuncture'],
      ['acupuncture', 'infrared'],
      ['PT'],
      ['norco'],
      ['MRI'],
    ]))
      q.append('treatment', t);
  if (r.chance(0.3)) {
    const y = r.int(2013, 2024);
    q.set('decision_from', `${y}-01-01`);
    q.set('decision_to', `${y + r.int(0, 3)}-12-31`);
  }
  if (r.chance(0.2))
    q.append('specialty', r.pick(['Family Practice', 'Internal Medicine', 'Preventive Medicine']));
  if (r.chance(0.15)) q.append('decision', 'Overturned');
  if (r.chance(0.1)) q.append('gender', 'female');
  return q.toString();
}
const ENDPOINTS: [string, () => string][] = [
  ['summary', () => `/api/summary?${filters()}`],
  [
    'rates',
    () =>
      `/api/rates?by=${r.pick(['category', 'subcategory', 'guideline_source', 'specialty', 'mtus_chapter', 'body_region'])}&${filters()}`,
  ],
  [
    'trend',
    () =>
      `/api/trend?interval=${r.pick(['month', 'quarter', 'year'])}${r.chance(0.5) ? '&by=category' : ''}&${filters()}`,
  ],
  [
    'rates adjusted',
    () =>
      `/api/rates?by=${r.pick(['specialty', 'guideline_source', 'mtus_chapter', 'body_region', 'decision_year'])}&adjust=${r.pick(['category', 'subcategory', 'service', 'treatment_type'])}&${filters()}`,
  ],
  [
    'compare',
    () => `/api/compare?a=${encodeURIComponent(filters())}&b=${encodeURIComponent(filters())}`,
  ],
  ['crosstab', () => `/api/crosstab?rows=category&cols=guideline_source&${filters()}`],
  ['facets', () => `/api/facets?${filters()}`],
  [
    'timeliness',
    () =>
      `/api/timeliness?by=${r.pick(['review_speed', 'decision_year', 'decision_month', 'specialty', 'category', 'treatment_type', 'guideline_source'])}&measure=${r.pick(['days_to_decision', 'days_from_assignment', 'days_from_ur'])}&${filters()}`,
  ],
  ['items', () => `/api/items?limit=50&${filters()}`],
  ['letter', () => `/api/letters/${r.pick(ids)}`],
];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const rows: (string | number)[][] = [['endpoint', 'p50 ms', 'p95 ms', 'p99 ms', 'requests']];
for (const [name, url] of ENDPOINTS) {
  // Five requests first, not counted: the first query of a kind after a start reads its columns
  // from disk and JIT-compiles its handler (about 140 ms once), which is not the steady state.
  for (let i = 0; i < 5; i++) await httpGet(base + url());
  const times: number[] = [];
  for (let i = 0; i < Number(values.requests); i++) {
    const t0 = performance.now();
    const res = await httpGet(base + url());
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
    times.push(performance.now() - t0);
  }
  rows.push([
    name,
    Number(pct(times, 0.5).toFixed(1)),
    Number(pct(times, 0.95).toFixed(1)),
    Number(pct(times, 0.99).toFixed(1)),
    times.length,
  ]);
}
console.log(
  `\n${n} letters; ${values.requests} requests an endpoint with random filter mixes, after 5 not counted\n${table(rows)}`,
);

// A full CSV export, with the server's RSS sampled as it streams.
let peak = rss();
const before = peak;
const sampler = setInterval(() => {
  peak = Math.max(peak, rss());
}, 20);
const t0 = performance.now();
let lines = 0;
const res = await httpGet(`${base}/api/export.csv`, (chunk) => {
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
});
const bytes = res.bytes;
const exportSecs = (performance.now() - t0) / 1000;
clearInterval(sampler);
const exported = lines - 2; // the comment line and the header

const COMPARE: [string, string, string][] = [
  [
    'rate by category, no filter',
    '/api/rates?by=category',
    "SELECT category, count(*), sum(decision = 'Upheld') FROM facts GROUP BY category",
  ],
  [
    'by specialty, date range + category',
    '/api/rates?by=specialty&decision_from=2016-01-01&decision_to=2018-12-31&category=Pharmaceuticals',
    "SELECT specialty, count(*), sum(decision = 'Upheld') FROM facts WHERE decision_date BETWEEN '2016-01-01' AND '2018-12-31' AND category = 'Pharmaceuticals' GROUP BY specialty",
  ],
  [
    'crosstab category x guideline source',
    '/api/crosstab?rows=category&cols=guideline_source',
    "SELECT f.category, s.source, count(*), sum(f.decision = 'Upheld') FROM facts f JOIN sources s USING (letter_id, item_no) GROUP BY 1, 2",
  ],
  [
    'trend by month',
    '/api/trend?interval=month',
    "SELECT substr(decision_date, 1, 7), count(*), sum(decision = 'Upheld') FROM facts WHERE decision_date IS NOT NULL GROUP BY 1",
  ],
  [
    'by category, acupuncture or infrared',
    '/api/rates?by=category&treatment=acupuncture&treatment=infrared',
    "SELECT category, count(*), sum(decision = 'Upheld') FROM facts WHERE treatment LIKE '%acupuncture%' OR treatment LIKE '%infrared%' GROUP BY category",
  ],
];
const cmp: (string | number)[][] = [
  ['query (15 runs, medians)', 'IMR Outcomes API ms', 'SQLite ms', 'SQLite / API'],
];
const ratios: number[] = [];
for (const [name, path, sql] of lite ? COMPARE : []) {
  const a: number[] = [];
  const b: number[] = [];
  const stmt = lite!.prepare(sql);
  for (let i = 0; i < 15; i++) {
    let t = performance.now();
    await httpGet(base + path);
    a.push(performance.now() - t);
    t = performance.now();
    stmt.all();
    b.push(performance.now() - t);
  }
  ratios.push(median(b) / median(a));
  cmp.push([
    name,
    Number(median(a).toFixed(1)),
    Number(median(b).toFixed(1)),
    Number((median(b) / median(a)).toFixed(1)),
  ]);
}
server.kill();
const [[items]] = await (async () => {
  const d = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await d.connect();
  const x = (await c.runAndReadAll('SELECT count(*)::INTEGER FROM items')).getRows();
  c.closeSync();
  d.closeSync();
  return x;
})();
console.log(`\n${n} letters, ${items} services`);
console.log(
  `\nCSV export: ${exported} rows, ${(bytes / 1e6).toFixed(0)} MB in ${exportSecs.toFixed(1)} s = ${Math.round(exported / exportSecs)} rows/s; server RSS ${Math.round(before)} MB before, ${Math.round(peak)} MB peak`,
);
if (lite) console.log(`\n${table(cmp)}\nmedian ratio SQLite / API: ${median(ratios).toFixed(1)}`);
