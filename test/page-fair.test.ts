import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AdjustedRates, Comparison } from '../model/api.ts';
import { differenceWords } from '../client/data/slices.ts';
import { compareUrl } from '../client/data/urls.ts';
import { axe, charted, dashboard, inBrowser, rateCard, SHOTS } from './browser.ts';

const app = dashboard(600);
const num = (x: number) => x.toLocaleString('en-US');
const trendCard = (page: Page) =>
  page
    .locator('section.card')
    .filter({ has: page.getByRole('heading', { name: /rate over time/ }) });

inBrowser('comparisons an analyst can defend, in Chromium', () => {
  it("marks policy events on the workers' comp trend, and compares the year before and after one", async () => {
    const page = await app.open('/');
    await charted(page);
    const card = trendCard(page);
    // The generated letters are decided from 2013 on: the formulary of 2018-01-01 is in range.
    const marker = card.locator('.event-marker').filter({ hasText: 'MTUS Drug Formulary' });
    await expect.poll(() => marker.count()).toBe(1);
    expect(await marker.locator('title').textContent()).toMatch(/^2018-01-01: MTUS Drug Formulary/);
    await page.screenshot({ path: join(SHOTS, 'fair-events.png'), fullPage: true });

    await marker.click();
    const verdict = card.locator('.events .verdict');
    await expect.poll(() => verdict.textContent()).toContain('against the 12 before');
    const c = (await app.api(
      compareUrl(
        'program=DWC&decision_from=2018-01-01&decision_to=2018-12-31',
        'program=DWC&decision_from=2017-01-01&decision_to=2017-12-31',
      ),
    )) as Comparison;
    expect(c.a.n).toBeGreaterThan(0);
    expect(c.b.n).toBeGreaterThan(0);
    const text = (await verdict.textContent())!;
    expect(text).toContain(differenceWords(c, 'before'));
    expect(text).toContain(`Before: ${num(c.b.n)} services`);
    expect(text).toContain(`after: ${num(c.a.n)} services`);
    expect(text).toContain(`(${c.test})`);

    // The event is named in the table, beside its period.
    await card.getByRole('button', { name: 'Show table' }).click();
    const row = card.locator('tbody tr').filter({ hasText: '2018-01-01' }).first();
    await expect.poll(() => row.textContent()).toContain('MTUS Drug Formulary');
    await axe(page, 'events');
    await page.close();
  });

  it('switches the rate chart to O/E adjusted for service mix, as the API computes it', async () => {
    const page = await app.open('/?dim=specialty');
    const card = rateCard(page);
    await card.getByLabel('Compare fairly: adjusted for service mix').check();
    await expect.poll(() => page.url()).toContain('adjust=category');
    await expect
      .poll(() => card.locator('.summary').textContent())
      .toContain('Held constant: the mix of treatment categories.');
    await expect.poll(() => card.locator('.oe-mark').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(SHOTS, 'fair-adjusted.png'), fullPage: true });
    const want = (await app.api(
      '/api/rates?program=DWC&by=specialty&sort=n&min_n=0&limit=60&adjust=category',
    )) as AdjustedRates;
    await card.getByRole('button', { name: 'Show table' }).click();
    const cells = await card
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    expect(cells.map((r) => [r[0], r[2], r[5]])).toEqual(
      want.rows.map((r) => [r.key, num(r.adjusted_n), r.oe_ratio?.toFixed(2) ?? '–']),
    );
    // Holding services constant instead is one choice away.
    await card.getByLabel('holding constant').selectOption('service');
    await expect.poll(() => page.url()).toContain('adjust=service');
    await expect
      .poll(() => card.locator('.summary').textContent())
      .toContain('Held constant: the mix of services.');
    await axe(page, 'adjusted');
    await page.close();
  });

  it('pins a slice as A, compares it with the filtered slice B, and keeps both in the URL', async () => {
    const page = await app.open('/');
    await page.getByRole('button', { name: 'Pin this slice as A' }).click();
    await expect.poll(() => page.url()).toContain('pin=program%3DDWC');
    await page
      .locator('details.facet summary')
      .filter({ hasText: /^Category$/ })
      .click();
    await page.getByRole('checkbox', { name: /^Pharmaceuticals/ }).check();
    await expect.poll(() => page.url()).toContain('category=Pharmaceuticals');
    const verdict = page.locator('.slices .verdict');
    const c = (await app.api(
      compareUrl('program=DWC', 'program=DWC&category=Pharmaceuticals'),
    )) as Comparison;
    await expect
      .poll(() => verdict.textContent())
      .toBe(`A is ${differenceWords(c, 'B')}; ${c.test}.`);
    expect(await page.locator('.slices').textContent()).toContain(`${num(c.b.n)} services`);
    await page.screenshot({ path: join(SHOTS, 'fair-slices.png'), fullPage: true });

    // The link holds both slices.
    const again = await app.open(new URL(page.url()).search);
    await expect
      .poll(() => again.locator('.slices .verdict').textContent())
      .toBe(`A is ${differenceWords(c, 'B')}; ${c.test}.`);
    await axe(again, 'slices');
    await again.getByRole('button', { name: 'Unpin A' }).click();
    await expect.poll(() => again.url()).not.toContain('pin=');
    await again.close();
    await page.close();
  });
});
