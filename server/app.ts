import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import type { Database } from './db.ts';
import { HttpError, problemHandler } from './errors.ts';
import { filterShape, parseQuery } from './filters.ts';
import { BY, rates, summary, type By } from './queries.ts';

const byParam = z.enum(Object.keys(BY) as [By, ...By[]]);

/** The Express app over one database; index.ts listens. */
export function createApp(db: Database, clientDir = join(import.meta.dirname, '..', 'dist')) {
  const app = express();
  app.disable('x-powered-by');
  // Plain-HTTP deployments (localhost, an intranet host) must not have their assets upgraded to HTTPS.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  app.get('/api/summary', async (req, res) => {
    res.json(await summary(db, parseQuery(filterShape, req.query)));
  });
  app.get('/api/rates', async (req, res) => {
    const { by, ...filters } = parseQuery({ ...filterShape, by: byParam }, req.query);
    res.json({ by, rows: await rates(db, by, filters) });
  });
  app.use('/api', () => {
    throw new HttpError(404, 'No such API endpoint.');
  });

  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html' }));
  }
  app.use(problemHandler);
  return app;
}
