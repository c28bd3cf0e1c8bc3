import { useState, type ReactNode } from 'react';

/**
 * One chart's frame: its title, a one-sentence summary, the chart or its table one click away,
 * a CSV download of the table, and plain loading, empty and error states.
 */
export function Card(props: {
  title: string;
  summary: string;
  /** Whether its data are loading, or why they could not be (a useApi answer). */
  loaded: { loading: boolean; error: string | null };
  empty: boolean;
  /** What an empty card says (by default, that no service matches). */
  emptyText?: string;
  controls?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  onDownload: () => void;
}) {
  const [asTable, setAsTable] = useState(false);
  const { loading, error } = props.loaded;
  const id = props.title.replace(/\W+/g, '-').toLowerCase();
  return (
    <section className="card" aria-labelledby={id} aria-busy={loading}>
      <header>
        <h2 id={id}>{props.title}</h2>
        <div className="actions">
          <button type="button" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
            {asTable ? 'Show chart' : 'Show table'}
          </button>
          <button type="button" onClick={props.onDownload} disabled={props.empty}>
            Download table (CSV)
          </button>
        </div>
      </header>
      {props.controls && <div className="controls">{props.controls}</div>}
      {error ? (
        <p className="error" role="alert">
          Could not load this chart: {error}
        </p>
      ) : props.empty && !loading ? (
        <p className="empty">{props.emptyText ?? 'No services match these filters.'}</p>
      ) : (
        <>
          <p className="summary">{loading && props.empty ? 'Loading…' : props.summary}</p>
          {/* A wide table scrolls inside its card, never the page. */}
          <div className="scroll">{asTable ? props.table : props.chart}</div>
        </>
      )}
    </section>
  );
}
