import { serve } from './server/index.ts';
import { Random } from './etl/generate/random.ts';
process.env.IMR_CACHE_ENTRIES = '0';
const { server } = await serve('data/bench/1000000/imr.duckdb', 8093);
const mb = () => { const m = process.memoryUsage(); return `rss ${(m.rss / 1e6).toFixed(0)} heap ${(m.heapUsed / 1e6).toFixed(0)}/${(m.heapTotal / 1e6).toFixed(0)} ext ${(m.external / 1e6).toFixed(0)} ab ${(m.arrayBuffers / 1e6).toFixed(0)}`; };
console.log('start', mb());
const r = new Random(3);
const CATS = ['Pharmaceuticals', 'Rehabilitation', 'Diagnostic Testing', 'Surgery', 'DMEPOS'];
for (let round = 0; round < 4; round++) {
  for (let i = 0; i < 100; i++) {
    const q = new URLSearchParams();
    if (r.chance(0.4)) q.append('category', r.pick(CATS));
    if (r.chance(0.3)) q.append('treatment', r.pick(['acupuncture', 'PT', 'MRI']));
    if (r.chance(0.3)) { const y = r.int(2013, 2024); q.set('decision_from', `${y}-01-01`); }
    const ep = r.pick(['summary', 'rates?by=category', 'trend?interval=month', 'crosstab?rows=category&cols=guideline_source', 'facets', 'items?limit=50']);
    await (await fetch(`http://127.0.0.1:8093/api/${ep}${ep.includes('?') ? '&' : '?'}${q}`)).text();
  }
  console.log('round', round, mb());
}
const t = performance.now();
const res = await fetch('http://127.0.0.1:8093/api/export.csv');
const reader = res.body!.getReader();
let peak = 0; let n = 0;
for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.length; peak = Math.max(peak, process.memoryUsage().rss); }
console.log('export', n, (performance.now() - t).toFixed(0), 'ms peak rss', (peak / 1e6).toFixed(0), mb());
server.close(); process.exit(0);
