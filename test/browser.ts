import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CI, ROOT, tempDir } from './helpers.ts';
import { startServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-results');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// A real browser: Debian's chromium, which .ci/run installs. Outside CI without it, say so and skip.
const hasBrowser = CI || existsSync(CHROMIUM);
export const inBrowser = hasBrowser ? describe : describe.skip;
if (!hasBrowser)
  console.warn(
    `browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium; required when CI=true)`,
  );

export const DESKTOP = { width: 1400, height: 1000 };
export const PHONE = { width: 390, height: 844 };

/**
 * The built dashboard, served over a real database of n generated letters (plus extra letter
 * files; or, with asDefault, built as `npm start` builds its default), and Chromium to open it in; both stop when the test file is done.
 */
export function dashboard(n: number, extra?: Record<string, string>, asDefault?: boolean) {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const outDir = tempDir();
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    srv = await startServer(n, { clientDir: outDir, extra, asDefault });
    if (!hasBrowser) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
  return {
    url: () => srv.url,
    browser: () => browser!,
    /** An API answer as JSON; a failure is an error naming the request. */
    api: async (path: string) => {
      const res = await fetch(srv.url + path);
      const body = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.detail}`);
      return body;
    },
    /** A new page at path, once its totals line has loaded. */
    open: async (path = '/', viewport = DESKTOP) => {
      const page = await browser!.newPage({ viewport, acceptDownloads: true });
      await page.goto(srv.url + path);
      await page.locator('.totals').filter({ hasText: 'services in' }).waitFor();
      return page;
    },
  };
}

/** Waits until the charts have drawn at least this many bars. */
export const charted = (page: Page, bars = 3) =>
  expect
    .poll(() => page.locator('.card .recharts-bar-rectangle').count())
    .toBeGreaterThanOrEqual(bars);

/** The rate chart's card (the one with the "By" menu). */
export const rateCard = (page: Page) =>
  page.locator('section.card').filter({ has: page.getByLabel('By', { exact: true }) });

/** Runs axe in the page; no serious or critical violation is allowed. */
export async function axe(page: Page, view: string) {
  await page.evaluate(AXE); // through the devtools protocol: the page's CSP rightly refuses inline scripts
  const result = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run(),
  );
  if (process.env.AXE_DEBUG)
    for (const v of result.violations)
      console.log(
        v.id,
        v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${view}: ${v.id} (${v.impact}, ${v.nodes.length} nodes)`)).toEqual([]);
}
