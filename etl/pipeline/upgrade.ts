import { DuckDBInstance } from '@duckdb/node-api';
import { applySchema } from '../../warehouse/schema.ts';

/**
 * What a database holds that no run can derive again, since the files it came from may be gone:
 * letters with their texts and hashes (and the DMHC cases and the state's metadata-only cases,
 * which have no text), their services (the DMHC cases', the metadata cases' and the state's
 * coding of the letters'), the quarantined and duplicate files, and the runs.
 */
const CARRIED = ['letters', 'items', 'quarantine', 'duplicates', 'runs'];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Upgrades a database of an older schema, whatever its version, by rebuilding it: a new file at
 * to gets today's schema and every column of the carried tables that the old file has (columns
 * are added over releases, never renamed). Everything else is derived: the letters with a text
 * are marked for a new parse (the run that follows re-reads them from that text and replaces
 * their services), DMHC cases and quarantined files are read again from the input, and the
 * derived tables are built afresh.
 */
export async function upgrade(from: string, to: string, memory: string): Promise<void> {
  const instance = await DuckDBInstance.create(to, { memory_limit: memory });
  const db = await instance.connect();
  try {
    await applySchema(db);
    await db.run(`ATTACH '${from.replace(/'/g, "''")}' AS old (READ_ONLY)`);
    for (const table of CARRIED) {
      const shared = (
        await db.runAndReadAll(
          `SELECT column_name FROM duckdb_columns() WHERE database_name = 'old' AND table_name = $t
          AND column_name IN (SELECT column_name FROM duckdb_columns()
            WHERE database_name = current_database() AND table_name = $t)`,
          { t: table },
        )
      )
        .getRows()
        .map(([c]) => quote(String(c)));
      if (!shared.length) continue;
      const cols = shared.join(', ');
      await db.run(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM old.${table}`);
    }
    // Before the health-plan program, every letter was workers' comp.
    await db.run(`UPDATE letters SET program = 'DWC' WHERE program IS NULL`);
    // Every case is another parser's: a letter is parsed again from its text, a DMHC case read
    // again from its file when the input holds it (else it keeps what the old release gave it).
    await db.run(`UPDATE letters SET parser_version = NULL`);
    await db.run(`UPDATE quarantine SET parser_version = NULL`);
    await db.run('DETACH old');
    await db.run('CHECKPOINT');
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
