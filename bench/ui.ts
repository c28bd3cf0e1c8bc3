import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { ensureDatabase, median, ROOT, startServer, table } from './util.ts';

// npm run bench:ui -- --letters N: initial JS size gzipped, navigation to all charts rendered,
// and a filter change to charts updated, in headless Chromium over N generated letters.
const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
  },
});
const db = ensureDatabase(Number(values.letters));
await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
const dist = join(ROOT, 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const gzKb = (files: string[]) =>
  Math.round(files.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f))).length, 0) / 1024);
const entry = gzKb([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
// The JS the browser had loaded once the charts were drawn: the entry and the chunks it imports.
let drawn = 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// All four charts drawn and none of them loading.
const rendered = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelectorAll('.card .recharts-bar-rectangle').length > 0 &&
      document.querySelector('.card .recharts-line-curve') !== null &&
      document.querySelectorAll('.heatmap td button').length > 0 &&
      document.querySelectorAll('section.card[aria-busy="true"]').length === 0,
    undefined,
    { timeout: 60_000 },
  );

/** Medians of navigation and filter-change times against a fresh server started with env. */
async function measure(env: Record<string, string>) {
  const { url, proc } = await startServer(db, env);
  const nav: number[] = [];
  const change: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    let t0 = performance.now();
    await page.goto(url);
    await rendered(page);
    nav.push(performance.now() - t0);
    drawn = gzKb(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith('.js')),
      ),
    );
    // A filter change in place: tick a facet value, as a person would.
    const before = await page.locator('.totals').textContent();
    await page.locator('details.facet', { hasText: 'Decision' }).locator('summary').click();
    t0 = performance.now();
    await page.getByRole('checkbox', { name: /^Overturned/ }).check();
    await page.waitForFunction((b) => document.querySelector('.totals')?.textContent !== b, before);
    await rendered(page);
    change.push(performance.now() - t0);
    await page.close();
  }
  proc.kill();
  return { nav: Math.round(median(nav)), change: Math.round(median(change)) };
}
// With the server's result cache off, every view runs its queries: the first visitor's view.
// With it on (the default), later visits to a view already asked for are answered from memory.
const cold = await measure({ IMR_CACHE_ENTRIES: '0' });
const warm = await measure({});
await browser.close();
console.log(`\n${values.letters} letters; medians of ${values.runs} runs in headless Chromium\n`);
console.log(
  table([
    ['measure', 'result cache off', 'cache on (default)', 'target'],
    ['initial JS: entry script, gzipped (KB)', entry, entry, ''],
    ['initial JS: all loaded before the charts draw, gzipped (KB)', drawn, drawn, 250],
    ['navigation to all charts rendered (ms)', cold.nav, warm.nav, 1500],
    ['filter change to charts updated (ms)', cold.change, warm.change, 500],
  ]),
);
