import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, type Format } from '../etl/generate/index.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { median, table, timeShell } from './util.ts';

// npm run bench:etl -- --letters N [--format txt|pdf] [--runs R] [--reparse]: letters/s, items/s
// and peak RSS of a full load, next to a baseline measured in the same run on the same files.
// --reparse also times a run that re-parses every stored letter from its text, as after a parser
// upgrade (the letters are marked as read by another parser version).
const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '20000' },
    format: { type: 'string', default: 'txt' },
    runs: { type: 'string', default: '3' },
    reparse: { type: 'boolean', default: false },
  },
});
const n = Number(values.letters);
const runs = Number(values.runs);
const format = values.format as Format;
const dir = mkdtempSync(join(tmpdir(), 'imr-bench-etl-'));
const corpus = join(dir, 'corpus');
console.log(`generating ${n} ${format} letters...`);
const g0 = performance.now();
await generate(n, 1, corpus, format);
console.log(`generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

const baseline =
  format === 'pdf'
    ? {
        name: 'pdftotext, one process per file',
        cmd: `find ${corpus} -name '*.pdf' -print0 | xargs -0 -n 1 -I{} pdftotext {} /dev/null`,
      }
    : {
        name: 'grep -c, one pass (I/O floor)',
        cmd: `find ${corpus} -name '*.txt' -print0 | xargs -0 grep -c -E ': (Upheld|Overturned)$' > /dev/null`,
      };
const base: number[] = [];
const etl: { s: number; items: number; rss: number }[] = [];
const reparsed: typeof etl = [];

// One ETL run in its own process, and the figures it prints.
function runEtl(input: string, db: string) {
  const cli = join(import.meta.dirname, '..', 'etl', 'cli.ts');
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', cli, '--input', input, '--db', db],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const m =
    /re-parsed (\d+)[^]*items: (\d+), quarantined: (\d+), seconds: ([\d.]+), peak RSS: (\d+) MB/.exec(
      out,
    );
  if (!m) throw new Error(`unexpected ETL output: ${out}`);
  const [reparsed, items, quarantined, s, rss] = m.slice(1).map(Number);
  return { out, reparsed, items, quarantined, s, rss };
}
for (let r = 0; r < runs; r++) {
  timeShell(`cat $(find ${corpus} -type f | head -2000) > /dev/null`); // same cache state for both
  base.push(timeShell(baseline.cmd));
  const db = join(dir, `run${r}.duckdb`);
  const first = runEtl(corpus, db);
  etl.push(first);
  if (values.reparse) {
    const instance = await DuckDBInstance.create(db);
    const conn = await instance.connect();
    await conn.run(`UPDATE letters SET parser_version = 'an older parser'`);
    conn.closeSync();
    instance.closeSync();
    const again = runEtl(corpus, db);
    if (again.reparsed !== n - first.quarantined)
      throw new Error(`re-parsed ${again.reparsed} letters, not ${n}: ${again.out}`);
    reparsed.push(again);
    console.log(`run ${r + 1}: re-parse of ${again.reparsed} stored letters ${again.s} s`);
  }
  rmSync(db, { force: true });
  console.log(`run ${r + 1}: ETL ${first.s} s, baseline ${base.at(-1)!.toFixed(2)} s`);
}
const s = median(etl.map((e) => e.s));
const b = median(base);
console.log(
  `\n${n} ${format} letters, ${etl[0].items} items; medians of ${runs} runs on ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores\n`,
);
console.log(
  table([
    ['', 'seconds', 'letters/s', 'items/s', 'peak RSS MB'],
    [
      'IMR Outcomes ETL (end to end)',
      s,
      Math.round(n / s),
      Math.round(etl[0].items / s),
      median(etl.map((e) => e.rss)),
    ],
    [`baseline: ${baseline.name}`, Number(b.toFixed(2)), Math.round(n / b), '-', '-'],
    ['ratio ETL / baseline time', Number((s / b).toFixed(1)), '', '', ''],
    ...(reparsed.length
      ? [
          [
            `re-parse of ${n} stored letters (parser upgrade)`,
            median(reparsed.map((e) => e.s)),
            Math.round(n / median(reparsed.map((e) => e.s))),
            Math.round(reparsed[0].items / median(reparsed.map((e) => e.s))),
            median(reparsed.map((e) => e.rss)),
          ],
        ]
      : []),
  ]),
);
rmSync(dir, { recursive: true, force: true });
