import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { dimension, type DimensionName } from '../../model/dimensions.ts';
import type { AdjustedRateRow } from '../../model/api.ts';
import { downloadCsv, num, pct, type AdjustedRates } from '../data/fetch.ts';
import { Label } from './BarShapes.tsx';

const plural = (w: string) => (w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`);
const ratio = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** What an adjusted chart says it held constant, and its first row's ratio. */
export function adjustedSummary(data: AdjustedRates, byLabel: string): string {
  const stratum = dimension(data.adjust as DimensionName).stratum ?? data.adjust;
  const top = data.rows.find((r) => r.oe_ratio !== null);
  return (
    `Held constant: the mix of ${plural(stratum)}. Each ${byLabel}'s services are weighed at ` +
    `the uphold rate of their own ${stratum} among all services under these filters ` +
    `(indirect standardisation); O/E above 1 means upheld more often than that mix predicts.` +
    (data.single_key_strata
      ? ` ${num(data.single_key_strata)} of ${num(data.strata)} ${plural(stratum)} hold services of one ${byLabel} only and are left out.`
      : '') +
    (top
      ? ` ${top.key}: O/E ${ratio(top.oe_ratio)} (95% CI ${ratio(top.oe_ci_low)}–${ratio(top.oe_ci_high)}), ${pct(top.adjusted_upheld / top.adjusted_n)} upheld where its mix predicts ${pct(top.expected_rate)}.`
      : '')
  );
}

export const downloadAdjusted = (dim: string, rows: AdjustedRateRow[]) =>
  downloadCsv(`imr-rates-by-${dim}-adjusted.csv`, rows);

/** The adjusted rows as a table: compared services, observed and expected rates, O/E. */
export function AdjustedTable({ rows, byLabel }: { rows: AdjustedRateRow[]; byLabel: string }) {
  return (
    <table>
      <caption className="visually-hidden">Observed / expected uphold rate by {byLabel}</caption>
      <thead>
        <tr>
          {['Key', 'n', 'Compared', 'Observed', 'Expected', 'O/E', '95% interval'].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            <td>{num(r.n)}</td>
            <td>{num(r.adjusted_n)}</td>
            <td>{r.adjusted_n ? pct(r.adjusted_upheld / r.adjusted_n) : '–'}</td>
            <td>{pct(r.expected_rate)}</td>
            <td>{ratio(r.oe_ratio)}</td>
            <td>
              {ratio(r.oe_ci_low)}–{ratio(r.oe_ci_high)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Point = AdjustedRateRow & { label: string };
interface MarkProps {
  y: number;
  height: number;
  payload: Point;
  background: { x: number; width: number };
}

/** O/E with its interval around 1.0, one row a key (a row not compared has no mark). */
export function AdjustedChart({
  rows,
  byLabel,
  narrow,
}: {
  rows: AdjustedRateRow[];
  byLabel: string;
  narrow: boolean;
}) {
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
  return (
    <div
      role="figure"
      aria-label={`Observed / expected uphold rate by ${byLabel}, with 95% intervals around 1; open the table for the numbers`}
    >
      <ResponsiveContainer width="100%" height={40 + rows.length * 26}>
        <BarChart data={points} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" domain={[lo, hi]} allowDataOverflow tickFormatter={ratio} />
          <YAxis
            type="category"
            dataKey="label"
            width={narrow ? 160 : 290}
            interval={0}
            tick={(p: object) => <Label {...p} max={narrow ? 22 : 45} />}
          />
          <ReferenceLine x={1} stroke="#b8562b" strokeDasharray="4 3" />
          <Tooltip
            formatter={(_v, _n, item) => {
              const r = item.payload as Point;
              return [
                `O/E ${ratio(r.oe_ratio)} (95% CI ${ratio(r.oe_ci_low)}–${ratio(r.oe_ci_high)}); observed ${r.adjusted_n ? pct(r.adjusted_upheld / r.adjusted_n) : '–'}, expected ${pct(r.expected_rate)}`,
                'Observed / expected',
              ];
            }}
          />
          <Bar
            dataKey="oe_ratio"
            isAnimationActive={false}
            background={{ fill: 'transparent' }}
            shape={Mark}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
