import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Cell, Summary } from '../model/api.ts';
import { axe, charted, dashboard, inBrowser, PHONE, SHOTS } from './browser.ts';

// Built as a fresh `npm start` builds its default: synthetic workers' comp letters and the
// shipped real DMHC file (data/dmhc), so no real letter is loaded.
const app = dashboard(600, undefined, true);

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const num = (x: number) => x.toLocaleString('en-US');
const switchButton = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Program' }).getByRole('button', { name });
const typesCard = (page: Page) =>
  page.locator('section.card').filter({ hasText: 'Uphold rate by treatment type, both programs' });

/** Acupuncture's cells of the compare chart, as the API counts them. */
async function acupuncture(): Promise<Record<string, Cell>> {
  const { cells } = (await app.api('/api/crosstab?rows=treatment_type&cols=program')) as {
    cells: Cell[];
  };
  return Object.fromEntries(cells.filter((c) => c.row === 'Acupuncture').map((c) => [c.col, c]));
}

inBrowser('the compare view over the default data', () => {
  it('opens on health plans, with the synthetic workers comp demo one click away and labelled', async () => {
    const page = await app.open('/');
    await charted(page, 1);
    expect(await switchButton(page, 'Health plans (DMHC)').getAttribute('aria-pressed')).toBe(
      'true',
    );
    const dwc = switchButton(page, "Workers' comp (DWC)");
    expect(await dwc.getAttribute('aria-pressed')).toBe('false');
    expect(await dwc.textContent()).toContain('synthetic demo');
    // Health plans alone: the totals are the DMHC cases, and no synthetic notice shows.
    const all = (await app.api('/api/summary')) as Summary;
    const dmhc = all.programs.find((p) => p.program === 'DMHC')!;
    expect(dmhc.data_source).toBe('real');
    await expect
      .poll(() => page.locator('.totals p').textContent())
      .toContain(`${num(dmhc.services)} services in ${num(dmhc.services)} cases`);
    expect(await page.getByRole('status').filter({ hasText: 'Synthetic demo data' }).count()).toBe(
      0,
    );
    await page.screenshot({ path: join(SHOTS, 'compare-default.png'), fullPage: true });

    await dwc.click();
    await page.getByRole('status').filter({ hasText: 'Synthetic demo data' }).waitFor();
    expect(page.url()).toContain('program=DWC');
    await page.close();
  });

  it('compares acupuncture in both programs with the API numbers, and lists the DMHC cases', async () => {
    const page = await app.open('/');
    await switchButton(page, 'Both, compared').click();
    expect(page.url()).toContain('show=compare');
    const card = typesCard(page);
    await expect.poll(() => card.locator('g.bar-DMHC').count()).toBeGreaterThan(5);
    const cells = await acupuncture();
    expect(Object.keys(cells).sort()).toEqual(['DMHC', 'DWC']);
    // The chart writes each bar's rate and n beside it.
    for (const p of ['DWC', 'DMHC'])
      expect(await card.locator(`g.bar-${p}[data-type="Acupuncture"] text`).textContent()).toBe(
        `${pct(cells[p].uphold_rate)} n=${num(cells[p].n)}`,
      );
    await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });
    // The table, one toggle away, holds the same numbers and the interval.
    await card.getByRole('button', { name: 'Show table' }).click();
    for (const p of ['DWC', 'DMHC']) {
      const row = card.locator(`tr[data-type="Acupuncture"][data-program="${p}"]`);
      const texts = await row.locator('td').allTextContents();
      expect(texts.slice(2)).toEqual([
        num(cells[p].n),
        num(cells[p].upheld),
        pct(cells[p].uphold_rate),
        `${pct(cells[p].ci_low)}–${pct(cells[p].ci_high)}`,
      ]);
    }
    await axe(page, 'compare');
    await card.getByRole('button', { name: 'Show chart' }).click();

    await card.locator('g.bar-DMHC[data-type="Acupuncture"] rect').first().click();
    const list = page.locator('section.services');
    await expect.poll(() => list.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect
      .poll(() => list.locator('.listed').textContent())
      .toBe(`${num(cells.DMHC.n)} services`);
    const ids = await list.locator('tbody tr td:last-child').allTextContents();
    // DMHC reference ids: review type and report year, then a number (MN16-22556).
    expect(ids.filter((id) => !/^(MN|EI|UR)\d\d-\d+$/.test(id))).toEqual([]);
    // The same services, in the same order, as the API lists under the bar's filters.
    const { rows } = (await app.api(
      '/api/items?treatment_type=Acupuncture&program=DMHC&limit=50',
    )) as {
      rows: { letter_id: string }[];
    };
    expect(ids).toEqual(rows.map((r) => r.letter_id));

    // A case opens as a letter does; the 2001-2016 file has no findings, and says so.
    await list.locator('tbody button.link').first().click();
    const letter = page.locator('section.letter');
    await letter.getByRole('heading', { name: /^Health-plan case (MN|EI|UR)\d\d-/ }).waitFor();
    await letter.getByRole('heading', { name: 'Findings' }).waitFor();
    expect(await letter.locator('.empty').textContent()).toContain('no findings text');
    await page.screenshot({ path: join(SHOTS, 'compare-case.png'), fullPage: true });
    await page.close();
  });

  it('draws the health plans heat map by their own dimensions, as the API counts, and a cell lists its cases', async () => {
    const page = await app.open('/');
    const { cells } = (await app.api(
      '/api/crosstab?program=DMHC&rows=dmhc_category&cols=review_type',
    )) as { cells: Cell[] };
    const rows = [...new Set(cells.map((c) => c.row))];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).not.toContain('Not applicable');
    const card = page.locator('section.card').filter({ has: page.locator('table.heatmap') });
    await expect
      .poll(() => card.getByRole('heading').textContent())
      .toBe('Health-plan category × review type');
    await expect.poll(() => card.locator('tbody th').allTextContents()).toEqual(rows);
    // Every cell at its row and column, with its rate, n and 95% interval.
    const shown = await card.locator('table.heatmap').evaluate((t) => {
      const cols = [...t.querySelectorAll('thead th')].slice(1).map((th) => th.textContent);
      return [...t.querySelectorAll('tbody tr')].flatMap((tr) => {
        const row = tr.querySelector('th')!.textContent;
        return [...tr.querySelectorAll('td')].flatMap((td, i) =>
          td.textContent ? [[`${row}|${cols[i]}`, td.textContent]] : [],
        );
      });
    });
    const low = (c: Cell) => (c.low_n ? ' low n' : '');
    expect(Object.fromEntries(shown)).toEqual(
      Object.fromEntries(
        cells.map((c) => [
          `${c.row}|${c.col}`,
          `${pct(c.uphold_rate)}n=${num(c.n)}${low(c)} upheld, 95% interval ${pct(c.ci_low)} to ${pct(c.ci_high)}: ${c.row}, ${c.col}`,
        ]),
      ),
    );
    // The largest cell lists its cases, filtered by both of its keys.
    const big = [...cells].sort((a, b) => b.n - a.n)[0];
    await card
      .locator('button.cell')
      .filter({ hasText: `: ${big.row}, ${big.col}` })
      .click();
    const list = page.locator('section.services');
    await expect
      .poll(() => list.getByRole('heading').textContent())
      .toBe(`Services: Health-plan category: ${big.row}, Review type: ${big.col}`);
    await expect.poll(() => list.locator('.listed').textContent()).toBe(`${num(big.n)} services`);
    // A case's row: its health-plan category, no workers' comp guideline, its report year.
    const first = list.locator('tbody tr').first().locator('td');
    await expect
      .poll(async () => (await first.allTextContents()).slice(2, 5))
      .toEqual([big.row, 'Not applicable', expect.stringMatching(/^20\d\d$/)]);
    await page.screenshot({ path: join(SHOTS, 'heatmap-dmhc.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone (390 px) with no sideways scroll', async () => {
    const page = await app.open('/?show=compare', PHONE);
    await expect.poll(() => typesCard(page).locator('g.bar-DMHC').count()).toBeGreaterThan(5);
    for (const view of ['chart', 'table']) {
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect([view, client, scroll]).toEqual([view, PHONE.width, PHONE.width]);
      const rights = await page
        .locator('svg.recharts-surface')
        .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right));
      expect(rights.filter((r) => r > PHONE.width)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `phone-compare-${view}.png`), fullPage: true });
      const toggles = page.getByRole('button', { name: 'Show table' });
      while (await toggles.count()) await toggles.first().click();
    }
    await page.close();
  });
});
