import { withView, type StateProps, type View } from '../data/url-state.ts';

/**
 * A labelled menu that sets one view choice in the URL: its value is the state's (or the one
 * given, when the view shows another in its place), and `also` changes what goes with it.
 */
export function Choice(
  props: StateProps & {
    choice: keyof View;
    label: string;
    options: Record<string, string>;
    value?: string;
    also?: (value: string) => Partial<View>;
  },
) {
  const { state, choice } = props;
  const id = `choose-${choice.replace(/_/g, '-')}`;
  const pick = (v: string) => props.onState(withView(state, { [choice]: v, ...props.also?.(v) }));
  return (
    <span>
      <label htmlFor={id}>{props.label}</label>{' '}
      <select
        id={id}
        value={props.value ?? state.view[choice]}
        onChange={(e) => pick(e.target.value)}
      >
        {Object.entries(props.options).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </span>
  );
}
