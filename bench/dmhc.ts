import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { writeDmhcCsv } from '../etl/dmhc/generate.ts';
import { etlCommand, table } from './util.ts';

// npm run bench:dmhc -- [--rows N] [--runs R]: rows/s and peak RSS of importing a generated
// current-shape DMHC file (comma-separated, quoted, with Findings) with `npm run etl`, next to
// papaparse alone streaming the same file (the floor: reading and splitting, nothing else).
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '1' },
    baseline: { type: 'string' }, // internal: the papaparse-only pass over one file
  },
});

if (values.baseline) {
  let rows = 0;
  const t0 = performance.now();
  await new Promise<void>((ok, fail) =>
    Papa.parse(createReadStream(values.baseline!).setEncoding('utf8') as unknown as File, {
      step: () => void rows++,
      complete: () => ok(),
      error: fail,
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`rows: ${rows - 1}, seconds: ${seconds.toFixed(2)}, peak RSS: ${rss} MB`);
  process.exit(0);
}

const n = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'imr-bench-dmhc-'));
const input = join(dir, 'input');
mkdirSync(input);
const file = join(input, 'imr-determinations.csv');
const tsx = (args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
try {
  console.log(`generating ${n} DMHC rows with findings...`);
  await writeDmhcCsv(file, n, 1);
  console.log(`${(statSync(file).size / 1e6).toFixed(0)} MB`);
  const out: (string | number)[][] = [['pass', 'rows', 'seconds', 'rows/s', 'peak RSS MB']];
  for (let r = 0; r < Number(values.runs); r++) {
    const b = /rows: (\d+), seconds: ([\d.]+), peak RSS: (\d+)/.exec(
      tsx([join(import.meta.dirname, 'dmhc.ts'), '--baseline', file]),
    );
    if (!b) throw new Error('unexpected baseline output');
    out.push(['papaparse alone', +b[1], +b[2], Math.round(+b[1] / +b[2]), +b[3]]);
    const db = join(dir, `run${r}.duckdb`);
    const e = /letters: (\d+), .*seconds: ([\d.]+), peak RSS: (\d+) MB/.exec(
      execFileSync(...etlCommand(['--input', input, '--db', db]), {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    if (!e) throw new Error('unexpected ETL output');
    out.push(['npm run etl (import)', +e[1], +e[2], Math.round(+e[1] / +e[2]), +e[3]]);
    rmSync(db, { force: true });
  }
  console.log(table(out));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
