import type { DuckDBValue } from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';

export type Row = Record<string, unknown>;

/** Results of more rows than this are not kept: the cache is for the small aggregates. */
export const MAX_CACHED_ROWS = 1000;

const keyOf = (sql: string, values: Record<string, DuckDBValue>) =>
  `${sql}\0${JSON.stringify(values)}`;

/**
 * The most recent small query results, by SQL text and bound values. The open file cannot
 * change under them, so they never go stale; the owner clears them when a new file opens.
 * Zero entries keeps nothing.
 */
export class ResultCache {
  private readonly lru: LRUCache<string, Row[]> | null;

  constructor(entries: number, maxRows = MAX_CACHED_ROWS) {
    if (!(Number.isSafeInteger(entries) && entries >= 0))
      throw new TypeError(`The result cache holds a whole number of entries, not ${entries}.`);
    // lru-cache refuses (and does not keep) an entry over maxEntrySize; sizes must be positive.
    this.lru =
      entries > 0
        ? new LRUCache({
            max: entries,
            maxEntrySize: maxRows + 1,
            sizeCalculation: (rows) => rows.length + 1,
          })
        : null;
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /** The kept rows, now the most recently used, or undefined. */
  get(sql: string, values: Record<string, DuckDBValue>): Row[] | undefined {
    return this.lru?.get(keyOf(sql, values));
  }

  set(sql: string, values: Record<string, DuckDBValue>, rows: Row[]): void {
    this.lru?.set(keyOf(sql, values), rows);
  }

  clear(): void {
    this.lru?.clear();
  }
}
