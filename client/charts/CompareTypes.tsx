import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PROGRAM_LABELS, type Cell } from '../../model/api.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { downloadCsv, num, pct, QUARTERS, useApi } from '../data/fetch.ts';
import { BarWithInterval, Label, LowNPattern } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { RateTable } from './RateTable.tsx';
import {
  drillTo,
  PROGRAM_STYLE,
  typeRows,
  typeSummary,
  type ProgramBar,
} from '../data/compare-rows.ts';
import { NARROW, useMedia } from './media.ts';
import { withoutProgram } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';

const TITLE = 'Uphold rate by treatment type, both programs';

/** One program's bar with its interval, and its rate and n written beyond the track. */
const shapeOf = (p: Program) =>
  function ProgramShape(props: unknown) {
    const o = props as { payload: Record<Program, ProgramBar> & { key: string }; background: { x: number; width: number }; y: number; height: number }; // prettier-ignore
    const r = o.payload[p];
    if (!r) return <g />;
    const x = o.background.x + o.background.width + 6;
    return (
      <g className={`bar-${p}`} data-type={o.payload.key}>
        {BarWithInterval({ ...o, payload: r, fill: PROGRAM_STYLE[p].color })}
        <text x={x} y={o.y + o.height / 2} dy={4} fontSize={11} fill="#333">
          {pct(r.rate)} n={num(r.n)}
        </text>
      </g>
    );
  };

const SHAPES = Object.fromEntries(PROGRAMS.map((p) => [p, shapeOf(p)])) as Record<
  Program,
  ReturnType<typeof shapeOf>
>;

/** Uphold rate by common treatment type, the two programs side by side; a bar opens its services. */
export function CompareTypes({ state, onState }: { state: State; onState: (s: State) => void }) {
  const q = withoutProgram(state.filters);
  q.set('rows', 'treatment_type');
  q.set('cols', 'program');
  const { data, error, loading } = useApi<{ cells: Cell[] }>(`/api/crosstab?${q}`);
  const rows = typeRows(data?.cells ?? [], state.filters);
  // The table's rows: each type's bar in each program that has it.
  const bars = rows.flatMap((row) =>
    PROGRAMS.flatMap((p) => (row[p] ? [{ key: row.key, p, bar: row[p] }] : [])),
  );
  const narrow = useMedia(NARROW);
  const open = (type: string, p: Program) => {
    if (rows.find((r) => r.key === type)?.[p]?.reason === null) onState(drillTo(state, type, p));
  };
  return (
    <Card
      title={TITLE}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={typeSummary(rows, pct)}
      onDownload={() => downloadCsv('imr-compare-treatment-types.csv', data?.cells ?? [])}
      table={
        <RateTable
          caption={TITLE}
          className="compare-types"
          keys={['Treatment type', 'Program']}
          rate="Uphold rate"
          columns={{ upheld: true }}
          rows={bars}
          id={(b) => `${b.key}|${b.p}`}
          attributes={(b) => ({ 'data-type': b.key, 'data-program': b.p })}
          cells={(b) => (
            <>
              <td>
                <button type="button" className="link" onClick={() => open(b.key, b.p)}>
                  {b.key}
                </button>
              </td>
              <td>{PROGRAM_LABELS[b.p]}</td>
            </>
          )}
          figures={(b) => b.bar}
        />
      }
      chart={
        <div role="figure" aria-label={`${TITLE}: bar chart; open the table for the numbers`}>
          <ul className="legend">
            {PROGRAMS.map((p) => (
              <li key={p}>
                <span className="swatch" style={{ background: PROGRAM_STYLE[p].color }} />
                {PROGRAM_LABELS[p]}
              </li>
            ))}
          </ul>
          <ResponsiveContainer width="100%" height={40 + rows.length * 44}>
            <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 96 }} barGap={2}>
              <LowNPattern />
              <CartesianGrid
                horizontal={false}
                verticalCoordinatesGenerator={({ offset }) =>
                  QUARTERS.map((x) => offset.left! + x * offset.width!)
                }
              />
              <XAxis
                type="number"
                domain={[0, 1]}
                ticks={QUARTERS}
                tickFormatter={pct}
                interval={0}
              />
              <YAxis
                type="category"
                dataKey="key"
                width={narrow ? 110 : 220}
                interval={0}
                tick={(t: object) => <Label {...t} max={narrow ? 14 : 34} />}
              />
              <Tooltip
                formatter={(_v, name, item) => {
                  const p = String(name) as Program;
                  const r = (item.payload as Record<Program, ProgramBar>)[p];
                  return [
                    `${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}), n=${num(r.n)}`,
                    PROGRAM_LABELS[p],
                  ];
                }}
              />
              {PROGRAMS.map((p) => (
                <Bar
                  key={p}
                  name={p}
                  dataKey={(r: Record<Program, ProgramBar | undefined>) => r[p]?.rate ?? 0}
                  isAnimationActive={false}
                  background={{ fill: 'transparent' }}
                  shape={SHAPES[p]}
                  onClick={(d) =>
                    open((d as unknown as { payload: { key: string } }).payload.key, p)
                  }
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
