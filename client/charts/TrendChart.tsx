import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  downloadCsv,
  metric,
  num,
  pct,
  QUARTERS,
  useApi,
  VIEW_URLS,
  type Trend,
} from '../data/fetch.ts';
import { useState } from 'react';
import { EventFlag, EventList, eventsFor, periodOf } from './Events.tsx';
import { menuOf } from '../data/program-choice.ts';
import { Card } from './Card.tsx';
import { figures, RateTable } from './RateTable.tsx';
import type { State } from '../data/url-state.ts';

const COLORS = ['#2f5f96', '#b8562b', '#2e8540', '#7a4a9c', '#8a6d00'];

/** The rate over time by month, quarter or year, with 95% bands, optionally split (top five keys). */
export function TrendChart({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { interval, split, metric: which } = state.view;
  const SPLITS = { '': 'nothing', ...menuOf('splitMenu', state, split) };
  const { data, error, loading } = useApi<Trend>(VIEW_URLS.trend(state));
  const rows = data?.rows ?? [];
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
  const keys = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k]) => k);
  const byPeriod = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    if (!keys.includes(r.key)) continue;
    const m = metric(r, which);
    const p = byPeriod.get(r.period) ?? { period: r.period.slice(0, interval === 'year' ? 4 : 7) };
    Object.assign(p, { [r.key]: m.rate, [`${r.key} band`]: [m.low, m.high], [`${r.key} n`]: r.n });
    byPeriod.set(r.period, p);
  }
  const points = [...byPeriod.values()];
  // Policy events of the programs in view, marked at their period when the chart has it.
  const [chosen, setChosen] = useState<string | null>(null);
  const events = eventsFor(state);
  const periods = new Set(points.map((p) => String(p.period)));
  const marked = events
    .map((e) => ({ event: e, period: periodOf(e.date, interval) }))
    .filter((m) => periods.has(m.period));
  const eventsOf = (period: string) =>
    marked.filter((m) => m.period === period.slice(0, m.period.length)).map((m) => m.event.label);
  const last = rows.filter((r) => r.key === keys[0]).at(-1);
  const word = which === 'overturn' ? 'Overturn' : 'Uphold';
  const view = (patch: Partial<State['view']>) =>
    onState({ ...state, view: { ...state.view, ...patch } });
  return (
    <Card
      title={`${word} rate over time`}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={
        last
          ? `${last.period.slice(0, interval === 'year' ? 4 : 7)}${split ? `, ${last.key}` : ''}: ${num(last.n)} services, ${pct(metric(last, which).rate)} ${metric(last, which).word} (${pct(metric(last, which).low)}–${pct(metric(last, which).high)}).` +
            (data?.undated
              ? ` ${num(data.undated)} services have no decision date and are not shown.`
              : '')
          : ''
      }
      onDownload={() => downloadCsv(`imr-trend-${interval}.csv`, rows)}
      controls={
        <>
          <span>
            <label htmlFor="trend-interval">Interval</label>{' '}
            <select
              id="trend-interval"
              value={interval}
              onChange={(e) => view({ interval: e.target.value })}
            >
              <option value="month">month</option>
              <option value="quarter">quarter</option>
              <option value="year">year</option>
            </select>
          </span>
          <span>
            <label htmlFor="trend-split-by">Split by</label>{' '}
            <select
              id="trend-split-by"
              value={split}
              onChange={(e) => view({ split: e.target.value })}
            >
              {Object.entries(SPLITS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </span>
        </>
      }
      table={
        <RateTable
          caption={`${word} rate over time`}
          keys={['Period', 'Key', 'Policy event']}
          rate="Rate"
          rows={rows}
          id={(r) => `${r.period}${r.key}`}
          cells={(r) => (
            <>
              <td>{r.period}</td>
              <td>{r.key}</td>
              <td>{eventsOf(r.period).join('; ')}</td>
            </>
          )}
          figures={(r) => figures(r, which)}
        />
      }
      chart={
        <div
          role="figure"
          aria-label={`${word} rate over time: line chart with 95% bands; open the table for the numbers`}
        >
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart data={points} margin={{ top: 8, left: 8, right: 24 }}>
              {/* Ticks, intervals (at most 8 labels) and grid lines given, not found: recharts would
                measure every label in the DOM. */}
              <CartesianGrid
                strokeDasharray="3 3"
                vertical={false}
                horizontalCoordinatesGenerator={({ offset }) =>
                  QUARTERS.map((q) => offset.top! + q * offset.height!)
                }
              />
              <XAxis
                dataKey="period"
                tick={{ fontSize: 12 }}
                interval={Math.max(0, Math.ceil(points.length / 8) - 1)}
              />
              <YAxis
                domain={[0, 1]}
                ticks={QUARTERS}
                tickFormatter={(v: number) => pct(v)}
                interval={0}
              />
              <Tooltip
                formatter={(v, name, item) =>
                  Array.isArray(v)
                    ? [`${pct(v[0])}–${pct(v[1])}`, name]
                    : [
                        `${pct(v as number)} (n=${num(Number((item.payload as Record<string, number>)[`${name} n`] ?? 0))})`,
                        name,
                      ]
                }
              />
              <Legend />
              {keys.map((k, i) => (
                <Area
                  key={`${k}b`}
                  dataKey={`${k} band`}
                  stroke="none"
                  fill={COLORS[i]}
                  fillOpacity={0.15}
                  isAnimationActive={false}
                  legendType="none"
                />
              ))}
              {marked.map(({ event: e, period }) => (
                <ReferenceLine
                  key={`${e.program}${e.date}`}
                  x={period}
                  stroke="#8a6d00"
                  strokeDasharray="2 3"
                  label={<EventFlag event={e} onPick={() => setChosen(e.date)} />}
                />
              ))}
              {keys.map((k, i) => (
                <Line
                  key={k}
                  dataKey={k}
                  stroke={COLORS[i]}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
          <EventList state={state} events={events} chosen={chosen} onPick={setChosen} />
        </div>
      }
    />
  );
}
