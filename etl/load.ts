import { readFileSync } from 'node:fs';
import { DuckDBConnection, LIST, VARCHAR, listValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Letter } from './types.ts';

const SCHEMA = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');
const DERIVED = readFileSync(new URL('./derived.sql', import.meta.url), 'utf8');

export async function applySchema(db: DuckDBConnection): Promise<void> {
  await db.run(SCHEMA);
}

/** Rebuilds the tables the server reads (derived.sql) from letters and items. */
export async function buildDerived(db: DuckDBConnection): Promise<void> {
  await db.run(DERIVED);
}

export interface Loaded { letter: Letter; source_file: string; source_sha256: string; synthetic: boolean }
export interface Quarantined { source_file: string; source_sha256: string; reason: string }

type Value = string | number | boolean | string[] | null;

function append(app: DuckDBAppender, row: Value[]): void {
  for (const v of row) {
    if (v === null) app.appendNull();
    else if (Array.isArray(v)) app.appendList(listValue(v), LIST(VARCHAR));
    else if (typeof v === 'number') app.appendInteger(v);
    else if (typeof v === 'boolean') app.appendBoolean(v);
    else app.appendVarchar(v);
  }
  app.endRow();
}

/** Writes one batch: letters replace any earlier rows with the same id; bad files are quarantined. */
export async function writeBatch(db: DuckDBConnection, loaded: Loaded[], bad: Quarantined[]): Promise<void> {
  const ids = listValue(loaded.map((l) => l.letter.letter_id));
  const files = listValue([...loaded, ...bad].map((l) => l.source_file));
  const types = { ids: LIST(VARCHAR), files: LIST(VARCHAR) };
  await db.run('BEGIN TRANSACTION');
  try {
    // A changed file may now hold another letter id: drop what it held before, and its items.
    await db.run(`DELETE FROM items WHERE list_contains($ids, letter_id)
      OR letter_id IN (SELECT letter_id FROM letters WHERE list_contains($files, source_file))`, { ids, files }, types);
    await db.run('DELETE FROM letters WHERE list_contains($ids, letter_id) OR list_contains($files, source_file)', { ids, files }, types);
    await db.run('DELETE FROM quarantine WHERE list_contains($files, source_file)', { files }, { files: types.files });
    const letters = await db.createAppender('letters');
    const items = await db.createAppender('items');
    const quarantine = await db.createAppender('quarantine');
    for (const { letter: l, source_file, source_sha256, synthetic } of loaded) {
      append(letters, [l.letter_id, l.case_number, l.layout, l.decision_date, l.date_assigned, l.date_of_injury,
        l.ur_denial_date, l.application_received, l.priority, l.reviewer_specialty_raw, l.reviewer_specialty,
        l.reviewer_specialties, l.reviewer_licensure, l.patient_age, l.patient_gender, l.diagnoses,
        l.case_outcome, l.items.length, l.full_text, source_file, source_sha256, synthetic]);
      for (const i of l.items) {
        append(items, [l.letter_id, i.item_no, i.treatment, i.decision, i.category, i.subcategory,
          i.claims_administrator_guideline, i.maximus_guideline, i.guideline_sources, i.mtus_chapters,
          i.mtus_sections, i.outside_mtus, i.body_region, i.drug_name, i.drug_strength, i.quantity, i.quantity_unit,
          i.rationale, i.retrospective, i.date_of_service]);
      }
    }
    for (const q of bad) append(quarantine, [q.source_file, q.source_sha256, q.reason]);
    for (const app of [letters, items, quarantine]) app.closeSync();
    await db.run('COMMIT');
  } catch (e) {
    await db.run('ROLLBACK');
    throw e;
  }
}
