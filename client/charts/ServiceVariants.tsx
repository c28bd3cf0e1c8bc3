import type { Rates } from '../../model/api.ts';
import { useApi } from '../data/fetch.ts';
import { num } from '../data/format.ts';
import { MAX_ROWS } from '../../model/limits.ts';
import { variantsUrl } from '../data/urls.ts';
import type { State } from '../data/url-state.ts';
import { figures, RateCells } from './RateTable.tsx';

/**
 * The names the letters wrote for one service, as rows under its row in Top treatments, each
 * with n, rate and interval: their n add up to the service's.
 */
export function ServiceVariants({ service, state }: { service: string; state: State }) {
  const { data, error } = useApi<Rates>(variantsUrl(state.filters, service));
  const rows = data?.rows ?? [];
  const note = error
    ? `Could not load the names: ${error}`
    : !data
      ? 'Loading the names…'
      : rows.length === MAX_ROWS
        ? `The ${num(MAX_ROWS)} most frequent names.`
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
