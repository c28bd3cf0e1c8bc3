import type { TimelinessRow } from '../../model/api.ts';
import { days, num, pct } from '../data/format.ts';
import { Table, type TableRows } from './Table.tsx';

/** What an empty review-time chart says: the letters may be there, without the measure. */
export const NO_WAITS =
  'No letters or cases under these filters have this measure (the 2001-2016 health-plan file has no day counts).';

/** Days in a table cell, its column saying they are days: "32", "32.5", "–". */
const figure = (x: number | null) => days(x).replace(/ days$/, '');

const HEADS = ['n', 'Median days', '25th–75th', '90th', 'Within limit (95% interval)', 'Left out'];

/**
 * A review-time chart's table: the key cells, then the letters or cases counted (n), the median,
 * the 25th to 75th percentile and the 90th in days, how many were within the legal limit (the
 * share and its 95% interval), and the spans left out as impossible.
 */
export function WaitTable<R extends TimelinessRow>(props: TableRows<R>) {
  return (
    <Table
      {...props}
      className="wait-table"
      heads={HEADS}
      figures={(r) => (
        <>
          <td>{num(r.n)}</td>
          <td>{figure(r.median_days)}</td>
          <td>
            {figure(r.p25_days)}–{figure(r.p75_days)}
          </td>
          <td>{figure(r.p90_days)}</td>
          <td>
            {num(r.within_limit)}: {pct(r.within_limit_share)} ({pct(r.ci_low)}–{pct(r.ci_high)})
          </td>
          <td>{num(r.excluded)}</td>
        </>
      )}
    />
  );
}

/** A key's figures in words, for summaries: "Standard: median 32 days (25th–75th percentile 28–38 days), ...". */
export const waitSentence = (r: TimelinessRow) =>
  `${r.key}: median ${days(r.median_days)} (25th–75th percentile ${figure(r.p25_days)}–${days(r.p75_days)}), ${num(r.n)} letters or cases, ${pct(r.within_limit_share)} within the legal limit`;
