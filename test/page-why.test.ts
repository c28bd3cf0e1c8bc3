import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Reasons, ReasonSpan } from '../model/api.ts';
import { valueLabel } from '../model/dimensions.ts';
import { axe, dashboard, inBrowser, SHOTS } from './browser.ts';

const app = dashboard(800);
const shown = (n: number) => `${n.toLocaleString('en-US')} service${n === 1 ? '' : 's'}`;

inBrowser('the Why view in Chromium', () => {
  it('shows the reasons for acupuncture as the API counts them, lists one and marks its sentence', async () => {
    const page = await app.open('/?topic=why&treatment=acupuncture');
    const q = 'program=DWC&treatment=acupuncture';
    const why: Reasons = await app.api(`/api/reasons?${q}`);
    expect(why.upheld + why.overturned).toBeGreaterThan(5);
    const card = page.locator('section.card').filter({ hasText: 'Why: reasons given' });
    await expect.poll(() => card.locator('.share-upheld').count()).toBe(why.rows.length);
    await expect.poll(() => card.locator('.summary').textContent()).toContain(`Of ${why.upheld} upheld services`);

    // The table, one click away, holds the API's n for every family and decision.
    await card.getByRole('button', { name: 'Show table' }).click();
    const table = await card.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-reason'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
    );
    expect(table).toEqual(
      why.rows.map((r) => [r.reason, String(r.upheld.n), expect.any(String), expect.any(String), String(r.overturned.n), expect.any(String), expect.any(String)]),
    );
    await axe(page, 'why');
    await page.screenshot({ path: join(SHOTS, 'why-acupuncture.png'), fullPage: true });

    // The most common reason of upheld acupuncture lists as many services as its n.
    const top = [...why.rows].sort((a, b) => b.upheld.n - a.upheld.n)[0];
    await card.locator(`tr[data-reason="${top.reason}"] td button`).first().click();
    const list = page.locator('section.services');
    await expect.poll(() => list.getByRole('heading').textContent()).toBe(`Services: Reason: ${valueLabel('reason', top.reason)}, Decision: Upheld`);
    await expect.poll(() => list.locator('.listed').textContent()).toBe(shown(top.upheld.n));
    await expect.poll(() => list.locator('tbody tr').first().textContent()).toContain(valueLabel('reason', top.reason));

    // Its first service opens its letter, with the sentence that gave the reason marked.
    await list.locator('tbody button.link').first().click();
    const letter = page.locator('section.letter');
    const id = new URL(page.url()).searchParams.get('letter')!;
    const no = Number(new URL(page.url()).searchParams.get('item'));
    const { items } = await app.api(`/api/letters/${id}`);
    const item = items.find((i: { item_no: number }) => i.item_no === no);
    const span = (item.reason_spans as ReasonSpan[]).find((s) => s.reason === top.reason)!;
    const mark = letter.locator(`.why-text mark[data-reasons~="${top.reason}"]`).first();
    await expect.poll(() => mark.evaluate((m) => m.firstChild?.textContent)).toBe(item.rationale.slice(span.start, span.end));
    expect(await mark.isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'why-letter.png'), fullPage: true });
    await page.close();
  }, 60_000); // prettier-ignore

  it('crosses reasons with another dimension, and compares UR and IMR guidelines as the API does', async () => {
    const page = await app.open('/?topic=why&why_by=guideline_source');
    const { cells } = await app.api('/api/crosstab?program=DWC&rows=reason&cols=guideline_source');
    const heat = page.locator('section.card').filter({ has: page.getByLabel('Reasons by') });
    await expect.poll(() => heat.locator('tbody tr').count()).toBe(new Set(cells.map((c: { row: string }) => c.row)).size); // prettier-ignore
    await expect
      .poll(() => heat.locator('tbody th').first().textContent())
      .toBe(valueLabel('reason', cells[0].row));
    const why: Reasons = await app.api('/api/reasons?program=DWC');
    const g = page.locator('section.card').filter({ hasText: 'the same guidelines, or others' });
    const pctOf = (x: number | null) => `${Math.round((x ?? 0) * 100)}%`;
    await expect
      .poll(() => g.locator('.summary').textContent())
      .toContain(`for ${pctOf(why.guidelines.different.share)} (95% CI`);
    await g.getByRole('button', { name: 'Show table' }).click();
    const n = await g.locator('tr[data-agreement="different"] td').nth(1).textContent();
    expect(n).toBe(why.guidelines.different_rate.n.toLocaleString('en-US'));
    await page.close();
  });
});
