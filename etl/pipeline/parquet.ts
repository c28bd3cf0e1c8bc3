import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATE_SPANS } from '../../warehouse/derived.ts';
import { readOnly } from '../../warehouse/open.ts';

/**
 * Writes letters and items as Parquet under dir, partitioned by decision year
 * (dir/letters/decision_year=2016/*.parquet), for Spark, Trino, BigQuery or MotherDuck. Letters
 * carry their review speed and review time: the spans of their dates in days (model/measures.ts)
 * beside the DMHC data set's own day counts.
 */
export async function writeParquet(dbPath: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // COPY takes its target as a literal, not a bound value: quote it.
  const target = (name: string) => `'${resolve(dir, name).replace(/'/g, "''")}'`;
  return readOnly(dbPath, async (db) => {
    const year = "coalesce(year(l.decision_date)::VARCHAR, 'unknown') AS decision_year";
    await db.run(`COPY (SELECT l.*, ${DATE_SPANS.join(', ')}, ${year} FROM letters l) TO ${target('letters')}
      (FORMAT parquet, PARTITION_BY (decision_year), OVERWRITE_OR_IGNORE)`);
    await db.run(`COPY (SELECT i.*, ${year} FROM items i JOIN letters l USING (letter_id)) TO ${target('items')}
      (FORMAT parquet, PARTITION_BY (decision_year), OVERWRITE_OR_IGNORE)`);
  });
}
