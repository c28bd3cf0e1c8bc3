import { PROGRAM_LABELS, type Summary } from '../../model/api.ts';
import { PROGRAMS } from '../../model/values.ts';
import { activeChoice, choose, type Choice } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';

const CHOICES: [Choice, string][] = [
  ...PROGRAMS.map((p): [Choice, string] => [p, PROGRAM_LABELS[p]]),
  ['compare', 'Both, compared'],
];

/**
 * The program switch at the top: workers' comp, health plans, or both compared. A program whose
 * data are synthetic says so on its button.
 */
export function ProgramSwitch(props: {
  state: State;
  all: Summary | null;
  onState: (s: State) => void;
}) {
  const active = activeChoice(props.state);
  const source = (c: Choice) => props.all?.programs.find((p) => p.program === c)?.data_source;
  return (
    <nav className="program-switch" aria-label="Program">
      {CHOICES.map(([c, label]) => (
        <button
          key={c}
          type="button"
          aria-pressed={active === c}
          onClick={() => props.onState(choose(props.state, c))}
        >
          {label}
          {source(c) === 'synthetic' && <small className="tag"> synthetic demo</small>}
          {source(c) === 'mixed' && <small className="tag"> partly synthetic</small>}
        </button>
      ))}
    </nav>
  );
}
