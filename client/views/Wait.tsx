import { LIMIT_NOTE, MEASURES, measuresOf, PERIODS } from '../../model/measures.ts';
import { VIEW_URLS } from '../data/fetch.ts';
import type { State } from '../data/url-state.ts';
import { measureOf, waitMenu, waitProgram } from '../data/review-time.ts';
import { WaitBars } from '../charts/WaitBars.tsx';
import { WaitTrend } from '../charts/WaitTrend.tsx';

/**
 * A program's review time: which measure, what it counts and what it does not, then the median
 * over time, the share within the legal limit by review speed, and review time by any dimension.
 */
export function Wait({ state, onState }: { state: State; onState: (s: State) => void }) {
  const m = measureOf(state);
  const view = (patch: Partial<State['view']>) =>
    onState({ ...state, view: { ...state.view, ...patch } });
  const menu = waitMenu(waitProgram(state));
  const by = state.view.wait_by in menu || state.view.wait_by in PERIODS ? state.view.wait_by : 'review_speed'; // prettier-ignore
  const props = { state, onState };
  return (
    <>
      <section className="measure" aria-label="Review time measure">
        <label htmlFor="wait-measure">Measure</label>{' '}
        <select id="wait-measure" value={m} onChange={(e) => view({ measure: e.target.value })}>
          {measuresOf(waitProgram(state)).map((name) => (
            <option key={name} value={name}>
              {MEASURES[name].label}
            </option>
          ))}
        </select>
        <p>
          <strong>What it counts:</strong> {MEASURES[m].doc} <strong>What it does not:</strong>{' '}
          {MEASURES[m].caveat} One wait per letter or case, however many services it decides; spans
          below 0 or over 730 days are left out and counted.{' '}
          {LIMIT_NOTE.replace('within_limit', 'Within the limit')} {/* prettier-ignore */}
        </p>
      </section>
      <div className="grid">
        <WaitTrend {...props} />
        <WaitBars
          {...props}
          url={VIEW_URLS.waitLimit(state)}
          by="review_speed"
          byLabel="Review speed"
          title="Decided within the legal limit, by review speed"
          show="share"
        />
        <WaitBars
          {...props}
          url={VIEW_URLS.waitBy(state)}
          by={by}
          byLabel={menu[by] ?? by}
          title={`${MEASURES[m].label} by ${menu[by] ?? by}`}
          show="median"
          controls={
            <span>
              <label htmlFor="wait-by">By</label>{' '}
              <select id="wait-by" value={by} onChange={(e) => view({ wait_by: e.target.value })}>
                {Object.entries(menu).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </span>
          }
        />
      </div>
    </>
  );
}
