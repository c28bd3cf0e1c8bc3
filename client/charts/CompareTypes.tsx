import type { Crosstab } from '../../model/api.ts';
import { PROGRAM_FACTS, PROGRAM_LABELS } from '../../model/programs.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { barKeys, typeRows, typeSummary, type TypeRow } from '../data/compare-rows.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { num, pct, rateText } from '../data/format.ts';
import { COMPARE_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { BarFrame, type BarSeries } from './BarFrame.tsx';
import { BarWithInterval } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { RateTable } from './RateTable.tsx';

const TITLE = 'Uphold rate by treatment type, both programs';

/** One program's bar with its interval, and its rate and n written beyond the track. */
const shapeOf = (p: Program) =>
  function ProgramShape(props: unknown) {
    const o = props as {
      payload: TypeRow;
      background: { x: number; width: number };
      y: number;
      height: number;
    };
    const r = o.payload[p];
    if (!r) return <g />;
    const x = o.background.x + o.background.width + 6;
    return (
      <g className={`bar-${p}`} data-type={o.payload.key}>
        {BarWithInterval({ ...o, payload: r, fill: PROGRAM_FACTS[p].color })}
        <text x={x} y={o.y + o.height / 2} dy={4} fontSize={11} fill="#333">
          {pct(r.rate)} n={num(r.n)}
        </text>
      </g>
    );
  };

/** Uphold rate by common treatment type, the two programs side by side; a bar opens its services. */
export function CompareTypes({ state, onState }: StateProps) {
  const answer = useApi<Crosstab>(COMPARE_URLS.types(state));
  const { data } = answer;
  const rows = typeRows(data?.cells ?? [], state.filters);
  // The table's rows: each type's bar in each program that has it.
  const bars = rows.flatMap((row) =>
    PROGRAMS.flatMap((p) => (row[p] ? [{ key: row.key, p, bar: row[p] }] : [])),
  );
  const open = (type: string, p: Program) => {
    if (rows.find((r) => r.key === type)?.[p]?.reason === null)
      onState(drillTo(state, barKeys(type, p)));
  };
  const series = PROGRAMS.map((p) => ({
    name: p,
    value: (r: TypeRow) => r[p]?.rate ?? 0,
    shape: shapeOf(p),
    open: (r: TypeRow) => open(r.key, p),
  })) satisfies BarSeries<TypeRow>[];
  return (
    <Card
      title={TITLE}
      summary={typeSummary(rows, pct)}
      loaded={answer}
      empty={rows.length === 0}
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
        <BarFrame
          describe={`${TITLE}: bar chart`}
          rows={rows}
          margin={{ left: 4, right: 96 }}
          labels={{ key: 'key', width: [110, 220], max: [14, 34] }}
          legend={PROGRAMS.map((p) => ({ name: p, ...PROGRAM_FACTS[p] }))}
          tooltip={(r, p) => [rateText(r[p as Program]!), PROGRAM_LABELS[p as Program]]}
          series={series}
        />
      }
    />
  );
}
