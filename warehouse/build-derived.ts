import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DERIVED_STATEMENTS, LETTERS_PER_PASS } from './derived.ts';

/** The version of the derived statements; a run rebuilds tables another version built. */
export const DERIVED_VERSION = createHash('sha256')
  .update(DERIVED_STATEMENTS.map((s) => (typeof s === 'string' ? s : s.pass)).join(';\n'))
  .digest('hex')
  .slice(0, 16);

/** Rebuilds the tables the server reads (warehouse/derived.ts) from letters and items. */
export async function buildDerived(db: DuckDBConnection): Promise<void> {
  for (const step of DERIVED_STATEMENTS) {
    if (typeof step === 'string') {
      await db.run(step);
      continue;
    }
    const [[last]] = (await db.runAndReadAll('SELECT max(letter_key) FROM letter_keys')).getRows();
    for (let lo = 1; lo <= Number(last ?? 0); lo += LETTERS_PER_PASS)
      await db.run(step.pass, { lo, hi: lo + LETTERS_PER_PASS - 1 });
  }
  await db.run('CREATE OR REPLACE TABLE derived_version AS SELECT $v AS version', {
    v: DERIVED_VERSION,
  });
}
