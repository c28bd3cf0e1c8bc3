import { CompareTrend } from './CompareTrend.tsx';
import { CompareTypes } from './CompareTypes.tsx';
import { CompareWait } from './CompareWait.tsx';
import type { State } from './state.ts';

/** Both programs side by side: by common treatment type, by year, and how long review took. */
export function Compare({ state, onState }: { state: State; onState: (s: State) => void }) {
  return (
    <div className="grid compare">
      <CompareTypes state={state} onState={onState} />
      <CompareTrend state={state} />
      <CompareWait state={state} onState={onState} />
    </div>
  );
}
