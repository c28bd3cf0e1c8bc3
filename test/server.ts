import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { createApp } from '../server/http/app.ts';
import { Database } from '../server/db/database.ts';
import { buildDefaultDb } from '../server/start/default-db.ts';
import { listen } from '../server/start/listen.ts';
import { ROOT, tempDir } from './helpers.ts';

/**
 * A real server over a real database file of n generated letters (plus any extra letter
 * files given by name and text), or, with asDefault, built as `npm start` builds its default
 * (n generated letters and the shipped DMHC file); close() stops it.
 */
export async function startServer(
  n: number,
  o: { clientDir?: string; extra?: Record<string, string>; asDefault?: boolean } = {},
) {
  const corpus = tempDir();
  const dbPath = join(tempDir(), 'imr.duckdb');
  if (o.asDefault) await buildDefaultDb(ROOT, dbPath, { letters: n, corpus });
  else {
    await generate(n, 11, corpus);
    for (const [name, text] of Object.entries(o.extra ?? {}))
      writeFileSync(join(corpus, name), text);
    await runEtl(corpus, dbPath);
  }
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
