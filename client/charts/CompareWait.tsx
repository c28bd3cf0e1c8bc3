import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LOW_N, PROGRAM_LABELS } from '../../model/api.ts';
import { MEASURES, measuresOf } from '../../model/measures.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { downloadCsv, num, useApi, type Timeliness, type TimelinessRow } from '../data/fetch.ts';
import { BarWithInterval, Label, LowNPattern } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { PROGRAM_STYLE } from '../data/compare-rows.ts';
import { encodeDrill, drillFilters } from '../data/drill.ts';
import { NARROW, useMedia } from './media.ts';
import { withoutProgram } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';
import { dayAxis, days } from '../data/review-time.ts';
import { NO_WAITS, WaitTable, waitSentence } from './WaitTable.tsx';

const TITLE = 'Review time by review speed, both programs';

/** One program's review time by speed, in its first measure (days to decision, days to review). */
function useProgram(state: State, p: Program) {
  const q = withoutProgram(state.filters);
  q.set('program', p);
  q.set('by', 'review_speed');
  q.set('measure', measuresOf(p)[0]);
  const { data, error, loading } = useApi<Timeliness>(`/api/timeliness?${q}`);
  return { rows: data?.rows ?? [], error, loading };
}

type Row = TimelinessRow & { program: Program; label: string; reason: string | null };

/** Each program's median review time by review speed, side by side; a bar opens its letters. */
export function CompareWait({ state, onState }: { state: State; onState: (s: State) => void }) {
  // One request a program, each in its own first measure.
  const dwc = useProgram(state, 'DWC');
  const dmhc = useProgram(state, 'DMHC');
  const answers = [
    { p: 'DWC' as const, ...dwc },
    { p: 'DMHC' as const, ...dmhc },
  ] satisfies { p: Program }[];
  const rows: Row[] = answers.flatMap(({ p, rows }) =>
    rows.map((r) => {
      const drilled = drillFilters(state.filters, [
        ['review_speed', r.key],
        ['program', p],
      ]);
      const label = `${PROGRAM_STYLE[p].short} · ${r.key} (n=${num(r.n)})`;
      return { ...r, program: p, label, reason: 'reason' in drilled ? drilled.reason : null };
    }),
  );
  const narrow = useMedia(NARROW);
  const { top, ticks } = dayAxis(Math.max(1, ...rows.map((r) => r.p75_days ?? 0)));
  const bars = rows.map((r) => ({
    ...r,
    rate: (r.median_days ?? 0) / top,
    low: (r.p25_days ?? 0) / top,
    high: (r.p75_days ?? 0) / top,
    low_n: r.n < LOW_N,
  }));
  const open = (r: Row) => {
    if (r.reason !== null) return;
    const drill = encodeDrill([
      ['review_speed', r.key],
      ['program', r.program],
    ]);
    const drill_measure = measuresOf(r.program)[0];
    onState({ ...state, view: { ...state.view, drill, drill_measure, letter: '', item: '' } });
  };
  const said = PROGRAMS.flatMap((p) => {
    const first = rows.find((r) => r.program === p);
    const measure = MEASURES[measuresOf(p)[0]].label.toLowerCase();
    return first ? [`${PROGRAM_LABELS[p]}, ${measure}, ${waitSentence(first)}`] : [];
  });
  const note = "Each program counts its own span: read what each measures on its program's page.";
  return (
    <Card
      title={TITLE}
      loading={answers.some((a) => a.loading)}
      error={answers.find((a) => a.error)?.error ?? null}
      empty={rows.length === 0}
      emptyText={NO_WAITS}
      summary={said.length ? `${said.join('; ')}. ${note}` : ''}
      onDownload={() =>
        downloadCsv(
          'imr-compare-review-time.csv',
          rows.map(({ reason: _, label: __, ...r }) => r),
        )
      }
      table={
        <WaitTable
          caption={TITLE}
          keys={['Program', 'Measure', 'Review speed']}
          rows={rows}
          id={(r) => `${r.program}|${r.key}`}
          attributes={(r) => ({ 'data-program': r.program, 'data-key': r.key })}
          cells={(r) => (
            <>
              <td>{PROGRAM_LABELS[r.program]}</td>
              <td>{MEASURES[measuresOf(r.program)[0]].label}</td>
              <td>
                <button type="button" className="link" onClick={() => open(r)}>
                  {r.key}
                </button>
              </td>
            </>
          )}
        />
      }
      chart={
        <div
          role="figure"
          aria-label={`${TITLE}: median days with the 25th to 75th percentile; open the table for the numbers`}
        >
          <ResponsiveContainer width="100%" height={40 + bars.length * 30}>
            <BarChart data={bars} layout="vertical" margin={{ left: 8, right: 24 }}>
              <LowNPattern />
              <CartesianGrid
                horizontal={false}
                verticalCoordinatesGenerator={({ offset }) =>
                  ticks.map((q) => offset.left! + q * offset.width!)
                }
              />
              <XAxis
                type="number"
                domain={[0, 1]}
                ticks={ticks}
                tickFormatter={(v: number) => `${Math.round(v * top)} d`}
                interval={0}
              />
              <YAxis
                type="category"
                dataKey="label"
                width={narrow ? 130 : 240}
                interval={0}
                tick={(p: object) => <Label {...p} max={narrow ? 18 : 36} />}
              />
              <Tooltip
                formatter={(_v, _n, item) => {
                  const r = item.payload as Row;
                  return [
                    `median ${days(r.median_days)} (${days(r.p25_days)}–${days(r.p75_days)}), n=${num(r.n)}`,
                    PROGRAM_LABELS[r.program],
                  ];
                }}
              />
              <Bar
                dataKey="rate"
                isAnimationActive={false}
                background={{ fill: 'transparent' }}
                shape={(p: unknown) =>
                  BarWithInterval({
                    ...(p as object),
                    fill: PROGRAM_STYLE[(p as { payload: Row }).payload.program].color,
                  })
                }
                onClick={(d) => open((d as unknown as { payload: Row }).payload)}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
