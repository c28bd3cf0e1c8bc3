import type { ReactNode } from 'react';
import { ReferenceLine } from 'recharts';
import type { AdjustedRateRow, AdjustedRates, Rates } from '../../model/api.ts';
import { adjustedSummary, observed } from '../data/adjusted-words.ts';
import { downloadCsv } from '../data/csv.ts';
import type { Loaded } from '../data/fetch.ts';
import { num, pct, ratio } from '../data/format.ts';
import { menuOf } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';
import { BarFrame } from './BarFrame.tsx';
import { Card } from './Card.tsx';
import { Table } from './Table.tsx';

type Point = AdjustedRateRow & { label: string };
interface MarkProps {
  y: number;
  height: number;
  payload: Point;
  background: { x: number; width: number };
}

/** O/E with its interval around 1.0, one row a key (a row not compared has no mark). */
function Chart({ rows, byLabel }: { rows: AdjustedRateRow[]; byLabel: string }) {
  const points: Point[] = rows.map((r) => ({ ...r, label: `${r.key} (n=${num(r.adjusted_n)})` }));
  const ends = rows.flatMap((r) => (r.oe_ratio === null ? [] : [r.oe_ci_low!, r.oe_ci_high!]));
  const lo = Math.min(0.8, Math.floor(Math.min(...ends, 1) * 10) / 10);
  const hi = Math.max(1.2, Math.ceil(Math.max(...ends, 1) * 10) / 10);
  const at = (t: MarkProps['background'], v: number) => t.x + ((v - lo) / (hi - lo)) * t.width;
  const Mark = (props: unknown) => {
    const { y, height, payload: r, background: t } = props as MarkProps;
    if (r.oe_ratio === null) return <g />;
    const mid = y + height / 2;
    return (
      <g className="oe-mark" stroke="#111" strokeWidth={1.5}>
        <line x1={at(t, r.oe_ci_low!)} x2={at(t, r.oe_ci_high!)} y1={mid} y2={mid} />
        <circle cx={at(t, r.oe_ratio)} cy={mid} r={5} fill="#2f5f96" />
      </g>
    );
  };
  const says = (r: Point) =>
    `O/E ${ratio(r.oe_ratio)} (95% CI ${ratio(r.oe_ci_low)}–${ratio(r.oe_ci_high)}); observed ${observed(r)}, expected ${pct(r.expected_rate)}`;
  return (
    <BarFrame
      describe={`Observed / expected uphold rate by ${byLabel}, with 95% intervals around 1`}
      rows={points}
      labels={{ key: 'label', width: [160, 290], max: [22, 45] }}
      axis={{ domain: [lo, hi], format: ratio }}
      tooltip={(r) => [says(r), 'Observed / expected']}
      series={[{ name: 'oe_ratio', value: (r) => r.oe_ratio, shape: Mark }]}
    >
      <ReferenceLine x={1} stroke="#b8562b" strokeDasharray="4 3" />
    </BarFrame>
  );
}

/**
 * The rate chart adjusted for service mix: each key's observed / expected uphold rate with its
 * interval, its table of compared services, observed and expected rates, and O/E.
 */
export function AdjustedCard(props: {
  state: State;
  answer: Loaded<Rates | AdjustedRates>;
  controls: ReactNode;
}) {
  const { dim, adjust } = props.state.view;
  const { data, error, loading } = props.answer;
  const byLabel = menuOf('rateMenu', props.state, dim)[dim] ?? dim;
  // The last answer is kept while the next loads: only an adjusted one of this view is drawn.
  const adjusted = data && 'adjust' in data && data.adjust === adjust && data.by === dim;
  const rows = adjusted ? data.rows : [];
  return (
    <Card
      title={`Uphold rate by ${byLabel}, observed / expected for its mix`}
      summary={adjusted ? adjustedSummary(data, byLabel) : ''}
      loaded={{ loading: loading || !adjusted, error }}
      empty={rows.length === 0}
      onDownload={() => downloadCsv(`imr-rates-by-${dim}-adjusted.csv`, rows)}
      controls={props.controls}
      table={
        <Table
          caption={`Observed / expected uphold rate by ${byLabel}`}
          keys={['Key']}
          heads={['n', 'Compared', 'Observed', 'Expected', 'O/E', '95% interval']}
          rows={rows}
          id={(r) => r.key}
          cells={(r) => <td>{r.key}</td>}
          figures={(r) => (
            <>
              <td>{num(r.n)}</td>
              <td>{num(r.adjusted_n)}</td>
              <td>{observed(r)}</td>
              <td>{pct(r.expected_rate)}</td>
              <td>{ratio(r.oe_ratio)}</td>
              <td>
                {ratio(r.oe_ci_low)}–{ratio(r.oe_ci_high)}
              </td>
            </>
          )}
        />
      }
      chart={<Chart rows={rows} byLabel={byLabel} />}
    />
  );
}
