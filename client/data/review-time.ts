import { dimension, DIMENSION_NAMES } from '../../model/dimensions.ts';
import { MEASURES, measuresOf, type MeasureName } from '../../model/measures.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import type { TimelinessRow } from '../../model/api.ts';
import { drillFilters, encodeDrill } from './drill.ts';
import type { State } from './url-state.ts';

/** The one program a review-time view is of: the program filtered, else workers' comp. */
export const waitProgram = (s: State): Program => {
  const chosen = PROGRAMS.filter((p) => s.filters.getAll('program').includes(p));
  return chosen.length === 1 ? chosen[0] : 'DWC';
};

/** The measure in view: the one chosen when its program is in view, else the program's first. */
export function measureOf(s: State): MeasureName {
  const chosen = s.view.measure as MeasureName;
  const own = measuresOf(waitProgram(s));
  return own.includes(chosen) ? chosen : own[0];
}

export const measureLabel = (m: MeasureName) => MEASURES[m].label;

/** Days as people read them: "32 days", "32.5 days", "–" for none. */
export const days = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Number(x.toFixed(1)).toLocaleString('en-US')} days`;

/** A row with why its letters cannot be listed (null when they can), for bars and tables. */
export const withReason = (filters: URLSearchParams, by: string, r: TimelinessRow) => {
  const d = drillFilters(filters, [[by, r.key]]);
  return { ...r, reason: 'reason' in d ? d.reason : null };
};

/** The state that lists the letters behind one key of a review-time chart. */
export const waitDrillTo = (s: State, by: string, key: string): State => ({
  ...s,
  view: {
    ...s.view,
    drill: encodeDrill([[by, key]]),
    drill_measure: measureOf(s),
    letter: '',
    item: '',
  },
});

/** The breakdowns offered: the rate chart's dimensions that the program in view has. */
export const waitMenu = (p: Program): Record<string, string> =>
  Object.fromEntries(
    DIMENSION_NAMES.flatMap((name) => {
      const d = dimension(name);
      return d.rateMenu && (!d.programs || d.programs.includes(p)) ? [[name, d.rateMenu]] : [];
    }),
  );

/**
 * A days axis drawn on a 0-1 track: its top (a round number of days above max) and its ticks,
 * as fractions of the top, every 5, 10, 20, 50 or 100 days: at most six of them.
 */
export function dayAxis(max: number): { top: number; ticks: number[] } {
  const step = [5, 10, 20, 50, 100, 200, 500].find((s) => max / s <= 6) ?? 1000;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => (i * step) / top) };
}

/** A menu label as a table heading: "treatment category" is "Treatment category". */
export const heading = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);
