import { useEffect, useRef, useState } from 'react';
export type {
  AdjustedRates,
  Cell,
  Comparison,
  Facets,
  Items,
  RateRow,
  Reasons,
  Suggestion,
  Summary,
  Timeliness,
  TimelinessRow,
  Trend,
} from '../../model/api.ts';
import type { State } from './url-state.ts';
import { heatmapOf } from './program-choice.ts';
import { measureOf } from './review-time.ts';

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
function request<T>(url: string): Promise<T> {
  let p = requests.get(url);
  if (!p) {
    p = getJson<T>(url);
    requests.set(url, p);
    const drop = () => setTimeout(() => requests.delete(url), 5_000);
    p.then(drop, drop);
  }
  return p as Promise<T>;
}

export const withParams = (
  path: string,
  filters: URLSearchParams,
  extra: Record<string, string>,
) => {
  const q = new URLSearchParams(filters);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return `${path}?${q}`;
};

/** The URL each view of the dashboard reads for a state. */
export const VIEW_URLS = {
  summary: (s: State) => `/api/summary?${s.filters}`,
  facets: (s: State) => `/api/facets?${s.filters}`,
  rates: (s: State) =>
    withParams('/api/rates', s.filters, {
      by: s.view.dim,
      sort: s.view.sort,
      min_n: s.view.min_n,
      limit: '60',
      adjust: s.view.adjust,
    }),
  trend: (s: State) =>
    withParams('/api/trend', s.filters, { interval: s.view.interval, by: s.view.split }),
  crosstab: (s: State) => withParams('/api/crosstab', s.filters, heatmapOf(s)),
  treatments: (s: State) =>
    withParams('/api/rates', s.filters, { by: 'service', limit: '25', sort: 'n' }),
  waitTrend: (s: State) =>
    withParams('/api/timeliness', s.filters, {
      by: s.view.wait_interval === 'month' ? 'decision_month' : 'decision_year',
      measure: measureOf(s),
      sort: 'key',
      limit: '1000',
    }),
  waitLimit: (s: State) =>
    withParams('/api/timeliness', s.filters, { by: 'review_speed', measure: measureOf(s) }),
  waitBy: (s: State) =>
    withParams('/api/timeliness', s.filters, {
      by: s.view.wait_by,
      measure: measureOf(s),
      limit: '60',
    }),
};

/** The views each topic of a program's page shows, besides the summary and the filter bar. */
const TOPIC_VIEWS: Record<string, (keyof typeof VIEW_URLS)[]> = {
  '': ['rates', 'trend', 'crosstab', 'treatments'],
  time: ['waitTrend', 'waitLimit', 'waitBy'],
};
const pick = (urls: typeof VIEW_URLS, views = TOPIC_VIEWS['']) =>
  Object.fromEntries(['summary', 'facets', ...views].map((v) => [v, urls[v as keyof typeof urls]]));

/** The URL each chart of the Why view reads. */
export const WHY_URLS = {
  summary: VIEW_URLS.summary,
  facets: VIEW_URLS.facets,
  reasons: (s: State) => `/api/reasons?${s.filters}`,
  crosstab: (s: State) =>
    withParams('/api/crosstab', s.filters, { rows: 'reason', cols: s.view.why_by }),
};

/**
 * Asks for every view's data at once, before any chart renders: charts re-drawing with their
 * old data took 60 ms on a filter change before the last of them had asked for its new data.
 */
let prefetched = new Set<string>();
export function prefetch(s: State): void {
  const views = s.view.topic === 'why' ? WHY_URLS : pick(VIEW_URLS, TOPIC_VIEWS[s.view.topic]);
  const urls = Object.values(views).map((url) => url(s));
  // Only what changed: a view whose URL is the same already has its data.
  for (const url of urls) if (!prefetched.has(url)) request(url);
  prefetched = new Set(urls);
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

/** Rate axes' ticks and grid lines: 0%, 25%, 50%, 75%, 100%. */
export const QUARTERS = [0, 0.25, 0.5, 0.75, 1];
export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
export const num = (x: number) => x.toLocaleString('en-US');

/** Rate, interval and label for the metric shown: uphold, or overturn (its complement). */
export function metric(
  r: { uphold_rate: number | null; ci_low: number; ci_high: number },
  which: string,
) {
  if (which === 'overturn')
    return {
      rate: r.uphold_rate === null ? null : 1 - r.uphold_rate,
      low: 1 - r.ci_high,
      high: 1 - r.ci_low,
      word: 'overturned',
    };
  return { rate: r.uphold_rate, low: r.ci_low, high: r.ci_high, word: 'upheld' };
}

/** Saves rows as a CSV file in the browser. */
export async function downloadCsv(name: string, rows: object[]): Promise<void> {
  const { default: Papa } = await import('papaparse');
  // A cell starting with =, +, -, @, tab or CR gets a leading ', as the server's export does,
  // so a spreadsheet never runs a treatment name as a formula.
  const csv = Papa.unparse(rows, { escapeFormulae: true });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}
