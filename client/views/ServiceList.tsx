import type { Summary } from '../../model/api.ts';
import { valueLabel } from '../../model/dimensions.ts';
import { applies } from '../../model/programs.ts';
import { NOT_APPLICABLE, NOT_STATED, type Program } from '../../model/values.ts';
import { decodeDrill, describeDrill, drillFilters } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { num } from '../data/format.ts';
import { usePages } from '../data/item-pages.ts';
import { exportUrl, summaryUrl } from '../data/urls.ts';
import { CLOSED, withView, type StateProps } from '../data/url-state.ts';
import { ListCard } from './ListCard.tsx';

type Row = Record<string, unknown>;

// A health-plan case cites evidence, not workers' comp guidelines (MTUS, ODG, ACOEM).
const guideline = (r: Row) =>
  applies('guideline_source', r.program as Program)
    ? ((r.guideline_sources as string[] | null) ?? []).join(', ')
    : NOT_APPLICABLE;

/** A service's reasons, as people read them. */
const reasons = (r: Row) =>
  ((r.reason as string[] | null) ?? [NOT_STATED]).map((k) => valueLabel('reason', k)).join(', ');

const HEADS = ['Treatment', 'Decision', 'Category', 'Guideline', 'Decided', 'Reasons'];

/** The services behind a bar or cell (the filters plus the drill-down), a page at a time. */
export function ServiceList({ state, onState }: StateProps) {
  const keys = decodeDrill(state.view.drill);
  const drilled = drillFilters(state.filters, keys);
  // The filters of the list; null when no filter can list these services.
  const key = 'filters' in drilled ? drilled.filters.toString() : null;
  const { data: total } = useApi<Summary>(key === null ? null : summaryUrl(key));
  const { loaded, rows, error, more } = usePages(key);
  const n = total?.items;
  const open = (r: Row) =>
    onState(withView(state, { letter: String(r.letter_id), item: String(r.item_no) }));
  return (
    <ListCard
      className="card services"
      id="services-title"
      what="services"
      title={`Services: ${describeDrill(keys)}`}
      listed={n === undefined ? '' : n ? `${num(n)} service${n === 1 ? '' : 's'}` : 'No services'}
      actions={
        key !== null && (
          <a className="button" href={exportUrl(key)} download>
            Download these services (CSV)
          </a>
        )
      }
      onClose={() => onState(withView(state, CLOSED))}
      reason={'reason' in drilled ? drilled.reason : null}
      error={error}
      loaded={loaded}
      empty={rows.length === 0}
      heads={[...HEADS, 'Letter or case']}
      more={more}
    >
      {rows.map((r) => (
        <tr key={`${r.letter_id}/${r.item_no}`}>
          <td>
            <button type="button" className="link" onClick={() => open(r)}>
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
    </ListCard>
  );
}
