import { num, useApi, type Summary } from '../data/fetch.ts';
import { decodeDrill, describeDrill, drillFilters } from '../data/drill.ts';
import { usePages } from '../data/item-pages.ts';
import type { State } from '../data/url-state.ts';
import { NOT_APPLICABLE, NOT_STATED } from '../../model/values.ts';
import { valueLabel } from '../../model/dimensions.ts';

// A health-plan case cites evidence, not workers' comp guidelines (MTUS, ODG, ACOEM).
const guideline = (r: Record<string, unknown>) =>
  r.program === 'DMHC'
    ? NOT_APPLICABLE
    : ((r.guideline_sources as string[] | null) ?? []).join(', ');

/** A service's reasons, as people read them. */
const reasons = (r: Record<string, unknown>) =>
  ((r.reason as string[] | null) ?? [NOT_STATED]).map((k) => valueLabel('reason', k)).join(', ');

/** The services behind a bar or cell (the filters plus the drill-down), a page at a time. */
export function ServiceList({ state, onState }: { state: State; onState: (s: State) => void }) {
  const keys = decodeDrill(state.view.drill);
  const drilled = drillFilters(state.filters, keys);
  // The filters of the list; null when no filter can list these services.
  const key = 'filters' in drilled ? drilled.filters.toString() : null;
  const { data: total } = useApi<Summary>(key === null ? null : `/api/summary?${key}`);
  const { pages, rows, error, more, next } = usePages(key);
  const close = () =>
    onState({
      ...state,
      view: { ...state.view, drill: '', drill_measure: '', letter: '', item: '' },
    });
  return (
    <section className="card services" aria-labelledby="services-title">
      <header>
        <h2 id="services-title">Services: {describeDrill(keys)}</h2>
        <p className="listed" aria-live="polite">
          {total
            ? total.items
              ? `${num(total.items)} service${total.items === 1 ? '' : 's'}`
              : 'No services'
            : ''}
        </p>
        <div className="actions">
          {key !== null && (
            <a className="button" href={`/api/export.csv?${key}`} download>
              Download these services (CSV)
            </a>
          )}
          <button type="button" onClick={close}>
            Close list
          </button>
        </div>
      </header>
      {'reason' in drilled ? (
        <p className="empty">These services cannot be listed: {drilled.reason}.</p>
      ) : error ? (
        <p className="error" role="alert">
          Could not load the services: {error}
        </p>
      ) : pages.length === 0 ? (
        <p aria-live="polite">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No services match these filters.</p>
      ) : (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Treatment</th>
                <th scope="col">Decision</th>
                <th scope="col">Category</th>
                <th scope="col">Guideline</th>
                <th scope="col">Decided</th>
                <th scope="col">Reasons</th>
                <th scope="col">Letter or case</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.letter_id}/${r.item_no}`}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        onState({
                          ...state,
                          view: {
                            ...state.view,
                            letter: String(r.letter_id),
                            item: String(r.item_no),
                          },
                        })
                      }
                    >
                      {String(r.treatment)}
                    </button>
                  </td>
                  <td>{String(r.decision)}</td>
                  <td>{String(r.category ?? r.dmhc_category ?? '–')}</td>
                  <td>{guideline(r)}</td>
                  <td>{String(r.decision_date ?? r.report_year ?? '–')}</td>
                  <td>{reasons(r)}</td>
                  <td>{String(r.letter_id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={more}>
          Show {num(50)} more
        </button>
      )}
    </section>
  );
}
