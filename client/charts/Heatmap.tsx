import type { ReactNode } from 'react';
import type { Cell, Crosstab } from '../../model/api.ts';
import { dimension, valueLabel, type DimensionName } from '../../model/dimensions.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted, type DrillKey } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { metric, num, pct } from '../data/format.ts';
import { heatmapOf } from '../data/program-choice.ts';
import { RATE_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { Card } from './Card.tsx';
import { HeatCell } from './HeatCell.tsx';

/** The columns found, in the order the dimension declares its values, any others after. */
function columns(name: DimensionName, cells: Cell[]): string[] {
  const declared: readonly string[] = dimension(name).values ?? [];
  const rank = (c: string) => (declared.includes(c) ? declared.indexOf(c) : declared.length);
  const byKey = (a: string, b: string) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  return [...new Set(cells.map((c) => c.col))].sort(byKey);
}

type Axes = Record<'rows' | 'cols', DimensionName>;

/** The largest cell in words: its keys, n, rate and interval. */
function sentence(c: Cell, which: string, axes: Axes): string {
  const m = metric(c, which);
  return `Largest cell, ${valueLabel(axes.rows, c.row)} × ${valueLabel(axes.cols, c.col)}: ${num(c.n)} services, ${pct(m.rate)} ${m.word} (${pct(m.low)}–${pct(m.high)}).`;
}

/**
 * Two dimensions' heat map: the programs' own (model/dimensions.ts), or the axes given with the
 * URL of their cross-tab. Each cell's n and rate, shaded by rate; a cell opens its services.
 */
export function Heatmap(props: StateProps & { axes?: Axes; url?: string; controls?: ReactNode }) {
  const { state, onState } = props;
  const answer = useApi<Crosstab>(props.url ?? RATE_URLS.crosstab(state));
  const { data } = answer;
  const axes = props.axes ?? heatmapOf(state);
  const [rowLabel, colLabel] = [dimension(axes.rows).label, dimension(axes.cols).label];
  const keys = (row: string, col: string): DrillKey[] => [
    [axes.rows, row],
    [axes.cols, col],
  ];
  const cells = data?.cells ?? [];
  const rows = [...new Set(cells.map((c) => c.row))];
  const cols = columns(axes.cols, cells);
  const at = new Map(cells.map((c) => [`${c.row}|${c.col}`, c]));
  const which = state.view.metric;
  const biggest = [...cells].sort((a, b) => b.n - a.n)[0];
  const table = (
    <table className="heatmap">
      <caption className="visually-hidden">{`${rowLabel} by ${colLabel.toLowerCase()}`}</caption>
      <thead>
        <tr>
          <th scope="col">{rowLabel}</th>
          {cols.map((c) => (
            <th key={c} scope="col">
              {valueLabel(axes.cols, c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th scope="row">{valueLabel(axes.rows, r)}</th>
            {cols.map((c) => {
              const cell = at.get(`${r}|${c}`);
              if (!cell) return <td key={c} />;
              return (
                <HeatCell
                  key={c}
                  cell={cell}
                  m={metric(cell, which)}
                  says={`${valueLabel(axes.rows, r)}, ${valueLabel(axes.cols, c)}`}
                  reason={unlisted(state.filters, keys(r, c))}
                  open={() => onState(drillTo(state, keys(r, c)))}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Card
      title={`${rowLabel} × ${colLabel.toLowerCase()}`}
      summary={biggest ? sentence(biggest, which, axes) : ''}
      loaded={answer}
      empty={cells.length === 0}
      controls={props.controls}
      onDownload={() => downloadCsv(`imr-${axes.rows}-by-${axes.cols}.csv`, cells)}
      chart={table}
      table={table}
    />
  );
}
