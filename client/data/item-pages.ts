import { useEffect, useState } from 'react';
import type { Items } from '../../model/api.ts';
import { getJson } from './fetch.ts';
import { itemsUrl } from './urls.ts';

/**
 * The rows of /api/items at a query, a page at a time: the pages so far, an error, and more()
 * for the next page, null after the last. A null query lists nothing.
 */
export function usePages(query: string | null) {
  const [pages, setPages] = useState<Items[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPages([]);
    setError(null);
    if (query === null) return;
    getJson<Items>(itemsUrl(query)).then(
      (p) => setPages([p]),
      (e: Error) => setError(e.message),
    );
  }, [query]);
  const next = pages.at(-1)?.next_cursor ?? null;
  const more = () =>
    getJson<Items>(itemsUrl(query!, next!)).then(
      (p) => setPages([...pages, p]),
      (e: Error) => setError(e.message),
    );
  const rows = pages.flatMap((p) => p.rows) as Record<string, unknown>[];
  return { loaded: pages.length > 0, rows, error, more: next ? more : null };
}
