import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/run.ts';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db.ts';
import { listen } from '../server/index.ts';
import { tempDir } from './helpers.ts';

/**
 * A real server over a real database file of n generated letters (plus any extra letter
 * files given by name and text); close() stops it.
 */
export async function startServer(
  n: number,
  o: { clientDir?: string; extra?: Record<string, string> } = {},
) {
  const corpus = tempDir();
  await generate(n, 11, corpus);
  for (const [name, text] of Object.entries(o.extra ?? {})) writeFileSync(join(corpus, name), text);
  const dbPath = join(tempDir(), 'imr.duckdb');
  await runEtl(corpus, dbPath);
  const db = new Database(dbPath);
  const server = listen(createApp(db, o.clientDir), 0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    corpus,
    dbPath,
    close: () =>
      new Promise<void>((ok) =>
        server.close(() => {
          db.close();
          ok();
        }),
      ),
  };
}
