import autocannon from 'autocannon';
import { startServer, ensureDatabase } from './bench/util.ts';
import { Random } from './etl/generate/random.ts';
const env = JSON.parse(process.argv[2] ?? '{}');
const db = ensureDatabase(100000);
const { url, proc, rssMb } = await startServer(db, env);
const r = new Random(11);
const paths = Array.from({ length: 40 }, () => r.pick([
  `/api/summary?category=${r.pick(['Surgery', 'Pharmaceuticals', 'Rehabilitation'])}`, `/api/rates?by=${r.pick(['category', 'specialty', 'guideline_source'])}`,
  `/api/trend?interval=year&treatment=${r.pick(['acupuncture', 'PT', 'norco'])}`, '/api/crosstab?rows=category&cols=guideline_source',
  '/api/facets?decision=Overturned', '/api/items?limit=50&category=Injection', `/api/rates?by=subcategory&decision_from=201${r.int(3, 9)}-01-01`,
]));
const rss = [Math.round(rssMb())];
for (let run = 1; run <= 5; run++) {
  const res = await autocannon({ url, connections: 50, duration: 15, timeout: 10, requests: paths.map((path) => ({ method: 'GET', path })) });
  rss.push(Math.round(rssMb()));
  console.log(run, res.requests.total, res.errors, res.timeouts, res.latency.p99, rss.at(-1));
}
console.log(JSON.stringify(env), rss.join(' → '));
proc.kill();
