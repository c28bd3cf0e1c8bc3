import { statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { HttpError } from './errors.ts';

export type Row = Record<string, unknown>;

/**
 * The database file, opened read-only. The ETL replaces the file by renaming a new one over
 * it; the next query after that opens the new file, so the server never needs a restart.
 */
export class Database {
  private instance: DuckDBInstance | null = null;
  private inode = -1;
  private mtime = -1;

  constructor(readonly path: string) {}

  private async current(): Promise<DuckDBInstance> {
    let st;
    try {
      st = statSync(this.path);
    } catch {
      throw new HttpError(503, 'The database is not there yet: load letters with "npm run etl".');
    }
    if (!this.instance || st.ino !== this.inode || st.mtimeMs !== this.mtime) {
      const old = this.instance;
      this.instance = await DuckDBInstance.create(this.path, { access_mode: 'READ_ONLY' });
      [this.inode, this.mtime] = [st.ino, st.mtimeMs];
      // Queries already running on the old file finish before it is closed.
      if (old) setTimeout(() => old.closeSync(), 60_000).unref();
    }
    return this.instance;
  }

  /** Runs one query with bound values and returns JSON-safe rows. */
  async query(sql: string, values: Record<string, DuckDBValue> = {}): Promise<Row[]> {
    const conn: DuckDBConnection = await (await this.current()).connect();
    try {
      return (await conn.runAndReadAll(sql, values)).getRowObjectsJson() as Row[];
    } finally {
      conn.closeSync();
    }
  }

  close(): void {
    this.instance?.closeSync();
    this.instance = null;
  }
}
