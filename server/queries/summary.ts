import { FIRST_ITEM, LETTER_BLOCK, letterBit } from '../../warehouse/names.ts';
import type { Source, Summary } from '../../model/api.ts';
import { dimension } from '../../model/dimensions.ts';
import type { Database } from '../db/database.ts';
import { onlyLetterFilters, whereClause, type Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';
import { onlyProgram, programs, programsLoaded, sourceOf } from './programs.ts';
import { withRate } from './stats.ts';

/** Where the loaded letters come from, so every view can say when the data are synthetic. */
export const source = (db: Database): Promise<Source> =>
  db.once('source', async () => {
    const [r] =
      await db.query(`SELECT count(*) FILTER (WHERE synthetic)::INTEGER AS synthetic_letters,
      count(*) FILTER (WHERE NOT synthetic)::INTEGER AS real_letters,
      (SELECT count(*)::INTEGER FROM quarantine) AS quarantined FROM letters`);
    const synthetic = Number(r.synthetic_letters);
    const real = Number(r.real_letters);
    return {
      data_source: sourceOf(synthetic, real),
      synthetic_letters: synthetic,
      real_letters: real,
      quarantined: Number(r.quarantined),
    };
  });

export async function summary(db: Database, f: Filters): Promise<Summary> {
  const l = await lookup(db);
  const w = whereClause(f, l);
  const report = dimension('decision_year').yearColumn;
  const counts = `count(*)::INTEGER AS n, sum(f.upheld::UTINYINT)::INTEGER AS upheld,
    min(f.decision_date)::VARCHAR AS first_decision, max(f.decision_date)::VARCHAR AS last_decision,
    count(*) FILTER (WHERE f.synthetic)::INTEGER AS synthetic,
    min(f.${report}) AS first_report, max(f.${report}) AS last_report`;
  // Under item filters a letter counts once however many of its services match: each block of
  // 64 letter keys becomes a bitmap of the letters seen, twice as fast as count(DISTINCT).
  const sql = onlyLetterFilters(f)
    ? `SELECT count(*) FILTER (WHERE f.${FIRST_ITEM})::INTEGER AS letters, ${counts} FROM facts f ${w.sql}`
    : `SELECT sum(bit_count(seen))::INTEGER AS letters, sum(n)::INTEGER AS n, sum(upheld)::INTEGER AS upheld,
        min(first_decision) AS first_decision, max(last_decision) AS last_decision,
        sum(synthetic)::INTEGER AS synthetic, min(first_report) AS first_report,
        max(last_report) AS last_report
      FROM (SELECT bit_or(${letterBit('f')}) AS seen, ${counts} FROM facts f ${w.sql} GROUP BY f.${LETTER_BLOCK})`;
  // With one program loaded, its entry is the totals; with both, each is counted apart.
  const loaded = programsLoaded(l);
  const [[row], perProgram] = await Promise.all([
    db.query(sql, w.params),
    loaded.length > 1 ? programs(db, f) : undefined,
  ]);
  const { n, upheld, letters, first_decision, last_decision } = row as {
    n: number | null;
    upheld: number | null;
    letters: number | null;
    first_decision: string | null;
    last_decision: string | null;
  };
  // A service's year is its decision date's or, a DMHC case, its report year.
  const first = [first_decision?.slice(0, 4), row.first_report].filter((y) => y != null);
  const last = [last_decision?.slice(0, 4), row.last_report].filter((y) => y != null);
  const totals = {
    n,
    upheld,
    synthetic: row.synthetic,
    real: Number(n ?? 0) - Number(row.synthetic ?? 0),
    first_year: first.length ? Math.min(...first.map(Number)) : null,
    last_year: last.length ? Math.max(...last.map(Number)) : null,
  };
  return {
    ...(await source(db)),
    letters: letters ?? 0,
    items: n ?? 0,
    ...withRate({ n: n ?? 0, upheld: upheld ?? 0 }),
    first_decision,
    last_decision,
    programs: perProgram ?? onlyProgram(loaded[0] ?? 'DWC', totals),
  };
}
