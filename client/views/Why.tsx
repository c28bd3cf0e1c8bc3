import type { DimensionName } from '../../model/dimensions.ts';
import { GuidelineAgreement } from '../charts/GuidelineAgreement.tsx';
import { Heatmap } from '../charts/Heatmap.tsx';
import { ReasonShares } from '../charts/ReasonShares.tsx';
import { Choice } from '../charts/Choice.tsx';
import { menuOf } from '../data/program-choice.ts';
import { WHY_URLS, whyBy } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';

/**
 * The "Why" view: the reasons reviewers gave for upheld and for overturned services under the
 * filters, reasons by any dimension as a heat map, and utilization review's guidelines against
 * the reviewer's. Every bar and cell lists its services; a service opens its letter with the
 * sentence that gave each reason marked.
 */
export function Why(props: StateProps) {
  const { state, onState } = props;
  const by = whyBy(state) as DimensionName;
  const menu: Record<string, string> = { decision: 'decision', ...menuOf('rateMenu', state, by) };
  const { reason: _, ...offered } = menu;
  return (
    <div className="grid why">
      <ReasonShares state={state} onState={onState} />
      <Heatmap
        state={state}
        onState={onState}
        axes={{ rows: 'reason', cols: by }}
        url={WHY_URLS.crosstab(state)}
        controls={
          <Choice {...props} choice="why_by" value={by} label="Reasons by" options={offered} />
        }
      />
      <GuidelineAgreement state={state} onState={onState} />
    </div>
  );
}
