import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ETL, FUZZ, GENERATE } from '../etl/cli/commands.ts';
import { parseFlags, UsageError, type Cli, type Flags } from '../cli/flags.ts';
import { generate } from '../etl/generate/index.ts';
import { ROOT, tempDir } from './helpers.ts';

const SCRIPTS = { etl: 'etl.ts', generate: 'generate.ts', fuzz: 'fuzz.ts' };

/** Runs one of the command lines in a child process, as a person would; never throws. */
async function run(script: keyof typeof SCRIPTS, args: string[]) {
  const file = join(ROOT, 'etl', 'cli', SCRIPTS[script]);
  return promisify(execFile)(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: { ...process.env, IMR_DB: '' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

let letters: string; // a folder of a few generated letters
let work: string; // where each bad run may leave files, checked to stay empty
beforeAll(async () => {
  letters = tempDir();
  await generate(3, 5, letters);
  work = tempDir();
  writeFileSync(join(work, 'a-file.txt'), 'not a folder');
});

describe('command-line mistakes', () => {
  const db = () => join(work, 'imr.duckdb');
  // [what is wrong, command, arguments, words the one line must hold: the flag and what is valid]
  type Case = [string, keyof typeof SCRIPTS, () => string[], string[]];
  const cases: Case[] = [
    ...(
      [
        ['no workers', '0'],
        ['workers not a number', 'abc'],
        ['negative workers', '-1'],
        ['fractional workers', '1.5'],
      ] as const
    ).map(([what, workers]): Case => [
      what,
      'etl',
      () => ['--input', letters, '--db', db(), '--workers', workers],
      ['--workers', '1 to 256'],
    ]),
    [
      'missing input folder',
      'etl',
      () => ['--input', join(work, 'nope'), '--db', db()],
      ['--input', 'does not exist', 'a folder'],
    ],
    [
      'input is a file',
      'etl',
      () => ['--input', join(work, 'a-file.txt'), '--db', db()],
      ['--input', 'not a folder'],
    ],
    [
      'unknown flag',
      'etl',
      () => ['--input', letters, '--db', db(), '--wrokers', '2'],
      ['--wrokers', 'did you mean --workers', '--input'],
    ],
    [
      'missing value',
      'etl',
      () => ['--db', db(), '--input'],
      ['--input', 'needs a value', 'a folder'],
    ],
    ['flag for a value', 'etl', () => ['--input', '--db', db()], ['--input', 'needs a value']],
    [
      'db in a missing folder',
      'etl',
      () => ['--input', letters, '--db', join(work, 'no', 'imr.duckdb')],
      ['--db', 'folder that does not exist'],
    ],
    ['db is a folder', 'etl', () => ['--input', letters, '--db', work], ['--db', 'is a folder']],
    [
      'report of a missing db',
      'etl',
      () => ['--report', '--db', db()],
      ['--db', 'does not exist', '--input'],
    ],
    [
      'boolean given a value',
      'etl',
      () => ['--report=yes', '--db', db()],
      ['--report', 'takes no value'],
    ],
    ['stray argument', 'etl', () => ['--db', db(), 'stray'], ['"stray"', '--flag VALUE']],
    ['nothing to do', 'etl', () => ['--db', db()], ['--input', '--report', '--parquet']],
    [
      'unknown format',
      'generate',
      () => ['--out', join(work, 'g'), '--format', 'doc'],
      ['--format', 'txt, pdf or mixed'],
    ],
    [
      'no letters',
      'generate',
      () => ['--out', join(work, 'g'), '--letters', '0'],
      ['--letters', '1 to 10000000'],
    ],
    [
      'fuzz seed not a number',
      'fuzz',
      () => ['--out', join(work, 'f'), '--seed', 'x'],
      ['--seed', 'whole number'],
    ],
  ];

  it.each(cases)(
    '%s: one line naming the flag, status 2, nothing left behind',
    async (_, script, args, words) => {
      const before = readdirSync(work).sort();
      const r = await run(script, args());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      for (const w of words) expect(lines[0]).toContain(w);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      // No .stage/ or .building, no half-written output.
      expect(readdirSync(work).sort()).toEqual(before);
    },
  );
});

describe('typos', () => {
  // [what was typed, the flag suggested, or null]
  it.each([
    ['--wrokers', '--workers'],
    ['--inptu', '--input'],
    ['--repot', '--report'],
    ['-h', '--help'],
    ['--d', '--db'],
    ['-x', null],
    ['--verbose', null],
  ] as const)('%s suggests %s', (typed, meant) => {
    expect(() => parseFlags(ETL, [typed])).toThrow(UsageError);
    try {
      parseFlags(ETL, [typed]);
    } catch (e) {
      const hint = /did you mean (--\w+)/.exec((e as Error).message);
      expect(hint?.[1] ?? null).toBe(meant);
    }
  });
});

describe("a --db that is not this project's database", () => {
  // [what it is, how to write it]; each is refused before anything is read or written.
  const files: [string, (path: string) => Promise<void> | void][] = [
    ['a text file', (p) => writeFileSync(p, 'not a database')],
    ['a CSV', (p) => writeFileSync(p, 'Reference ID,Report Year\nMN16-1,2016\n')],
    [
      'an SQLite database',
      (p) =>
        writeFileSync(p, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)])),
    ],
    [
      "another program's DuckDB database",
      async (p) => {
        const instance = await DuckDBInstance.create(p);
        const conn = await instance.connect();
        await conn.run('CREATE TABLE orders (id INTEGER); INSERT INTO orders VALUES (1)');
        conn.closeSync();
        instance.closeSync();
      },
    ],
  ];
  it.each(files)(
    '%s: one line, exit status 2, the file unchanged and nothing beside it',
    async (_, write) => {
      const dir = tempDir();
      const db = join(dir, 'imr.duckdb');
      await write(db);
      const before = readFileSync(db);
      for (const args of [['--input', letters], ['--report'], ['--upgrade']]) {
        const r = await run('etl', [...args, '--db', db]);
        expect(r.code).toBe(2);
        const lines = r.stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(db);
        expect(lines[0]).toMatch(/not a DuckDB database|another program's tables/);
        expect(readFileSync(db).equals(before)).toBe(true);
        expect(readdirSync(dir)).toEqual(['imr.duckdb']);
      }
    },
  );
});

describe('--help', () => {
  const clis: [keyof typeof SCRIPTS, Cli<Flags>][] = [
    ['etl', ETL as unknown as Cli<Flags>],
    ['generate', GENERATE as unknown as Cli<Flags>],
    ['fuzz', FUZZ as unknown as Cli<Flags>],
  ];
  it.each(clis)('%s lists every flag its parser accepts, and only those', async (script, cli) => {
    const r = await run(script, ['--help']);
    expect(r.code).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(cli.flags));
    for (const name of listed) {
      // The parser knows every listed flag: giving it is never "unknown".
      const f = cli.flags[name];
      const args = f.type === 'boolean' ? [`--${name}`] : [`--${name}`, 'x'];
      let said = '';
      try {
        parseFlags(cli, args);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        said = e.message;
      }
      expect(said).not.toContain('unknown flag');
      // And its help sentence is there (lines are wrapped, so compare words).
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(f.help);
    }
  });
});

describe('progress', () => {
  it('gives the bar a total equal to the number of letter files', async () => {
    const input = tempDir();
    await generate(30, 7, input);
    mkdirSync(join(input, 'more'));
    writeFileSync(join(input, 'more', 'extra.txt'), 'not a letter, but a file the run reads');
    writeFileSync(join(input, 'notes.md'), 'not read');
    const files = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (n, e) =>
          n + (e.isDirectory() ? files(join(dir, e.name)) : /\.(txt|pdf)$/.test(e.name) ? 1 : 0),
        0,
      );
    const r = await run('etl', ['--input', input, '--db', join(tempDir(), 'imr.duckdb')]);
    expect(r.code).toBe(0);
    // Not a terminal: the final line is "progress: DONE/TOTAL files ...".
    const last = r.stderr.trim().split('\n').at(-1)!;
    const m = /^progress: ([\d,]+)\/([\d,]+) files/.exec(last);
    expect(m, last).not.toBeNull();
    expect(Number(m![2].replace(/,/g, ''))).toBe(files(input));
    expect(Number(m![1].replace(/,/g, ''))).toBe(files(input));
    expect(r.stdout).toContain(`files: ${files(input)} `);
  });
});
