import { useEffect, useRef, useState } from 'react';

/** GET an API path; a problem+json answer becomes an Error with its detail. */
export async function getJson<T>(
  path: string,
  params?: URLSearchParams,
  signal?: AbortSignal,
): Promise<T> {
  const res = await fetch(params ? `${path}?${params}` : path, { signal });
  const body = await res.json();
  if (!res.ok) throw new Error(body.detail ?? `HTTP ${res.status}`);
  return body as T;
}

export type Loaded<T> =
  | { data: T; error: null; loading: boolean }
  | { data: null; error: string | null; loading: boolean };

const requests = new Map<string, Promise<unknown>>();
/** One request per URL at a time; a settled answer is reused for a few seconds. */
export function request<T>(url: string): Promise<T> {
  let p = requests.get(url);
  if (!p) {
    p = getJson<T>(url);
    requests.set(url, p);
    const drop = () => setTimeout(() => requests.delete(url), 5_000);
    p.then(drop, drop);
  }
  return p as Promise<T>;
}

/**
 * Fetches whenever the URL changes; keeps the last data while the next loads, and says when it
 * fails. The request starts while the component renders, not after the page is painted.
 */
export function useApi<T>(url: string | null): Loaded<T> {
  // Asked once per URL, not at every render: a settled answer is forgotten after a few seconds.
  const asked = useRef<string | null>(null);
  if (url && asked.current !== url) {
    asked.current = url;
    request<T>(url);
  }
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    if (!url) return;
    let current = true;
    setState((s) => (s.loading ? s : { ...s, loading: true }) as Loaded<T>);
    request<T>(url).then(
      (data) => {
        if (current) setState({ data, error: null, loading: false });
      },
      (e: Error) => {
        if (current) setState({ data: null, error: e.message, loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [url]);
  return state;
}
