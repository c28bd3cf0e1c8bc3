import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection } from '@duckdb/node-api';
import { agreement, stateName, type Coded } from './agreement.ts';
import { readManifests } from './manifest.ts';
import { matchServices, type LetterService, type MatchCounts } from './match.ts';
import { IS_METADATA } from './metadata.ts';
import { dropMetadata, loadMetadata } from './metadata-load.ts';
import { readOnly } from '../../warehouse/open.ts';

export interface StateCoding extends MatchCounts {
  /** The state's rows loaded as services without a letter (of state_only's cases). */
  metadata_only: number;
  /** Manifest rows that could not be read, with where and why. */
  problems: string[];
}

/**
 * Gives every item the state's category, subcategory and decision where the manifests under
 * input hold its service (see matchServices for how mismatches are handled), and marks
 * category_source: 'state' there, 'rules' for the rest. The state's rows of cases with no
 * letter are loaded again as services without a letter (etl/state-coding/metadata.ts). Null when input has
 * no manifest: the state's coding and metadata rows of earlier runs are then left as they are.
 */
export async function applyStateCoding(
  db: DuckDBConnection,
  input: string | null,
  stage: string,
): Promise<StateCoding | null> {
  const manifest = input ? readManifests(input) : { rows: [], problems: [] };
  if (manifest.rows.length === 0 && manifest.problems.length === 0) {
    await db.run(`UPDATE items SET category_source = 'rules' WHERE category_source IS NULL`);
    return null;
  }
  await dropMetadata(db);
  const services = (
    await db.runAndReadAll(
      `SELECT i.letter_id, l.case_number, i.item_no, i.decision FROM items i JOIN letters l USING (letter_id)`,
    )
  ).getRowObjectsJson() as unknown as LetterService[];
  const { matches, stateOnly, counts } = matchServices(services, manifest.rows);
  const file = join(stage, 'state-coding.ndjson');
  writeFileSync(
    file,
    matches
      .map((m) =>
        JSON.stringify({
          letter_id: m.letter_id,
          item_no: m.item_no,
          state_category: stateName(m.row.category),
          state_subcategory: stateName(m.row.subcategory),
          state_decision: m.row.decision,
        }),
      )
      .join('\n') + '\n',
  );
  await db.run(
    `UPDATE items SET state_category = NULL, state_subcategory = NULL, state_decision = NULL, category_source = 'rules'`,
  );
  if (matches.length)
    await db.run(
      `UPDATE items SET state_category = s.state_category, state_subcategory = s.state_subcategory,
      state_decision = s.state_decision, category_source = 'state'
      FROM read_json($file, format = 'newline_delimited', columns = {letter_id: 'VARCHAR', item_no: 'INTEGER',
        state_category: 'VARCHAR', state_subcategory: 'VARCHAR', state_decision: 'VARCHAR'}) s
      WHERE items.letter_id = s.letter_id AND items.item_no = s.item_no`,
      { file },
    );
  const metadata_only = await loadMetadata(db, stateOnly, stage);
  return { ...counts, metadata_only, problems: manifest.problems };
}

/**
 * The --report text of agreement between the rules and the state, from a database; null when
 * nothing is coded by both. Metadata rows are left out: the rules never read their services.
 */
export async function stateAgreement(dbPath: string): Promise<string | null> {
  return readOnly(dbPath, async (db) => {
    const rows = (
      await db.runAndReadAll(`SELECT category AS rules_category, subcategory AS rules_subcategory,
      state_category, state_subcategory FROM items WHERE category_source = 'state'
      AND letter_id NOT IN (SELECT letter_id FROM letters WHERE ${IS_METADATA})`)
    ).getRowObjectsJson() as unknown as Coded[];
    return rows.length ? agreement(rows) : null;
  });
}

/** One line of how the letters' services matched the state's rows. */
export const stateLine = (s: StateCoding) =>
  `state coding: ${s.matched} services matched, ${s.decision_mismatch} with another decision at the same position, ` +
  `${s.count_mismatch_services} in ${s.count_mismatch_letters} letters with another number of services, ` +
  `${s.letter_only} not in the manifest, ${s.state_only} of the state's rows with no letter ` +
  `(${s.metadata_only} loaded as services without a letter), ${s.problems.length} unreadable rows`;
