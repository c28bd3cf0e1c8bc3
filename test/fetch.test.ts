import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFetch } from '../fetch/run.ts';
import { StopError } from '../fetch/types.ts';
import type { FixtureCase } from './fetch-fixture.ts';
import { expected, january, LETTERS, manifest, options, strip } from './fetch-helpers.ts';
import { startSite, type Site } from './fetch-server.ts';
import { CI, tempDir } from './helpers.ts';

const present = existsSync(LETTERS);
if (!present && !CI) console.warn(`skipping the fetch tests: ${LETTERS} is missing`);

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const searches = (site: Site) => site.requests.filter((r) => r.method === 'POST');

(CI || present ? describe : describe.skip)('npm run fetch against a fixture site', () => {
  let site: Site;
  let cases: FixtureCase[];
  const urls: string[] = [];
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    // Every address the client asks for, to show it never leaves the fixture's host.
    globalThis.fetch = (input, init) => {
      urls.push(String(input));
      return realFetch(input, init);
    };
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });
  afterEach(async () => {
    expect(urls.every((u) => u.startsWith(`${site.url}/`))).toBe(true);
    expect(site.requests.every((r) => r.host === new URL(site.url).host)).toBe(true);
    await site.close();
  });
  const start = async (edit: (cs: FixtureCase[]) => FixtureCase[] = (cs) => cs) => {
    cases = edit(january());
    site = await startSite(cases, LETTERS);
    urls.length = 0;
  };

  it('follows every page to the last, joins further-service rows to their case and decodes entities', async () => {
    await start((cs) => {
      cs[0].specialty = 'Physical Medicine & Rehabilitation';
      return cs;
    });
    const rows = expected(cases, site.url);
    // The data must hold a case whose services straddle pages 1 and 2, and the + marker.
    expect(rows[24].case_number).toBe(rows[25].case_number);
    expect(cases.some((c) => c.services.length > 1)).toBe(true);
    const out = tempDir();
    const s = await runFetch(options(site, out));
    const got = manifest(out);
    expect(strip(got)).toEqual(rows);
    expect(
      got.filter((r) => r.pdf_status !== 'fetched' || !/^[0-9a-f]{64}$/.test(r.sha256)),
    ).toEqual([]);
    const pages = Math.ceil(rows.length / 25);
    expect(searches(site).map((r) => r.form!.newpageno ?? '1')).toEqual(
      Array.from({ length: pages }, (_, i) => String(i + 1)),
    );
    expect(searches(site)[0].form).toMatchObject({
      Fname: 'Tx',
      DecStart: '1/1/2017',
      DecEnd: '1/31/2017',
      Submit: 'Submit',
    });
    expect(s).toMatchObject({ pages, pdfs: cases.length, failedPdfs: 0, markerMismatches: [] });
    for (const c of cases)
      expect(sha(join(out, 'letters', `${c.case_number}.pdf`))).toBe(
        sha(join(LETTERS, `${c.case_number}.pdf`)),
      );
    expect(site.requests.every((r) => r.userAgent.startsWith('IMR Outcomes/'))).toBe(true);
    expect(got.find((r) => r.case_number === cases[0].case_number)!.reviewer_specialty).toBe(
      'Physical Medicine & Rehabilitation',
    );
  });

  it('searches a range of too many pages in halves, and finds the same services', async () => {
    await start();
    const out = tempDir();
    await runFetch(options(site, out, { maxPages: 1, metadataOnly: true }));
    expect(strip(manifest(out))).toEqual(expected(cases, site.url));
    const ranges = new Set(searches(site).map((r) => `${r.form!.DecStart}-${r.form!.DecEnd}`));
    expect(ranges).toContain('1/1/2017-1/15/2017');
    expect(ranges).toContain('1/16/2017-1/31/2017');
    // One-day ranges still too big are followed page by page.
    expect(
      searches(site).every(
        (r) => r.form!.Submit === 'Submit' || r.form!.DecStart === r.form!.DecEnd,
      ),
    ).toBe(true);
  });

  it('retries a 500, waits out a 503 Retry-After and a timeout, then finishes', async () => {
    await start((cs) => cs.slice(0, 6));
    site.faults.push(
      { on: 'search', kind: '500' },
      { on: 'search', kind: '503' },
      { on: 'letter', kind: 'timeout' },
    );
    const out = tempDir();
    const log: string[] = [];
    await runFetch(options(site, out, { timeoutMs: 400, log: (l) => log.push(l) }));
    expect(log.join('\n')).toMatch(/HTTP 500 from POST/);
    expect(log.join('\n')).toMatch(/HTTP 503 from POST/);
    expect(log.join('\n')).toMatch(/no answer in 400 ms from GET/);
    // The 503 answered the second search request; its retry waited the second it asked for.
    const [, busy, retry] = searches(site);
    expect(retry.at - busy.at).toBeGreaterThanOrEqual(1000);
    expect(manifest(out).every((r) => r.pdf_status === 'fetched')).toBe(true);
  });

  it('stops with the last failure when every retry fails', async () => {
    await start((cs) => cs.slice(0, 3));
    for (let i = 0; i < 4; i++) site.faults.push({ on: 'search', kind: '500' });
    const err = await runFetch(options(site, tempDir())).catch((e) => e);
    expect(err).toBeInstanceOf(StopError);
    expect(err.message).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/dwc\/imr\/IMRDecisionSearch\.asp failed 4 times, the last with HTTP 500$/,
    );
  });

  it('stops on a page of the wrong shape, naming what was missing, and saves the page', async () => {
    await start();
    site.faults.push({ on: 'search', kind: 'wrong-shape' });
    const out = tempDir();
    const err = await runFetch(options(site, out)).catch((e) => e);
    expect(err).toBeInstanceOf(StopError);
    expect(err.message).toMatch(
      /^no <table class="tabborder"> and no "no results" text on page 1 of 2017-01-01\.\.2017-01-31 \(page saved as .*errors/,
    );
    const saved = readdirSync(join(out, 'errors'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(out, 'errors', saved[0]), 'utf8')).toContain('Site redesigned');
  });

  it('records an HTML page, a truncated PDF and a link to another host against their cases, and goes on', async () => {
    await start((cs) => {
      cs = cs.slice(0, 6);
      [cs[1].letter, cs[2].letter, cs[3].letter] = ['html', 'truncated', 'foreign'];
      return cs;
    });
    const out = tempDir();
    const s = await runFetch(options(site, out));
    const byCase = new Map(manifest(out).map((r) => [r.case_number, r]));
    const error = (c: FixtureCase) => byCase.get(c.case_number)!.pdf_error;
    expect(error(cases[1])).toMatch(/^not a PDF \(text\/html, starts with "<!DOCTYPE html>/);
    expect(error(cases[2])).toMatch(/^truncated PDF \(no %%EOF at the end of \d+ bytes\)$/);
    expect(error(cases[3])).toMatch(
      /^refused: https:\/\/letters\.example\.invalid\/\S+ is on letters\.example\.invalid, not the --base-url host 127\.0\.0\.1:\d+$/,
    );
    expect(s.failedPdfs).toBe(3);
    const files = readdirSync(join(out, 'letters')).sort();
    expect(files).toEqual([cases[0], cases[4], cases[5]].map((c) => `${c.case_number}.pdf`).sort());
    expect(site.requests.filter((r) => r.method === 'GET')).toHaveLength(5);
  });

  it('with --metadata-only fetches result pages and no letters; a search with no results is fine', async () => {
    await start();
    const out = tempDir();
    await runFetch(options(site, out, { metadataOnly: true }));
    expect(site.requests.every((r) => r.method === 'POST')).toBe(true);
    expect(manifest(out).every((r) => r.pdf_status === 'not fetched')).toBe(true);
    const none = tempDir();
    await runFetch(options(site, none, { range: { from: '2015-01-01', to: '2015-01-31' } }));
    expect(manifest(none)).toEqual([]);
  });

  it('stops at --max-requests and a second run continues without asking again', async () => {
    await start((cs) => cs.slice(0, 10));
    const out = tempDir();
    const err = await runFetch(options(site, out, { maxRequests: 4 })).catch((e) => e);
    expect(err).toBeInstanceOf(StopError);
    expect(err).toMatchObject({ exitCode: 3, message: 'reached --max-requests 4' });
    expect(site.requests).toHaveLength(4);
    await runFetch(options(site, out));
    const paths = site.requests.map((r) => `${r.method} ${r.path} ${r.form?.newpageno ?? ''}`);
    expect(new Set(paths).size).toBe(paths.length);
    expect(manifest(out).every((r) => r.pdf_status === 'fetched')).toBe(true);
  });
});
