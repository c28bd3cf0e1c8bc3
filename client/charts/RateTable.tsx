import { Fragment, type HTMLAttributes, type ReactNode } from 'react';
import { metric, num, pct } from '../data/fetch.ts';

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
  r: { n: number; upheld: number; uphold_rate: number | null; ci_low: number; ci_high: number; low_n?: boolean }, // prettier-ignore
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

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };

/**
 * A chart's table: its caption for screen readers, the key columns, then n, rate and 95%
 * interval (and upheld, low n) for each row; rows may be followed by rows of their own.
 */
export function RateTable<R>(props: {
  caption: string;
  className?: string;
  /** The headers of the key columns, before the figures. */
  keys: string[];
  /** The rate column's header. */
  rate: string;
  columns?: Columns;
  rows: R[];
  id: (r: R) => string;
  /** A row's key cells. */
  cells: (r: R) => ReactNode;
  figures: (r: R) => Figures;
  attributes?: (r: R) => RowAttributes;
  after?: (r: R) => ReactNode;
}) {
  const { upheld, lowN } = props.columns ?? {};
  return (
    <table className={props.className}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.keys.map((k) => (
            <th key={k} scope="col">
              {k}
            </th>
          ))}
          <th scope="col">n</th>
          {upheld && <th scope="col">Upheld</th>}
          <th scope="col">{props.rate}</th>
          <th scope="col">95% interval</th>
          {lowN === 'column' && <th scope="col">Low n</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <Fragment key={props.id(r)}>
            <tr {...props.attributes?.(r)}>
              {props.cells(r)}
              <RateCells f={props.figures(r)} upheld={upheld} lowN={lowN} />
            </tr>
            {props.after?.(r)}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
