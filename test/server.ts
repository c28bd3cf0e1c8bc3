import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/run.ts';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db.ts';
import { tempDir } from './helpers.ts';

/** A real server over a real database file of n generated letters; close() stops it. */
export async function startServer(n: number, clientDir?: string) {
  const corpus = tempDir();
  await generate(n, 11, corpus);
  const dbPath = join(tempDir(), 'imr.duckdb');
  await runEtl(corpus, dbPath);
  const db = new Database(dbPath);
  const server = createApp(db, clientDir).listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, corpus, dbPath,
    close: () => new Promise<void>((ok) => server.close(() => { db.close(); ok(); })),
  };
}
