import type { Comparison } from '../../model/api.ts';
import type { PolicyEvent } from '../../model/events.ts';
import { useApi } from '../data/fetch.ts';
import { num, pct } from '../data/format.ts';
import { aroundDate, differenceWords } from '../data/slices.ts';
import { compareUrl } from '../data/urls.ts';
import type { State } from '../data/url-state.ts';

/**
 * An event's marker on a trend chart, drawn by recharts as a reference line's label: its label
 * on hover, and, given onPick, a click compares the 12 months before and after it.
 */
export function EventFlag(props: {
  event: PolicyEvent;
  onPick?: () => void;
  viewBox?: { x: number; y: number };
}) {
  const { event: e, viewBox, onPick } = props;
  const [x, y] = [viewBox?.x ?? 0, viewBox?.y ?? 0];
  return (
    <g className="event-marker" onClick={onPick} style={{ cursor: onPick ? 'pointer' : 'help' }}>
      <title>{`${e.date}: ${e.label}${onPick ? ' (click: the 12 months before and after)' : ''}`}</title>
      <path d={`M${x - 6} ${y} h12 l-6 9 z`} fill="#8a6d00" />
    </g>
  );
}

/** The 12 months after an event against the 12 before, under the other filters, in words. */
function BeforeAfter({ state, event }: { state: State; event: PolicyEvent }) {
  const { after, before } = aroundDate(state.filters, event.date);
  const { data, error } = useApi<Comparison>(compareUrl(after, before));
  if (error)
    return (
      <p className="error" role="alert">
        Could not compare: {error}
      </p>
    );
  if (!data) return <p className="verdict">Comparing…</p>;
  const side = (name: string, s: Comparison['a']) =>
    `${name}: ${num(s.n)} services, ${pct(s.uphold_rate)} upheld`;
  return (
    <p className="verdict" role="status">
      {`The 12 months after ${event.date} against the 12 before, under the other filters: ${differenceWords(data, 'before')}${data.test ? ` (${data.test})` : ''}. `}
      {`${side('Before', data.b)}; ${side('after', data.a)}.`}
    </p>
  );
}

/** The events in view, each with its source and a button comparing before and after. */
export function EventList(props: {
  state: State;
  events: PolicyEvent[];
  chosen: string | null;
  onPick: (date: string) => void;
}) {
  if (!props.events.length) return null;
  const chosen = props.events.find((e) => e.date === props.chosen);
  return (
    <details className="events" open={chosen ? true : undefined}>
      <summary>Policy events ({props.events.length})</summary>
      <ul>
        {props.events.map((e) => (
          <li key={`${e.program}${e.date}`}>
            <time dateTime={e.date}>{e.date}</time> {e.label}{' '}
            <a href={e.source} target="_blank" rel="noreferrer" title={e.detail}>
              source
            </a>{' '}
            <button type="button" onClick={() => props.onPick(e.date)} aria-pressed={e === chosen}>
              Compare 12 months before and after
            </button>
          </li>
        ))}
      </ul>
      {chosen && <BeforeAfter state={props.state} event={chosen} />}
    </details>
  );
}
