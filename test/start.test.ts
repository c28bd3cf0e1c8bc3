import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { isStale, needsBuild } from '../server/start/build.ts';
import { ENV } from '../server/start/env.ts';
import { ROOT, tempDir } from './helpers.ts';

interface Started {
  code: number | null;
  stdout: string;
  stderr: string;
  url?: string;
}

/**
 * Runs `npm start`'s command with env (and no HOST, PORT or IMR_* of the caller's). Resolves
 * when it exits, or once it prints the URL it serves at, after stopping it with SIGTERM.
 */
function start(env: Record<string, string>): Promise<Started> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !(k in ENV)),
  ) as NodeJS.ProcessEnv;
  const [, ...args] = JSON.parse(
    readFileSync(join(ROOT, 'package.json'), 'utf8'),
  ).scripts.start.split(' ');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...clean, ...env } });
  const r: Started = { code: null, stdout: '', stderr: '' };
  child.stderr.on('data', (b: Buffer) => (r.stderr += b));
  return new Promise((ok) => {
    child.stdout.on('data', (b: Buffer) => {
      r.stdout += b;
      const m = / at (http:\S+)/.exec(r.stdout);
      if (m && !r.url) {
        r.url = m[1];
        ok(r);
      }
    });
    child.on('exit', (code) => {
      r.code = code;
      ok(r);
    });
  }).then(async () => {
    if (r.url) {
      const res = await fetch(`${r.url}/api/summary`);
      r.stdout += `\nsummary: ${res.status} ${JSON.stringify(await res.json())}`;
      child.kill('SIGTERM');
      await new Promise((ok) => child.on('exit', ok));
    }
    return r;
  });
}

/** The one line a failed start must print: naming the variable, with no stack trace. */
function expectOneLine(r: Started, name: string) {
  expect(r.code).toBe(2);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toContain(`${name}=`);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

let db: string;
beforeAll(async () => {
  const corpus = tempDir();
  await generate(40, 3, corpus);
  db = join(tempDir(), 'imr.duckdb');
  await runEtl(corpus, db, { quiet: true });
});

describe('start-up settings', () => {
  // [variable, bad value, words saying what is valid]
  const cases: [keyof typeof ENV, string, string][] = [
    ['IMR_MAX_QUERIES', '0', 'from 1 to 64'],
    ['IMR_MAX_QUERIES', 'four', 'from 1 to 64'],
    ['IMR_QUERY_TIMEOUT_MS', '0', 'from 100'],
    ['IMR_QUERY_TIMEOUT_MS', '10s', 'from 100'],
    ['IMR_CACHE_ENTRIES', '-1', 'from 0'],
    ['IMR_MEMORY_LIMIT', 'lots', 'at least 16MB'],
    ['IMR_MEMORY_LIMIT', '1MB', 'at least 16MB'],
    ['PORT', 'http', 'from 0 to 65535'],
    ['PORT', '70000', 'from 0 to 65535'],
    ['HOST', 'a b', 'IP address or host name'],
  ];
  it.each(cases)('%s=%s stops the start with one line and status 2', async (name, value, valid) => {
    const r = await start({ IMR_DB: db, [name]: value });
    expectOneLine(r, name);
    expect(r.stderr).toContain(valid);
  });

  it('covers every declared variable with a bad value', () => {
    const tried = new Set(cases.map(([name]) => name));
    expect([...Object.keys(ENV)].filter((n) => !tried.has(n as keyof typeof ENV))).toEqual([
      'IMR_DB',
    ]);
  });

  it('refuses an IMR_DB that names a missing file, and creates nothing', async () => {
    const dir = tempDir();
    const missing = join(dir, 'mine.duckdb');
    const r = await start({ IMR_DB: missing });
    expectOneLine(r, 'IMR_DB');
    expect(r.stderr).toContain('no such file');
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(`${missing}.stage`)).toBe(false);
  });

  it('refuses an IMR_DB that names a folder', async () => {
    expectOneLine(await start({ IMR_DB: tempDir() }), 'IMR_DB');
  });

  it('says so when PORT is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((ok) => taken.once('listening', ok));
    const port = (taken.address() as AddressInfo).port;
    const r = await start({ IMR_DB: db, PORT: String(port) });
    taken.close();
    expectOneLine(r, 'PORT');
    expect(r.stderr).toContain('in use');
  });

  it('says so when HOST is not an address of this machine', async () => {
    // A documentation address (TEST-NET-3): binding to it fails here, with nothing sent anywhere.
    const r = await start({ IMR_DB: db, PORT: '0', HOST: '203.0.113.7' });
    expectOneLine(r, 'HOST');
  });
});

describe('listening', () => {
  it('serves on 127.0.0.1 unless HOST says otherwise', async () => {
    const r = await start({ IMR_DB: db, PORT: '0' });
    expect(r.url, r.stderr).toBeDefined();
    expect(r.code).toBe(0); // stopped cleanly by SIGTERM
    expect(new URL(r.url!).hostname).toBe('127.0.0.1');
    expect(r.stdout).toContain('summary: 200');
    expect(r.stdout).not.toContain('no authentication');
  });
});

describe('docs', () => {
  it('lists every environment variable as declared', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'running.md'), 'utf8');
    const rows = readme.split('\n').filter((l) => /^\| `[A-Z_]+` \|/.test(l));
    expect(rows).toEqual(
      Object.entries(ENV).map(
        ([name, v]) => `| \`${name}\` | ${v.meaning} | \`${v.default}\` | ${v.valid} |`,
      ),
    );
  });
});

describe('dashboard build', () => {
  it.each([
    ['no build', [1, 2], undefined, true],
    ['a source newer than the build', [1, 5], 4, true],
    ['every source older', [1, 3], 4, false],
    ['a source as old as the build', [4], 4, false],
    ['no sources', [], 4, false],
  ] as const)('%s', (_, sources, built, stale) => {
    expect(isStale([...sources], built)).toBe(stale);
  });

  it('rebuilds when a client file on disk is newer than dist/', () => {
    const root = tempDir();
    mkdirSync(join(root, 'client', 'charts'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    const file = join(root, 'client', 'charts', 'Bar.tsx');
    for (const f of [file, join(root, 'vite.config.ts'), join(root, 'dist', 'index.html')])
      writeFileSync(f, '');
    const at = (f: string, s: number) => utimesSync(f, s, s);
    at(file, 1000);
    at(join(root, 'vite.config.ts'), 1000);
    at(join(root, 'dist', 'index.html'), 2000);
    expect(needsBuild(root)).toBe(false);
    at(file, 3000); // as a git pull leaves it
    expect(needsBuild(root)).toBe(true);
    at(join(root, 'dist', 'index.html'), 4000);
    expect(needsBuild(root)).toBe(false);
    at(join(root, 'vite.config.ts'), 5000);
    expect(needsBuild(root)).toBe(true);
  });
});
