import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { Database } from '../db/database.ts';
import { HttpError, problemHandler } from './errors.ts';
import { parseQuery } from '../sql/filters.ts';
import { crosstab } from '../queries/crosstab.ts';
import { facets } from '../queries/facets.ts';
import { rates } from '../queries/rates.ts';
import { adjustedRates } from '../queries/adjust.ts';
import { compare, sliceFilters } from '../queries/compare.ts';
import { EVENTS } from '../../model/events.ts';
import { multiValued, reasons } from '../queries/reasons.ts';
import { suggest } from '../queries/suggest.ts';
import { source, summary } from '../queries/summary.ts';
import { trend } from '../queries/trend.ts';
import { timeliness } from '../queries/timeliness.ts';
import { items, letter } from '../queries/records.ts';
import { exportCsv, exportParquet } from './export.ts';
import { docsPage, openapi } from './openapi.ts';
import { ROUTES } from './routes.ts';

/** Longest URL answered; the server accepts longer request lines so that it can say 414 rather than drop them. */
export const MAX_URL = 8192;

/** The Express app over one database; index.ts listens. */
export function createApp(db: Database, clientDir = join(import.meta.dirname, '..', '..', 'dist')) {
  const app = express();
  app.disable('x-powered-by');
  // Plain-HTTP deployments (localhost, an intranet host) must not have their assets upgraded to HTTPS.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use((req, _res, next) => {
    if (req.originalUrl.length > MAX_URL)
      throw new HttpError(
        414,
        `The URL is longer than ${MAX_URL} characters; use fewer or shorter filter values.`,
      );
    next();
  });
  const dataSource = async () => (await source(db)).data_source;

  app.get('/api/summary', async (req, res) => {
    res.json(await summary(db, parseQuery(ROUTES['/api/summary'].shape, req.query)));
  });
  app.get('/api/rates', async (req, res) => {
    const q = parseQuery(ROUTES['/api/rates'].shape, req.query);
    const { by, sort, limit, min_n, adjust, ...f } = q;
    const o = { sort, limit, min_n };
    res.json(
      adjust
        ? await adjustedRates(db, by, adjust, f, o)
        : { by, rows: await rates(db, by, f, o), ...multiValued(by) },
    );
  });
  app.get('/api/compare', async (req, res) => {
    const { a, b } = parseQuery(ROUTES['/api/compare'].shape, req.query);
    res.json(await compare(db, sliceFilters('a', a), sliceFilters('b', b)));
  });
  app.get('/api/events', (req, res) => {
    parseQuery(ROUTES['/api/events'].shape, req.query);
    res.json({ events: EVENTS });
  });
  app.get('/api/reasons', async (req, res) => {
    res.json(await reasons(db, parseQuery(ROUTES['/api/reasons'].shape, req.query)));
  });
  app.get('/api/trend', async (req, res) => {
    const { interval, by, ...f } = parseQuery(ROUTES['/api/trend'].shape, req.query);
    res.json({ interval, by: by ?? null, ...(await trend(db, interval, by, f)) });
  });
  app.get('/api/crosstab', async (req, res) => {
    const { rows, cols, ...f } = parseQuery(ROUTES['/api/crosstab'].shape, req.query);
    res.json({ rows, cols, cells: await crosstab(db, rows, cols, f) });
  });
  app.get('/api/timeliness', async (req, res) => {
    const q = parseQuery(ROUTES['/api/timeliness'].shape, req.query);
    const { by, measure, sort, limit, ...f } = q;
    res.json(await timeliness(db, by, measure, f, { sort, limit }));
  });
  app.get('/api/facets', async (req, res) => {
    const { size, ...f } = parseQuery(ROUTES['/api/facets'].shape, req.query);
    res.json(await facets(db, f, size));
  });
  app.get('/api/suggest', async (req, res) => {
    const { q: text, limit } = parseQuery(ROUTES['/api/suggest'].shape, req.query);
    res.json({ q: text, suggestions: await suggest(db, text, limit) });
  });
  app.get('/api/items', async (req, res) => {
    const q = parseQuery(ROUTES['/api/items'].shape, req.query);
    const { sort, order, limit, cursor, measure, ...f } = q;
    res.json(await items(db, f, { sort, order, limit, cursor, measure }));
  });
  app.get('/api/letters/:id', async (req, res) => {
    parseQuery({}, req.query);
    res.json(await letter(db, req.params.id));
  });
  app.get('/api/export.csv', async (req, res) => {
    await exportCsv(
      db,
      parseQuery(ROUTES['/api/export.csv'].shape, req.query),
      await dataSource(),
      res,
    );
  });
  app.get('/api/export.parquet', async (req, res) => {
    await exportParquet(
      db,
      parseQuery(ROUTES['/api/export.parquet'].shape, req.query),
      await dataSource(),
      res,
    );
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi());
  });
  app.get('/api/docs', (_req, res) => {
    res.type('html').send(docsPage());
  });
  app.use('/api', () => {
    throw new HttpError(404, 'No such API endpoint; see /api/docs.');
  });

  if (existsSync(clientDir)) app.use(express.static(clientDir, { index: 'index.html' }));
  app.use(problemHandler);
  return app;
}
