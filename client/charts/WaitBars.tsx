import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LOW_N } from '../../model/api.ts';
import { downloadCsv, num, pct, QUARTERS, useApi, type Timeliness } from '../data/fetch.ts';
import { BarWithInterval, Label, LowNPattern } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { NARROW, useMedia } from './media.ts';
import type { State } from '../data/url-state.ts';
import { dayAxis, days, heading, waitDrillTo, withReason } from '../data/review-time.ts';
import { NO_WAITS, WaitTable, waitSentence } from './WaitTable.tsx';

/**
 * Review time by one key as bars, a bar opening its letters: the median with the 25th to 75th
 * percentile as its whisker (show 'median'), or the share within the legal limit with its 95%
 * interval (show 'share'). Bars are drawn on a 0-1 track: medians as a share of the axis' top.
 */
export function WaitBars(props: {
  state: State;
  onState: (s: State) => void;
  url: string;
  by: string;
  byLabel: string;
  title: string;
  show: 'median' | 'share';
  controls?: ReactNode;
}) {
  const { state, onState, by, show } = props;
  const { data, error, loading } = useApi<Timeliness>(props.url);
  const narrow = useMedia(NARROW);
  const found = (data?.rows ?? []).map((r) => withReason(state.filters, by, r));
  const { top, ticks } = dayAxis(Math.max(1, ...found.map((r) => r.p75_days ?? 0)));
  const rows = found.map((r) => {
    const [rate, low, high] =
      show === 'share'
        ? [r.within_limit_share, r.ci_low, r.ci_high]
        : [(r.median_days ?? 0) / top, (r.p25_days ?? 0) / top, (r.p75_days ?? 0) / top];
    return { ...r, rate, low, high, low_n: r.n < LOW_N, label: `${r.key} (n=${num(r.n)})` };
  });
  const open = (r: (typeof rows)[number]) => r.reason === null && onState(waitDrillTo(state, by, r.key)); // prettier-ignore
  const axis = (v: number) => (show === 'share' ? pct(v) : `${Math.round(v * top)} d`);
  const grid = show === 'share' ? QUARTERS : ticks;
  return (
    <Card
      title={props.title}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      emptyText={NO_WAITS}
      summary={rows[0] ? `${waitSentence(rows[0])}.` : ''}
      onDownload={() => downloadCsv(`imr-review-time-by-${by}.csv`, data?.rows ?? [])}
      controls={props.controls}
      table={
        <WaitTable
          caption={props.title}
          keys={[heading(props.byLabel)]}
          rows={rows}
          id={(r) => r.key}
          attributes={(r) => ({ 'data-key': r.key })}
          cells={(r) => (
            <td>
              {r.reason === null ? (
                <button type="button" className="link" onClick={() => open(r)}>
                  {r.key}
                </button>
              ) : (
                <>
                  {r.key} <small className="note">(not listed: {r.reason})</small>
                </>
              )}
            </td>
          )}
        />
      }
      chart={
        <div role="figure" aria-label={`${props.title}: bar chart; open the table for the numbers`}>
          <ResponsiveContainer width="100%" height={40 + rows.length * 26}>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
              <LowNPattern />
              <CartesianGrid
                horizontal={false}
                verticalCoordinatesGenerator={({ offset }) =>
                  grid.map((q) => offset.left! + q * offset.width!)
                }
              />
              <XAxis type="number" domain={[0, 1]} ticks={grid} tickFormatter={axis} interval={0} />
              <YAxis
                type="category"
                dataKey="label"
                width={narrow ? 160 : 290}
                interval={0}
                tick={(p: object) => <Label {...p} max={narrow ? 22 : 45} />}
              />
              <Tooltip
                formatter={(_v, _n, item) => {
                  const r = item.payload as (typeof rows)[number];
                  const what = show === 'share'
                    ? `${pct(r.within_limit_share)} within the limit (95% CI ${pct(r.ci_low)}–${pct(r.ci_high)})`
                    : `median ${days(r.median_days)} (25th–75th percentile ${days(r.p25_days)}–${days(r.p75_days)})`; // prettier-ignore
                  return [`${what}, n=${num(r.n)}`, props.title];
                }}
              />
              <Bar
                dataKey="rate"
                isAnimationActive={false}
                background={{ fill: 'transparent' }}
                shape={BarWithInterval}
                onClick={(d) => open((d as unknown as { payload: (typeof rows)[number] }).payload)}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
