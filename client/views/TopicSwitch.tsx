import { CLOSED, withView, type StateProps } from '../data/url-state.ts';
import { Switch } from './Switch.tsx';

const TOPICS: [string, string][] = [
  ['', 'Uphold rate'],
  ['why', 'Why: the reasons given'],
  ['time', 'Review time'],
];

/** What a program's page shows: how often the denial was upheld, why, or how long review took. */
export function TopicSwitch({ state, onState }: StateProps) {
  return (
    <Switch
      className="topic-switch"
      label="Topic"
      choices={TOPICS}
      active={state.view.topic}
      onPick={(topic) => onState(withView(state, { topic, ...CLOSED }))}
    />
  );
}
