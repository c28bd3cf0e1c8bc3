import { CompareTrend } from './CompareTrend.tsx';
import { CompareTypes } from './CompareTypes.tsx';
import type { State } from './state.ts';

/** Both programs side by side: by common treatment type, and by year. */
export function Compare({ state, onState }: { state: State; onState: (s: State) => void }) {
  return (
    <div className="grid compare">
      <CompareTypes state={state} onState={onState} />
      <CompareTrend state={state} />
    </div>
  );
}
