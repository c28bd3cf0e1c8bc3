import type { DuckDBConnection } from '@duckdb/node-api';

// read_json's column spec for a table, from the table itself: names and types come from the
// schema; only those named in `only`, when given.
async function columns(
  db: DuckDBConnection,
  table: string,
  extra = '',
  only?: string[],
): Promise<string> {
  const rows = (
    await db.runAndReadAll(
      `SELECT column_name, data_type FROM information_schema.columns
    WHERE table_name = $t ORDER BY ordinal_position`,
      { t: table },
    )
  ).getRows();
  const kept = rows.filter(([n]) => !only || only.includes(String(n)));
  return `{${kept.map(([n, t]) => `'${n}': '${t}'`).join(', ')}${extra}}`;
}

const STAGE_KEYS = ['letter_id', 'source_file', 'source_sha256', 'program'];

/**
 * Merges a run's NDJSON files into the tables in one transaction: a letter replaces any earlier
 * rows with its id or from its file, two files with one letter id keep the later file's, and a
 * file read again leaves quarantine if it now loads. Returns how many letters were duplicates.
 */
export async function merge(db: DuckDBConnection, dir: string): Promise<number> {
  const at = dir.replace(/'/g, "''");
  const json = (name: string, cols: string) =>
    `read_json('${at}/${name}-*.ndjson', format = 'newline_delimited', columns = ${cols})`;
  // The texts are most of the bytes: letters and items are read once, straight into their tables.
  const letters = json('letters', await columns(db, 'letters'));
  const items = json('items', await columns(db, 'items', ", 'source_file': 'VARCHAR'"));
  // Of the staged letters, what deciding which file wins needs: all their columns held a million
  // letters' 557 MB of the merge's 640 MB while their texts and services were inserted.
  const keys = json('letters', await columns(db, 'letters', '', STAGE_KEYS));
  await db.run(`CREATE TEMP TABLE stage_letters AS SELECT * FROM ${keys}`);
  await db.run(
    `CREATE TEMP TABLE stage_quarantine AS SELECT * FROM ${json('quarantine', await columns(db, 'quarantine'))}`,
  );
  await db.run(
    `CREATE TEMP TABLE touched AS SELECT source_file FROM stage_letters UNION SELECT source_file FROM stage_quarantine`,
  );
  // Of all files holding a letter id, loaded before or now, the one with the greatest path wins;
  // for a DMHC reference id, a file of this run beats one loaded before (a newer download).
  await db.run(`CREATE TEMP TABLE kept AS SELECT letter_id, source_file FROM (
      SELECT letter_id, source_file, true AS staged, program FROM stage_letters
      UNION ALL SELECT letter_id, source_file, false, program FROM letters
      WHERE letter_id IN (SELECT letter_id FROM stage_letters) AND source_file NOT IN (SELECT source_file FROM touched))
    QUALIFY row_number() OVER (PARTITION BY letter_id
      ORDER BY (staged AND program IS NOT DISTINCT FROM 'DMHC') DESC, source_file DESC) = 1 AND staged`);
  const count = async (t: string) =>
    Number((await db.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0][0]);
  const [staged, kept] = [await count('stage_letters'), await count('kept')];
  // Joining the staged rows to kept costs DuckDB its parallel insert (twice the time); it is
  // needed only when some staged letter lost to another file with its id.
  const keptOnly = staged > kept ? 'SEMI JOIN kept k USING (letter_id, source_file)' : '';
  await db.run('BEGIN TRANSACTION');
  try {
    // A DMHC row a newer file replaces is recorded, so its file, unchanged, is not read again.
    await db.run(`INSERT INTO duplicates SELECT source_file, source_sha256, letter_id FROM letters
      WHERE program = 'DMHC' AND letter_id IN (SELECT letter_id FROM kept)
      AND source_file NOT IN (SELECT source_file FROM touched)`);
    // The state's coding of a letter's services outlives a new parse of it: a run whose input
    // has no manifest (a parser upgrade, say) keeps it, and one with a manifest applies it anew.
    await db.run(`CREATE TEMP TABLE coded AS SELECT letter_id, item_no, state_category,
      state_subcategory, state_decision FROM items
      WHERE category_source = 'state' AND letter_id IN (SELECT letter_id FROM kept)`);
    await db.run(`DELETE FROM items WHERE letter_id IN (SELECT letter_id FROM kept)
      OR letter_id IN (SELECT letter_id FROM letters WHERE source_file IN (SELECT source_file FROM touched))`);
    await db.run(
      `DELETE FROM letters WHERE letter_id IN (SELECT letter_id FROM kept) OR source_file IN (SELECT source_file FROM touched)`,
    );
    await db.run('DELETE FROM quarantine WHERE source_file IN (SELECT source_file FROM touched)');
    await db.run('DELETE FROM duplicates WHERE source_file IN (SELECT source_file FROM touched)');
    await db.run(`INSERT INTO letters BY NAME SELECT s.* FROM ${letters} s ${keptOnly}`);
    await db.run(
      `INSERT INTO items BY NAME SELECT s.* EXCLUDE (source_file) FROM ${items} s ${keptOnly}`,
    );
    await db.run(`UPDATE items SET state_category = c.state_category, category_source = 'state',
      state_subcategory = c.state_subcategory, state_decision = c.state_decision FROM coded c
      WHERE items.letter_id = c.letter_id AND items.item_no = c.item_no`);
    await db.run('INSERT INTO quarantine BY NAME SELECT * FROM stage_quarantine');
    await db.run(`INSERT INTO duplicates SELECT s.source_file, s.source_sha256, s.letter_id FROM stage_letters s
      ANTI JOIN kept k USING (letter_id, source_file)`);
    await db.run('COMMIT');
  } catch (e) {
    await db.run('ROLLBACK');
    throw e;
  }
  for (const t of ['stage_letters', 'stage_quarantine', 'kept', 'touched', 'coded'])
    await db.run(`DROP TABLE ${t}`);
  return staged - kept;
}
