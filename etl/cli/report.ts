import { type DuckDBConnection } from '@duckdb/node-api';
import { dmhcReport } from '../dmhc/report.ts';
import { reasonsReport } from './reasons-report.ts';
import { readOnly } from '../../warehouse/open.ts';

const LETTER_FIELDS = [
  'case_number',
  'decision_date',
  'date_assigned',
  'date_of_injury',
  'ur_denial_date',
  'application_received',
  'priority',
  'reviewer_specialty',
  'reviewer_licensure',
  'patient_age',
  'patient_gender',
  'diagnoses',
];
const ITEM_FIELDS = [
  'treatment',
  'decision',
  'claims_administrator_guideline',
  'maximus_guideline',
  'guideline_sources',
  'mtus_chapters',
  'mtus_sections',
  'body_region',
  'drug_name',
  'drug_strength',
  'quantity',
  'rationale',
  'date_of_service',
];

const filled = (col: string) =>
  `round(100 * avg(CASE WHEN ${col} IS NULL OR ${col}::VARCHAR IN ('', '[]') THEN 0 ELSE 1 END), 1)`;

/** Share of letters and items where each field was filled, classification coverage, and quarantined files. */
export async function report(dbPath: string): Promise<string> {
  return readOnly(dbPath, async (db) => {
    const one = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson()[0];
    const letters = await one(
      `SELECT count(*)::INTEGER AS n, ${LETTER_FIELDS.map((f) => `${filled(f)} AS ${f}`).join(', ')} FROM letters`,
    );
    const items =
      await one(`SELECT count(*)::INTEGER AS n, ${ITEM_FIELDS.map((f) => `${filled(f)} AS ${f}`).join(', ')},
      round(100 * avg((category <> 'Unclassified')::INTEGER), 1) AS classified,
      round(100 * avg(outside_mtus::INTEGER), 1) AS outside_mtus,
      round(100 * avg(CASE WHEN category = 'Pharmaceuticals' THEN (drug_strength IS NOT NULL)::INTEGER END), 1) AS drug_strength_of_drugs FROM items`);
    const layouts = (
      await db.runAndReadAll(
        'SELECT layout, count(*)::INTEGER AS n FROM letters GROUP BY layout ORDER BY n DESC',
      )
    ).getRows();
    const unclassified = (
      await db.runAndReadAll(
        `SELECT treatment FROM items WHERE category = 'Unclassified' GROUP BY treatment ORDER BY count(*) DESC LIMIT 20`,
      )
    ).getRows();
    const q = (
      await db.runAndReadAll('SELECT source_file, reason FROM quarantine ORDER BY source_file')
    ).getRows();
    const flags = await flagCounts(db);
    const lines = [`letters: ${letters.n} (${layouts.map(([l, n]) => `${l} ${n}`).join(', ')})`];
    for (const f of LETTER_FIELDS) lines.push(`  ${f.padEnd(30)} ${letters[f]}% filled`);
    lines.push(`items: ${items.n}`);
    for (const f of ITEM_FIELDS) lines.push(`  ${f.padEnd(30)} ${items[f]}% filled`);
    lines.push(
      `  ${'classified'.padEnd(30)} ${items.classified}%`,
      `  ${'outside the MTUS'.padEnd(30)} ${items.outside_mtus}%`,
      `  ${'strength, of drugs'.padEnd(30)} ${items.drug_strength_of_drugs ?? '-'}%`,
    );
    for (const [t] of unclassified) lines.push(`  unclassified: ${t}`);
    lines.push(`flagged letters: ${flags.letters} (loaded around a gap)`);
    for (const [kind, n, letters] of flags.kinds)
      lines.push(`  ${kind}: ${n} (${letters} letters)`);
    lines.push(...(await reasonsReport(db)));
    lines.push(...(await dmhcReport(db)));
    lines.push(`quarantined: ${q.length}`);
    for (const [file, reason] of q) lines.push(`  ${file}: ${reason}`);
    return lines.join('\n');
  });
}

/** Letters with flags, and each kind of flag ('no "MAXIMUS guideline:" paragraph', whatever its item) with its count. */
async function flagCounts(db: DuckDBConnection) {
  const letters = (
    await db.runAndReadAll('SELECT count(*)::INTEGER FROM letters WHERE len(flags) > 0')
  ).getRows()[0][0] as number;
  const kinds = (
    await db.runAndReadAll(`SELECT regexp_replace(flag, '^item \\d+: ', '') AS kind, count(*)::INTEGER,
      count(DISTINCT letter_id)::INTEGER FROM (SELECT letter_id, unnest(flags) AS flag FROM letters)
      GROUP BY kind ORDER BY count(*) DESC, kind`)
  ).getRows() as [string, number, number][];
  return { letters, kinds };
}
