import type { rates, summary } from '../server/queries.ts';

export type Summary = Awaited<ReturnType<typeof summary>>;
export type RateRow = Awaited<ReturnType<typeof rates>>[number];

/** GET an API path; a problem+json answer becomes an Error with its detail. */
export async function getJson<T>(path: string, params: URLSearchParams): Promise<T> {
  const res = await fetch(`${path}?${params}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.detail ?? `HTTP ${res.status}`);
  return body as T;
}

export const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
