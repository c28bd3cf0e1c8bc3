import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/**
 * A database opened to be read beside the ETL's own work. DuckDB's default memory limit is 80%
 * of the machine's, and its cache of the blocks a scan reads grows to it: a re-parse's scan of
 * a million letters' texts reached 4.5 GB of RSS. Reads need little; 256 MB is plenty.
 */
export const openReadOnly = (path: string) =>
  DuckDBInstance.create(path, { access_mode: 'READ_ONLY', memory_limit: '256MB' });

/** What read(db) gives on the database at path, opened read-only and always closed after. */
export async function readOnly<T>(path: string, read: (db: DuckDBConnection) => Promise<T>) {
  const instance = await openReadOnly(path);
  const db = await instance.connect();
  try {
    return await read(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
