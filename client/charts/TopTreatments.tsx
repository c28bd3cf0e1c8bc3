import { useState } from 'react';
import type { Rates } from '../../model/api.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { metric, num, pct } from '../data/format.ts';
import { RATE_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { Card } from './Card.tsx';
import { figures, RateTable } from './RateTable.tsx';
import { ServiceVariants } from './ServiceVariants.tsx';
import { KeyLink } from './Table.tsx';

/** A service's name: a link listing its services (or why they cannot be listed), and ▸ its names. */
function ServiceName(props: {
  name: string;
  reason: string | null;
  expanded: boolean;
  toggle: () => void;
  open: () => void;
}) {
  return (
    <th scope="row">
      <button
        type="button"
        className="expand"
        aria-expanded={props.expanded}
        aria-label={`Names written for ${props.name}`}
        onClick={props.toggle}
      >
        {props.expanded ? '▾' : '▸'}
      </button>{' '}
      <KeyLink text={props.name} reason={props.reason} open={props.open} />
    </th>
  );
}

/**
 * The most frequent services under the filters, with n, rate and interval. A service's name
 * lists its services (a drill-down, `service=` exactly); its ▸ shows the raw names behind it.
 */
export function TopTreatments({ state, onState }: StateProps) {
  const answer = useApi<Rates>(RATE_URLS.treatments(state));
  const { data } = answer;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = data?.rows ?? [];
  const which = state.view.metric;
  const m = rows[0] && metric(rows[0], which);
  const toggle = (key: string) => {
    const next = new Set(open);
    if (!next.delete(key)) next.add(key);
    setOpen(next);
  };
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
      cells={(r) => (
        <ServiceName
          name={r.key}
          reason={unlisted(state.filters, [['service', r.key]])}
          expanded={open.has(r.key)}
          toggle={() => toggle(r.key)}
          open={() => onState(drillTo(state, [['service', r.key]]))}
        />
      )}
      figures={(r) => figures(r, which)}
      after={(r) => open.has(r.key) && <ServiceVariants service={r.key} state={state} />}
    />
  );
  return (
    <Card
      title="Top treatments"
      summary={
        m
          ? `${rows[0].key}: ${num(rows[0].n)} services, ${pct(m.rate)} ${m.word} (${pct(m.low)}–${pct(m.high)}).`
          : ''
      }
      loaded={answer}
      empty={rows.length === 0}
      onDownload={() => downloadCsv('imr-top-treatments.csv', rows)}
      chart={table}
      table={table}
    />
  );
}
