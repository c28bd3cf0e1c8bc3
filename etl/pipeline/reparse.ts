import type { Job } from './worker.ts';
import { openReadOnly } from '../../warehouse/open.ts';

/**
 * Which letters another parser version read ($v is this version's): the DMHC program's cases
 * come from its CSV, and a fetch manifest's metadata rows (no full_text) from the state's
 * rows, not from a letter the parser reads, so they are never stale.
 */
export const STALE_LETTERS = `parser_version IS DISTINCT FROM $v AND program = 'DWC' AND full_text IS NOT NULL`;

/**
 * Batches of the letters another parser version read, with the text the database holds, so
 * they are parsed again without their files (a PDF is not read twice). Files read in this run
 * (`skip`) are left out: their new rows are staged already.
 */
export async function* staleTexts(
  dbPath: string,
  version: string,
  skip: Set<string>,
  size: number,
): AsyncGenerator<NonNullable<Job['texts']>> {
  const instance = await openReadOnly(dbPath);
  const db = await instance.connect();
  try {
    const result = await db.stream(
      `SELECT source_file, source_sha256, full_text, pdf_engine FROM letters WHERE ${STALE_LETTERS}`,
      { v: version },
    );
    let batch: NonNullable<Job['texts']> = [];
    for await (const rows of result.yieldRows())
      for (const [f, h, t, e] of rows) {
        if (skip.has(String(f))) continue;
        const text = { source_file: String(f), source_sha256: String(h), full_text: String(t) };
        batch.push({ ...text, pdf_engine: e === null ? null : String(e) });
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    if (batch.length) yield batch;
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
