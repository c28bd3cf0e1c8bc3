import { EVENTS, type PolicyEvent } from '../../model/events.ts';
import { inView } from './program-choice.ts';
import type { State } from './url-state.ts';

/** The policy events of the programs in view (model/events.ts), oldest first. */
export const eventsFor = (s: State): PolicyEvent[] => {
  const programs = inView(s);
  return EVENTS.filter((e) => !programs.length || programs.includes(e.program));
};

/** The trend's period holding a date: "2018", or the month or quarter's first month "2018-01". */
export function periodOf(date: string, interval: string): string {
  if (interval === 'year') return date.slice(0, 4);
  if (interval === 'month') return date.slice(0, 7);
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(quarter).padStart(2, '0')}`;
}
