import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate } from '../etl/generate/index.ts';
import { makeFuzzCorpus } from '../etl/generate/fuzz.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { Random } from '../etl/generate/random.ts';
import { ensureDatabase, etlCommand, ROOT, startServer, table } from './util.ts';

// npm run bench:reliability: bad input, SIGKILLs, a full disk and load, in one table.
const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '100000' },
    kills: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
  },
});
const tmp = () => mkdtempSync(join(tmpdir(), 'imr-rel-'));
const rows: (string | number)[][] = [['measure', 'value']];
const state = async (db: string) => {
  const i = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await i.connect();
  const one = async (sql: string) => Number((await c.runAndReadAll(sql)).getRows()[0][0]);
  const s = {
    letters: await one('SELECT count(*) FROM letters'),
    items: await one('SELECT count(*) FROM items'),
    orphans: await one(
      'SELECT count(*) FROM items WHERE letter_id NOT IN (SELECT letter_id FROM letters)',
    ),
  };
  c.closeSync();
  i.closeSync();
  return JSON.stringify(s);
};
const cli = (input: string, db: string) => etlCommand(['--input', input, '--db', db]);

// 1. Bad input mixed into good letters, over a database that already holds letters.
{
  const db = join(tmp(), 'imr.duckdb');
  const old = tmp();
  await generate(300, 1, old);
  await runEtl(old, db, { quiet: true });
  const input = tmp();
  await generate(300, 2, join(input, 'good'));
  const cases = makeFuzzCorpus(join(input, 'fuzz'), 3);
  const [cmd, args] = cli(input, db);
  const run = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  const i = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await i.connect();
  const reasons = (
    await c.runAndReadAll(
      `SELECT regexp_replace(reason, '\\(.*|:.*|\\d+', '') AS r, count(*)::INTEGER FROM quarantine GROUP BY r ORDER BY 2 DESC`,
    )
  ).getRows();
  const lost = Number(
    (
      await c.runAndReadAll(
        `SELECT 300 - count(*) FROM letters WHERE starts_with(source_file, 'good/') OR source_file NOT LIKE '%/%'`,
      )
    ).getRows()[0][0],
  );
  c.closeSync();
  i.closeSync();
  rows.push(
    ['inputs tried (malformed + odd but good)', cases.length],
    ['ETL crashes', run.status === 0 ? 0 : 1],
    ['quarantined', reasons.reduce((s, r) => s + Number(r[1]), 0)],
  );
  for (const [r, n] of reasons) rows.push([`  reason: ${String(r).trim()}`, Number(n)]);
  rows.push(['good letters lost', lost]);
}

// 2. SIGKILL at random moments of a run: the database is the old one or the new one.
{
  const db = join(tmp(), 'imr.duckdb');
  const corpus = tmp();
  await generate(1000, 4, join(corpus, 'a'));
  await runEtl(join(corpus, 'a'), db, { quiet: true });
  await generate(2000, 5, join(corpus, 'b'));
  const before = await state(db);
  const copy = join(tmp(), 'copy.duckdb');
  copyFileSync(db, copy);
  await runEtl(corpus, copy, { quiet: true });
  const after = await state(copy);
  const r = new Random(9);
  let survived = 0;
  const kills = Number(values.kills);
  for (let k = 0; k < kills; k++) {
    const [cmd, args] = cli(corpus, db);
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'ignore' });
    const ms = r.int(200, 6000);
    setTimeout(() => child.kill('SIGKILL'), ms);
    await new Promise((ok) => child.on('exit', ok));
    const now = await state(db);
    if (now === before || now === after) survived++;
  }
  rows.push(
    ['SIGKILLs during a run', kills],
    ['  database old or new afterwards (never a mix)', survived],
  );
  // 3. A full disk: the run fails, the database stays as it was.
  const fresh = join(tmp(), 'imr.duckdb');
  await runEtl(join(corpus, 'a'), fresh, { quiet: true });
  const was = await state(fresh);
  const kb = Math.ceil(statSync(fresh).size / 1024) + 512;
  const [cmd, args] = cli(corpus, fresh);
  spawnSync(
    'bash',
    ['-c', `ulimit -f ${kb}; exec "${cmd}" ${args.map((a) => `"${a}"`).join(' ')}`],
    { cwd: ROOT },
  );
  rows.push(['full disk mid-run: database unchanged', (await state(fresh)) === was ? 'yes' : 'NO']);
}

// 4. Load: 50 connections for 30 s mixing the endpoints, a warm-up and then three times,
// watching the server's RSS. The result cache is off, so every request runs its queries.
{
  const db = ensureDatabase(Number(values.letters));
  const { url, proc, rssMb } = await startServer(db, { IMR_CACHE_ENTRIES: '0' });
  const r = new Random(11);
  const paths = Array.from({ length: 40 }, () =>
    r.pick([
      `/api/summary?category=${r.pick(['Surgery', 'Pharmaceuticals', 'Rehabilitation'])}`,
      `/api/rates?by=${r.pick(['category', 'specialty', 'guideline_source'])}`,
      `/api/trend?interval=year&treatment=${r.pick(['acupuncture', 'PT', 'norco'])}`,
      '/api/crosstab?rows=category&cols=guideline_source',
      '/api/facets?decision=Overturned',
      '/api/items?limit=50&category=Injection',
      `/api/rates?by=subcategory&decision_from=201${r.int(3, 9)}-01-01`,
    ]),
  );
  const rss = [Math.round(rssMb())];
  for (let run = 0; run <= 3; run++) {
    const res = await autocannon({
      url,
      connections: 50,
      duration: Number(values.seconds),
      timeout: 10,
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    rss.push(Math.round(rssMb()));
    const codes =
      Object.entries(res.statusCodeStats ?? {})
        .filter(([c]) => c !== '200')
        .map(([c, s]) => `${c}: ${(s as { count: number }).count}`)
        .join(', ') || 'none';
    rows.push(
      [run ? `load run ${run}: requests sent` : 'warm-up run: requests sent', res.requests.total],
      ['  errors / timeouts', `${res.errors} / ${res.timeouts}`],
      ['  non-2xx by code', codes],
      ['  p99 latency ms', res.latency.p99],
      ['  server RSS MB after', rss.at(-1)!],
    );
  }
  const runs = rss.slice(2);
  rows.push(
    ['server RSS MB before, after warm-up, after runs 1-3', rss.join(' → ')],
    ['  RSS change from run 1 to run 3 (MB)', runs[2] - runs[0]],
  );

  // 5. A full export from a slow client while others query: their p95, with and without it.
  const p95 = async () => {
    const t: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await (await fetch(url + paths[i % paths.length])).arrayBuffer();
      t.push(performance.now() - t0);
    }
    return Math.round(t.sort((a, b) => a - b)[94]);
  };
  const quiet = await p95();
  const slow = await fetch(`${url}/api/export.csv`);
  const reader = slow.body!.getReader();
  let stop = false;
  const drip = (async () => {
    while (!stop) {
      const { done } = await reader.read();
      if (done) break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  })();
  const busy = await p95();
  stop = true;
  await reader.cancel();
  await drip;
  rows.push(
    ['p95 ms of other clients, quiet', quiet],
    ['p95 ms of other clients, during a slow full export', busy],
  );
  proc.kill();
}
console.log(`\n${table(rows)}`);
