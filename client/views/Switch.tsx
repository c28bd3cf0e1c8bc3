import type { ReactNode } from 'react';

/** A row of buttons of which one is pressed: what the page shows (a program, a topic). */
export function Switch<C extends string>(props: {
  className: string;
  label: string;
  choices: [C, ReactNode][];
  active: C | null;
  onPick: (c: C) => void;
}) {
  return (
    <nav className={`switch ${props.className}`} aria-label={props.label}>
      {props.choices.map(([c, text]) => (
        <button
          key={c}
          type="button"
          aria-pressed={props.active === c}
          onClick={() => props.onPick(c)}
        >
          {text}
        </button>
      ))}
    </nav>
  );
}
