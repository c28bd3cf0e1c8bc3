import { downloadCsv, metric, num, pct, useApi, VIEW_URLS, type Cell } from './api.ts';
import { dimension } from '../model/dimensions.ts';
import { Card } from './Card.tsx';
import { drillFilters, encodeDrill, type DrillKey } from './drill.ts';
import type { State } from './state.ts';

const COLS = dimension('guideline_source').values ?? [];
const keys = (row: string, col: string): DrillKey[] => [
  ['category', row],
  ['guideline_source', col],
];

/** Category × guideline source: each cell's n and rate, shaded by rate; a cell opens its services. */
export function Heatmap({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { data, error, loading } = useApi<{ cells: Cell[] }>(VIEW_URLS.crosstab(state));
  const cells = data?.cells ?? [];
  const rows = [...new Set(cells.map((c) => c.row))];
  const cols = COLS.filter((c) => cells.some((x) => x.col === c));
  const at = new Map(cells.map((c) => [`${c.row}|${c.col}`, c]));
  const which = state.view.metric;
  const biggest = [...cells].sort((a, b) => b.n - a.n)[0];
  const open = (row: string, col: string) =>
    onState({
      ...state,
      view: {
        ...state.view,
        drill: encodeDrill(keys(row, col)),
        letter: '',
        item: '',
      },
    });
  const table = (
    <table className="heatmap">
      <caption className="visually-hidden">Category by guideline source</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          {cols.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th scope="row">{r}</th>
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
                  <span className="visually-hidden">{` ${m.word}, 95% interval ${pct(m.low)} to ${pct(m.high)}: ${r}, ${c}`}</span>
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
      title="Treatment category × guideline cited"
      loading={loading}
      error={error}
      empty={cells.length === 0}
      summary={
        biggest
          ? `${biggest.row} citing ${biggest.col}: ${num(biggest.n)} services, ${pct(metric(biggest, which).rate)} ${metric(biggest, which).word} (${pct(metric(biggest, which).low)}–${pct(metric(biggest, which).high)}).`
          : ''
      }
      onDownload={() => downloadCsv('imr-category-by-guideline.csv', cells)}
      chart={table}
      table={table}
    />
  );
}
