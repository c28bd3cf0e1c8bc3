import type { ReasonShares as Row, Reasons, Share } from '../../model/api.ts';
import { LOW_N } from '../../model/limits.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted, type DrillKey } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { num, pct } from '../data/format.ts';
import { WHY_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { BarFrame } from './BarFrame.tsx';
import { BarWithInterval } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { ShareTable, SIDES, type Side } from './ShareTable.tsx';

const TITLE = 'Why: reasons given, by decision';

/** The most common reason of one side, in words. */
function top(d: Reasons, side: Side): string {
  const best = [...d.rows].sort((a, b) => b[side.key].n - a[side.key].n)[0];
  const of = d[side.key];
  if (!best || !of) return `No ${side.decision.toLowerCase()} services.`;
  const s = best[side.key];
  return `Of ${num(of)} ${side.decision.toLowerCase()} services, ${pct(s.share)} gave "${best.label}" (95% CI ${pct(s.ci_low)}–${pct(s.ci_high)}).`;
}

/** The services of one reason and one decision. */
const keys = (r: Row, side: Side): DrillKey[] => [
  ['reason', r.reason],
  ['decision', side.decision],
];

/** A share as a bar: its rate and interval, and whether a filter can list its services. */
const bar = (s: Share, reason: string | null) => ({
  ...s,
  rate: s.share ?? 0,
  low: s.ci_low,
  high: s.ci_high,
  low_n: s.of < LOW_N,
  reason,
});
type Bars = Row & Record<`${Side['key']}Bar`, ReturnType<typeof bar>>;

const shapeOf = (side: Side) =>
  function SideShape(props: unknown) {
    const o = props as { payload: Bars } & Record<string, unknown>;
    return (
      <g className={`share-${side.key}`} data-reason={o.payload.reason}>
        {BarWithInterval({ ...o, payload: o.payload[`${side.key}Bar`], fill: side.color })}
      </g>
    );
  };
const SHAPES = SIDES.map(shapeOf);

/**
 * Each reason family's share of the upheld and of the overturned services under the filters,
 * with n and 95% intervals; a bar lists its services (that reason, that decision).
 */
export function ReasonShares({ state, onState }: StateProps) {
  const answer = useApi<Reasons>(WHY_URLS.reasons(state));
  const { data } = answer;
  const listable = (r: Row, side: Side) => unlisted(state.filters, keys(r, side));
  const rows: Bars[] = (data?.rows ?? []).map((r) => ({
    ...r,
    upheldBar: bar(r.upheld, listable(r, SIDES[0])),
    overturnedBar: bar(r.overturned, listable(r, SIDES[1])),
  }));
  const open = (r: Row, side: Side) =>
    listable(r, side) === null && onState(drillTo(state, keys(r, side)));
  const texts = data?.not_stated
    ? ` ${num(data.not_stated)} services have no rationale or findings to read reasons from.`
    : '';
  return (
    <Card
      title={TITLE}
      summary={data ? `${top(data, SIDES[0])} ${top(data, SIDES[1])} ${data.note}${texts}` : ''}
      loaded={answer}
      empty={!data || data.upheld + data.overturned === 0}
      onDownload={() => downloadCsv('imr-reasons.csv', flat(data))}
      table={<ShareTable caption={TITLE} rows={rows} open={open} />}
      chart={
        <BarFrame
          describe={`${TITLE}: bar chart`}
          legend={SIDES.map((s) => ({ name: s.key, ...s }))}
          rows={rows}
          margin={{ left: 4, right: 24 }}
          labels={{ key: 'label', width: [120, 230], max: [16, 36] }}
          tooltip={(r, name) => {
            const side = SIDES.find((s) => s.key === name)!;
            const s = r[side.key];
            return [
              `${pct(s.share)} (95% CI ${pct(s.ci_low)}–${pct(s.ci_high)}), n=${num(s.n)} of ${num(s.of)}`,
              side.label,
            ];
          }}
          series={SIDES.map((s, i) => ({
            name: s.key,
            value: (r: Row) => r[s.key].share ?? 0,
            shape: SHAPES[i],
            open: (r: Row) => open(r, s),
          }))}
        />
      }
    />
  );
}

/** The table as CSV rows: one per reason and decision. */
const flat = (d: Reasons | null) =>
  (d?.rows ?? []).flatMap((r) =>
    SIDES.map((s) => ({ reason: r.reason, label: r.label, decision: s.decision, ...r[s.key] })),
  );
