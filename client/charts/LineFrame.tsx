import type { ReactNode } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type ReferenceLineProps,
} from 'recharts';
import { num, pct } from '../data/format.ts';
import { QUARTERS } from './BarFrame.tsx';

/**
 * One line and its band: a point holds the line's value at `key`, its band's ends at
 * `${key} band` and its n at `${key} n`.
 */
export interface Series {
  key: string;
  name?: string;
  color: string;
  dot: boolean | { r: number };
  /** The band's name in the tooltip (by default `${key} band`), and how opaque it is. */
  bandName?: string;
  bandOpacity?: number;
  /** Whether the band runs across a period without a value. */
  connectBand?: boolean;
}

/** A line across the chart at a period (x) or a value (y), with its label or flag. */
export interface Mark {
  id: string;
  x?: string;
  y?: number;
  color: string;
  dash: string;
  label: ReferenceLineProps['label'];
}

/**
 * The line chart every trend draws: a value over periods with its band, rates on a 0-100% axis
 * (or days up to a top), marked events or limits, and n in the tooltip. At most eight period
 * labels; the rate axis' ticks and grid lines are given, not found by measuring labels.
 */
export function LineFrame(props: {
  /** What the figure shows, for screen readers (the table is one click away). */
  describe: string;
  points: Record<string, unknown>[];
  /** The field of a point that is its period. */
  x: string;
  series: Series[];
  /** Days up to this top, or (none) rates from 0 to 100%. */
  daysTop?: number;
  /** A value as the tooltip says it. */
  format?: (v: number) => string;
  marks?: Mark[];
  legend?: boolean;
  /** What the figure shows below the chart (the events' list). */
  children?: ReactNode;
}) {
  const { points, series, daysTop, format = pct } = props;
  return (
    <div role="figure" aria-label={`${props.describe}; open the table for the numbers`}>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={points} margin={{ top: 8, left: 8, right: 24 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            horizontalCoordinatesGenerator={
              daysTop === undefined
                ? ({ offset }) => QUARTERS.map((q) => offset.top! + q * offset.height!)
                : undefined
            }
          />
          <XAxis
            dataKey={props.x}
            tick={{ fontSize: 12 }}
            interval={Math.max(0, Math.ceil(points.length / 8) - 1)}
          />
          {daysTop === undefined ? (
            <YAxis domain={[0, 1]} ticks={QUARTERS} tickFormatter={pct} interval={0} />
          ) : (
            <YAxis domain={[0, Math.ceil(daysTop / 10) * 10]} unit=" d" width={56} />
          )}
          <Tooltip
            formatter={(v, name, item) => {
              if (Array.isArray(v)) return [`${format(v[0])}–${format(v[1])}`, String(name)];
              const n = (item.payload as Record<string, number>)[`${String(item.dataKey)} n`];
              return [`${format(v as number)} (n=${num(Number(n ?? 0))})`, String(name)];
            }}
          />
          {props.legend && <Legend />}
          {series.map((s) => (
            <Area
              key={`${s.key}b`}
              dataKey={`${s.key} band`}
              name={s.bandName ?? `${s.key} band`}
              stroke="none"
              fill={s.color}
              fillOpacity={s.bandOpacity ?? 0.15}
              isAnimationActive={false}
              legendType="none"
              connectNulls={s.connectBand}
            />
          ))}
          {props.marks?.map((m) => (
            <ReferenceLine
              key={m.id}
              x={m.x}
              y={m.y}
              stroke={m.color}
              strokeDasharray={m.dash}
              label={m.label}
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name ?? s.key}
              stroke={s.color}
              dot={s.dot}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      {props.children}
    </div>
  );
}
