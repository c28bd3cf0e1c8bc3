import { statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import { HttpError } from './errors.ts';

export type Row = Record<string, unknown>;

const outOfMemory = (e: unknown) => e instanceof Error && e.message.includes('Out of Memory Error');

/**
 * The database file, opened read-only. The ETL replaces the file by renaming a new one over
 * it; the next query after that opens the new file, so the server never needs a restart.
 * A query running longer than timeoutMs is interrupted and answered 503.
 *
 * The file cannot change under an open instance, so small results are kept, the most recent
 * cacheEntries of them, and dropped when a new file is opened.
 *
 * At most maxQueries statements run at once and the rest wait their turn: on two cores more
 * would only share them, and each running query holds its own working memory. A read that
 * runs out of DuckDB's memory beside others runs again alone, once those running are done.
 */
export class Database {
  private instance: Promise<DuckDBInstance> | null = null;
  private version = '';
  private readonly cache = new Map<string, Row[]>();
  private readonly perFile = new Map<string, Promise<unknown>>();
  private running = 0;
  private alone = false;
  private readonly waiting: { alone: boolean; go: () => void }[] = [];

  constructor(
    readonly path: string,
    readonly timeoutMs = Number(process.env.IMR_QUERY_TIMEOUT_MS ?? 10_000),
    readonly cacheEntries = Number(process.env.IMR_CACHE_ENTRIES ?? 500),
    readonly maxQueries = Number(process.env.IMR_MAX_QUERIES ?? 4),
    readonly memoryLimit = process.env.IMR_MEMORY_LIMIT ?? '64MB',
  ) {}

  get cached(): number {
    return this.cache.size;
  }

  private fits(alone: boolean): boolean {
    return !this.alone && (alone ? this.running === 0 : this.running < this.maxQueries);
  }

  private take(alone: boolean): void {
    if (alone) this.alone = true;
    else this.running++;
  }

  /** Runs fn when one of the maxQueries turns is free or, alone, when no other statement runs. */
  private async turn<T>(fn: () => Promise<T>, alone = false): Promise<T> {
    if (this.waiting.length === 0 && this.fits(alone)) this.take(alone);
    else await new Promise<void>((go) => this.waiting.push({ alone, go }));
    try {
      return await fn();
    } finally {
      if (alone) this.alone = false;
      else this.running--;
      // Those next in line go, in order, while they fit.
      while (this.waiting.length && this.fits(this.waiting[0].alone)) {
        const next = this.waiting.shift()!;
        this.take(next.alone);
        next.go();
      }
    }
  }

  /** A read in its turn; out of memory beside others, it runs again alone, and out of memory alone is a 503. */
  private async reading<T>(
    instance: DuckDBInstance,
    fn: (conn: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.turn(() => this.read(instance, fn));
    } catch (e) {
      if (!outOfMemory(e)) throw e;
    }
    return this.turn(() => this.read(instance, fn), true).catch((e: unknown) => {
      throw outOfMemory(e)
        ? new HttpError(
            503,
            'This query needs more memory than the server allows one query; narrow the filters and try again.',
          )
        : e;
    });
  }

  private async open(): Promise<DuckDBInstance> {
    let st;
    try {
      st = statSync(this.path);
    } catch {
      throw new HttpError(503, 'The database is not there yet: load letters with "npm run etl".');
    }
    const version = `${st.ino}:${st.mtimeMs}`;
    if (!this.instance || version !== this.version) {
      const old = this.instance;
      // Every request that finds the new file waits on this one opening of it. A bounded memory
      // budget keeps the server small however large the export or the table: DuckDB's cache
      // grows to its limit, and at a million letters the aggregates were no slower with 64 MB
      // than with 256 MB. Groups keyed by an integer within 2^16 values (letter blocks, up to
      // 4 million letters) are counted in a perfect hash.
      const opening = DuckDBInstance.create(this.path, {
        access_mode: 'READ_ONLY',
        memory_limit: this.memoryLimit,
        perfect_ht_threshold: '16',
      });
      opening.catch(() => {
        if (this.instance === opening) this.instance = null;
      });
      [this.instance, this.version] = [opening, version];
      this.cache.clear();
      this.perFile.clear();
      // Queries already running on the old file finish before it is closed.
      if (old)
        setTimeout(
          () =>
            old.then(
              (i) => i.closeSync(),
              () => {},
            ),
          60_000,
        ).unref();
    }
    return this.instance;
  }

  /** What make() returns for the open file, made once per file, whatever the result cache holds. */
  async once<T>(key: string, make: () => Promise<T>): Promise<T> {
    await this.open();
    let p = this.perFile.get(key);
    if (!p) {
      p = make();
      this.perFile.set(key, p);
      p.catch(() => this.perFile.delete(key));
    }
    return p as Promise<T>;
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
    const rows = await this.reading(
      instance,
      async (conn) => (await conn.runAndReadAll(sql, values)).getRowObjectsJson() as Row[],
    );
    if (this.cacheEntries > 0 && rows.length <= 1000 && (await this.instance) === instance) {
      this.cache.set(key, rows);
      if (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
    }
    return rows;
  }

  /**
   * Runs a query whose columns are all INTEGER NOT NULL (coalesce in SQL) and returns each
   * column as an array, uncached. The values are copied from DuckDB's vectors whole: for
   * 75,000 rows, reading them one value at a time took 14 ms; this way the whole answer
   * arrives 7 ms after a query that only counts those rows would.
   */
  async integers(sql: string, values: Record<string, DuckDBValue> = {}): Promise<Int32Array[]> {
    const instance = await this.open();
    return this.reading(instance, async (conn) => {
      const result = await conn.run(sql, values);
      const columns = Array.from(
        { length: result.columnCount },
        () => new Int32Array(result.rowCount),
      );
      for (let c = 0, at = 0; c < result.chunkCount; c++) {
        const chunk = result.getChunk(c);
        columns.forEach((column, i) => {
          const data = bindings.vector_get_data(
            bindings.data_chunk_get_vector(chunk.chunk, i),
            chunk.rowCount * 4,
          );
          column.set(new Int32Array(data.buffer, data.byteOffset, chunk.rowCount), at);
        });
        at += chunk.rowCount;
      }
      return columns;
    });
  }

  private async read<T>(
    instance: DuckDBInstance,
    fn: (conn: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    const conn = await instance.connect();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      conn.interrupt();
    }, this.timeoutMs);
    try {
      return await fn(conn);
    } catch (e) {
      if (timedOut)
        throw new HttpError(
          503,
          `The query ran longer than ${this.timeoutMs} ms and was stopped; narrow the filters and try again.`,
        );
      throw e;
    } finally {
      clearTimeout(timer);
      conn.closeSync();
    }
  }

  /**
   * Runs a statement that writes a file (COPY ... TO), with bound values. One that may be run
   * again from the start (nothing of its file sent yet) is, alone, when it runs out of memory
   * beside others.
   */
  async run(
    sql: string,
    values: Record<string, DuckDBValue> = {},
    rerunnable = false,
  ): Promise<void> {
    const instance = await this.open();
    const write = async (conn: DuckDBConnection) => {
      await conn.run(sql, values);
    };
    if (rerunnable) return this.reading(instance, write);
    await this.turn(async () => {
      const conn = await instance.connect();
      try {
        await write(conn);
      } catch (e) {
        throw outOfMemory(e)
          ? new HttpError(
              503,
              'The server is short of memory for this export just now; try again in a minute.',
            )
          : e;
      } finally {
        conn.closeSync();
      }
    });
  }

  close(): void {
    this.instance?.then(
      (i) => i.closeSync(),
      () => {},
    );
    this.instance = null;
  }
}
