import { useState } from 'react';
import { downloadCsv, metric, num, pct, useApi, VIEW_URLS, type RateRow } from '../data/fetch.ts';
import { Card } from './Card.tsx';
import { drillFilters, encodeDrill } from '../data/drill.ts';
import { figures, RateTable } from './RateTable.tsx';
import { ServiceVariants } from './ServiceVariants.tsx';
import type { State } from '../data/url-state.ts';

/**
 * The most frequent services under the filters, with n, rate and interval. A service's name
 * lists its services (a drill-down, `service=` exactly); its ▸ shows the raw names behind it.
 */
export function TopTreatments({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { data, error, loading } = useApi<{ rows: RateRow[] }>(VIEW_URLS.treatments(state));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = data?.rows ?? [];
  const which = state.view.metric;
  const top = rows[0];
  const toggle = (key: string) => {
    const next = new Set(open);
    if (!next.delete(key)) next.add(key);
    setOpen(next);
  };
  const drill = (key: string) =>
    onState({
      ...state,
      view: {
        ...state.view,
        drill: encodeDrill([['service', key]]),
        drill_measure: '',
        letter: '',
        item: '',
      },
    });
  const table = (
    <RateTable
      caption="Top treatments, by service"
      className="top-services"
      keys={['Service']}
      rate="Rate"
      columns={{ lowN: 'note' }}
      rows={rows}
      id={(r) => r.key}
      attributes={() => ({ className: 'service' })}
      cells={(r) => {
        const drilled = drillFilters(state.filters, [['service', r.key]]);
        const expanded = open.has(r.key);
        return (
          <th scope="row">
            <button
              type="button"
              className="expand"
              aria-expanded={expanded}
              aria-label={`Names written for ${r.key}`}
              onClick={() => toggle(r.key)}
            >
              {expanded ? '▾' : '▸'}
            </button>{' '}
            {'reason' in drilled ? (
              <>
                {r.key} <small className="note">(not listed: {drilled.reason})</small>
              </>
            ) : (
              <button type="button" className="link" onClick={() => drill(r.key)}>
                {r.key}
              </button>
            )}
          </th>
        );
      }}
      figures={(r) => figures(r, which)}
      after={(r) => open.has(r.key) && <ServiceVariants service={r.key} state={state} />}
    />
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
