import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFetchArgs, UsageError } from '../fetch/args.ts';
import { runFetch } from '../fetch/run.ts';
import { january, LETTERS, manifest, options } from './fetch-helpers.ts';
import { startSite, type Site } from './fetch-server.ts';
import { CI, ROOT, tempDir } from './helpers.ts';

const cli = (args: string[]) =>
  [process.execPath, ['--import', 'tsx', join(ROOT, 'fetch', 'cli.ts'), ...args]] as const;
const RANGE = ['--decided-from', '2017-01-01', '--decided-to', '2017-01-31'];

const X = ['--out', 'x'];
describe('npm run fetch: the command line', () => {
  it.each([
    [[...X, ...RANGE, 'extra'], /^unexpected argument extra; valid flags: --out, /],
    [[...X, ...RANGE, '--colour'], /^unknown flag --colour; valid flags: --out, /],
    [[...X, ...RANGE, '--outcome'], /^--outcome needs a value$/],
    [[...X, ...RANGE, '--outcome', 'Partial'], /^--outcome "Partial" is not Uphold or Overturn$/],
    [[...RANGE], /^--out is required/],
    [
      [...X, '--decided-from', '2017-02-30', ...RANGE.slice(2)],
      /^--decided-from "2017-02-30" is not a date as YYYY-MM-DD$/,
    ],
    [
      [...X, '--decided-from', '2017-02-01', ...RANGE.slice(2)],
      /^--decided-from 2017-02-01 is after --decided-to 2017-01-31$/,
    ],
    [
      [...X, ...RANGE, '--delay-ms', 'fast'],
      /^--delay-ms "fast" is not a whole number of at least 0$/,
    ],
    [
      [...X, ...RANGE, '--max-requests', '0'],
      /^--max-requests "0" is not a whole number of at least 1$/,
    ],
    [
      [...X, ...RANGE, '--base-url', 'http://127.0.0.1:9/x'],
      /^--base-url "http:\/\/127.0.0.1:9\/x" is not a site root/,
    ],
    [
      [...X, ...RANGE, '--specialty', 'Brain surgery'],
      /^--specialty "Brain surgery" is not one of the site's 56 SpecialtyV options; closest: .*"Neurological Surgery"/,
    ],
    [
      [...X, ...RANGE, '--category', 'opioids'],
      /^--category "opioids" is not one of the site's 87 SubCategoryV options; closest: "Pharmaceuticals \* {2}\* Opioids"$/,
    ],
  ])('%j says what is wrong', (args, message) => {
    expect(() => parseFetchArgs(args)).toThrow(UsageError);
    expect(() => parseFetchArgs(args)).toThrow(message);
  });

  it("takes the site's exact option texts, forgiving case and runs of spaces", () => {
    const args = [
      ...X,
      ...RANGE,
      '--specialty',
      'allergy and immunology',
      '--specialty',
      'Hand Surgery',
    ];
    const o = parseFetchArgs([
      ...args,
      '--category',
      'pharmaceuticals * * opioids',
      '--outcome',
      'Overturn',
    ]);
    expect(o).toMatchObject({
      range: { from: '2017-01-01', to: '2017-01-31' },
      filters: {
        specialties: ['Allergy and  Immunology', 'Hand Surgery'],
        categories: ['Pharmaceuticals *  * Opioids'],
        outcome: 'Overturn',
      },
      delayMs: 1000,
      maxRequests: null,
      baseUrl: 'https://www.dir.ca.gov',
      metadataOnly: false,
    });
  });

  it('a bad flag is one line on stderr and exit status 2', () => {
    const [node, argv] = cli([...X, ...RANGE, '--outcome', 'Partial']);
    const r = spawnSync(node, argv, { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('npm run fetch: --outcome "Partial" is not Uphold or Overturn\n');
  });

  it('--help prints the usage and exits 0', () => {
    const [node, argv] = cli(['--help']);
    const r = spawnSync(node, argv, { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run fetch -- --out DIR --decided-from YYYY-MM-DD/);
  });
});

const files = (dir: string) =>
  readdirSync(join(dir, 'letters'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, 'letters', f)).toString('base64')]);

(CI || existsSync(LETTERS) ? describe : describe.skip)('npm run fetch killed and run again', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(january(), LETTERS);
  });
  afterAll(() => site.close());

  /** Runs the CLI; SIGKILLs it once the site has served `killAt` requests in all. */
  const run = (out: string, killAt: number | null) =>
    new Promise<number | null>((resolve) => {
      const [node, argv] = cli([
        '--out',
        out,
        ...RANGE,
        '--base-url',
        site.url,
        '--delay-ms',
        '15',
      ]);
      const child = spawn(node, argv, { cwd: ROOT, stdio: 'ignore' });
      const poll = setInterval(() => {
        if (killAt !== null && site.requests.length >= killAt) child.kill('SIGKILL');
      }, 2);
      child.on('exit', (code, signal) => {
        clearInterval(poll);
        resolve(signal === 'SIGKILL' ? -9 : code);
      });
    });

  it('ends with the same manifest and letters as a run never interrupted, asking again at most what was in flight', async () => {
    const whole = tempDir();
    await runFetch(options(site, whole, { range: { from: '2017-01-01', to: '2017-01-31' } }));
    const once = site.requests.length;
    site.requests.length = 0;

    const out = tempDir();
    expect(await run(out, 2)).toBe(-9); // among the result pages
    expect(await run(out, 25)).toBe(-9); // among the letters
    expect(await run(out, null)).toBe(0);
    expect(site.requests.length).toBeLessThanOrEqual(once + 2);
    const keep = ({ fetched_at: _f, ...r }: Record<string, string>) => r;
    expect(manifest(out).map(keep)).toEqual(manifest(whole).map(keep));
    expect(files(out)).toEqual(files(whole));
    expect(readdirSync(out).sort()).toEqual(['errors', 'journal.jsonl', 'letters', 'manifest.csv']);
  });
});
