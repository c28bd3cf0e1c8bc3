import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReasonShares as Row, Share } from '../../model/api.ts';
import { downloadCsv, num, pct, QUARTERS, useApi, WHY_URLS, type Reasons } from '../data/fetch.ts';
import { BarWithInterval, Label, LowNPattern } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { drillFilters, encodeDrill } from '../data/drill.ts';
import { NARROW, useMedia } from './media.ts';
import type { State } from '../data/url-state.ts';

const TITLE = 'Why: reasons given, by decision';
const SIDES = [
  { key: 'upheld', decision: 'Upheld', label: 'Upheld services', color: '#2f5f96' },
  { key: 'overturned', decision: 'Overturned', label: 'Overturned services', color: '#b3541e' },
] as const;
type Side = (typeof SIDES)[number];

/** A share as a bar: its rate and interval, and whether a filter can list its services. */
const bar = (s: Share, reason: string | null) => ({
  ...s,
  rate: s.share ?? 0,
  low: s.ci_low,
  high: s.ci_high,
  low_n: s.of < 11,
  reason,
});

/** The most common reason of one side, in words. */
function top(d: Reasons, side: Side): string {
  const best = [...d.rows].sort((a, b) => b[side.key].n - a[side.key].n)[0];
  const of = d[side.key];
  if (!best || !of) return `No ${side.decision.toLowerCase()} services.`;
  const s = best[side.key];
  return `Of ${num(of)} ${side.decision.toLowerCase()} services, ${pct(s.share)} gave "${best.label}" (95% CI ${pct(s.ci_low)}–${pct(s.ci_high)}).`;
}

const shapeOf = (side: Side) =>
  function SideShape(props: unknown) {
    const o = props as { payload: Row & Record<string, unknown> } & Record<string, unknown>;
    const b = o.payload[`${side.key}Bar`] as ReturnType<typeof bar>;
    return (
      <g className={`share-${side.key}`} data-reason={o.payload.reason}>
        {BarWithInterval({ ...o, payload: b, fill: side.color })}
      </g>
    );
  };
const SHAPES = SIDES.map(shapeOf);

/**
 * Each reason family's share of the upheld and of the overturned services under the filters,
 * with n and 95% intervals; a bar lists its services (that reason, that decision).
 */
export function ReasonShares({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { data, error, loading } = useApi<Reasons>(WHY_URLS.reasons(state));
  const narrow = useMedia(NARROW);
  const keys = (r: Row, side: Side) =>
    [
      ['reason', r.reason],
      ['decision', side.decision],
    ] as const;
  const listable = (r: Row, side: Side) => {
    const d = drillFilters(state.filters, keys(r, side));
    return 'reason' in d ? d.reason : null;
  };
  const rows = (data?.rows ?? []).map((r) => ({
    ...r,
    upheldBar: bar(r.upheld, listable(r, SIDES[0])),
    overturnedBar: bar(r.overturned, listable(r, SIDES[1])),
  }));
  const open = (r: Row, side: Side) =>
    listable(r, side) === null &&
    onState({
      ...state,
      view: { ...state.view, drill: encodeDrill(keys(r, side)), letter: '', item: '' },
    });
  const summary = data
    ? `${top(data, SIDES[0])} ${top(data, SIDES[1])} ${data.note}${data.not_stated ? ` ${num(data.not_stated)} services have no rationale or findings to read reasons from.` : ''}`
    : '';
  const table = (
    <table className="reason-shares">
      <caption className="visually-hidden">{TITLE}</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          {SIDES.map((s) => (
            <th key={s.key} scope="col" colSpan={3}>
              {s.label}: n, share, 95% interval
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.reason} data-reason={r.reason}>
            <th scope="row">{r.label}</th>
            {SIDES.map((s) => (
              <ShareCells key={s.key} s={r[s.key]} open={() => open(r, s)} side={s} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const chart = (
    <div role="figure" aria-label={`${TITLE}: bar chart; open the table for the numbers`}>
      <ul className="legend">
        {SIDES.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <ResponsiveContainer width="100%" height={40 + rows.length * 44}>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24 }} barGap={2}>
          <LowNPattern />
          <CartesianGrid
            horizontal={false}
            verticalCoordinatesGenerator={({ offset }) =>
              QUARTERS.map((x) => offset.left! + x * offset.width!)
            }
          />
          <XAxis type="number" domain={[0, 1]} ticks={QUARTERS} tickFormatter={pct} interval={0} />
          <YAxis
            type="category"
            dataKey="label"
            width={narrow ? 120 : 230}
            interval={0}
            tick={(t: object) => <Label {...t} max={narrow ? 16 : 36} />}
          />
          <Tooltip
            formatter={(_v, name, item) => {
              const side = SIDES.find((s) => s.key === name)!;
              const s = (item.payload as Row)[side.key];
              return [`${pct(s.share)} (95% CI ${pct(s.ci_low)}–${pct(s.ci_high)}), n=${num(s.n)} of ${num(s.of)}`, side.label]; // prettier-ignore
            }}
          />
          {SIDES.map((s, i) => (
            <Bar
              key={s.key}
              name={s.key}
              dataKey={(r: Row) => r[s.key].share ?? 0}
              isAnimationActive={false}
              background={{ fill: 'transparent' }}
              shape={SHAPES[i]}
              onClick={(d) => open((d as unknown as { payload: Row }).payload, s)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
  return (
    <Card
      title={TITLE}
      loading={loading}
      error={error}
      empty={!data || data.upheld + data.overturned === 0}
      summary={summary}
      onDownload={() => downloadCsv('imr-reasons.csv', flat(data))}
      chart={chart}
      table={table}
    />
  );
}

function ShareCells({ s, open, side }: { s: Share; open: () => void; side: Side }) {
  return (
    <>
      <td>
        <button type="button" className="link" onClick={open} aria-label={`${num(s.n)} ${side.decision.toLowerCase()}: list them`}>
          {num(s.n)}
        </button>
      </td>
      <td>{pct(s.share)}</td>
      <td>
        {pct(s.ci_low)}–{pct(s.ci_high)}
      </td>
    </>
  );
} // prettier-ignore

/** The table as CSV rows: one per reason and decision. */
const flat = (d: Reasons | null) =>
  (d?.rows ?? []).flatMap((r) =>
    SIDES.map((s) => ({ reason: r.reason, label: r.label, decision: s.decision, ...r[s.key] })),
  );
