import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { decodeDrill } from '../client/data/drill.ts';
import { charted, dashboard, inBrowser, rateCard, SHOTS } from './browser.ts';
import { ODD_LETTERS, ODD_TREATMENTS } from './odd-letters.ts';

const FORMULAS = readFileSync(
  join(import.meta.dirname, 'fixtures', 'header-2016-formulas.txt'),
  'utf8',
);
const app = dashboard(800, { ...ODD_LETTERS, 'formulas.txt': FORMULAS });
type Row = { key: string; n: number };
const shown = (n: number) =>
  n ? `${n.toLocaleString('en-US')} service${n === 1 ? '' : 's'}` : 'No services';

/** The open list: its heading names the key, its header counts n, its first page shows them. */
async function listed(page: Page, title: string, n: number) {
  const list = page.locator('section.services');
  await expect.poll(() => list.getByRole('heading').textContent()).toBe(`Services: ${title}`);
  await expect.poll(() => list.locator('.listed').textContent()).toBe(shown(n));
  await expect.poll(() => list.locator('tbody tr').count()).toBe(Math.min(n, 50));
  expect(await list.locator('.error').count()).toBe(0);
  return list;
}

/** Clicks each bar of the rate chart in turn and checks the list it opens against the API. */
async function clickEveryBar(page: Page, rows: Row[], title: (key: string) => string) {
  const bars = rateCard(page).locator('.recharts-bar-rectangle');
  await expect.poll(() => bars.count()).toBe(rows.length);
  for (const [i, r] of rows.entries()) {
    await bars.nth(i).click();
    await listed(page, title(r.key), r.n);
    const drill = new URL(page.url()).searchParams.get('drill')!;
    expect(decodeDrill(drill).map(([, key]) => key)).toEqual([r.key]);
  }
}

inBrowser('drilling down in Chromium', () => {
  it('every bar of the default view lists as many services as its n', async () => {
    const page = await app.open();
    await charted(page);
    const { rows } = await app.api('/api/rates?by=category&sort=n&min_n=0&limit=60');
    expect(rows.map((r: Row) => r.key)).toEqual(
      expect.arrayContaining(['Evaluation & Management', 'Unclassified']),
    );
    await clickEveryBar(page, rows, (key) => `Category: ${key}`);
    await page.screenshot({ path: join(SHOTS, 'drill-category.png') });
    await page.close();
  });

  it('a heat-map cell of Evaluation & Management lists its services', async () => {
    const page = await app.open();
    const { cells } = await app.api('/api/crosstab?rows=category&cols=guideline_source');
    const cell = cells.find(
      (c: { row: string; col: string }) => c.row === 'Evaluation & Management' && c.col === 'MTUS',
    );
    await page
      .getByRole('button', { name: /: Evaluation & Management, MTUS$/ })
      .first()
      .click();
    await listed(page, 'Category: Evaluation & Management, Guideline cited: MTUS', cell.n);
    await page.close();
  });

  it('bars whose keys hold & / + # % = ? quotes and non-ASCII list their services, and the link reopens them', async () => {
    const path = '/?dim=treatment&treatment=Qzx&sort=key';
    const page = await app.open(path);
    const { rows } = await app.api('/api/rates?treatment=Qzx&by=treatment&sort=key&limit=60');
    expect(rows.map((r: Row) => r.key).sort()).toEqual([...ODD_TREATMENTS, 'Qzx heel cup'].sort());
    await clickEveryBar(page, rows, (key) => `Treatment contains “${key}”`);
    // The last key opened is the one with every odd character; a copy of the link shows it again.
    const last = rows.at(-1)!;
    const copy = await app.browser().newPage();
    await copy.goto(page.url());
    const list = await listed(copy, `Treatment contains “${last.key}”`, last.n);
    expect(await list.locator('tbody button.link').first().textContent()).toBe(last.key);
    await page.screenshot({ path: join(SHOTS, 'drill-odd-keys.png') });
    await copy.close();
    await page.close();
  });

  it("'Not stated' specialty and a year of decision are listed; undated services say why not", async () => {
    const page = await app.open('/?dim=specialty');
    const { rows } = await app.api('/api/rates?by=specialty&sort=n&min_n=0&limit=60');
    const i = rows.findIndex((r: Row) => r.key === 'Not stated');
    expect(i).toBeGreaterThanOrEqual(0);
    await rateCard(page).locator('.recharts-bar-rectangle').nth(i).click();
    await listed(page, 'Reviewer specialty: Not stated', rows[i].n);

    await page.goto(`${app.url()}/?dim=decision_year&sort=key`);
    const years = (await app.api('/api/rates?by=decision_year&sort=key&limit=60')).rows as Row[];
    const bars = rateCard(page).locator('.recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBe(years.length);
    const y = years.findIndex((r) => /^\d{4}$/.test(r.key));
    await bars.nth(y).click();
    await listed(page, `Decision date: ${years[y].key}`, years[y].n);
    await page.getByRole('button', { name: 'Close list' }).click();
    const undated = years.findIndex((r) => r.key === 'Not stated');
    expect(undated).toBeGreaterThanOrEqual(0);
    await bars.nth(undated).click({ force: true });
    await rateCard(page).getByRole('button', { name: 'Show table' }).click();
    await expect
      .poll(() => rateCard(page).locator('tbody tr').nth(undated).textContent())
      .toMatch(/^Not stated \(not listed: services with no decision date/);
    expect(await page.locator('section.services').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('drill')).toBeNull();
    await page.close();
  });

  it("a table's download quotes every cell a spreadsheet would run as a formula", async () => {
    const page = await app.open('/?letter_id=CM18-0066666&dim=treatment');
    const { rows } = await app.api(
      '/api/rates?letter_id=CM18-0066666&by=treatment&sort=n&min_n=0&limit=60',
    );
    expect(rows.length).toBe(4);
    const card = rateCard(page);
    await card.getByRole('button', { name: 'Show table' }).click();
    await expect.poll(() => card.locator('tbody tr').count()).toBe(4);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Download table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('imr-rates-by-treatment.csv');
    const text = readFileSync(await download.path(), 'utf8');
    const got = Papa.parse<Record<string, string>>(text, { header: true }).data;
    expect(got.map((r) => r.key)).toEqual(rows.map((r: Row) => `'${r.key}`));
    expect(got.map((r) => Number(r.n))).toEqual(rows.map((r: Row) => r.n));
    await page.close();
  });
});
