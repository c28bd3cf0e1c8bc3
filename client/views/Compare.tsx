import { CompareTrend } from '../charts/CompareTrend.tsx';
import { CompareTypes } from '../charts/CompareTypes.tsx';
import { CompareWait } from '../charts/CompareWait.tsx';
import type { StateProps } from '../data/url-state.ts';

/** Both programs side by side: by common treatment type, by year, and how long review took. */
export function Compare({ state, onState }: StateProps) {
  return (
    <div className="grid compare">
      <CompareTypes state={state} onState={onState} />
      <CompareTrend state={state} />
      <CompareWait state={state} onState={onState} />
    </div>
  );
}
