import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { Database } from './db.ts';

/** Serves the API and dashboard over the database at dbPath; resolves once listening. */
export function serve(dbPath: string, port: number): Promise<{ server: Server; db: Database }> {
  const db = new Database(dbPath);
  const server = createApp(db).listen(port);
  const stop = () => server.close(() => { db.close(); process.exit(0); });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((ok, fail) => {
    server.once('listening', () => ok({ server, db }));
    server.once('error', fail);
  });
}
