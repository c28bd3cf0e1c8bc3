import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { NOT_STATED } from '../../model/values.ts';
import { downloadCsv, num, useApi, VIEW_URLS, type Timeliness } from '../data/fetch.ts';
import { Card } from './Card.tsx';
import type { State } from '../data/url-state.ts';
import { days, measureLabel, measureOf } from '../data/review-time.ts';
import { NO_WAITS, WaitTable, waitSentence } from './WaitTable.tsx';

/** The median review time over time, with the band from the 25th to the 75th percentile. */
export function WaitTrend({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { data, error, loading } = useApi<Timeliness>(VIEW_URLS.waitTrend(state));
  const interval = state.view.wait_interval === 'month' ? 'month' : 'year';
  const rows = data?.rows ?? [];
  const dated = rows.filter((r) => r.key !== NOT_STATED);
  const undated = rows.find((r) => r.key === NOT_STATED);
  const points = dated.map((r) => ({
    period: r.key,
    median: r.median_days,
    band: [r.p25_days, r.p75_days],
    n: r.n,
  }));
  const title = `${measureLabel(measureOf(state))} over time`;
  const last = dated.at(-1);
  const top = Math.max(35, ...dated.map((r) => r.p75_days ?? 0));
  return (
    <Card
      title={title}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      emptyText={NO_WAITS}
      summary={
        (last ? `${waitSentence(last)}.` : '') +
        (undated
          ? ` ${num(undated.n)} letters or cases have no ${interval} and are not shown.`
          : '')
      }
      onDownload={() => downloadCsv(`imr-review-time-by-${interval}.csv`, rows)}
      controls={
        <span>
          <label htmlFor="wait-interval">Interval</label>{' '}
          <select
            id="wait-interval"
            value={interval}
            onChange={(e) =>
              onState({ ...state, view: { ...state.view, wait_interval: e.target.value } })
            }
          >
            <option value="year">year</option>
            <option value="month">month (workers' comp letters only)</option>
          </select>
        </span>
      }
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
        <div
          role="figure"
          aria-label={`${title}: median line with the 25th to 75th percentile band; open the table for the numbers`}
        >
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart data={points} margin={{ top: 8, left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="period"
                tick={{ fontSize: 12 }}
                interval={Math.max(0, Math.ceil(points.length / 8) - 1)}
              />
              <YAxis domain={[0, Math.ceil(top / 10) * 10]} unit=" d" width={56} />
              <Tooltip
                formatter={(v, name, item) =>
                  Array.isArray(v)
                    ? [`${days(v[0])}–${days(v[1])}`, '25th–75th percentile']
                    : [`${days(v as number)} (n=${num((item.payload as { n: number }).n)})`, name]
                }
              />
              <ReferenceLine
                y={30}
                stroke="#b8562b"
                strokeDasharray="4 4"
                label={{ value: '30-day limit', fontSize: 11, position: 'insideTopRight' }}
              />
              <Area
                dataKey="band"
                stroke="none"
                fill="#2f5f96"
                fillOpacity={0.2}
                isAnimationActive={false}
              />
              <Line
                dataKey="median"
                name="Median"
                stroke="#2f5f96"
                dot={points.length < 30}
                strokeWidth={2}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
