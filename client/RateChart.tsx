import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pct, type RateRow } from './api.ts';

const LOW_N = 11;

interface ShapeProps { x: number; y: number; width: number; height: number; payload: RateRow; background: { x: number; width: number } }

// The bar, with its 95% interval drawn as a whisker; low-n bars are hatched lighter.
function BarWithInterval(props: unknown) {
  const { x, y, width, height, payload: r, background: track } = props as ShapeProps;
  const at = (v: number) => track.x + v * track.width;
  const mid = y + height / 2;
  return (
    <g>
      <rect x={x} y={y} width={Math.max(width, 0)} height={height} fill={r.n < LOW_N ? '#9bb7d6' : '#3b6ea8'} />
      <g stroke="#111" strokeWidth={1.5} className="interval">
        <line x1={at(r.ci_low)} x2={at(r.ci_high)} y1={mid} y2={mid} />
        <line x1={at(r.ci_low)} x2={at(r.ci_low)} y1={mid - 5} y2={mid + 5} />
        <line x1={at(r.ci_high)} x2={at(r.ci_high)} y1={mid - 5} y2={mid + 5} />
      </g>
    </g>
  );
}

/** Uphold rate by one dimension: bars with 95% intervals, n in every label, a table one click away. */
export function RateChart({ title, rows }: { title: string; rows: RateRow[] }) {
  const [asTable, setAsTable] = useState(false);
  const data = rows.map((r) => ({
    ...r,
    label: `${r.key} (n=${r.n.toLocaleString()})${r.n < LOW_N ? ' low n' : ''}`,
  }));
  const top = rows[0];
  const sentence = top
    ? `${top.key}: ${top.n.toLocaleString()} services, ${pct(top.uphold_rate)} upheld (${pct(top.ci_low)}–${pct(top.ci_high)}).`
    : 'No services match these filters.';
  return (
    <section className="card" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={() => setAsTable(!asTable)}>{asTable ? 'Show chart' : 'Show table'}</button>
      </header>
      <p className="summary">{sentence}</p>
      {rows.length === 0 ? null : asTable ? (
        <table>
          <thead><tr><th>{title.replace(/^Uphold rate by /, '')}</th><th>n</th><th>Upheld</th><th>Uphold rate</th><th>95% interval</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.key}</td><td>{r.n}</td><td>{r.upheld}</td><td>{pct(r.uphold_rate)}</td>
                <td>{pct(r.ci_low)}–{pct(r.ci_high)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div role="img" aria-label={`${title}. ${sentence}`}>
          <ResponsiveContainer width="100%" height={40 + data.length * 28}>
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} />
              <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => pct(v)} />
              <YAxis type="category" dataKey="label" width={300} interval={0} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(_v, _n, item) => {
                const r = item.payload as RateRow;
                return [`${pct(r.uphold_rate)} (95% CI ${pct(r.ci_low)}–${pct(r.ci_high)}), n=${r.n}`, 'Uphold rate'];
              }} />
              <Bar dataKey="uphold_rate" isAnimationActive={false} background={{ fill: 'transparent' }} shape={BarWithInterval} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
