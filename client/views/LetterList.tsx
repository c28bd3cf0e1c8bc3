import type { Timeliness } from '../../model/api.ts';
import { MEASURES, type MeasureName } from '../../model/measures.ts';
import { NOT_STATED } from '../../model/values.ts';
import { decodeDrill, describeDrill, drillFilters } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { days, num } from '../data/format.ts';
import { usePages } from '../data/item-pages.ts';
import { letterCountUrl } from '../data/urls.ts';
import { CLOSED, withView, type StateProps } from '../data/url-state.ts';
import { ListCard } from './ListCard.tsx';

/**
 * The letters (or health-plan cases) behind a bar of a review-time chart: those under the
 * filters plus the drill-down whose span in the measure is counted, one row each, with it.
 */
export function LetterList({ state, onState }: StateProps) {
  const m = state.view.drill_measure as MeasureName;
  const keys = decodeDrill(state.view.drill);
  const drilled = drillFilters(state.filters, keys);
  const key = 'filters' in drilled ? drilled.filters.toString() : null;
  // The count, as the bar counts it: every letter once (by program, one key a letter).
  const { data: total } = useApi<Timeliness>(key === null ? null : letterCountUrl(key, m));
  const n = total?.rows.reduce((s, r) => s + r.n, 0);
  const s = n === 1 ? '' : 's';
  const { loaded, rows, error, more } = usePages(key === null ? null : `${key}&measure=${m}`);
  return (
    <ListCard
      className="card services letters"
      id="letters-title"
      what="letters"
      title={`Letters, ${MEASURES[m].label.toLowerCase()}: ${describeDrill(keys)}`}
      listed={n === undefined ? '' : `${num(n)} letter${s} or case${s}`}
      onClose={() => onState(withView(state, CLOSED))}
      reason={'reason' in drilled ? drilled.reason : null}
      error={error}
      loaded={loaded}
      empty={rows.length === 0}
      heads={['Letter or case', 'Decided', 'Review speed', MEASURES[m].label]}
      more={more}
    >
      {rows.map((r) => (
        <tr key={String(r.letter_id)}>
          <td>
            <button
              type="button"
              className="link"
              onClick={() => onState(withView(state, { letter: String(r.letter_id), item: '' }))}
            >
              {String(r.letter_id)}
            </button>
          </td>
          <td>{String(r.decision_date ?? r.report_year ?? '–')}</td>
          <td>{String(r.review_speed ?? NOT_STATED)}</td>
          <td>{days(r[m] as number)}</td>
        </tr>
      ))}
    </ListCard>
  );
}
