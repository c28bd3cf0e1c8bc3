import { dimension, STRATA, type DimensionName } from '../../model/dimensions.ts';
import { PROGRAMS } from '../../model/values.ts';
import { inView } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';

/**
 * The strata an adjustment of `dim` may hold constant for the programs in view: first those of
 * exactly these programs (workers' comp: its treatment category), then those of every program.
 */
export function strataFor(s: State, dim: string): DimensionName[] {
  const programs = inView(s);
  const own = (name: DimensionName) => dimension(name).programs ?? PROGRAMS;
  const exact = (name: DimensionName) =>
    programs.length === own(name).length && own(name).every((p) => programs.includes(p));
  const offered = STRATA.filter(
    (name) => name !== dim && (!programs.length || own(name).some((p) => programs.includes(p))),
  );
  return [...offered.filter(exact), ...offered.filter((name) => !exact(name))];
}

/** The stratum to keep when the chart's dimension becomes dim: the same, or the first offered. */
export function fitAdjust(s: State, dim: string): string {
  const offered = strataFor(s, dim);
  if (!s.view.adjust || offered.includes(s.view.adjust as DimensionName)) return s.view.adjust;
  return offered[0] ?? '';
}

/** The rate chart's switch to O/E adjusted for service mix, and the stratum it holds constant. */
export function AdjustSwitch({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { dim, adjust } = state.view;
  const offered = strataFor(state, dim);
  if (!offered.length) return null;
  const view = (value: string) => onState({ ...state, view: { ...state.view, adjust: value } });
  const options = adjust && !offered.includes(adjust as DimensionName) ? [adjust] : [];
  return (
    <span>
      <label>
        <input
          type="checkbox"
          checked={adjust !== ''}
          onChange={(e) => view(e.target.checked ? offered[0] : '')}
        />{' '}
        Compare fairly: adjusted for service mix
      </label>
      {adjust && (
        <>
          {' '}
          <label htmlFor="rate-adjust">holding constant</label>{' '}
          <select id="rate-adjust" value={adjust} onChange={(e) => view(e.target.value)}>
            {[...offered, ...options].map((s) => (
              <option key={s} value={s}>
                {dimension(s as DimensionName).stratum ?? s}
              </option>
            ))}
          </select>
        </>
      )}
    </span>
  );
}

/** The rate chart's choices: its dimension, rate, order, minimum n, and the mix adjustment. */
export function RateControls(props: {
  state: State;
  onState: (s: State) => void;
  dims: Record<string, string>;
}) {
  const { state, onState, dims: RATE_DIMS } = props;
  const { dim, metric: which, sort, min_n } = state.view;
  const view = (patch: Partial<State['view']>) =>
    onState({ ...state, view: { ...state.view, ...patch } });
  return (
    <>
      <span>
        <label htmlFor="rate-by">By</label>{' '}
        <select
          id="rate-by"
          value={dim}
          onChange={(e) => view({ dim: e.target.value, adjust: fitAdjust(state, e.target.value) })}
        >
          {Object.entries(RATE_DIMS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </span>
      <span>
        <label htmlFor="rate-show">Show</label>{' '}
        <select id="rate-show" value={which} onChange={(e) => view({ metric: e.target.value })}>
          <option value="uphold">uphold rate</option>
          <option value="overturn">overturn rate</option>
        </select>
      </span>
      <span>
        <label htmlFor="rate-sort">Sort</label>{' '}
        <select id="rate-sort" value={sort} onChange={(e) => view({ sort: e.target.value })}>
          <option value="n">by n</option>
          <option value="rate">by rate</option>
          <option value="key">by name</option>
        </select>
      </span>
      <label>
        Minimum n{' '}
        <input
          type="number"
          min={0}
          value={min_n}
          onChange={(e) => view({ min_n: e.target.value || '0' })}
        />
      </label>
      <AdjustSwitch state={state} onState={onState} />
    </>
  );
}
