import { existsSync } from 'node:fs';
import { DERIVED_VERSION } from '../../warehouse/build-derived.ts';
import { STALE_LETTERS } from './reparse.ts';
import { readOnly } from '../../warehouse/open.ts';

export interface Known {
  files: Map<string, string>;
  current: boolean;
  /** Files another parser version quarantined: read again even if unchanged. */
  retry: Set<string>;
  /** How many letters another parser version read. */
  stale: number;
}

// What the database holds already: every file it has seen, with the hash it had, whether its
// derived tables were built by this version of derived.sql, and what an older parser read.
export async function known(dbPath: string, version: string): Promise<Known> {
  if (!existsSync(dbPath)) return { files: new Map(), current: false, retry: new Set(), stale: 0 };
  return readOnly(dbPath, async (db) => {
    // Streamed in chunks: a million rows read whole took 900 MB before the map was built.
    const files = new Map<string, string>();
    const result =
      await db.stream(`SELECT source_file, source_sha256 FROM letters UNION ALL SELECT source_file, source_sha256 FROM quarantine
      UNION ALL SELECT source_file, source_sha256 FROM duplicates`);
    for await (const rows of result.yieldRows())
      for (const [f, h] of rows) files.set(String(f), String(h));
    const built = await db.runAndReadAll('SELECT version FROM derived_version');
    const current = built.getRows()[0]?.[0] === DERIVED_VERSION;
    const v = { v: version };
    // DMHC cases have no text to parse again: another parser version's are read again from
    // their file, when the input holds it.
    const retry = new Set(
      (
        await db.runAndReadAll(
          `SELECT source_file FROM quarantine WHERE parser_version IS DISTINCT FROM $v
          UNION SELECT source_file FROM letters WHERE program = 'DMHC' AND parser_version IS DISTINCT FROM $v`,
          v,
        )
      )
        .getRows()
        .map(([f]) => String(f)),
    );
    const stale = (
      await db.runAndReadAll(`SELECT count(*)::INTEGER FROM letters WHERE ${STALE_LETTERS}`, v)
    ).getRows()[0][0] as number;
    return { files, current, retry, stale };
  });
}
