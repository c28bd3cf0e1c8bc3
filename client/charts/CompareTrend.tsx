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
import { PROGRAM_LABELS, type Trend } from '../../model/api.ts';
import { EVENTS } from '../../model/events.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { EventFlag } from './Events.tsx';
import { downloadCsv, num, pct, QUARTERS, useApi } from '../data/fetch.ts';
import { Card } from './Card.tsx';
import { figures, RateTable } from './RateTable.tsx';
import { PROGRAM_STYLE } from '../data/compare-rows.ts';
import { withoutProgram } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';

const TITLE = 'Uphold rate by year, each program';

/** Each program's uphold rate by year with its 95% band (DMHC cases count in their report year). */
export function CompareTrend({ state }: { state: State }) {
  const q = withoutProgram(state.filters);
  q.set('interval', 'year');
  q.set('by', 'program');
  const { data, error, loading } = useApi<Trend>(`/api/trend?${q}`);
  const rows = (data?.rows ?? []).filter((r) => PROGRAMS.includes(r.key as Program));
  const byYear = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const year = r.period.slice(0, 4);
    const point = byYear.get(year) ?? { year };
    Object.assign(point, {
      [r.key]: r.uphold_rate,
      [`${r.key} band`]: [r.ci_low, r.ci_high],
      [`${r.key} n`]: r.n,
    });
    byYear.set(year, point);
  }
  const points = [...byYear.values()].sort((a, b) => (String(a.year) < String(b.year) ? -1 : 1));
  const shown = PROGRAMS.filter((p) => rows.some((r) => r.key === p));
  // Both programs' policy events, at their year (label on hover, and in the table).
  const years = new Set(points.map((p) => String(p.year)));
  const marked = EVENTS.filter((e) => years.has(e.date.slice(0, 4)));
  const eventsOf = (year: string, program: string) =>
    marked.filter((e) => e.date.startsWith(year) && e.program === program).map((e) => e.label);
  const latest = shown.map((p) => {
    const r = rows.filter((x) => x.key === p).at(-1)!;
    return `${PROGRAM_LABELS[p]} ${r.period.slice(0, 4)}: ${pct(r.uphold_rate)} of ${num(r.n)} upheld (${pct(r.ci_low)}–${pct(r.ci_high)})`;
  });
  return (
    <Card
      title={TITLE}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={
        latest.length
          ? `Latest year of each: ${latest.join('; ')}.` +
            (data?.undated ? ` ${num(data.undated)} services have no date and are not shown.` : '')
          : ''
      }
      onDownload={() => downloadCsv('imr-compare-by-year.csv', rows)}
      table={
        <RateTable
          caption={TITLE}
          keys={['Year', 'Program', 'Policy event']}
          rate="Uphold rate"
          rows={rows}
          id={(r) => `${r.period}${r.key}`}
          cells={(r) => (
            <>
              <td>{r.period.slice(0, 4)}</td>
              <td>{PROGRAM_LABELS[r.key as Program]}</td>
              <td>{eventsOf(r.period.slice(0, 4), r.key).join('; ')}</td>
            </>
          )}
          figures={(r) => figures(r, 'uphold')}
        />
      }
      chart={
        <div
          role="figure"
          aria-label={`${TITLE}: line chart with 95% bands; open the table for the numbers`}
        >
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart data={points} margin={{ top: 8, left: 0, right: 16 }}>
              <CartesianGrid
                strokeDasharray="3 3"
                vertical={false}
                horizontalCoordinatesGenerator={({ offset }) =>
                  QUARTERS.map((x) => offset.top! + x * offset.height!)
                }
              />
              <XAxis
                dataKey="year"
                tick={{ fontSize: 12 }}
                interval={Math.max(0, Math.ceil(points.length / 8) - 1)}
              />
              <YAxis domain={[0, 1]} ticks={QUARTERS} tickFormatter={pct} interval={0} width={50} />
              <Tooltip
                formatter={(v, name, item) =>
                  Array.isArray(v)
                    ? [`${pct(v[0])}–${pct(v[1])}`, String(name)]
                    : [
                        `${pct(v as number)} (n=${num(Number((item.payload as Record<string, number>)[`${String(name)} n`] ?? 0))})`,
                        PROGRAM_LABELS[name as Program] ?? String(name),
                      ]
                }
              />
              <Legend formatter={(v: string) => PROGRAM_LABELS[v as Program] ?? v} />
              {shown.map((p) => (
                <Area
                  key={`${p}b`}
                  dataKey={`${p} band`}
                  stroke="none"
                  fill={PROGRAM_STYLE[p].color}
                  fillOpacity={0.15}
                  isAnimationActive={false}
                  legendType="none"
                  connectNulls
                />
              ))}
              {marked.map((e) => (
                <ReferenceLine
                  key={`${e.program}${e.date}`}
                  x={e.date.slice(0, 4)}
                  stroke={PROGRAM_STYLE[e.program].color}
                  strokeDasharray="2 3"
                  label={<EventFlag event={e} />}
                />
              ))}
              {shown.map((p) => (
                <Line
                  key={p}
                  dataKey={p}
                  stroke={PROGRAM_STYLE[p].color}
                  strokeWidth={2}
                  dot={{ r: 2 }}
                  isAnimationActive={false}
                />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
