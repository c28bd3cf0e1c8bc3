import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeDmhcCsv } from '../etl/dmhc/generate.ts';
import type { Timeliness, TimelinessRow } from '../model/api.ts';
import { axe, dashboard, inBrowser, SHOTS } from './browser.ts';
import { tempDir } from './helpers.ts';

// Generated letters and a generated current-shape DMHC file beside them (both synthetic).
const csv = join(tempDir(), 'dmhc.csv');
beforeAll(() => writeDmhcCsv(csv, 400, 9));
// Read when the dashboard's server is built, after the file above is written (hooks run in order).
const app = dashboard(500, {
  get 'dmhc.csv'() {
    return readFileSync(csv, 'utf8');
  },
});

const num = (x: number) => x.toLocaleString('en-US');
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const days = (x: number | null) =>
  x === null ? '–' : `${Number(x.toFixed(1)).toLocaleString('en-US')} days`;
const figure = (x: number | null) => (x === null ? '–' : Number(x.toFixed(1)).toLocaleString('en-US')); // prettier-ignore
/** A row's cells as the review-time tables write them, after its key cells. */
const cells = (r: TimelinessRow) => [
  num(r.n),
  figure(r.median_days),
  `${figure(r.p25_days)}–${figure(r.p75_days)}`,
  figure(r.p90_days),
  `${num(r.within_limit)}: ${pct(r.within_limit_share)} (${pct(r.ci_low)}–${pct(r.ci_high)})`,
  num(r.excluded),
];
const card = (page: Page, title: string | RegExp) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { name: title }) });
/** A card's table rows, as text, once it shows as many as expected. */
async function tableOf(page: Page, title: string | RegExp, rows: number) {
  const c = card(page, title);
  if (await c.getByRole('button', { name: 'Show table' }).count())
    await c.getByRole('button', { name: 'Show table' }).click();
  await expect.poll(() => c.locator('tbody tr').count()).toBe(rows);
  return c
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
}

inBrowser('review time in Chromium', () => {
  it("workers' comp: the three charts hold the API's figures, and a bar lists its letters", async () => {
    const page = await app.open('/?program=DWC&topic=time');
    const q = 'program=DWC&measure=days_to_decision';
    const limit = (await app.api(`/api/timeliness?${q}&by=review_speed`)) as Timeliness;
    const title = 'Decided within the legal limit, by review speed';
    expect(await tableOf(page, title, limit.rows.length)).toEqual(
      limit.rows.map((r) => [r.key, ...cells(r)]),
    );
    const years = (await app.api(`/api/timeliness?${q}&by=decision_year&sort=key&limit=1000`)) as Timeliness; // prettier-ignore
    expect(await tableOf(page, 'Days to decision over time', years.rows.length)).toEqual(
      years.rows.map((r) => [r.key, ...cells(r)]),
    );
    await axe(page, 'review time');
    await page.screenshot({ path: join(SHOTS, 'review-time-dwc.png'), fullPage: true });

    // By category: the table, then the letters behind its largest key.
    const by = card(page, /^Days to decision by /);
    await by.getByLabel('By', { exact: true }).selectOption('category');
    await expect.poll(() => page.url()).toContain('wait_by=category');
    const cats = (await app.api(`/api/timeliness?${q}&by=category&limit=60`)) as Timeliness;
    expect(await tableOf(page, 'Days to decision by treatment category', cats.rows.length)).toEqual(
      cats.rows.map((r) => [r.key, ...cells(r)]),
    );
    const [big] = cats.rows;
    await by.locator(`tr[data-key="${big.key}"] button.link`).click();
    const list = page.locator('section.letters');
    await expect.poll(() => list.locator('.listed').textContent()).toBe(`${num(big.n)} letters or cases`); // prettier-ignore
    const { rows } = await app.api(`/api/items?program=DWC&category=${encodeURIComponent(big.key)}&measure=days_to_decision&limit=50`); // prettier-ignore
    await expect
      .poll(() => list.locator('tbody tr td:first-child').allTextContents())
      .toEqual(rows.map((r: { letter_id: string }) => r.letter_id));
    expect(await list.locator('tbody tr td:last-child').first().textContent()).toBe(days(rows[0].days_to_decision)); // prettier-ignore
    await page.screenshot({ path: join(SHOTS, 'review-time-letters.png'), fullPage: true });
    await page.close();
  });

  it('health plans: their own measures, and the compare view sets both programs side by side', async () => {
    const page = await app.open('/?program=DMHC&topic=time');
    const select = page.getByLabel('Measure', { exact: true });
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['Days to review', 'Days to adopt']); // prettier-ignore
    await select.selectOption('days_to_adopt');
    await expect.poll(() => page.url()).toContain('measure=days_to_adopt');
    const adopt = (await app.api('/api/timeliness?program=DMHC&measure=days_to_adopt&by=review_speed')) as Timeliness; // prettier-ignore
    expect(await tableOf(page, 'Decided within the legal limit, by review speed', adopt.rows.length)).toEqual(
      adopt.rows.map((r) => [r.key, ...cells(r)]),
    ); // prettier-ignore
    expect(await page.locator('section.measure').textContent()).toContain('What it does not:');

    await page.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: 'Both, compared' }).click(); // prettier-ignore
    const want = [];
    for (const [p, label, m, measure] of [
      ['DWC', "Workers' comp (DWC)", 'days_to_decision', 'Days to decision'],
      ['DMHC', 'Health plans (DMHC)', 'days_to_review', 'Days to review'],
    ]) {
      const t = (await app.api(`/api/timeliness?program=${p}&by=review_speed&measure=${m}`)) as Timeliness; // prettier-ignore
      want.push(...t.rows.map((r) => [label, measure, r.key, ...cells(r)]));
    }
    expect(await tableOf(page, 'Review time by review speed, both programs', want.length)).toEqual(want); // prettier-ignore
    await page.screenshot({ path: join(SHOTS, 'review-time-compare.png'), fullPage: true });
    await page.close();
  });
});
