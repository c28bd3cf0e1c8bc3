import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The SQLite baseline of bench:api: the same aggregates on SQLite (better-sqlite3, an index on
 * every filter column), as Datasette would run them, built beside the database once and kept.
 * better-sqlite3 compiles from source with node-gyp, so it is not installed by npm install;
 * without it the baseline is skipped, with the command that adds it.
 */
export async function sqliteBaseline(db: string, dir: string) {
  const Sqlite = await import('better-sqlite3').then(
    (m) => m.default,
    () => null,
  );
  if (!Sqlite) {
    console.log(
      'no SQLite baseline: better-sqlite3 is not installed (it compiles from source). ' +
        'Add it with: npm install --no-save better-sqlite3@12',
    );
    return null;
  }
  const sqlitePath = join(dir, 'baseline.sqlite');
  if (!existsSync(sqlitePath)) {
    console.log('building the SQLite baseline (kept for later runs)...');
    const duck = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const conn = await duck.connect();
    const lite = new Sqlite(`${sqlitePath}.building`);
    lite.exec(`CREATE TABLE facts (letter_id TEXT, item_no INTEGER, treatment TEXT, decision TEXT, category TEXT, decision_date TEXT, specialty TEXT);
      CREATE TABLE sources (letter_id TEXT, item_no INTEGER, source TEXT);`);
    const ins = lite.prepare('INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insS = lite.prepare('INSERT INTO sources VALUES (?, ?, ?)');
    const result = await conn.stream(
      `SELECT letter_id, item_no, treatment, decision, category, decision_date::VARCHAR, reviewer_specialty, guideline_sources FROM facts`,
    );
    for await (const chunk of result.yieldRowsJs()) {
      lite.transaction(() => {
        for (const x of chunk) {
          ins.run(...(x.slice(0, 7) as never[]));
          for (const s of x[7] as string[]) insS.run(x[0], x[1], s);
        }
      })();
    }
    for (const c of ['treatment', 'decision', 'category', 'decision_date', 'specialty'])
      lite.exec(`CREATE INDEX facts_${c} ON facts (${c})`);
    lite.exec(
      'CREATE INDEX sources_key ON sources (letter_id, item_no); CREATE INDEX sources_source ON sources (source); ANALYZE;',
    );
    lite.close();
    conn.closeSync();
    duck.closeSync();
    renameSync(`${sqlitePath}.building`, sqlitePath);
  }
  return new Sqlite(sqlitePath, { readonly: true });
}
