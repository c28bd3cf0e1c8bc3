import type { State } from './state.ts';

const TABS: [string, string][] = [
  ['', 'Rates and trends'],
  ['why', 'Why: the reasons given'],
];

/** Chooses what the charts show: rates and trends, or the reasons reviewers gave ("Why"). */
export function ViewSwitch({ state, onState }: { state: State; onState: (s: State) => void }) {
  return (
    <nav className="view-switch" aria-label="View">
      {TABS.map(([tab, label]) => (
        <button
          key={tab}
          type="button"
          aria-pressed={state.view.tab === tab}
          onClick={() =>
            onState({ ...state, view: { ...state.view, tab, drill: '', letter: '', item: '' } })
          }
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
