import { emptyDone, hashFile, type Done } from '../pipeline/batch.ts';
import { ParseError } from '../letters/types.ts';
import { readDmhcCsv } from './csv.ts';
import { quarantineCase, type CaseBatch } from './rows.ts';

/** Where a CSV's rows go: batches to the worker threads, this thread's own results to the run. */
export interface CsvSink {
  send(batch: CaseBatch): Promise<void>;
  take(d: Done): Promise<void>;
}

/**
 * A CSV under the ETL's input: skipped when its SHA-256 is the one loaded before. Otherwise it
 * is streamed here, and its rows are read into cases by the worker threads (etl/dmhc/rows.ts).
 * A row this thread turns away (truncated, a repeated reference id) is quarantined under the
 * file with its reference id and reason; a file that is not a DMHC IMR file is quarantined whole.
 */
export async function stageCsv(
  path: string,
  source_file: string,
  /** The file's hash when loaded before, or 'retry': read it again whatever its hash. */
  known: string | undefined,
  parser_version: string,
  sink: CsvSink,
): Promise<'new' | 'changed' | 'unchanged'> {
  const file = { source_file, source_sha256: hashFile(path), parser_version };
  if (known === file.source_sha256) return 'unchanged';
  const bad = emptyDone();
  const quarantine = (reason: string) => quarantineCase(bad, file, reason);
  try {
    await readDmhcCsv(path, {
      rows: (rows, at) => sink.send({ file, at, rows }),
      bad: quarantine,
    });
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    quarantine(e.message);
  }
  await sink.take(bad);
  return known ? 'changed' : 'new';
}

/** Files the ETL reads as DMHC IMR CSVs rather than as letters. */
export const isCsv = (path: string) => /\.csv(\.gz)?$/i.test(path);
