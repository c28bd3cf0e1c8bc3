import type { Summary } from '../../model/api.ts';
import { PROGRAM_LABELS } from '../../model/programs.ts';
import { PROGRAMS } from '../../model/values.ts';
import { activeChoice, choose, type Choice } from '../data/program-choice.ts';
import type { StateProps } from '../data/url-state.ts';
import { Switch } from './Switch.tsx';

const CHOICES: [Choice, string][] = [
  ...PROGRAMS.map((p): [Choice, string] => [p, PROGRAM_LABELS[p]]),
  ['compare', 'Both, compared'],
];

/**
 * The program switch at the top: workers' comp, health plans, or both compared. A program whose
 * data are synthetic says so on its button.
 */
export function ProgramSwitch(props: StateProps & { all: Summary | null }) {
  const source = (c: Choice) => props.all?.programs.find((p) => p.program === c)?.data_source;
  const tag = (c: Choice) =>
    source(c) === 'synthetic'
      ? ' synthetic demo'
      : source(c) === 'mixed'
        ? ' partly synthetic'
        : '';
  return (
    <Switch
      className="program-switch"
      label="Program"
      choices={CHOICES.map(([c, label]) => [
        c,
        <>
          {label}
          {tag(c) && <small className="tag">{tag(c)}</small>}
        </>,
      ])}
      active={activeChoice(props.state)}
      onPick={(c) => props.onState(choose(props.state, c))}
    />
  );
}
