import type { ReactElement, ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pct } from '../data/format.ts';
import { Label, LowNPattern } from './BarShapes.tsx';
import { NARROW, useMedia } from './media.ts';

/** Rate axes' ticks and grid lines: 0%, 25%, 50%, 75%, 100%. */
export const QUARTERS = [0, 0.25, 0.5, 0.75, 1];

/** One series of bars: its value on the track, how a bar is drawn, and what a click opens. */
export interface BarSeries<R> {
  name: string;
  value: (r: R) => number | null;
  shape: (props: unknown) => ReactElement;
  open?: (r: R) => void;
}

/** A bar chart's parts beyond its rows: each is one line of the chart that uses the frame. */
export interface BarFrameProps<R> {
  /** What the figure shows, for screen readers (the table is one click away). */
  describe: string;
  rows: R[];
  series: BarSeries<R>[];
  /** The tooltip of a row's bar in one series: its figures and their name. */
  tooltip: (r: R, series: string) => [string, string];
  /** The row labels: the field read, their width and length in characters, phone and wider. */
  labels: { key: string; width: [number, number]; max: [number, number] };
  /** The value axis: its domain, its ticks and grid lines (none: recharts' own), their text. */
  axis?: { domain?: [number, number]; ticks?: number[]; format: (v: number) => string };
  /** Pixels a row (by default 26 for one bar, 44 for two), and around the plot. */
  rowHeight?: number;
  margin?: { left: number; right: number };
  legend?: { name: string; label: string; color: string }[];
  /** Marks drawn over the bars (a reference line). */
  children?: ReactNode;
}

/**
 * The horizontal bar chart every rate, share and review-time chart draws: rows down the side,
 * values on a 0-1 track (or the axis given), one bar a row per series, a click opening a bar's
 * services. Ticks and grid lines are given, not found: recharts would measure every label.
 */
export function BarFrame<R>(props: BarFrameProps<R>) {
  const narrow = useMedia(NARROW);
  const { labels, legend, series } = props;
  // Without an axis, the 0-100% track; an axis without ticks lets recharts place its own.
  const { domain = [0, 1], ticks: grid, format } = props.axis ?? { ticks: QUARTERS, format: pct };
  const [width, max] = [labels.width[narrow ? 0 : 1], labels.max[narrow ? 0 : 1]];
  return (
    <div role="figure" aria-label={`${props.describe}; open the table for the numbers`}>
      {legend && (
        <ul className="legend">
          {legend.map((s) => (
            <li key={s.name}>
              <span className="swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ResponsiveContainer
        width="100%"
        height={40 + props.rows.length * (props.rowHeight ?? (series.length > 1 ? 44 : 26))}
      >
        <BarChart
          data={props.rows}
          layout="vertical"
          margin={props.margin ?? { left: 8, right: 24 }}
          barGap={2}
        >
          <LowNPattern />
          <CartesianGrid
            horizontal={false}
            verticalCoordinatesGenerator={
              grid && (({ offset }) => grid.map((q) => offset.left! + q * offset.width!))
            }
          />
          <XAxis
            type="number"
            domain={domain}
            ticks={grid}
            tickFormatter={format}
            interval={grid ? 0 : undefined}
            // A domain given is kept whatever the data (recharts then clips the bars to it).
            allowDataOverflow={props.axis?.domain !== undefined}
          />
          <YAxis
            type="category"
            dataKey={labels.key}
            width={width}
            interval={0}
            tick={(p: object) => <Label {...p} max={max} />}
          />
          <Tooltip formatter={(_v, name, item) => props.tooltip(item.payload as R, String(name))} />
          {props.children}
          {series.map((s) => (
            <Bar
              key={s.name}
              name={s.name}
              dataKey={s.value}
              isAnimationActive={false}
              background={{ fill: 'transparent' }}
              shape={s.shape}
              onClick={(d) => s.open?.((d as unknown as { payload: R }).payload)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
