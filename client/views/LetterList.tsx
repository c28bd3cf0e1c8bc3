import { MEASURES, type MeasureName } from '../../model/measures.ts';
import { num, useApi, type Timeliness } from '../data/fetch.ts';
import { decodeDrill, describeDrill, drillFilters } from '../data/drill.ts';
import { usePages } from '../data/item-pages.ts';
import type { State } from '../data/url-state.ts';
import { days } from '../data/review-time.ts';

/**
 * The letters (or health-plan cases) behind a bar of a review-time chart: those under the
 * filters plus the drill-down whose span in the measure is counted, one row each, with it.
 */
export function LetterList({ state, onState }: { state: State; onState: (s: State) => void }) {
  const m = state.view.drill_measure as MeasureName;
  const keys = decodeDrill(state.view.drill);
  const drilled = drillFilters(state.filters, keys);
  const key = 'filters' in drilled ? drilled.filters.toString() : null;
  // The count, as the bar counts it: every letter once (by program, one key a letter).
  const { data: total } = useApi<Timeliness>(
    key === null ? null : `/api/timeliness?${key}&by=program&measure=${m}`,
  );
  const n = total?.rows.reduce((s, r) => s + r.n, 0);
  const s = n === 1 ? '' : 's';
  const counted = n === undefined ? '' : `${num(n)} letter${s} or case${s}`;
  const { pages, rows, error, more, next } = usePages(key === null ? null : `${key}&measure=${m}`);
  const view = (patch: Partial<State['view']>) =>
    onState({ ...state, view: { ...state.view, ...patch } });
  const close = () => view({ drill: '', drill_measure: '', letter: '', item: '' });
  return (
    <section className="card services letters" aria-labelledby="letters-title">
      <header>
        <h2 id="letters-title">
          Letters, {MEASURES[m].label.toLowerCase()}: {describeDrill(keys)}
        </h2>
        <p className="listed" aria-live="polite">
          {counted}
        </p>
        <div className="actions">
          <button type="button" onClick={close}>
            Close list
          </button>
        </div>
      </header>
      {'reason' in drilled ? (
        <p className="empty">These letters cannot be listed: {drilled.reason}.</p>
      ) : error ? (
        <p className="error" role="alert">
          Could not load the letters: {error}
        </p>
      ) : pages.length === 0 ? (
        <p aria-live="polite">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No letters match these filters.</p>
      ) : (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Letter or case</th>
                <th scope="col">Decided</th>
                <th scope="col">Review speed</th>
                <th scope="col">{MEASURES[m].label}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={String(r.letter_id)}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => view({ letter: String(r.letter_id), item: '' })}
                    >
                      {String(r.letter_id)}
                    </button>
                  </td>
                  <td>{String(r.decision_date ?? r.report_year ?? '–')}</td>
                  <td>{String(r.review_speed ?? 'Not stated')}</td>
                  <td>{days(r[m] as number)}</td>
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
