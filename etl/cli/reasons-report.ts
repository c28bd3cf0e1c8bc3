import type { DuckDBConnection } from '@duckdb/node-api';
import { REASON_LABELS, REASONS } from '../../model/values.ts';
import { pct } from '../../cli/format.ts';

/**
 * Each reason family's share of the services with a text to read reasons from (upheld and
 * overturned apart: a service can give several, so shares add up to more than 100%), the
 * services where the rules found no family (stored as `other` with no sentence), and how often
 * the claims administrator's and the reviewer's guideline families differ.
 */
export async function reasonsReport(db: DuckDBConnection): Promise<string[]> {
  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson();
  const [t] = await rows(`SELECT count(*)::INTEGER AS items, count(reason)::INTEGER AS read,
    count(*) FILTER (reason IS NOT NULL AND decision = 'Upheld')::INTEGER AS upheld,
    count(*) FILTER (reason IS NOT NULL AND decision = 'Overturned')::INTEGER AS overturned,
    count(*) FILTER (reason = ['other'] AND len(reason_spans) = 0)::INTEGER AS none,
    count(*) FILTER (guideline_agreement = 'different')::INTEGER AS different,
    count(guideline_agreement)::INTEGER AS compared FROM items`);
  const n = (k: string) => Number(t[k]);
  if (!n('items')) return [];
  const lines = [
    `reasons: read for ${n('read')} of ${n('items')} services (${pct(n('read'), n('items'))}; Not stated without a rationale or findings)`,
    `  ${'family'.padEnd(34)} ${'of upheld'.padStart(9)} ${'of overturned'.padStart(13)}`,
  ];
  const counts = await rows(`SELECT r, decision, count(*)::INTEGER AS n
    FROM (SELECT unnest(reason) AS r, decision FROM items WHERE reason IS NOT NULL) GROUP BY ALL`);
  const count = (r: string, d: string) =>
    Number(counts.find((c) => c.r === r && c.decision === d)?.n ?? 0);
  for (const r of REASONS)
    lines.push(
      `  ${REASON_LABELS[r].padEnd(34)} ${pct(count(r, 'Upheld'), n('upheld')).padStart(9)} ${pct(count(r, 'Overturned'), n('overturned')).padStart(13)}`,
    );
  lines.push(
    `  no family found (counted as other): ${n('none')} (${pct(n('none'), n('read'))})`,
    ...(
      await rows(`SELECT letter_id, item_no, left(treatment, 60) AS t FROM items
      WHERE reason = ['other'] AND len(reason_spans) = 0 ORDER BY letter_id, item_no LIMIT 20`)
    ).map((x) => `    ${x.letter_id} #${x.item_no}: ${x.t}`),
    `guideline agreement: UR and IMR families differ for ${n('different')} of ${n('compared')} services with both paragraphs (${pct(n('different'), n('compared'))})`,
  );
  return lines;
}
