import { statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { HttpError } from './errors.ts';

export type Row = Record<string, unknown>;

/**
 * The database file, opened read-only. The ETL replaces the file by renaming a new one over
 * it; the next query after that opens the new file, so the server never needs a restart.
 * A query running longer than timeoutMs is interrupted and answered 503.
 *
 * The file cannot change under an open instance, so small results are kept, the most recent
 * cacheEntries of them, and dropped when a new file is opened.
 */
export class Database {
  private instance: DuckDBInstance | null = null;
  private inode = -1;
  private mtime = -1;
  private readonly cache = new Map<string, Row[]>();

  constructor(readonly path: string, readonly timeoutMs = Number(process.env.IMR_QUERY_TIMEOUT_MS ?? 10_000),
    readonly cacheEntries = Number(process.env.IMR_CACHE_ENTRIES ?? 500)) {}

  get cached(): number { return this.cache.size; }

  private async open(): Promise<DuckDBInstance> {
    let st;
    try {
      st = statSync(this.path);
    } catch {
      throw new HttpError(503, 'The database is not there yet: load letters with "npm run etl".');
    }
    if (!this.instance || st.ino !== this.inode || st.mtimeMs !== this.mtime) {
      const old = this.instance;
      // A bounded memory budget keeps the server small however large the export or the table.
      this.instance = await DuckDBInstance.create(this.path, { access_mode: 'READ_ONLY', memory_limit: process.env.IMR_MEMORY_LIMIT ?? '256MB' });
      [this.inode, this.mtime] = [st.ino, st.mtimeMs];
      this.cache.clear();
      // Queries already running on the old file finish before it is closed.
      if (old) setTimeout(() => old.closeSync(), 60_000).unref();
    }
    return this.instance;
  }

  /** Runs one query with bound values and returns JSON-safe rows, which callers must not change. */
  async query(sql: string, values: Record<string, DuckDBValue> = {}): Promise<Row[]> {
    const instance = await this.open();
    const key = `${sql}\0${JSON.stringify(values)}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const conn = await instance.connect();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; conn.interrupt(); }, this.timeoutMs);
    try {
      const rows = (await conn.runAndReadAll(sql, values)).getRowObjectsJson() as Row[];
      if (this.cacheEntries > 0 && rows.length <= 1000 && this.instance === instance) {
        this.cache.set(key, rows);
        if (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
      }
      return rows;
    } catch (e) {
      if (timedOut) throw new HttpError(503, `The query ran longer than ${this.timeoutMs} ms and was stopped; narrow the filters and try again.`);
      throw e;
    } finally {
      clearTimeout(timer);
      conn.closeSync();
    }
  }

  /** Runs a statement that writes a file (COPY ... TO), with bound values. */
  async run(sql: string, values: Record<string, DuckDBValue> = {}): Promise<void> {
    const conn = await (await this.open()).connect();
    try {
      await conn.run(sql, values);
    } finally {
      conn.closeSync();
    }
  }

  close(): void {
    this.instance?.closeSync();
    this.instance = null;
  }
}
