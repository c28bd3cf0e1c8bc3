import type { Trend } from '../../model/api.ts';
import { PROGRAM_FACTS, PROGRAM_LABELS } from '../../model/programs.ts';
import { EVENTS } from '../../model/events.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { downloadCsv } from '../data/csv.ts';
import { useApi } from '../data/fetch.ts';
import { metric, num, pct } from '../data/format.ts';
import { pointsBy } from '../data/trend-points.ts';
import { COMPARE_URLS } from '../data/urls.ts';
import type { State } from '../data/url-state.ts';
import { Card } from './Card.tsx';
import { EventFlag } from './Events.tsx';
import { LineFrame } from './LineFrame.tsx';
import { TrendTable } from './TrendTable.tsx';

const TITLE = 'Uphold rate by year, each program';
const year = (period: string) => period.slice(0, 4);

/** Each program's uphold rate by year with its 95% band (DMHC cases count in their report year). */
export function CompareTrend({ state }: { state: State }) {
  const answer = useApi<Trend>(COMPARE_URLS.trend(state));
  const { data } = answer;
  const rows = (data?.rows ?? []).filter((r) => PROGRAMS.includes(r.key as Program));
  const shown = PROGRAMS.filter((p) => rows.some((r) => r.key === p));
  const points = pointsBy(rows, shown, year, (r) => metric(r, 'uphold'));
  // Both programs' policy events, at their year (label on hover, and in the table).
  const years = new Set(points.map((p) => String(p.period)));
  const marked = EVENTS.filter((e) => years.has(year(e.date)));
  const eventsOf = (y: string, program: string) =>
    marked.filter((e) => e.date.startsWith(y) && e.program === program).map((e) => e.label);
  const latest = shown.map((p) => {
    const r = rows.filter((x) => x.key === p).at(-1)!;
    return `${PROGRAM_LABELS[p]} ${year(r.period)}: ${pct(r.uphold_rate)} of ${num(r.n)} upheld (${pct(r.ci_low)}–${pct(r.ci_high)})`;
  });
  const undated = data?.undated
    ? ` ${num(data.undated)} services have no date and are not shown.`
    : '';
  return (
    <Card
      title={TITLE}
      summary={latest.length ? `Latest year of each: ${latest.join('; ')}.${undated}` : ''}
      loaded={answer}
      empty={rows.length === 0}
      onDownload={() => downloadCsv('imr-compare-by-year.csv', rows)}
      table={
        <TrendTable
          caption={TITLE}
          heads={['Year', 'Program', 'Uphold rate']}
          which="uphold"
          rows={rows}
          period={(r) => year(r.period)}
          keyLabel={(r) => PROGRAM_LABELS[r.key as Program]}
          events={(r) => eventsOf(year(r.period), r.key)}
        />
      }
      chart={
        <LineFrame
          describe={`${TITLE}: line chart with 95% bands`}
          points={points}
          x="period"
          series={shown.map((p) => {
            const { color } = PROGRAM_FACTS[p];
            return { key: p, name: PROGRAM_LABELS[p], color, dot: { r: 2 }, connectBand: true };
          })}
          marks={marked.map((e) => {
            const color = PROGRAM_FACTS[e.program].color;
            return {
              id: `${e.program}${e.date}`,
              x: year(e.date),
              color,
              dash: '2 3',
              label: <EventFlag event={e} />,
            };
          })}
          legend
        />
      }
    />
  );
}
