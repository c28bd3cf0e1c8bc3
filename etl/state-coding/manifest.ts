import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { MANIFEST_COLUMNS, MANIFEST_FILE, type ManifestRow } from '../../model/manifest.ts';

const date = z.union([z.literal('').transform(() => null), z.iso.date()]);
const Row = z.object({
  case_number: z.string().regex(/^[A-Z]{2}\d{2}-\d+$/, 'a case number such as CM17-0002198'),
  position: z.coerce.number().int().min(1),
  decision_date: date,
  date_of_injury: date,
  date_received: date,
  reviewer_specialty: z.string(),
  category: z.string().min(1),
  subcategory: z.string(),
  decision: z.string().min(1),
  letter_url: z.string(),
  pdf_status: z.enum(['fetched', 'failed', 'not fetched']),
  pdf_error: z.string(),
  fetched_at: z.string(),
  sha256: z.string(),
}) satisfies z.ZodType<ManifestRow, unknown>;

/** A manifest's row, with the manifest it came from (its path under the ETL's input). */
export interface SourcedRow extends ManifestRow {
  manifest: string;
}

export interface Manifest {
  rows: SourcedRow[];
  /** Rows that could not be read, each with where and why; the others still load. */
  problems: string[];
}

/** A manifest.csv's rows, checked; `name` says which file in problems. */
export function parseManifest(csv: string, name: string): Manifest {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const missing = MANIFEST_COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) return { rows: [], problems: [`${name}: no column ${missing.join(', ')}`] };
  const rows: SourcedRow[] = [];
  const problems: string[] = [];
  parsed.data.forEach((raw, i) => {
    const r = Row.safeParse(raw);
    if (r.success) rows.push({ ...r.data, manifest: name });
    else {
      const issue = r.error.issues[0];
      problems.push(
        `${name} line ${i + 2}: ${String(issue.path[0])} ${JSON.stringify(raw[String(issue.path[0])])}: ${issue.message}`,
      );
    }
  });
  return { rows, problems };
}

const manifestFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f === MANIFEST_FILE || f.endsWith(`/${MANIFEST_FILE}`))
    .sort();

export const hasManifest = (dir: string) => manifestFiles(dir).length > 0;

/** Every manifest.csv under dir (what `npm run fetch --out` wrote), read and checked. */
export function readManifests(dir: string): Manifest {
  const files = manifestFiles(dir);
  const all: Manifest = { rows: [], problems: [] };
  for (const f of files) {
    const m = parseManifest(readFileSync(join(dir, f), 'utf8'), f);
    all.rows.push(...m.rows);
    all.problems.push(...m.problems);
  }
  return all;
}
