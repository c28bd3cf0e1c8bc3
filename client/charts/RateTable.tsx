import type { Rate } from '../../model/api.ts';
import { metric, num, pct } from '../data/format.ts';
import { Table, type TableRows } from './Table.tsx';

/** A row's figures: n, upheld, the rate shown with its 95% interval, and whether n is low. */
export interface Figures {
  n: number;
  upheld: number;
  rate: number | null;
  low: number;
  high: number;
  low_n?: boolean;
}

/** An API row's figures for the metric shown (uphold, or overturn). */
export const figures = (
  r: Omit<Rate, 'overturned' | 'low_n'> & { low_n?: boolean },
  which: string,
): Figures => ({ n: r.n, upheld: r.upheld, low_n: r.low_n, ...metric(r, which) });

/** The figure columns a table has beyond n, rate and interval. */
export interface Columns {
  /** Upheld, after n. */
  upheld?: boolean;
  /** Low n: its own last column ("yes"), or a note after the interval ("(low n)"). */
  lowN?: 'column' | 'note';
}

/** One row's figure cells: n, upheld, rate, 95% interval and low n, as the columns say. */
export function RateCells({ f, upheld, lowN }: { f: Figures } & Columns) {
  return (
    <>
      <td>{num(f.n)}</td>
      {upheld && <td>{num(f.upheld)}</td>}
      <td>{pct(f.rate)}</td>
      <td>
        {pct(f.low)}–{pct(f.high)}
        {lowN === 'note' && f.low_n ? ' (low n)' : ''}
      </td>
      {lowN === 'column' && <td>{f.low_n ? 'yes' : ''}</td>}
    </>
  );
}

/** A rate chart's table: the key columns, then n, rate and 95% interval (and upheld, low n). */
export function RateTable<R>(
  props: TableRows<R> & { rate: string; columns?: Columns; figures: (r: R) => Figures },
) {
  const { upheld, lowN } = props.columns ?? {};
  const heads = ['n', upheld && 'Upheld', props.rate, '95% interval', lowN === 'column' && 'Low n'];
  return (
    <Table
      {...props}
      heads={heads.filter((h) => typeof h === 'string')}
      figures={(r) => <RateCells f={props.figures(r)} upheld={upheld} lowN={lowN} />}
    />
  );
}
