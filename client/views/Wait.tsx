import { LIMIT_NOTE, MEASURES, measuresOf, PERIODS } from '../../model/measures.ts';
import { Choice } from '../charts/Choice.tsx';
import { WaitBars } from '../charts/WaitBars.tsx';
import { WaitTrend } from '../charts/WaitTrend.tsx';
import { measureOf, waitMenu, waitProgram } from '../data/review-time.ts';
import { WAIT_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';

/**
 * A program's review time: which measure, what it counts and what it does not, then the median
 * over time, the share within the legal limit by review speed, and review time by any dimension.
 */
export function Wait({ state, onState }: StateProps) {
  const m = measureOf(state);
  const menu = waitMenu(waitProgram(state));
  const { wait_by } = state.view;
  const by = wait_by in menu || wait_by in PERIODS ? wait_by : 'review_speed';
  const measures = Object.fromEntries(
    measuresOf(waitProgram(state)).map((name) => [name, MEASURES[name].label]),
  );
  const props = { state, onState };
  return (
    <>
      <section className="measure" aria-label="Review time measure">
        <Choice {...props} choice="measure" value={m} label="Measure" options={measures} />
        <p>
          <strong>What it counts:</strong> {MEASURES[m].doc} <strong>What it does not:</strong>{' '}
          {MEASURES[m].caveat} One wait per letter or case, however many services it decides; spans
          below 0 or over 730 days are left out and counted.{' '}
          {LIMIT_NOTE.replace('within_limit', 'Within the limit')}
        </p>
      </section>
      <div className="grid">
        <WaitTrend {...props} />
        <WaitBars
          {...props}
          url={WAIT_URLS.waitLimit(state)}
          by="review_speed"
          byLabel="Review speed"
          title="Decided within the legal limit, by review speed"
          show="share"
        />
        <WaitBars
          {...props}
          url={WAIT_URLS.waitBy(state)}
          by={by}
          byLabel={menu[by] ?? by}
          title={`${MEASURES[m].label} by ${menu[by] ?? by}`}
          show="median"
          controls={<Choice {...props} choice="wait_by" value={by} label="By" options={menu} />}
        />
      </div>
    </>
  );
}
