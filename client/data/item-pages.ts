import { useEffect, useState } from 'react';
import { getJson, type Items } from './fetch.ts';

/**
 * The rows of /api/items at a query, a page of 50 at a time: the pages so far, an error, and
 * more() for the next page. A null query lists nothing.
 */
export function usePages(query: string | null) {
  const [pages, setPages] = useState<Items[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPages([]);
    setError(null);
    if (query === null) return;
    getJson<Items>(`/api/items?${query}&limit=50`).then(
      (p) => setPages([p]),
      (e: Error) => setError(e.message),
    );
  }, [query]);
  const more = () =>
    getJson<Items>(`/api/items?${query}&limit=50&cursor=${pages.at(-1)!.next_cursor}`).then(
      (p) => setPages([...pages, p]),
      (e: Error) => setError(e.message),
    );
  const rows = pages.flatMap((p) => p.rows) as Record<string, unknown>[];
  return { pages, rows, error, more, next: pages.at(-1)?.next_cursor ?? null };
}
