import type { ReactNode } from 'react';
import { PAGE_ROWS } from '../../model/limits.ts';
import { num } from '../data/format.ts';

/**
 * A list behind a bar or cell: its title and count, its actions and a close button, then its
 * table a page at a time, or why it cannot be listed, an error, loading, or that none match.
 */
export function ListCard(props: {
  /** The section's class and title's id, and what it lists ("services", "letters"). */
  className: string;
  id: string;
  what: string;
  title: ReactNode;
  listed: string;
  actions?: ReactNode;
  onClose: () => void;
  reason: string | null;
  error: string | null;
  loaded: boolean;
  empty: boolean;
  heads: string[];
  /** The table's rows. */
  children: ReactNode;
  more: (() => void) | null;
}) {
  const { what } = props;
  return (
    <section className={props.className} aria-labelledby={props.id}>
      <header>
        <h2 id={props.id}>{props.title}</h2>
        <p className="listed" aria-live="polite">
          {props.listed}
        </p>
        <div className="actions">
          {props.actions}
          <button type="button" onClick={props.onClose}>
            Close list
          </button>
        </div>
      </header>
      {props.reason !== null ? (
        <p className="empty">
          These {what} cannot be listed: {props.reason}.
        </p>
      ) : props.error ? (
        <p className="error" role="alert">
          Could not load the {what}: {props.error}
        </p>
      ) : !props.loaded ? (
        <p aria-live="polite">Loading…</p>
      ) : props.empty ? (
        <p className="empty">No {what} match these filters.</p>
      ) : (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                {props.heads.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        </div>
      )}
      {props.more && (
        <button type="button" onClick={props.more}>
          Show {num(PAGE_ROWS)} more
        </button>
      )}
    </section>
  );
}
