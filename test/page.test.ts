import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { CI, ROOT, tempDir } from './helpers.ts';
import { startServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results');

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  const outDir = tempDir();
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  srv = await startServer(800, { clientDir: outDir });
});
afterAll(() => srv?.close());

describe('the built dashboard', () => {
  it('is served at / with its script and styles', async () => {
    const res = await fetch(srv.url + '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html);
    expect(script).not.toBeNull();
    const js = await fetch(srv.url + script![1]);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });
});

// A real browser: Debian's chromium, which .ci/run installs. Outside CI without it, say so and skip.
const inBrowser = CI || existsSync(CHROMIUM) ? describe : describe.skip;
if (!CI && !existsSync(CHROMIUM)) console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium; required when CI=true)`);

inBrowser('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => browser?.close());

  it('shows three charts with n and intervals, the synthetic notice, and filters by treatment', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(srv.url + '/');
    await page.getByRole('status').filter({ hasText: 'Synthetic demo data' }).waitFor();
    const charts = page.locator('section.card');
    await expect.poll(() => charts.count()).toBe(3);
    await expect.poll(() => page.locator('section.card .recharts-bar-rectangle').count()).toBeGreaterThan(10);
    expect(await page.locator('section.card .interval').count()).toBeGreaterThan(0);
    expect(await page.locator('section.card').first().textContent()).toMatch(/\(n=\d/);
    await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });

    const all = await (await fetch(srv.url + '/api/summary')).json();
    const acup = await (await fetch(srv.url + '/api/summary?treatment=acupuncture&treatment=infrared')).json();
    expect(acup.items).toBeLessThan(all.items);
    await page.getByRole('searchbox').fill('acupuncture, infrared');
    await expect.poll(() => page.locator('.totals').textContent())
      .toContain(`${acup.items.toLocaleString('en-US')} services in ${acup.letters.toLocaleString('en-US')} letters`);
    expect(page.url()).toContain('treatment=acupuncture&treatment=infrared');
    await page.screenshot({ path: join(SHOTS, 'dashboard-acupuncture-infrared.png'), fullPage: true });

    // The table view holds the same numbers as the API.
    const rates = await (await fetch(srv.url + '/api/rates?by=category&treatment=acupuncture&treatment=infrared')).json();
    await charts.first().getByRole('button', { name: 'Show table' }).click();
    const cells = await charts.first().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(cells).toEqual(rates.rows.map((r: { key: string; n: number }) => [r.key, String(r.n)]));

    // A copied link reopens the same view.
    const copy = await browser.newPage();
    await copy.goto(page.url());
    await expect.poll(() => copy.locator('.totals').textContent()).toContain(`${acup.items.toLocaleString('en-US')} services`);
    expect(await copy.getByRole('searchbox').inputValue()).toBe('acupuncture, infrared');
  });
});
