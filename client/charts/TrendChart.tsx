import { useState } from 'react';
import type { Trend } from '../../model/api.ts';
import { downloadCsv } from '../data/csv.ts';
import { eventsFor, periodOf } from '../data/events.ts';
import { useApi } from '../data/fetch.ts';
import { metric, metricWord, num, pct } from '../data/format.ts';
import { menuOf } from '../data/program-choice.ts';
import { RATE_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { Card } from './Card.tsx';
import { EventFlag, EventList } from './Events.tsx';
import { LineFrame } from './LineFrame.tsx';
import { TrendTable } from './TrendTable.tsx';
import { Choice } from './Choice.tsx';
import { pointsBy, topKeys } from '../data/trend-points.ts';

const COLORS = ['#2f5f96', '#b8562b', '#2e8540', '#7a4a9c', '#8a6d00'];
const INTERVALS = { month: 'month', quarter: 'quarter', year: 'year' };

/** The rate over time by month, quarter or year, with 95% bands, optionally split (top five keys). */
export function TrendChart(props: StateProps) {
  const { state } = props;
  const { interval, split, metric: which } = state.view;
  const answer = useApi<Trend>(RATE_URLS.trend(state));
  const { data } = answer;
  const rows = data?.rows ?? [];
  const keys = topKeys(rows, 5);
  const period = (p: string) => p.slice(0, interval === 'year' ? 4 : 7);
  const points = pointsBy(rows, keys, period, (r) => metric(r, which));
  // Policy events of the programs in view, marked at their period when the chart has it.
  const [chosen, setChosen] = useState<string | null>(null);
  const events = eventsFor(state);
  const periods = new Set(points.map((p) => String(p.period)));
  const marked = events
    .map((e) => ({ event: e, period: periodOf(e.date, interval) }))
    .filter((m) => periods.has(m.period));
  const eventsOf = (p: string) =>
    marked.filter((m) => m.period === p.slice(0, m.period.length)).map((m) => m.event.label);
  const last = rows.filter((r) => r.key === keys[0]).at(-1);
  const m = last && metric(last, which);
  const title = `${metricWord(which)} rate over time`;
  const splits = { '': 'nothing', ...menuOf('splitMenu', state, split) };
  const undated = data?.undated
    ? ` ${num(data.undated)} services have no decision date and are not shown.`
    : '';
  return (
    <Card
      title={title}
      summary={
        last && m
          ? `${period(last.period)}${split ? `, ${last.key}` : ''}: ${num(last.n)} services, ${pct(m.rate)} ${m.word} (${pct(m.low)}–${pct(m.high)}).${undated}`
          : ''
      }
      loaded={answer}
      empty={rows.length === 0}
      onDownload={() => downloadCsv(`imr-trend-${interval}.csv`, rows)}
      controls={
        <>
          <Choice {...props} choice="interval" label="Interval" options={INTERVALS} />
          <Choice {...props} choice="split" label="Split by" options={splits} />
        </>
      }
      table={
        <TrendTable
          caption={title}
          heads={['Period', 'Key', 'Rate']}
          which={which}
          rows={rows}
          period={(r) => r.period}
          keyLabel={(r) => r.key}
          events={(r) => eventsOf(r.period)}
        />
      }
      chart={
        <LineFrame
          describe={`${title}: line chart with 95% bands`}
          points={points}
          x="period"
          series={keys.map((k, i) => ({ key: k, color: COLORS[i], dot: false }))}
          marks={marked.map(({ event: e, period: x }) => {
            const label = <EventFlag event={e} onPick={() => setChosen(e.date)} />;
            return { id: `${e.program}${e.date}`, x, color: '#8a6d00', dash: '2 3', label };
          })}
          legend
        >
          <EventList state={state} events={events} chosen={chosen} onPick={setChosen} />
        </LineFrame>
      }
    />
  );
}
