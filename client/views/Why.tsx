import { DIMENSIONS, type DimensionName } from '../../model/dimensions.ts';
import { WHY_URLS } from '../data/fetch.ts';
import { GuidelineAgreement } from '../charts/GuidelineAgreement.tsx';
import { Heatmap } from '../charts/Heatmap.tsx';
import { menuOf } from '../data/program-choice.ts';
import { ReasonShares } from '../charts/ReasonShares.tsx';
import type { State } from '../data/url-state.ts';

/**
 * The "Why" view: the reasons reviewers gave for upheld and for overturned services under the
 * filters, reasons by any dimension as a heat map, and utilization review's guidelines against
 * the reviewer's. Every bar and cell lists its services; a service opens its letter with the
 * sentence that gave each reason marked.
 */
export function Why({ state, onState }: { state: State; onState: (s: State) => void }) {
  const by = (state.view.why_by in DIMENSIONS ? state.view.why_by : 'decision') as DimensionName;
  const offered: Record<string, string> = {
    decision: 'decision',
    ...menuOf('rateMenu', state, by),
  };
  delete offered.reason;
  const controls = (
    <span>
      <label htmlFor="why-by">Reasons by</label>{' '}
      <select
        id="why-by"
        value={by}
        onChange={(e) => onState({ ...state, view: { ...state.view, why_by: e.target.value } })}
      >
        {Object.entries(offered).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <div className="grid why">
      <ReasonShares state={state} onState={onState} />
      <Heatmap
        state={state}
        onState={onState}
        axes={{ rows: 'reason', cols: by }}
        url={WHY_URLS.crosstab({ ...state, view: { ...state.view, why_by: by } })}
        controls={controls}
      />
      <GuidelineAgreement state={state} onState={onState} />
    </div>
  );
}
