import { createServer, type Server } from 'node:http';
import { createApp } from '../http/app.ts';
import { Database } from '../db/database.ts';
import type { Env } from './env.ts';

/** An HTTP server for the app that reads request lines up to 64 KB, so long URLs get a 414 problem. */
export function listen(app: ReturnType<typeof createApp>, port: number, host?: string): Server {
  return createServer({ maxHeaderSize: 65536 }, app).listen(port, host);
}

/**
 * Serves the API and dashboard over the database at dbPath, with the settings start-up read
 * from the environment; resolves once listening.
 */
export function serve(dbPath: string, env: Env): Promise<{ server: Server; db: Database }> {
  const db = new Database(
    dbPath,
    env.IMR_QUERY_TIMEOUT_MS,
    env.IMR_CACHE_ENTRIES,
    env.IMR_MAX_QUERIES,
    env.IMR_MEMORY_LIMIT,
  );
  const server = listen(createApp(db), env.PORT, env.HOST);
  const stop = () =>
    server.close(() => {
      db.close();
      process.exit(0);
    });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((ok, fail) => {
    server.once('listening', () => ok({ server, db }));
    server.once('error', fail);
  });
}
