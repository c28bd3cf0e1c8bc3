import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import * as answer from '../model/api.ts';
import { startServer } from './server.ts';

// Both programs: generated letters and the shipped health-plan file, as `npm start` builds them.
let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer(300, { asDefault: true });
}, 120_000);
afterAll(() => srv.close());

const get = async (path: string) => {
  const res = await fetch(srv.url + path);
  expect(res.status, path).toBe(200);
  return res.json();
};

/**
 * Parsing drops a field the schema does not declare and throws on one missing or of another
 * type, so an answer equals its parse only when model/api.ts says exactly what the server sends.
 */
const CASES: [string, z.ZodType][] = [
  ['/api/summary', answer.Summary],
  ['/api/summary?program=DMHC', answer.Summary],
  ['/api/rates?by=category&program=DWC', answer.Rates],
  ['/api/rates?by=guideline_source', answer.Rates],
  ['/api/rates?by=specialty&adjust=category&program=DWC', answer.AdjustedRates],
  ['/api/trend?interval=year&by=program', answer.TrendAnswer],
  ['/api/trend?interval=month', answer.TrendAnswer],
  ['/api/crosstab?rows=treatment_type&cols=program', answer.Crosstab],
  ['/api/reasons', answer.Reasons],
  ['/api/timeliness?by=review_speed&measure=days_to_decision', answer.Timeliness],
  ['/api/timeliness?by=decision_year&measure=days_to_review', answer.Timeliness],
  ['/api/facets', answer.Facets],
  ['/api/items?limit=5', answer.Items],
  ['/api/suggest?q=ac', answer.Suggestions],
  ['/api/compare?a=program%3DDWC&b=program%3DDMHC', answer.Comparison],
];

it.each(CASES)('%s is its schema in model/api.ts, no field more or less', async (path, schema) => {
  const body = await get(path);
  expect(schema.parse(body)).toEqual(body);
});

it.each(['DWC', 'DMHC'])('a %s letter is the Letter schema, no field more or less', async (p) => {
  const [first] = (await get(`/api/items?program=${p}&limit=1`)).rows;
  const body = await get(`/api/letters/${first.letter_id}`);
  expect(body.program).toBe(p);
  expect(body.items.length).toBeGreaterThan(0);
  expect(answer.Letter.parse(body)).toEqual(body);
});

it('the OpenAPI document describes every answer with its schema from model/api.ts', async () => {
  const doc = await get('/api/openapi.json');
  const jsonOf = (path: string) =>
    doc.paths[path].get.responses[200].content?.['application/json']?.schema;
  for (const path of Object.keys(doc.paths)) {
    const content = doc.paths[path].get.responses[200].content;
    expect(content, path).toBeDefined();
    if (!path.startsWith('/api/export')) expect(jsonOf(path), path).toBeDefined();
  }
  const props = (path: string) => Object.keys(jsonOf(path).properties).sort();
  expect(props('/api/letters/{id}')).toEqual(Object.keys(answer.Letter.shape).sort());
  expect(props('/api/summary')).toEqual(Object.keys(answer.Summary.shape).sort());
  expect(props('/api/events')).toEqual(['events']);
  expect(jsonOf('/api/rates').anyOf).toHaveLength(2);
  expect(doc.paths['/api/export.csv'].get.responses[200].content).toHaveProperty('text/csv');
});

it('/api/events is its schema, no field more or less', async () => {
  const body = await get('/api/events');
  expect(answer.Events.parse(body)).toEqual(body);
});
