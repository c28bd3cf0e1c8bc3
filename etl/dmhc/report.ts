import type { DuckDBConnection } from '@duckdb/node-api';
import { AGE_BANDS } from '../letters/types.ts';
import { EVIDENCE } from './findings-rules.ts';
import { pct } from '../../cli/format.ts';

/** A DMHC label on none of the importer's lists, what it labels, and how many cases have it. */
export interface Unmapped {
  label: string;
  what: string;
  cases: number;
}

/** The labels of DMHC cases flagged `unmapped <what>: <label>` (etl/dmhc/vocabulary.ts), most cases first. */
export async function unmappedLabels(db: DuckDBConnection): Promise<Unmapped[]> {
  const rows = (
    await db.runAndReadAll(`SELECT flag, count(*)::INTEGER AS n FROM (SELECT unnest(flags) AS flag
      FROM letters WHERE program = 'DMHC') WHERE starts_with(flag, 'unmapped ') GROUP BY flag ORDER BY n DESC, flag`)
  ).getRows() as [string, number][];
  return rows.map(([flag, cases]) => {
    const [, what, label] = /^unmapped ([^:]+): (.*)$/s.exec(flag) ?? ['', 'label', flag];
    return { label, what, cases };
  });
}

/** `unmapped: LABEL (N cases, what)`, as --report lists a label. */
export const unmappedLine = (u: Unmapped) =>
  `unmapped: ${u.label} (${u.cases} case${u.cases === 1 ? '' : 's'}, ${u.what})`;

/** The end-of-run warning for labels no list knows, or null when there are none. */
export function unmappedWarning(found: Unmapped[]): string | null {
  if (!found.length) return null;
  const cases = found.reduce((s, u) => s + u.cases, 0);
  const shown = found.slice(0, 10).map((u) => `"${u.label}" (${u.what}, ${u.cases})`);
  const more = found.length > 10 ? `, and ${found.length - 10} more` : '';
  const labels = `${found.length} DMHC label${found.length === 1 ? ' is' : 's are'}`;
  return (
    `warning: ${labels} on none of the importer's lists (etl/dmhc/labels.ts), in ${cases} ` +
    `cases: ${shown.join(', ')}${more}. A category keeps the file's words and gets no ` +
    'treatment type; an age range, gender or IMR type is left out. --report lists them all.'
  );
}

/**
 * How often the findings rules found each thing in DMHC cases with Findings (reviewer
 * specialty, panel, each evidence family, none), the age bands outside the data set's list,
 * the treatment pairs the crosswalk does not know, and every label on none of the importer's
 * lists with its cases. Empty when no DMHC case is loaded.
 */
export async function dmhcReport(db: DuckDBConnection): Promise<string[]> {
  const one = async (sql: string, values = {}) =>
    (await db.runAndReadAll(sql, values)).getRowObjectsJson()[0] as Record<string, number>;
  const c = await one(`SELECT count(*)::INTEGER AS cases, count(full_text)::INTEGER AS findings,
    count(*) FILTER (full_text IS NOT NULL AND reviewer_specialty IS NOT NULL)::INTEGER AS specialty,
    count(*) FILTER (full_text IS NOT NULL AND reviewer_specialty_raw IS NOT NULL)::INTEGER AS credentials,
    count(*) FILTER (panel)::INTEGER AS panel FROM letters WHERE program = 'DMHC'`);
  if (!c.cases) return [];
  const lines = [
    `DMHC cases: ${c.cases}, with findings: ${c.findings}`,
    `  ${'credentials found'.padEnd(30)} ${pct(c.credentials, c.findings)}`,
    `  ${'board specialty on the list'.padEnd(30)} ${pct(c.specialty, c.findings)}`,
    `  ${'panel decided'.padEnd(30)} ${pct(c.panel, c.findings)}`,
  ];
  for (const [family] of [...EVIDENCE, ['none found'] as const]) {
    const e = await one(
      `SELECT count(*)::INTEGER AS n FROM items WHERE evidence_sources IS NOT NULL
      AND CASE WHEN $f = 'none found' THEN len(evidence_sources) = 0 ELSE list_contains(evidence_sources, $f) END`,
      { f: family },
    );
    lines.push(`  ${`cites ${family}`.padEnd(30)} ${pct(e.n, c.findings)}`);
  }
  const odd = (
    await db.runAndReadAll(
      `SELECT DISTINCT age_band FROM letters WHERE program = 'DMHC' AND age_band IS NOT NULL
      AND NOT list_contains(string_split($bands, ','), age_band)`,
      { bands: AGE_BANDS.join(',') },
    )
  ).getRows();
  for (const [band] of odd) lines.push(`  age band not on the list: ${band}`);
  const untyped = (
    await db.runAndReadAll(
      `SELECT DISTINCT dmhc_category, dmhc_subcategory FROM items WHERE dmhc_category IS NOT NULL AND treatment_type IS NULL`,
    )
  ).getRows();
  for (const [cat, sub] of untyped) lines.push(`  no treatment type for: ${cat} / ${sub ?? ''}`);
  for (const u of await unmappedLabels(db)) lines.push(`  ${unmappedLine(u)}`);
  return lines;
}
