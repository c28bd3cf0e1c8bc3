import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate, type Format } from '../etl/generate/index.ts';
import { etlCommand, median, table, timeShell } from './util.ts';

// npm run bench:etl -- --letters N [--format txt|pdf] [--runs R] [--reparse]: letters/s, items/s
// and peak RSS of a full load of generated letters, next to a baseline measured in the same run
// on the same files. With --real DIR [--files N], the PDFs in DIR (real letters), copied over
// and over into a temporary folder until there are N, instead of generated ones. --reparse also
// times a run that re-parses every stored letter from its text, as after a parser upgrade (the
// letters are marked as read by another parser version). With --reparse-db DB, only that: a copy
// of DB (say data/bench/1000000/imr.duckdb, which bench:api builds) re-parsed from its stored text.
// With --dmhc ROWS, DMHC rows/s instead: bench/dmhc.ts on a generated file of ROWS rows.
// --keep DB keeps the last run's database at DB (bench:api reads data/bench/N/imr.duckdb).
const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '20000' },
    format: { type: 'string', default: 'txt' },
    runs: { type: 'string', default: '3' },
    real: { type: 'string' },
    files: { type: 'string', default: '2000' },
    reparse: { type: 'boolean', default: false },
    'reparse-db': { type: 'string' },
    dmhc: { type: 'string' },
    keep: { type: 'string' },
  },
});
if (values.dmhc) {
  const dmhc = join(import.meta.dirname, 'dmhc.ts');
  const args = ['--import', 'tsx', dmhc, '--rows', values.dmhc, '--runs', values.runs];
  execFileSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(0);
}
const runs = Number(values.runs);
const format = (values.real ? 'pdf' : values.format) as Format;
const dir = mkdtempSync(join(tmpdir(), 'imr-bench-etl-'));
const corpus = join(dir, 'corpus');
if (values['reparse-db']) {
  await reparseStored(values['reparse-db'], runs);
  process.exit(0);
}
const kind = values.real ? `real ${format}` : `generated ${format}`;
const n = values.real ? Number(values.files) : Number(values.letters);
const g0 = performance.now();
if (values.real) copyReal(values.real, corpus, n);
else await generate(n, 1, corpus, format);
console.log(`${n} ${kind} letters ready in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

/** n copies of the PDFs in from, in folders of one copy of each (the ETL does not follow links). */
function copyReal(from: string, to: string, n: number): void {
  const pdfs = readdirSync(from).filter((f) => f.toLowerCase().endsWith('.pdf'));
  if (!pdfs.length) throw new Error(`no PDFs in ${from}`);
  for (let i = 0; i < n; i++) {
    const sub = join(to, `copy-${String(Math.floor(i / pdfs.length)).padStart(3, '0')}`);
    if (i % pdfs.length === 0) mkdirSync(sub, { recursive: true });
    copyFileSync(join(from, pdfs[i % pdfs.length]), join(sub, pdfs[i % pdfs.length]));
  }
}
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

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
if (format === 'pdf' && !hasPdftotext)
  console.log('pdftotext is not installed (poppler-utils): no baseline in this run');
const withBase = format !== 'pdf' || hasPdftotext;
const base: number[] = [];
const etl: { s: number; items: number; rss: number }[] = [];
const reparsed: typeof etl = [];

// One ETL run in its own process, and the figures it prints.
function runEtl(input: string, db: string) {
  const out = execFileSync(...etlCommand(['--input', input, '--db', db]), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', process.env.IMR_PHASES ? 'inherit' : 'ignore'],
  });
  const m =
    /re-parsed (\d+)[^]*items: (\d+), quarantined: (\d+), seconds: ([\d.]+), peak RSS: (\d+) MB/.exec(
      out,
    );
  if (!m) throw new Error(`unexpected ETL output: ${out}`);
  const [reparsed, items, quarantined, s, rss] = m.slice(1).map(Number);
  return { out, reparsed, items, quarantined, s, rss };
}

/** Marks every letter in db as another parser version's: the next run re-parses them all. */
async function markOld(db: string): Promise<void> {
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  await conn.run(
    `UPDATE letters SET parser_version = 'an older parser' WHERE full_text IS NOT NULL`,
  );
  conn.closeSync();
  instance.closeSync();
}

/** Re-parses a copy of a stored database, with an empty input, runs times; prints the figures. */
async function reparseStored(stored: string, runs: number): Promise<void> {
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  const done: ReturnType<typeof runEtl>[] = [];
  for (let r = 0; r < runs; r++) {
    const db = join(dir, 'copy.duckdb');
    copyFileSync(stored, db);
    await markOld(db);
    done.push(runEtl(empty, db));
    console.log(
      `run ${r + 1}: re-parse of ${done.at(-1)!.reparsed} stored letters ${done.at(-1)!.s} s`,
    );
    rmSync(db, { force: true });
  }
  const t = median(done.map((e) => e.s));
  console.log(
    `\nmedians of ${runs} runs on ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores\n`,
  );
  console.log(
    table([
      ['', 'letters', 'seconds', 'letters/s', 'peak RSS MB'],
      [
        're-parse of stored letters (parser upgrade)',
        done[0].reparsed,
        t,
        Math.round(done[0].reparsed / t),
        median(done.map((e) => e.rss)),
      ],
    ]),
  );
  rmSync(dir, { recursive: true, force: true });
}

for (let r = 0; r < runs; r++) {
  timeShell(`cat $(find ${corpus} -type f | head -2000) > /dev/null`); // same cache state for both
  if (withBase) base.push(timeShell(baseline.cmd));
  const db = join(dir, `run${r}.duckdb`);
  const first = runEtl(corpus, db);
  etl.push(first);
  if (values.reparse) {
    await markOld(db);
    const again = runEtl(corpus, db);
    if (again.reparsed !== n - first.quarantined)
      throw new Error(`re-parsed ${again.reparsed} letters, not ${n}: ${again.out}`);
    reparsed.push(again);
    console.log(`run ${r + 1}: re-parse of ${again.reparsed} stored letters ${again.s} s`);
  }
  if (values.keep && r === runs - 1) {
    mkdirSync(dirname(values.keep), { recursive: true });
    renameSync(db, values.keep);
  } else rmSync(db, { force: true });
  console.log(
    `run ${r + 1}: ETL ${first.s} s, peak RSS ${first.rss} MB, baseline ${base.at(-1)?.toFixed(2)} s`,
  );
}
const s = median(etl.map((e) => e.s));
const b = withBase ? median(base) : NaN;
const perSecond = (list: typeof etl) => {
  const t = median(list.map((e) => e.s));
  return [t, Math.round(n / t), Math.round(list[0].items / t), median(list.map((e) => e.rss))];
};
console.log(
  `\n${n} ${kind} letters, ${etl[0].items} items; medians of ${runs} runs on ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores\n`,
);
console.log(
  table([
    ['', 'seconds', 'letters/s', 'items/s', 'peak RSS MB'],
    ['IMR Outcomes ETL (end to end)', ...perSecond(etl)],
    ...(withBase
      ? [
          [`baseline: ${baseline.name}`, Number(b.toFixed(2)), Math.round(n / b), '-', '-'],
          ['ratio ETL / baseline time', Number((s / b).toFixed(1)), '', '', ''],
        ]
      : []),
    ...(reparsed.length
      ? [[`re-parse of ${n} stored letters (parser upgrade)`, ...perSecond(reparsed)]]
      : []),
  ]),
);
rmSync(dir, { recursive: true, force: true });
