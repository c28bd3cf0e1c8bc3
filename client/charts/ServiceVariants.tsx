import { num, useApi, type RateRow } from '../data/fetch.ts';
import { figures, RateCells } from './RateTable.tsx';
import type { State } from '../data/url-state.ts';

/** The most raw names one service's list shows (the API's most). */
const MOST = 1000;

/** The URL of a service's raw treatment names under the view's filters, most frequent first. */
export function variantsUrl(filters: URLSearchParams, service: string): string {
  const q = new URLSearchParams(filters);
  q.set('service', service);
  q.set('by', 'treatment');
  q.set('sort', 'n');
  q.set('limit', String(MOST));
  return `/api/rates?${q}`;
}

/**
 * The names the letters wrote for one service, as rows under its row in Top treatments, each
 * with n, rate and interval: their n add up to the service's.
 */
export function ServiceVariants({ service, state }: { service: string; state: State }) {
  const { data, error } = useApi<{ rows: RateRow[] }>(variantsUrl(state.filters, service));
  const rows = data?.rows ?? [];
  const note = error
    ? `Could not load the names: ${error}`
    : !data
      ? 'Loading the names…'
      : rows.length === MOST
        ? `The ${num(MOST)} most frequent names.`
        : null;
  return (
    <>
      {note && (
        <tr className="variant">
          <td colSpan={4} role={error ? 'alert' : undefined}>
            {note}
          </td>
        </tr>
      )}
      {rows.map((r) => (
        <tr key={r.key} className="variant">
          <td>
            <span className="visually-hidden">{service}, written as </span>
            {r.key}
          </td>
          <RateCells f={figures(r, state.view.metric)} lowN="note" />
        </tr>
      ))}
    </>
  );
}
