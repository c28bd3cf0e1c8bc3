import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, charted, dashboard, DESKTOP, inBrowser, PHONE, rateCard, SHOTS } from './browser.ts';
import { ODD_LETTERS } from './odd-letters.ts';

const app = dashboard(800, ODD_LETTERS);

/** Nothing widens the page past the screen; a screenshot of the view is saved. */
async function fits(page: Page, view: string) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect([view, client]).toEqual([view, PHONE.width]);
  expect([view, scroll]).toEqual([view, PHONE.width]);
  // Every chart is drawn within the screen.
  const rights = await page
    .locator('svg.recharts-surface')
    .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right));
  expect(rights.filter((r) => r > PHONE.width)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `phone-${view}.png`), fullPage: true });
}

const box = async (page: Page, selector: string) =>
  (await page.locator(selector).first().boundingBox())!;

inBrowser('on a phone (390 px wide)', () => {
  it('every view fits the screen: the default, the filters opened, a list and a letter', async () => {
    const page = await app.open('/', PHONE);
    await charted(page);
    // The totals line and its download button do not run into each other.
    const [line, button] = [await box(page, '.totals p'), await box(page, '.totals a')];
    expect(button.y >= line.y + line.height || line.x + line.width <= button.x).toBe(true);
    // The filter bar is folded away behind its button.
    const filters = page.getByRole('search', { name: 'Filters' });
    expect(await filters.isVisible()).toBe(false);
    await fits(page, 'default');
    await axe(page, 'phone');

    await page.locator('.filter-fold > summary').click();
    await expect.poll(() => filters.isVisible()).toBe(true);
    await filters
      .locator('details.facet summary')
      .filter({ hasText: 'Reviewer specialty' })
      .click();
    await expect.poll(() => filters.getByRole('checkbox').count()).toBeGreaterThan(3);
    await fits(page, 'filters');
    await page.locator('.filter-fold > summary').click();
    await expect.poll(() => filters.isVisible()).toBe(false);

    await rateCard(page).locator('.recharts-bar-rectangle').first().click();
    const list = page.locator('section.services');
    await expect.poll(() => list.locator('tbody tr').count()).toBeGreaterThan(0);
    // The list's table is wider than the screen and scrolls inside its card.
    const scroller = list.locator('.scroll');
    const [inner, outer] = await scroller.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(inner).toBeGreaterThan(outer);
    await fits(page, 'list');

    await list.locator('tbody button.link').first().click();
    await page.locator('.full-text mark').waitFor();
    await fits(page, 'letter');
    await page.close();
  });

  it('the odd treatment names and the tables fit too', async () => {
    const page = await app.open('/?dim=treatment&treatment=Qzx', PHONE);
    await charted(page, 5);
    for (const card of await page.locator('section.card').all()) {
      const toggle = card.getByRole('button', { name: 'Show table' });
      if (await toggle.count()) await toggle.click();
    }
    await expect.poll(() => rateCard(page).locator('tbody tr').count()).toBeGreaterThan(5);
    await fits(page, 'tables');
    await page.close();
  });

  it('on a desktop the filter bar is open without a click', async () => {
    const page = await app.open('/', DESKTOP);
    expect(await page.getByRole('search', { name: 'Filters' }).isVisible()).toBe(true);
    expect(await page.locator('.filter-fold > summary').isVisible()).toBe(false);
    await page.close();
  });
});
