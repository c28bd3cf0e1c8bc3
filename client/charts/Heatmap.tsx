import type { ReactNode } from 'react';
import { downloadCsv, metric, num, pct, useApi, VIEW_URLS, type Cell } from '../data/fetch.ts';
import { dimension, valueLabel, type DimensionName } from '../../model/dimensions.ts';
import { Card } from './Card.tsx';
import { drillFilters, encodeDrill, type DrillKey } from '../data/drill.ts';
import { heatmapOf } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';

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
export function Heatmap(props: {
  state: State;
  onState: (s: State) => void;
  axes?: Axes;
  url?: string;
  controls?: ReactNode;
}) {
  const { state, onState } = props;
  const { data, error, loading } = useApi<{ cells: Cell[] }>(
    props.url ?? VIEW_URLS.crosstab(state),
  );
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
  const open = (row: string, col: string) =>
    onState({
      ...state,
      view: {
        ...state.view,
        drill: encodeDrill(keys(row, col)),
        drill_measure: '',
        letter: '',
        item: '',
      },
    });
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
              const m = metric(cell, which);
              const drilled = drillFilters(state.filters, keys(r, c));
              const text = (
                <>
                  {pct(m.rate)}
                  <small>
                    n={num(cell.n)}
                    {cell.low_n ? ' low n' : ''}
                  </small>
                  <span className="visually-hidden">{` ${m.word}, 95% interval ${pct(m.low)} to ${pct(m.high)}: ${valueLabel(axes.rows, r)}, ${valueLabel(axes.cols, c)}`}</span>
                </>
              );
              // Lighter for lower rates; even the darkest shade keeps dark text readable (WCAG AA).
              const light = Math.round(96 - (m.rate ?? 0) * 30);
              return (
                <td
                  key={c}
                  style={{ background: `hsl(212, 65%, ${light}%)` }}
                  className={cell.low_n ? 'low-n' : ''}
                >
                  {'reason' in drilled ? (
                    // No filter lists this cell's services: say why rather than fail.
                    <span className="cell" title={`Not listed: ${drilled.reason}`}>
                      {text}
                    </span>
                  ) : (
                    <button type="button" className="cell" onClick={() => open(r, c)}>
                      {text}
                    </button>
                  )}
                </td>
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
      loading={loading}
      error={error}
      empty={cells.length === 0}
      summary={biggest ? sentence(biggest, which, axes) : ''}
      controls={props.controls}
      onDownload={() => downloadCsv(`imr-${axes.rows}-by-${axes.cols}.csv`, cells)}
      chart={table}
      table={table}
    />
  );
}
