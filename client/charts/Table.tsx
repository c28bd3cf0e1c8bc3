import { Fragment, type HTMLAttributes, type ReactNode } from 'react';

export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & {
  [data: `data-${string}`]: string;
};

/** What a chart's table shows of its rows: their key cells, then their figures. */
export interface TableRows<R> {
  caption: string;
  className?: string;
  /** The headers of the key columns, before the figures. */
  keys: string[];
  rows: R[];
  id: (r: R) => string;
  /** A row's key cells. */
  cells: (r: R) => ReactNode;
  attributes?: (r: R) => RowAttributes;
  /** Rows of a row's own, after it. */
  after?: (r: R) => ReactNode;
}

/**
 * A chart's table, the chart one toggle away: its caption for screen readers, the key
 * columns, then the figure columns its kind of chart has (rates, review times, O/E).
 */
export function Table<R>(props: TableRows<R> & { heads: string[]; figures: (r: R) => ReactNode }) {
  return (
    <table className={props.className}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {[...props.keys, ...props.heads].map((k) => (
            <th key={k} scope="col">
              {k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <Fragment key={props.id(r)}>
            <tr {...props.attributes?.(r)}>
              {props.cells(r)}
              {props.figures(r)}
            </tr>
            {props.after?.(r)}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A row's key: a link that lists the row's services or letters, or, when no filter can list
 * them, the key and why not.
 */
export function KeyLink(props: { text: string; reason: string | null; open: () => void }) {
  if (props.reason !== null)
    return (
      <>
        {props.text} <small className="note">(not listed: {props.reason})</small>
      </>
    );
  return (
    <button type="button" className="link" onClick={props.open}>
      {props.text}
    </button>
  );
}

/** A row's key cell, its key a link (KeyLink). */
export const KeyCell = (props: Parameters<typeof KeyLink>[0]) => (
  <td>
    <KeyLink {...props} />
  </td>
);
