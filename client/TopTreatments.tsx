import { downloadCsv, metric, num, pct, useApi, VIEW_URLS, type RateRow } from './api.ts';
import { Card } from './Card.tsx';
import { withValues, type State } from './state.ts';

/** The most frequent treatments under the filters, with n and rate; a name filters by it. */
export function TopTreatments({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { data, error, loading } = useApi<{ rows: RateRow[] }>(VIEW_URLS.treatments(state));
  const rows = data?.rows ?? [];
  const which = state.view.metric;
  const top = rows[0];
  const table = (
    <table>
      <caption className="visually-hidden">Top treatments</caption>
      <thead>
        <tr>
          <th scope="col">Treatment</th>
          <th scope="col">n</th>
          <th scope="col">Rate</th>
          <th scope="col">95% interval</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const m = metric(r, which);
          return (
            <tr key={r.key}>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    onState({ ...state, filters: withValues(state.filters, 'treatment', [r.key]) })
                  }
                >
                  {r.key}
                </button>
              </td>
              <td>{num(r.n)}</td>
              <td>{pct(m.rate)}</td>
              <td>
                {pct(m.low)}–{pct(m.high)}
                {r.low_n ? ' (low n)' : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <Card
      title="Top treatments"
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={
        top
          ? `${top.key}: ${num(top.n)} services, ${pct(metric(top, which).rate)} ${metric(top, which).word} (${pct(metric(top, which).low)}–${pct(metric(top, which).high)}).`
          : ''
      }
      onDownload={() => downloadCsv('imr-top-treatments.csv', rows)}
      chart={table}
      table={table}
    />
  );
}
