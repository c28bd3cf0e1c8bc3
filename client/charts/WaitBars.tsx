import type { ReactNode } from 'react';
import type { Timeliness } from '../../model/api.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { days, heading, num, pct } from '../data/format.ts';
import { dayAxis, measureOf, waitBar } from '../data/review-time.ts';
import type { StateProps } from '../data/url-state.ts';
import { BarFrame, QUARTERS } from './BarFrame.tsx';
import { BarWithInterval } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { KeyCell } from './Table.tsx';
import { NO_WAITS, WaitTable, waitSentence } from './WaitTable.tsx';

/**
 * Review time by one key as bars, a bar opening its letters: the median with the 25th to 75th
 * percentile as its whisker (show 'median'), or the share within the legal limit with its 95%
 * interval (show 'share'). Bars are drawn on a 0-1 track: medians as a share of the axis' top.
 */
export function WaitBars(
  props: StateProps & {
    url: string;
    by: string;
    byLabel: string;
    title: string;
    show: 'median' | 'share';
    controls?: ReactNode;
  },
) {
  const { state, onState, by, show, title } = props;
  const answer = useApi<Timeliness>(props.url);
  const { data } = answer;
  const found = data?.rows ?? [];
  const dayTrack = dayAxis(Math.max(1, ...found.map((r) => r.p75_days ?? 0)));
  const rows = found.map((r) => ({
    ...r,
    ...waitBar(r, show, dayTrack.top),
    label: `${r.key} (n=${num(r.n)})`,
    reason: unlisted(state.filters, [[by, r.key]]),
  }));
  const open = (r: (typeof rows)[number]) =>
    r.reason === null && onState(drillTo(state, [[by, r.key]], measureOf(state)));
  const says = (r: (typeof rows)[number]) =>
    show === 'share'
      ? `${pct(r.within_limit_share)} within the limit (95% CI ${pct(r.ci_low)}–${pct(r.ci_high)})`
      : `median ${days(r.median_days)} (25th–75th percentile ${days(r.p25_days)}–${days(r.p75_days)})`;
  const axis = show === 'share' ? { ticks: QUARTERS, format: pct } : dayTrack;
  return (
    <Card
      title={title}
      summary={rows[0] ? `${waitSentence(rows[0])}.` : ''}
      loaded={answer}
      empty={rows.length === 0}
      emptyText={NO_WAITS}
      onDownload={() => downloadCsv(`imr-review-time-by-${by}.csv`, found)}
      controls={props.controls}
      table={
        <WaitTable
          caption={title}
          keys={[heading(props.byLabel)]}
          rows={rows}
          id={(r) => r.key}
          attributes={(r) => ({ 'data-key': r.key })}
          cells={(r) => <KeyCell text={r.key} reason={r.reason} open={() => open(r)} />}
        />
      }
      chart={
        <BarFrame
          describe={`${title}: bar chart`}
          rows={rows}
          labels={{ key: 'label', width: [160, 290], max: [22, 45] }}
          axis={axis}
          tooltip={(r) => [`${says(r)}, n=${num(r.n)}`, title]}
          series={[{ name: 'rate', value: (r) => r.rate, shape: BarWithInterval, open }]}
        />
      }
    />
  );
}
