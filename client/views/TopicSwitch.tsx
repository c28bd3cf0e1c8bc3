import type { State } from '../data/url-state.ts';

const TOPICS: [string, string][] = [
  ['', 'Uphold rate'],
  ['why', 'Why: the reasons given'],
  ['time', 'Review time'],
];

/** What a program's page shows: how often the denial was upheld, why, or how long review took. */
export function TopicSwitch({ state, onState }: { state: State; onState: (s: State) => void }) {
  return (
    <nav className="topic-switch" aria-label="Topic">
      {TOPICS.map(([topic, label]) => (
        <button
          key={topic}
          type="button"
          aria-pressed={state.view.topic === topic}
          onClick={() =>
            onState({
              ...state,
              view: { ...state.view, topic, drill: '', drill_measure: '', letter: '', item: '' },
            })
          }
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
