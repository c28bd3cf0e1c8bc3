import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection } from '@duckdb/node-api';
import {
  IS_METADATA,
  METADATA_FLAG,
  metadataCases,
  type MetadataItem,
  type MetadataLetter,
} from './metadata.ts';
import type { SourcedRow } from './manifest.ts';
import { readOnly } from '../../warehouse/open.ts';

// The columns a metadata row fills, with their types; the others stay NULL ('Not stated').
const LETTER_COLUMNS = {
  letter_id: 'VARCHAR',
  case_number: 'VARCHAR',
  program: 'VARCHAR',
  decision_date: 'DATE',
  date_of_injury: 'DATE',
  application_received: 'DATE',
  reviewer_specialty_raw: 'VARCHAR',
  reviewer_specialty: 'VARCHAR',
  reviewer_specialties: 'VARCHAR[]',
  case_outcome: 'VARCHAR',
  item_count: 'INTEGER',
  source_file: 'VARCHAR',
  source_sha256: 'VARCHAR',
  synthetic: 'BOOLEAN',
  flags: 'VARCHAR[]',
} satisfies Record<keyof MetadataLetter, string>;
const ITEM_COLUMNS = {
  letter_id: 'VARCHAR',
  item_no: 'INTEGER',
  decision: 'VARCHAR',
  category: 'VARCHAR',
  subcategory: 'VARCHAR',
  treatment: 'VARCHAR',
  service: 'VARCHAR',
  state_category: 'VARCHAR',
  state_subcategory: 'VARCHAR',
  state_decision: 'VARCHAR',
  category_source: 'VARCHAR',
  treatment_type: 'VARCHAR',
} satisfies Record<keyof MetadataItem, string>;

const spec = (c: Record<string, string>) =>
  `{${Object.entries(c)
    .map(([k, t]) => `${k}: '${t}'`)
    .join(', ')}}`;
const ndjson = (file: string, rows: object[]) =>
  writeFileSync(file, rows.map((r) => JSON.stringify(r) + '\n').join(''));

/**
 * Deletes the metadata rows whose letter ids this run's staged letters hold, before they are
 * merged: a letter replaces its case's metadata row, never the other way round.
 */
export async function dropReplaced(db: DuckDBConnection, stage: string): Promise<void> {
  const staged = `SELECT letter_id FROM read_json($files, format = 'newline_delimited', columns = {letter_id: 'VARCHAR'})`;
  const which = `SELECT letter_id FROM letters WHERE ${IS_METADATA} AND letter_id IN (${staged})`;
  const files = join(stage, 'letters-*.ndjson');
  await db.run(`DELETE FROM items WHERE letter_id IN (${which})`, { files });
  await db.run(`DELETE FROM letters WHERE letter_id IN (${which})`, { files });
}

/** Deletes every metadata row: a run with manifests builds them again from the manifests. */
export async function dropMetadata(db: DuckDBConnection): Promise<void> {
  await db.run(
    `DELETE FROM items WHERE letter_id IN (SELECT letter_id FROM letters WHERE ${IS_METADATA})`,
  );
  await db.run(`DELETE FROM letters WHERE ${IS_METADATA}`);
}

/**
 * Loads the state's rows of cases without a letter as letters rows and items (etl/state-coding/metadata.ts).
 * A case whose number is a loaded letter's id is left out: the letter wins. Returns how many
 * services were loaded.
 */
export async function loadMetadata(
  db: DuckDBConnection,
  rows: SourcedRow[],
  stage: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  const cases = metadataCases(rows);
  const [letters, items] = [join(stage, 'meta-letters.ndjson'), join(stage, 'meta-items.ndjson')];
  ndjson(
    letters,
    cases.map((c) => c.letter),
  );
  ndjson(
    items,
    cases.flatMap((c) => c.items),
  );
  const read = (cols: string) =>
    `read_json($file, format = 'newline_delimited', columns = ${cols})`;
  // Items first: until the letters go in, "no letter with this id" means "not a loaded letter".
  const n = await db.run(
    `INSERT INTO items BY NAME SELECT m.* FROM ${read(spec(ITEM_COLUMNS))} m ANTI JOIN letters l USING (letter_id)`,
    { file: items },
  );
  await db.run(
    `INSERT INTO letters BY NAME SELECT m.* FROM ${read(spec(LETTER_COLUMNS))} m ANTI JOIN letters l USING (letter_id)`,
    { file: letters },
  );
  return Number(n.rowsChanged);
}

/** The --report line of services loaded from the state's rows alone; null when there are none. */
export async function metadataLine(dbPath: string): Promise<string | null> {
  return readOnly(dbPath, async (db) => {
    const [[cases, services]] = (
      await db.runAndReadAll(`SELECT count(DISTINCT l.letter_id)::INTEGER, count(*)::INTEGER
        FROM items i JOIN letters l USING (letter_id) WHERE ${IS_METADATA}`)
    ).getRows();
    if (!services) return null;
    return (
      `metadata only: ${services} services in ${cases} cases come from the state's rows without a letter ` +
      `(flag '${METADATA_FLAG}'); letter-only fields count them as 'Not stated'`
    );
  });
}
