import { dimension, STRATA, type DimensionName } from '../../model/dimensions.ts';
import { PROGRAMS } from '../../model/values.ts';
import { inView } from '../data/program-choice.ts';
import { withView, type State, type StateProps } from '../data/url-state.ts';
import { Choice } from './Choice.tsx';

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
export function AdjustSwitch({ state, onState }: StateProps) {
  const { dim, adjust } = state.view;
  const offered = strataFor(state, dim);
  if (!offered.length) return null;
  const view = (value: string) => onState(withView(state, { adjust: value }));
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

const SHOW = { uphold: 'uphold rate', overturn: 'overturn rate' };
const SORTS = { n: 'by n', rate: 'by rate', key: 'by name' };

/** The rate chart's choices: its dimension, rate, order, minimum n, and the mix adjustment. */
export function RateControls(props: StateProps & { dims: Record<string, string> }) {
  const { state, onState, dims } = props;
  const adjustFor = (dim: string) => ({ adjust: fitAdjust(state, dim) });
  return (
    <>
      <Choice {...props} choice="dim" label="By" options={dims} also={adjustFor} />
      <Choice {...props} choice="metric" label="Show" options={SHOW} />
      <Choice {...props} choice="sort" label="Sort" options={SORTS} />
      <label>
        Minimum n{' '}
        <input
          type="number"
          min={0}
          value={state.view.min_n}
          onChange={(e) => onState(withView(state, { min_n: e.target.value || '0' }))}
        />
      </label>
      <AdjustSwitch state={state} onState={onState} />
    </>
  );
}
