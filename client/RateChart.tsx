import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downloadCsv, metric, num, pct, QUARTERS, useApi, VIEW_URLS, type RateRow } from './api.ts';
import { menu } from '../model/dimensions.ts';
import { Card } from './Card.tsx';
import type { State } from './state.ts';

const RATE_DIMS = menu('rateMenu');

interface ShapeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: RateRow & { rate: number; low: number; high: number };
  background: { x: number; width: number };
}

// The bar and its 95% interval as a whisker; low-n bars are lighter and hatched.
function BarWithInterval(props: unknown) {
  const { x, y, width, height, payload: r, background: track } = props as ShapeProps;
  const at = (v: number) => track.x + v * track.width;
  const mid = y + height / 2;
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={Math.max(width, 0)}
        height={height}
        fill={r.low_n ? 'url(#low-n)' : '#2f5f96'}
      />
      <g stroke="#111" strokeWidth={1.5} className="interval">
        <line x1={at(r.low)} x2={at(r.high)} y1={mid} y2={mid} />
        <line x1={at(r.low)} x2={at(r.low)} y1={mid - 5} y2={mid + 5} />
        <line x1={at(r.high)} x2={at(r.high)} y1={mid - 5} y2={mid + 5} />
      </g>
    </g>
  );
}

// A label as plain text: recharts' own tick measures every word to wrap it, a forced layout each.
const Label = ({
  x,
  y,
  payload,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
}) => (
  <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#666">
    {payload?.value}
  </text>
);

/** Uphold (or overturn) rate by one dimension, with n and intervals; a bar opens its services. */
export function RateChart({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { dim, metric: which, sort, min_n } = state.view;
  const { data, error, loading } = useApi<{ rows: RateRow[] }>(VIEW_URLS.rates(state));
  const rows = (data?.rows ?? []).map((r) => ({
    ...r,
    ...metric(r, which),
    label: `${r.key} (n=${num(r.n)})${r.low_n ? ' low n' : ''}`,
  }));
  const top = rows[0];
  const title = `${which === 'overturn' ? 'Overturn' : 'Uphold'} rate by ${RATE_DIMS[dim] ?? dim}`;
  const view = (patch: Partial<State['view']>) =>
    onState({ ...state, view: { ...state.view, ...patch } });
  const open = (key: string) => view({ drill: `${dim}=${key}`, letter: '', item: '' });
  return (
    <Card
      title={title}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={
        top
          ? `${top.key}: ${num(top.n)} services, ${pct(top.rate)} ${top.word} (${pct(top.low)}–${pct(top.high)}).`
          : ''
      }
      onDownload={() => downloadCsv(`imr-rates-by-${dim}.csv`, data?.rows ?? [])}
      controls={
        <>
          <span>
            <label htmlFor="rate-by">By</label>{' '}
            <select id="rate-by" value={dim} onChange={(e) => view({ dim: e.target.value })}>
              {Object.entries(RATE_DIMS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label htmlFor="rate-show">Show</label>{' '}
            <select id="rate-show" value={which} onChange={(e) => view({ metric: e.target.value })}>
              <option value="uphold">uphold rate</option>
              <option value="overturn">overturn rate</option>
            </select>
          </span>
          <span>
            <label htmlFor="rate-sort">Sort</label>{' '}
            <select id="rate-sort" value={sort} onChange={(e) => view({ sort: e.target.value })}>
              <option value="n">by n</option>
              <option value="rate">by rate</option>
              <option value="key">by name</option>
            </select>
          </span>
          <label>
            Minimum n{' '}
            <input
              type="number"
              min={0}
              value={min_n}
              onChange={(e) => view({ min_n: e.target.value || '0' })}
            />
          </label>
        </>
      }
      table={
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{dim}</th>
              <th scope="col">n</th>
              <th scope="col">Upheld</th>
              <th scope="col">{which === 'overturn' ? 'Overturn' : 'Uphold'} rate</th>
              <th scope="col">95% interval</th>
              <th scope="col">Low n</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>
                  <button type="button" className="link" onClick={() => open(r.key)}>
                    {r.key}
                  </button>
                </td>
                <td>{num(r.n)}</td>
                <td>{num(r.upheld)}</td>
                <td>{pct(r.rate)}</td>
                <td>
                  {pct(r.low)}–{pct(r.high)}
                </td>
                <td>{r.low_n ? 'yes' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      chart={
        <div role="figure" aria-label={`${title}: bar chart; open the table for the numbers`}>
          <ResponsiveContainer width="100%" height={40 + rows.length * 26}>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ left: 8, right: 24 }}
              accessibilityLayer
            >
              <defs>
                <pattern
                  id="low-n"
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill="#a9c0dc" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#5d7ea6" strokeWidth="2" />
                </pattern>
              </defs>
              {/* Ticks and grid lines given, not found: recharts would measure every label in the DOM. */}
              <CartesianGrid
                horizontal={false}
                verticalCoordinatesGenerator={({ offset }) =>
                  QUARTERS.map((q) => offset.left! + q * offset.width!)
                }
              />
              <XAxis
                type="number"
                domain={[0, 1]}
                ticks={QUARTERS}
                tickFormatter={(v: number) => pct(v)}
                interval={0}
              />
              <YAxis type="category" dataKey="label" width={290} interval={0} tick={Label} />
              <Tooltip
                formatter={(_v, _n, item) => {
                  const r = item.payload as (typeof rows)[number];
                  return [
                    `${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}), n=${num(r.n)}`,
                    title,
                  ];
                }}
              />
              <Bar
                dataKey="rate"
                isAnimationActive={false}
                background={{ fill: 'transparent' }}
                shape={BarWithInterval}
                cursor="pointer"
                onClick={(d) => open((d as unknown as { payload: RateRow }).payload.key)}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
