import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { axe, charted, dashboard, inBrowser, SHOTS } from './browser.ts';

const app = dashboard(800);
const api = app.api;

describe('the built dashboard', () => {
  it('is served at / with its script and styles', async () => {
    const res = await fetch(app.url() + '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html);
    expect(script).not.toBeNull();
    const js = await fetch(app.url() + script![1]);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });
});

inBrowser('in Chromium', () => {
  const open = app.open;

  it('the analyst switches dimensions and reads a table that matches the API', async () => {
    const page = await open();
    await page.getByRole('status').filter({ hasText: 'Synthetic demo data' }).waitFor();
    await charted(page);
    expect(await page.locator('.card .interval').count()).toBeGreaterThan(3);
    await axe(page, 'overview');
    await page.screenshot({ path: join(SHOTS, 'analyst-overview.png'), fullPage: true });

    // Once the page's answers are older than the few seconds they are kept, a change of one
    // chart still asks only for that chart's data.
    await page.waitForTimeout(5_500);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) asked.push(new URL(r.url()).search);
    });
    const card = page
      .locator('section.card')
      .filter({ has: page.getByLabel('By', { exact: true }) });
    await card.getByLabel('By', { exact: true }).selectOption('guideline_source');
    await expect.poll(() => page.url()).toContain('dim=guideline_source');
    await card.getByRole('button', { name: 'Show table' }).click();
    const want = (await api('/api/rates?by=guideline_source&limit=60')).rows.map(
      (r: { key: string; n: number }) => [r.key, r.n.toLocaleString('en-US')],
    );
    await expect
      .poll(async () =>
        card
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
          ),
      )
      .toEqual(want);
    // The page opened on workers' comp, the one program loaded, and says so in every request.
    expect(asked).toEqual(['?program=DWC&by=guideline_source&sort=n&min_n=0&limit=60']);
    await card.getByLabel('Show', { exact: true }).selectOption('overturn');
    await expect
      .poll(() => card.getByRole('heading').textContent())
      .toBe('Overturn rate by guideline cited by MAXIMUS');
    await page.screenshot({ path: join(SHOTS, 'analyst-table.png'), fullPage: true });
    await page.goBack();
    await expect
      .poll(() => card.getByRole('heading').textContent())
      .toBe('Uphold rate by guideline cited by MAXIMUS');
    await page.close();
  });

  it('the researcher filters and downloads a CSV whose rows match the API', async () => {
    const page = await open('/?category=Pharmaceuticals&decision_from=2016-01-01');
    const summary = await api('/api/summary?category=Pharmaceuticals&decision_from=2016-01-01');
    await expect
      .poll(() => page.locator('.totals').textContent())
      .toContain(`${summary.items.toLocaleString('en-US')} services`);
    await page
      .getByRole('group', { name: 'Decision' })
      .or(page.locator('details.facet', { hasText: 'Decision' }))
      .first()
      .locator('summary')
      .click();
    await page.getByRole('checkbox', { name: /^Overturned/ }).check();
    await expect.poll(() => page.url()).toContain('decision=Overturned');
    const want = await api(
      '/api/summary?category=Pharmaceuticals&decision_from=2016-01-01&decision=Overturned',
    );
    await expect
      .poll(() => page.locator('.totals').textContent())
      .toContain(`${want.items.toLocaleString('en-US')} services`);
    await axe(page, 'filtered');
    await page.screenshot({ path: join(SHOTS, 'researcher-filtered.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download this slice (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^imr-services_program-DWC_category-Pharmaceuticals_decision-Overturned_decision-from-2016-01-01_.*\.csv$/,
    );
    const text = readFileSync(await download.path(), 'utf8');
    const [comment, ...rest] = text.split('\n');
    expect(comment).toContain(
      'filters: program=DWC&category=Pharmaceuticals&decision=Overturned&decision_from=2016-01-01',
    );
    const rows = Papa.parse<Record<string, string>>(rest.join('\n'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(want.items);
    const listed = [];
    let cursor = '';
    do {
      const page2 = await api(
        `/api/items?category=Pharmaceuticals&decision_from=2016-01-01&decision=Overturned&limit=500&sort=letter_id&order=asc${cursor ? `&cursor=${cursor}` : ''}`,
      );
      listed.push(
        ...page2.rows.map(
          (r: { letter_id: string; item_no: number }) => `${r.letter_id}/${r.item_no}`,
        ),
      );
      cursor = page2.next_cursor ?? '';
    } while (cursor);
    expect(rows.map((r) => `${r.letter_id}/${r.item_no}`).sort()).toEqual(listed.sort());
    await page.close();
  });

  it('the manager searches acupuncture, adds infrared, opens a letter and sees the rationale highlighted', async () => {
    const page = await open();
    const search = page.getByLabel('Treatment contains');
    await search.fill('acup');
    await expect
      .poll(() =>
        page
          .locator('#treatment-suggestions li.word button')
          .evaluateAll((bs) => bs.map((b) => b.firstChild!.textContent!.trim())),
      )
      .toContain('electro-acupuncture');
    await search.fill('acupuncture');
    await search.press('Enter');
    await search.fill('infrared');
    await search.press('Enter');
    await expect.poll(() => page.url()).toContain('treatment=acupuncture&treatment=infrared');
    const want = await api('/api/summary?treatment=acupuncture&treatment=infrared');
    await expect
      .poll(() => page.locator('.totals').textContent())
      .toContain(`${want.items.toLocaleString('en-US')} services`);
    await charted(page, 1);
    // A bar opens the services behind it; a service opens its letter.
    await page.locator('.card .recharts-bar-rectangle').first().click();
    await page.getByRole('heading', { name: /^Services:/ }).waitFor();
    await page.locator('section.services tbody button.link').first().click();
    await page.getByRole('heading', { name: /^Letter / }).waitFor();
    const mark = page.locator('.full-text mark');
    await mark.waitFor();
    expect((await mark.textContent())!.length).toBeGreaterThan(40);
    expect(page.url()).toMatch(/letter=[^&]+&item=\d+/);
    await axe(page, 'letter');
    await page.screenshot({ path: join(SHOTS, 'manager-letter.png'), fullPage: true });
    // The copied link reopens the same letter.
    const copy = await app.browser().newPage();
    await copy.goto(page.url());
    await copy.locator('.full-text mark').waitFor();
    await copy.close();
    await page.close();
  });

  it('says plainly when nothing matches', async () => {
    const page = await app.browser().newPage();
    await page.goto(`${app.url()}/?treatment=no-such-treatment-anywhere`);
    await expect
      .poll(() => page.locator('.totals').textContent())
      .toContain('No services match these filters.');
    expect(await page.locator('.empty').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect
      .poll(() => page.locator('.totals').textContent())
      .toContain('services in 800 letters');
    await page.close();
  });
});
