import type { Suggestion } from '../../model/api.ts';
import type { Database } from '../db/database.ts';
import { synonymTerms } from '../sql/synonyms.ts';

/**
 * Suggestions for a treatment search: service names containing q (at most half the list, so
 * words always show), most used first; then words of treatment names containing q, most used
 * first; then synonym terms. A service is counted as /api/rates?by=service counts it.
 */
export async function suggest(db: Database, q: string, limit: number): Promise<Suggestion[]> {
  const services = await db.query(
    `SELECT service, count(*)::INTEGER AS n FROM facts
    WHERE contains(lower(service), lower($q)) GROUP BY service ORDER BY n DESC, service LIMIT $limit`,
    { q, limit: Math.ceil(limit / 2) },
  );
  const rows = await db.query(
    `SELECT word, sum(n)::INTEGER AS n FROM (
      SELECT unnest(regexp_split_to_array(lower(treatment), '[^a-z0-9-]+')) AS word, n FROM treatments)
    WHERE length(word) > 2 AND contains(word, lower($q)) GROUP BY word ORDER BY n DESC, word LIMIT $limit`,
    { q, limit },
  );
  const words = rows.map((r) => ({ kind: 'word' as const, term: String(r.word), n: Number(r.n) }));
  const synonyms = synonymTerms(q)
    .filter((t) => !words.some((w) => w.term === t.toLowerCase()))
    .map((term) => ({ kind: 'synonym' as const, term, n: null }));
  return [
    ...services.map((r) => ({ kind: 'service' as const, term: String(r.service), n: Number(r.n) })),
    ...words,
    ...synonyms,
  ].slice(0, limit);
}
