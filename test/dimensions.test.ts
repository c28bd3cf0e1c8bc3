import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dimension,
  DIMENSION_NAMES,
  FACETS,
  GROUPABLE,
  heatmapAxes,
  keyColumn,
  LIST_FILTERS,
  RANGE_FILTERS,
  type DimensionName,
} from '../model/dimensions.ts';
import { readState } from '../client/data/url-state.ts';
import { drillFilters } from '../client/data/drill.ts';
import { writeDmhcCsv } from '../etl/dmhc/generate.ts';
import { ROOT, rows, tempDir } from './helpers.ts';
import { startServer } from './server.ts';

/**
 * Every declared dimension, walked through every layer: stored by the ETL, carried by facts,
 * counted in facets, grouped by /api/rates, filtered by the API, and kept in the dashboard's
 * URL. A layer that drops a dimension fails here, whichever it is.
 */
let srv: Awaited<ReturnType<typeof startServer>>;
let total: number;
beforeAll(async () => {
  // Both programs: generated letters, and a generated health-plan (DMHC) file beside them.
  const csv = join(tempDir(), 'dmhc.csv');
  await writeDmhcCsv(csv, 200);
  srv = await startServer(300, { extra: { 'dmhc.csv': readFileSync(csv, 'utf8') } });
  total = (await api('/api/summary')).items;
});
afterAll(() => srv.close());

async function api(path: string) {
  const res = await fetch(srv.url + path);
  const body = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.detail}`);
  return body;
}

/** The dashboard's state read from a URL, as the browser would give it. */
function stateAt(search: string) {
  Object.assign(globalThis, { location: { search, pathname: '/' } });
  return readState();
}

describe.each(DIMENSION_NAMES)('dimension %s', (name: DimensionName) => {
  const d = dimension(name);

  it('is stored by the ETL and carried by facts', async () => {
    const [stored] = await rows(
      srv.dbPath,
      `SELECT count(${d.column})::INTEGER AS n FROM ${d.table}`,
    );
    expect(stored.n, `${d.table}.${d.column} holds values`).toBeGreaterThan(0);
    const columns = (await rows(srv.dbPath, 'DESCRIBE facts')).map((c) => c.column_name);
    expect(columns).toContain(d.column);
    if (d.storage === 'code' || d.storage === 'set') expect(columns).toContain(keyColumn(name));
  });

  it('is counted in facets when declared a facet', async () => {
    const facets = await api('/api/facets?size=200');
    if (!FACETS.includes(name as never)) return expect(facets[name]).toBeUndefined();
    const values = facets[name].values as { n: number }[];
    const sum = values.reduce((s, v) => s + v.n, 0);
    // A set dimension counts a service once under each of its values.
    if (d.storage === 'set') expect(sum).toBeGreaterThanOrEqual(total);
    else expect(sum).toBe(total);
  });

  it('groups /api/rates, and each key filters back to its own n, in the API and in the URL', async () => {
    if (!GROUPABLE.includes(name)) return;
    const { rows: keys } = await api(`/api/rates?by=${name}&limit=1000&sort=n`);
    const sum = keys.reduce((s: number, r: { n: number }) => s + r.n, 0);
    if (d.storage === 'set') expect(sum).toBeGreaterThanOrEqual(total);
    else expect(sum).toBe(total);
    // The dashboard's drill-down: the filters a click on the key's bar lists.
    const drilled = (k: string) => drillFilters(new URLSearchParams(), [[name, k]]);
    const key = keys.find((r: { key: string }) => 'filters' in drilled(r.key));
    expect(key, `a key of ${name} that a filter can express`).toBeDefined();
    const q = (drilled(key.key) as { filters: URLSearchParams }).filters;
    expect((await api(`/api/summary?${q}`)).items).toBe(key.n);
    expect(stateAt(`?${q}`).filters.toString()).toBe(q.toString());
  });
});

describe.each([[['DWC']], [['DMHC']], [['DWC', 'DMHC']]] as const)(
  'the heat map of %j',
  (inView) => {
    it('crosses two dimensions these programs have, each with more than one value', async () => {
      const { rows, cols } = heatmapAxes(inView);
      const programs = inView.map((p) => `program=${p}`).join('&');
      const { cells } = await api(`/api/crosstab?${programs}&rows=${rows}&cols=${cols}`);
      for (const axis of ['row', 'col'] as const) {
        const keys = new Set(cells.map((c: Record<string, string>) => c[axis]));
        expect(keys.size, `${axis}s of ${rows} × ${cols}`).toBeGreaterThan(1);
        expect([...keys]).not.toContain('Not applicable');
      }
    });
  },
);

describe('docs', () => {
  it('lists every dimension and every filter parameter', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    const api = readme.slice(readme.indexOf('DIM is any of'), readme.indexOf('The server opens'));
    for (const name of [...GROUPABLE, ...LIST_FILTERS, ...RANGE_FILTERS])
      expect(api, `docs/api.md names ${name}`).toContain(`\`${name}\``);
  });
});
