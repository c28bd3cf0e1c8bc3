import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfiumText } from '../etl/letters/pdf/pdfium.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import type { Timeliness } from '../model/api.ts';
import { createApp } from '../server/http/app.ts';
import { Database } from '../server/db/database.ts';
import { listen } from '../server/start/listen.ts';
import { CI, SHARED, rows, tempDir } from './helpers.ts';

const PDFS = join(SHARED, 'letters', 'dwc-2016');

// The header dates read here from each letter's text, by this test's own patterns, not the
// parser's: "Decision Date: 12/09/2016", "Application 11/03/2016" (its "Received:" on the next
// line), "Priority: Standard".
const US_DATE = /(\d{2})\/(\d{2})\/(\d{4})/;
const after = (text: string, label: string) => {
  const m = new RegExp(`${label}\\s+${US_DATE.source}`).exec(text);
  return m ? Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) : null;
};
function header(text: string) {
  const decided = after(text, 'Decision Date:');
  const received = after(text, 'Application(?: Received:)?');
  const priority = /Priority:\s+(\w+)/.exec(text)?.[1] ?? 'Not stated';
  const days = decided === null || received === null ? null : (decided - received) / 86_400_000;
  return { priority, days };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
};

describe('review time of the real letters', () => {
  it('gives, per review speed, the median days_to_decision of their headers, counting letters', async (ctx) => {
    if (!existsSync(PDFS)) {
      if (CI) throw new Error(`missing ${PDFS}`);
      console.warn(`skipped: ${PDFS} is missing`);
      return ctx.skip();
    }
    const files = readdirSync(PDFS).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(144);
    const byHand = new Map<string, number[]>();
    for (const f of files) {
      const h = header(await pdfiumText(new Uint8Array(readFileSync(join(PDFS, f)))));
      expect(h.days, f).not.toBeNull();
      byHand.set(h.priority, [...(byHand.get(h.priority) ?? []), h.days!]);
    }
    const db = join(tempDir(), 'imr.duckdb');
    await runEtl(PDFS, db, { quiet: true });
    const data = new Database(db);
    const server = listen(createApp(data, tempDir()), 0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(
        `http://127.0.0.1:${port}/api/timeliness?by=review_speed&measure=days_to_decision`,
      );
      const t = (await res.json()) as Timeliness;
      expect(res.status).toBe(200);
      const got = Object.fromEntries(t.rows.map((r) => [r.key, [r.n, r.median_days]]));
      const want = Object.fromEntries(
        [...byHand].map(([speed, days]) => [speed, [days.length, median(days)]]),
      );
      expect(got).toEqual(want);
      // n counts letters: all 144 once, though they decide more services than that.
      const [{ services }] = await rows(db, 'SELECT count(*)::INTEGER AS services FROM items');
      expect(t.rows.reduce((s, r) => s + r.n, 0)).toBe(144);
      expect(services).toBeGreaterThan(144);
    } finally {
      await new Promise((ok) => server.close(ok));
      data.close();
    }
  });
});
