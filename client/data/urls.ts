import { DIMENSIONS } from '../../model/dimensions.ts';
import { MAX_ROWS, PAGE_ROWS } from '../../model/limits.ts';
import { measuresOf, type MeasureName } from '../../model/measures.ts';
import { type Program } from '../../model/values.ts';
import { request } from './fetch.ts';
import { heatmapOf, withoutProgram } from './program-choice.ts';
import { measureOf } from './review-time.ts';
import { withValues, type State } from './url-state.ts';

/** An API path with the filters and the extra parameters that are set. */
export const withParams = (
  path: string,
  filters: URLSearchParams,
  extra: Record<string, string>,
) => {
  const q = new URLSearchParams(filters);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return `${path}?${q}`;
};

type Urls = Record<string, (s: State) => string>;

/** The summary, and the facets' values and counts, under some filters (a query string). */
export const summaryUrl = (filters: URLSearchParams | string) => `/api/summary?${filters}`;
export const facetsUrl = (filters: URLSearchParams | string) => `/api/facets?${filters}`;
const summary = (s: State) => summaryUrl(s.filters);
const facets = (s: State) => facetsUrl(s.filters);

/** The URL each chart of a program's uphold-rate page reads, besides the summary and filters. */
export const RATE_URLS = {
  summary,
  facets,
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
} satisfies Urls;

/** The URL each chart of a program's review-time page reads. */
export const WAIT_URLS = {
  summary,
  facets,
  waitTrend: (s: State) =>
    withParams('/api/timeliness', s.filters, {
      by: s.view.wait_interval === 'month' ? 'decision_month' : 'decision_year',
      measure: measureOf(s),
      sort: 'key',
      limit: String(MAX_ROWS),
    }),
  waitLimit: (s: State) =>
    withParams('/api/timeliness', s.filters, { by: 'review_speed', measure: measureOf(s) }),
  waitBy: (s: State) =>
    withParams('/api/timeliness', s.filters, {
      by: s.view.wait_by,
      measure: measureOf(s),
      limit: '60',
    }),
} satisfies Urls;

/** The Why view's heat map: reasons by the dimension chosen, by decision when there is none. */
export const whyBy = (s: State) => (s.view.why_by in DIMENSIONS ? s.view.why_by : 'decision');

/** The URL each chart of the Why view reads. */
export const WHY_URLS = {
  summary,
  facets,
  reasons: (s: State) => `/api/reasons?${s.filters}`,
  crosstab: (s: State) =>
    withParams('/api/crosstab', s.filters, { rows: 'reason', cols: whyBy(s) }),
} satisfies Urls;

/** One program's review time by review speed in its first measure, for the compare view. */
const compareWait = (p: Program) => (s: State) =>
  withParams('/api/timeliness', withValues(withoutProgram(s.filters), 'program', [p]), {
    by: 'review_speed',
    measure: measuresOf(p)[0],
  });

/** The URL each chart of the compare view reads: both programs, under the other filters. */
export const COMPARE_URLS = {
  summary,
  facets,
  types: (s: State) =>
    withParams('/api/crosstab', withoutProgram(s.filters), {
      rows: 'treatment_type',
      cols: 'program',
    }),
  trend: (s: State) =>
    withParams('/api/trend', withoutProgram(s.filters), { interval: 'year', by: 'program' }),
  waitDWC: compareWait('DWC'),
  waitDMHC: compareWait('DMHC'),
} satisfies Urls & Record<`wait${Program}`, unknown>;

/** The URLs the page in view reads: the compare view, or a program's topic. */
export function pageUrls(s: State): Urls {
  if (s.view.show === 'compare') return COMPARE_URLS;
  if (s.view.topic === 'why') return WHY_URLS;
  return s.view.topic === 'time' ? WAIT_URLS : RATE_URLS;
}

/**
 * Asks for every view's data at once, before any chart renders: charts re-drawing with their
 * old data took 60 ms on a filter change before the last of them had asked for its new data.
 */
let prefetched = new Set<string>();
export function prefetch(s: State): void {
  const urls = Object.values(pageUrls(s)).map((url) => url(s));
  // Only what changed: a view whose URL is the same already has its data.
  for (const url of urls) if (!prefetched.has(url)) request(url);
  prefetched = new Set(urls);
}

/** Every service under the filters, as CSV. */
export const exportUrl = (filters: URLSearchParams | string) => `/api/export.csv?${filters}`;

/** The API's URL comparing slice a with slice b, each a filter query string. */
export const compareUrl = (a: string, b: string) =>
  `/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

/** One letter or health-plan case, whole. */
export const letterUrl = (id: string) => `/api/letters/${encodeURIComponent(id)}`;

/** Suggestions for what was typed in the treatment search. */
export const suggestUrl = (typed: string) => `/api/suggest?q=${encodeURIComponent(typed)}`;

/** How many letters a drill-down of review time lists: each once, as its bar counts them. */
export const letterCountUrl = (filters: string, m: MeasureName) =>
  `/api/timeliness?${filters}&by=program&measure=${m}`;

/** A page of services (or, with `&measure=`, letters) under a query, after a cursor. */
export const itemsUrl = (query: string, cursor?: string) =>
  `/api/items?${query}&limit=${PAGE_ROWS}${cursor ? `&cursor=${cursor}` : ''}`;

/** The URL of a service's raw treatment names under the view's filters, most frequent first. */
export const variantsUrl = (filters: URLSearchParams, service: string) =>
  withParams('/api/rates', filters, {
    service,
    by: 'treatment',
    sort: 'n',
    limit: String(MAX_ROWS),
  });
