import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, dashboard, inBrowser, SHOTS } from './browser.ts';

const app = dashboard(600);
type Row = { key: string; n: number };
const fmt = (n: number) => n.toLocaleString('en-US');

const topCard = (page: Page) => page.locator('section.card').filter({ hasText: 'Top treatments' });
/** Top treatments' service rows as [name, n], as the page shows them. */
const shownServices = (page: Page) =>
  topCard(page)
    .locator('tbody tr.service')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr
          .querySelector('th button.link, th')!
          .textContent!.replace(/^[▸▾]\s*/, '')
          .trim(),
        tr.querySelector('td')!.textContent,
      ]),
    );
const suggestion = (page: Page, kind: string, term: string) =>
  page
    .locator(`#treatment-suggestions li.${kind} button`)
    .filter({ hasText: new RegExp(`^${term} `) });

inBrowser('in Chromium, the normalised service', () => {
  it('the manager searches "acup" and sees acupuncture and electro-acupuncture side by side', async () => {
    const page = await app.open();
    const search = page.getByLabel('Treatment contains');
    await search.fill('acup');
    // Services come first, each with its n; then the words.
    const suggested = await app.api('/api/suggest?q=acup');
    const services = suggested.suggestions.filter((s: { kind: string }) => s.kind === 'service');
    expect(services.map((s: { term: string }) => s.term)).toEqual(
      expect.arrayContaining(['Acupuncture', 'Electro-acupuncture']),
    );
    await expect
      .poll(() =>
        page
          .locator('#treatment-suggestions li')
          .evaluateAll((lis) => lis.map((li) => `${li.className}: ${li.textContent}`)),
      )
      .toEqual(
        suggested.suggestions.map(
          (s: { kind: string; term: string; n: number | null }) =>
            `${s.kind}: ${s.term} ${s.kind === 'service' ? `service, ${fmt(s.n!)}` : s.kind === 'word' ? `in names, ${fmt(s.n!)}` : 'synonym'}`,
        ),
      );
    // What was typed is a search: Top treatments ranks the services it finds.
    await search.press('Enter');
    await expect.poll(() => page.url()).toContain('treatment=acup');
    const found = await app.api('/api/rates?treatment=acup&by=service&limit=25&sort=n');
    const keys = found.rows.map((r: Row) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['Acupuncture', 'Electro-acupuncture']));
    await expect
      .poll(() => shownServices(page))
      .toEqual(found.rows.map((r: Row) => [r.key, fmt(r.n)]));
    await page.close();
  });

  it('a service suggestion filters by that service; its row shows the names behind it and lists its services', async () => {
    const page = await app.open();
    const search = page.getByLabel('Treatment contains');
    await search.fill('acup');
    await suggestion(page, 'service', 'Acupuncture').click();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('service'))
      .toEqual(['Acupuncture']);
    expect(new URL(page.url()).searchParams.getAll('treatment')).toEqual([]);
    const chips = page.getByRole('list', { name: /Services and treatment terms/ });
    await expect.poll(() => chips.textContent()).toMatch(/^Service: Acupuncture/);
    // A second service beside it: the two side by side, each with the API's n.
    await search.fill('acup');
    await suggestion(page, 'service', 'Electro-acupuncture').click();
    const q = 'service=Acupuncture&service=Electro-acupuncture';
    await expect.poll(() => page.url()).toContain(q);
    const { rows } = await app.api(`/api/rates?${q}&by=service&limit=25&sort=n`);
    expect(rows.map((r: Row) => r.key).sort()).toEqual(['Acupuncture', 'Electro-acupuncture']);
    await expect.poll(() => shownServices(page)).toEqual(rows.map((r: Row) => [r.key, fmt(r.n)]));

    // Each service's raw names, a click away, add up to its n.
    for (const r of rows as Row[]) {
      await topCard(page)
        .getByRole('button', { name: `Names written for ${r.key}` })
        .click();
      // The view's filters with this one service: a second service= would keep both.
      const only = new URLSearchParams(q);
      only.set('service', r.key);
      const variants = await app.api(`/api/rates?${only}&by=treatment&sort=n&limit=1000`);
      expect(variants.rows.reduce((sum: number, v: Row) => sum + v.n, 0)).toBe(r.n);
      const shown = topCard(page)
        .locator('tbody tr.variant')
        .filter({
          has: page.locator('.visually-hidden', { hasText: `${r.key}, written as` }),
        });
      await expect.poll(() => shown.count()).toBe(variants.rows.length);
      const ns = await shown.evaluateAll((trs) =>
        trs.map((tr) => Number(tr.querySelectorAll('td')[1].textContent!.replace(/,/g, ''))),
      );
      expect(ns.reduce((a, b) => a + b, 0)).toBe(r.n);
    }
    await axe(page, 'top services expanded');
    await page.screenshot({ path: join(SHOTS, 'manager-services.png'), fullPage: true });

    // A service's name lists exactly its services.
    const first = rows[0] as Row;
    await topCard(page).getByRole('button', { name: first.key, exact: true }).click();
    await page.getByRole('heading', { name: `Services: Service: ${first.key}` }).waitFor();
    await expect
      .poll(() => page.locator('section.services .listed').textContent())
      .toBe(`${fmt(first.n)} service${first.n === 1 ? '' : 's'}`);
    expect(new URL(page.url()).searchParams.get('drill')).toBe(
      `service=${encodeURIComponent(first.key).replace(/%20/g, '+')}`,
    );
    await page.close();
  });
});
