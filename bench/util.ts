import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { get } from 'node:http';

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Seconds a shell command takes (it runs to completion; its output is discarded). */
export function timeShell(cmd: string): number {
  const t0 = performance.now();
  execFileSync('bash', ['-c', cmd], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

export function table(rows: (string | number)[][]): string {
  const width = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r) =>
      r
        .map((x, c) =>
          typeof x === 'number' ? String(x).padStart(width[c]) : String(x).padEnd(width[c]),
        )
        .join('  '),
    )
    .join('\n');
}

export const ROOT = join(import.meta.dirname, '..');

/** package.json's script `name`, run without npm: node's own path, then the script's arguments. */
function script(name: string, args: string[] = []): [string, string[]] {
  const [node, ...rest] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts[
    name
  ].split(' ');
  if (node !== 'node')
    throw new Error(`package.json's ${name} script no longer runs node directly`);
  return [
    process.execPath,
    [...rest.map((a: string) => (a.endsWith('.ts') ? join(ROOT, a) : a)), ...args],
  ];
}

/** `npm run etl -- args` without npm, so that the RSS it prints is the ETL's own. */
export const etlCommand = (args: string[]) => script('etl', args);

/** data/bench/N/imr.duckdb, a database of N generated letters, built once and kept for later runs. */
export function ensureDatabase(n: number): string {
  const dir = join(ROOT, 'data', 'bench', String(n));
  const db = join(dir, 'imr.duckdb');
  if (existsSync(db)) return db;
  mkdirSync(dir, { recursive: true });
  console.log(`building a database of ${n} generated letters in ${dir} (kept for later runs)...`);
  const corpus = join(dir, 'corpus');
  execFileSync(...script('generate', ['--letters', String(n), '--seed', '1', '--out', corpus]), {
    stdio: 'inherit',
  });
  execFileSync(...etlCommand(['--input', corpus, '--db', db]), { stdio: 'inherit' });
  rmSync(corpus, { recursive: true, force: true });
  return db;
}

/**
 * `npm start` on a database in a child process, run with package.json's own start command
 * but without npm in between, so the RSS read is the server's; resolves with its URL once it is serving.
 */
export async function startServer(
  db: string,
  env: Record<string, string> = {},
): Promise<{ url: string; proc: ChildProcess; rssMb: () => number }> {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const proc = spawn(...script('start'), {
    cwd: ROOT,
    env: { ...process.env, ...env, IMR_DB: db, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok) =>
    proc.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('serving')) ok();
    }),
  );
  const rssMb = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]) / 1024;
  return { url: `http://127.0.0.1:${port}`, proc, rssMb };
}

/**
 * GET on a connection of its own, reading the whole body (chunk by chunk, for exports);
 * fetch's pooled keep-alive sockets were found closed under the benchmark's load.
 */
export function httpGet(
  url: string,
  onChunk?: (b: Buffer) => void,
): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((ok, fail) => {
    get(url, { agent: false }, (res) => {
      let bytes = 0;
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => {
        bytes += b.length;
        if (onChunk) onChunk(b);
        else parts.push(b);
      });
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, bytes, body: Buffer.concat(parts).toString() }),
      );
      res.on('error', fail);
    }).on('error', fail);
  });
}
