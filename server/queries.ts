import type { Database } from './db.ts';
import { whereClause, type Filters } from './filters.ts';
import { withRate } from './stats.ts';

const BASE = 'FROM items i JOIN letters l USING (letter_id)';

/** Group-by keys, from this allowlist only. "guideline" counts an item once per source it cites. */
export const BY = {
  category: 'i.category',
  guideline: 'unnest(i.guideline_sources)',
  specialty: "coalesce(l.reviewer_specialty, 'Not stated')",
} as const;
export type By = keyof typeof BY;

export async function summary(db: Database, f: Filters) {
  const w = whereClause(f);
  const [counts] = await db.query(`SELECT count(DISTINCT letter_id)::INTEGER AS letters, count(*)::INTEGER AS n,
      count(*) FILTER (WHERE i.decision = 'Upheld')::INTEGER AS upheld,
      min(l.decision_date)::VARCHAR AS first_decision, max(l.decision_date)::VARCHAR AS last_decision
    ${BASE} ${w.sql}`, w.params);
  const [source] = await db.query(`SELECT count(*) FILTER (WHERE synthetic)::INTEGER AS synthetic_letters,
      count(*) FILTER (WHERE NOT synthetic)::INTEGER AS real_letters,
      (SELECT count(*)::INTEGER FROM quarantine) AS quarantined FROM letters`);
  const synthetic = Number(source.synthetic_letters);
  const real = Number(source.real_letters);
  const { n, upheld, letters, ...rest } = counts as { n: number; upheld: number; letters: number };
  return {
    data_source: synthetic && real ? 'mixed' : synthetic ? 'synthetic' : real ? 'real' : 'empty',
    synthetic_letters: synthetic, real_letters: real, quarantined: source.quarantined,
    letters, items: n, ...withRate({ n, upheld }), ...rest,
  };
}

export async function rates(db: Database, by: By, f: Filters) {
  const w = whereClause(f);
  const rows = await db.query(`SELECT key, count(*)::INTEGER AS n, count(*) FILTER (WHERE decision = 'Upheld')::INTEGER AS upheld
    FROM (SELECT ${BY[by]} AS key, i.decision ${BASE} ${w.sql}) GROUP BY key ORDER BY n DESC, key`, w.params);
  return rows.map((r) => withRate({ key: String(r.key), n: Number(r.n), upheld: Number(r.upheld) }));
}
