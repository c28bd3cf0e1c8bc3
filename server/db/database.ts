import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { Admission } from './admission.ts';
import { ResultCache, type Row } from './cache.ts';
import { readIntegers } from './integers.ts';
import { DatabaseFile } from './open.ts';
import { PerFile } from './per-file.ts';
import * as statement from './statement.ts';

export type { Row } from './cache.ts';

/**
 * The database, as the routes use it. Each concern has a module of its own under db/: the
 * file, re-opened when the ETL swaps in a new one (open.ts); the most recent cacheEntries
 * small results and what is made once per file, both dropped when a new file opens
 * (cache.ts, per-file.ts); at most maxQueries statements at once, the rest queued in order
 * (admission.ts); and a query's timeoutMs (a file's writer has none, but stops when its
 * client goes away) and its rerun alone after running out of memory beside others
 * (statement.ts).
 */
export class Database {
  private readonly file: DatabaseFile;
  private readonly results: ResultCache;
  private readonly perFile = new PerFile();
  private readonly admission: Admission;

  constructor(
    readonly path: string,
    // The server passes server/start/env.ts's checked settings; these defaults are for tests.
    readonly timeoutMs = 10_000,
    readonly cacheEntries = 500,
    readonly maxQueries = 4,
    readonly memoryLimit = '64MB',
  ) {
    this.results = new ResultCache(cacheEntries);
    this.admission = new Admission(maxQueries);
    this.file = new DatabaseFile(path, memoryLimit, () => {
      this.results.clear();
      this.perFile.clear();
    });
  }

  /** How many results the cache holds. */
  get cached(): number {
    return this.results.size;
  }

  /** What make() returns for the open file, made once per file, whatever the result cache holds. */
  async once<T>(key: string, make: () => Promise<T>): Promise<T> {
    await this.file.open();
    return this.perFile.get(key, make);
  }

  /** Runs one query with bound values and returns JSON-safe rows, which callers must not change. */
  async query(sql: string, values: Record<string, DuckDBValue> = {}): Promise<Row[]> {
    const instance = await this.file.open();
    const hit = this.results.get(sql, values);
    if (hit) return hit;
    const rows = await statement.rerunnable(
      this.admission,
      instance,
      async (conn) => (await conn.runAndReadAll(sql, values)).getRowObjectsJson() as Row[],
      { timeoutMs: this.timeoutMs },
    );
    // Rows of a file that was replaced while they were read are not kept for the new one.
    if (await this.file.isCurrent(instance)) this.results.set(sql, values, rows);
    return rows;
  }

  /**
   * Runs a query whose columns are all INTEGER NOT NULL (coalesce in SQL) and returns each
   * column as an array, uncached.
   */
  async integers(sql: string, values: Record<string, DuckDBValue> = {}): Promise<Int32Array[]> {
    const instance = await this.file.open();
    return statement.rerunnable(
      this.admission,
      instance,
      (conn) => readIntegers(conn, sql, values),
      { timeoutMs: this.timeoutMs },
    );
  }

  /**
   * Runs a statement that writes a file (COPY ... TO), with bound values, to its end however
   * long it takes (an export of any size finishes), unless signal aborts: then it is
   * interrupted, or never starts if still waiting its turn, and rejects with the signal's
   * reason. One that may be run again from the start (nothing of its file sent yet) is,
   * alone, when it runs out of memory beside others.
   */
  async run(
    sql: string,
    values: Record<string, DuckDBValue> = {},
    { rerunnable = false, signal }: { rerunnable?: boolean; signal?: AbortSignal } = {},
  ): Promise<void> {
    const instance = await this.file.open();
    const write = async (conn: DuckDBConnection) => {
      await conn.run(sql, values);
    };
    if (rerunnable) return statement.rerunnable(this.admission, instance, write, { signal });
    return statement.runOnce(this.admission, instance, write, { signal });
  }

  close(): void {
    this.file.close();
  }
}
