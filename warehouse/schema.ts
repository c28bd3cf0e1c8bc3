import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readOnly } from './open.ts';

const SCHEMA = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');
const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * The schema's version, kept in every database's schema_version table. Raise it with any change
 * to schema.sql, and add a database the release before it built to test/fixtures/releases/.
 * 1: the first release (3530e6d) through 113c1c0, which wrote no version; 2: schema_version.
 */
export const SCHEMA_VERSION = 2;

/** The schema file's hash: a database whose tables another schema.sql made is rebuilt, even within a version. */
export const SCHEMA_HASH = createHash('sha256').update(SCHEMA).digest('hex').slice(0, 16);

/** Creates today's tables in db, and records that they are this version's. */
export async function applySchema(db: DuckDBConnection): Promise<void> {
  await db.run(SCHEMA);
  await db.run('DELETE FROM schema_version');
  await db.run('INSERT INTO schema_version VALUES ($v, $release, now(), $hash)', {
    v: SCHEMA_VERSION,
    release: `${PACKAGE.name} ${PACKAGE.version}`,
    hash: SCHEMA_HASH,
  });
}

/** A file DuckDB wrote: its header holds the magic bytes DUCK at offset 8. */
export function isDuckDbFile(path: string): boolean {
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 12, 0) === 12 && head.toString('latin1', 8, 12) === 'DUCK';
  } finally {
    closeSync(fd);
  }
}

/**
 * What the file at path holds: nothing yet ('none'), this version's schema, an older or a newer
 * one (with its number; 1 for a database that recorded none), or another program's tables.
 */
export type Schema =
  { kind: 'none' | 'current' | 'foreign' } | { kind: 'older' | 'newer'; version: number };

export async function schemaOf(path: string): Promise<Schema> {
  if (!existsSync(path)) return { kind: 'none' };
  return readOnly(path, schemaIn);
}

/** What the database db is connected to holds (see Schema); the ETL and the server both ask. */
export async function schemaIn(db: DuckDBConnection): Promise<Schema> {
  const tables = (await db.runAndReadAll('SELECT table_name FROM duckdb_tables()'))
    .getRows()
    .map(([t]) => String(t));
  if (!tables.length) return { kind: 'none' };
  if (!tables.includes('schema_version'))
    return tables.includes('letters') ? { kind: 'older', version: 1 } : { kind: 'foreign' };
  const [[version, hash]] = (
    await db.runAndReadAll('SELECT version, schema_hash FROM schema_version')
  ).getRows();
  const v = Number(version);
  if (v === SCHEMA_VERSION)
    return hash === SCHEMA_HASH ? { kind: 'current' } : { kind: 'older', version: v };
  return { kind: v < SCHEMA_VERSION ? 'older' : 'newer', version: v };
}
