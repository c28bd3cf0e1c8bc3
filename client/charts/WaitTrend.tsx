import type { Timeliness } from '../../model/api.ts';
import { NOT_STATED } from '../../model/values.ts';
import { downloadCsv } from '../data/csv.ts';
import { useApi } from '../data/fetch.ts';
import { days, num } from '../data/format.ts';
import { measureLabel, measureOf } from '../data/review-time.ts';
import { WAIT_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { Card } from './Card.tsx';
import { LineFrame } from './LineFrame.tsx';
import { Choice } from './Choice.tsx';
import { NO_WAITS, WaitTable, waitSentence } from './WaitTable.tsx';

const INTERVALS = { year: 'year', month: "month (workers' comp letters only)" };
/** The legal limit of a standard review, marked across the chart. */
const LIMIT = { value: '30-day limit', fontSize: 11, position: 'insideTopRight' } as const;

/** The median review time over time, with the band from the 25th to the 75th percentile. */
export function WaitTrend(props: StateProps) {
  const { state } = props;
  const answer = useApi<Timeliness>(WAIT_URLS.waitTrend(state));
  const { data } = answer;
  const interval = state.view.wait_interval === 'month' ? 'month' : 'year';
  const rows = data?.rows ?? [];
  const dated = rows.filter((r) => r.key !== NOT_STATED);
  const undated = rows.find((r) => r.key === NOT_STATED);
  const points = dated.map((r) => ({
    period: r.key,
    median: r.median_days,
    'median band': [r.p25_days, r.p75_days],
    'median n': r.n,
  }));
  const title = `${measureLabel(measureOf(state))} over time`;
  const last = dated.at(-1);
  const left = undated
    ? ` ${num(undated.n)} letters or cases have no ${interval} and are not shown.`
    : '';
  return (
    <Card
      title={title}
      summary={(last ? `${waitSentence(last)}.` : '') + left}
      loaded={answer}
      empty={rows.length === 0}
      emptyText={NO_WAITS}
      onDownload={() => downloadCsv(`imr-review-time-by-${interval}.csv`, rows)}
      controls={<Choice {...props} choice="wait_interval" label="Interval" options={INTERVALS} />}
      table={
        <WaitTable
          caption={title}
          keys={[interval === 'month' ? 'Month' : 'Year']}
          rows={rows}
          id={(r) => r.key}
          cells={(r) => <td>{r.key}</td>}
        />
      }
      chart={
        <LineFrame
          describe={`${title}: median line with the 25th to 75th percentile band`}
          points={points}
          x="period"
          daysTop={Math.max(35, ...dated.map((r) => r.p75_days ?? 0))}
          format={days}
          series={[
            {
              key: 'median',
              name: 'Median',
              color: '#2f5f96',
              dot: points.length < 30,
              bandName: '25th–75th percentile',
              bandOpacity: 0.2,
            },
          ]}
          marks={[{ id: 'limit', y: 30, color: '#b8562b', dash: '4 4', label: LIMIT }]}
        />
      }
    />
  );
}
