import { statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { schemaIn, SCHEMA_VERSION } from '../../warehouse/schema.ts';
import { HttpError } from '../http/errors.ts';

/** Queries already running on a replaced file finish within this time, before it is closed. */
const CLOSE_REPLACED_AFTER_MS = 60_000;

const closeLater = (old: Promise<DuckDBInstance>) =>
  setTimeout(
    () =>
      old.then(
        (i) => i.closeSync(),
        () => {},
      ),
    CLOSE_REPLACED_AFTER_MS,
  ).unref();

/**
 * The database file, opened read-only. The ETL replaces the file by renaming a new one over
 * it; the next open() after that opens the new file (and calls onNewFile), so the server
 * never needs a restart. The replaced instance is closed a minute later.
 */
export class DatabaseFile {
  private instance: Promise<DuckDBInstance> | null = null;
  private version = '';

  constructor(
    readonly path: string,
    private readonly memoryLimit: string,
    private readonly onNewFile: () => void,
  ) {}

  /** The instance of the file now at path, opening it when it is new. */
  async open(): Promise<DuckDBInstance> {
    let st;
    try {
      st = statSync(this.path);
    } catch {
      throw new HttpError(503, 'The database is not there yet: load letters with "npm run etl".');
    }
    const version = `${st.ino}:${st.mtimeMs}`;
    if (this.instance && version === this.version) return this.instance;
    const old = this.instance;
    // Every request that finds the new file waits on this one opening of it. A bounded memory
    // budget keeps the server small however large the export or the table: DuckDB's cache
    // grows to its limit, and at a million letters the aggregates were no slower with 64 MB
    // than with 256 MB. Groups keyed by an integer within 2^16 values (letter blocks, up to
    // 4 million letters) are counted in a perfect hash. Every query that lists rows sorts
    // them, so none needs DuckDB to keep the table's order, which makes an export hold whole
    // row groups back until the ones before them are written: at a million letters, +130 MB of
    // RSS and twice the time of an export in no particular order.
    const opening = DuckDBInstance.create(this.path, {
      access_mode: 'READ_ONLY',
      memory_limit: this.memoryLimit,
      perfect_ht_threshold: '16',
      preserve_insertion_order: 'false',
    }).then((i) => checkSchema(i, this.path));
    opening.catch(() => {
      if (this.instance === opening) this.instance = null;
    });
    [this.instance, this.version] = [opening, version];
    this.onNewFile();
    if (old) closeLater(old);
    return this.instance;
  }

  /** Whether instance is still the open file's, no new file having been opened since. */
  async isCurrent(instance: DuckDBInstance): Promise<boolean> {
    return (await this.instance?.catch(() => null)) === instance;
  }

  close(): void {
    this.instance?.then(
      (i) => i.closeSync(),
      () => {},
    );
    this.instance = null;
  }
}

/**
 * The instance, when its file holds this release's schema; else it is closed and every request
 * is answered 503 with the command that upgrades the file (or a word that the file is newer).
 */
async function checkSchema(instance: DuckDBInstance, path: string): Promise<DuckDBInstance> {
  const conn = await instance.connect();
  const schema = await schemaIn(conn).finally(() => conn.closeSync());
  if (schema.kind === 'current') return instance;
  instance.closeSync();
  const found = 'version' in schema ? schema.version : 1;
  if (schema.kind === 'newer')
    throw new HttpError(
      503,
      `The database was built by a newer release of IMR Outcomes (schema ${found}; this one reads ${SCHEMA_VERSION}): update IMR Outcomes to serve it.`,
    );
  const upgrade = `npm run etl -- --db ${JSON.stringify(path)} --upgrade`;
  throw new HttpError(
    503,
    `The database was built by an earlier release of IMR Outcomes (schema ${found}); upgrade it with: ${upgrade}`,
    { upgrade },
  );
}
