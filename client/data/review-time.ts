import type { TimelinessRow } from '../../model/api.ts';
import { menu } from '../../model/dimensions.ts';
import { LOW_N } from '../../model/limits.ts';
import { MEASURES, measuresOf, type MeasureName } from '../../model/measures.ts';
import type { Program } from '../../model/values.ts';
import { inView } from './program-choice.ts';
import type { State } from './url-state.ts';

/** The one program a review-time view is of: the program filtered, else workers' comp. */
export const waitProgram = (s: State): Program => {
  const chosen = inView(s);
  return chosen.length === 1 ? chosen[0] : 'DWC';
};

/** The measure in view: the one chosen when its program is in view, else the program's first. */
export function measureOf(s: State): MeasureName {
  const chosen = s.view.measure as MeasureName;
  const own = measuresOf(waitProgram(s));
  return own.includes(chosen) ? chosen : own[0];
}

export const measureLabel = (m: MeasureName) => MEASURES[m].label;

/** The breakdowns offered: the rate chart's dimensions that the program in view has. */
export const waitMenu = (p: Program): Record<string, string> => menu('rateMenu', [p]);

/**
 * A days axis drawn on a 0-1 track: its top (a round number of days above max), its ticks as
 * fractions of the top, every 5, 10, 20, 50 or 100 days (at most six), and their text.
 */
export function dayAxis(max: number) {
  const step = [5, 10, 20, 50, 100, 200, 500].find((s) => max / s <= 6) ?? 1000;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => (i * step) / top);
  return { top, ticks, format: (v: number) => `${Math.round(v * top)} d` };
}

/**
 * A key's review time as a bar on a 0-1 track: its median as a share of the axis' top with the
 * 25th to 75th percentile as its whisker, or the share within the limit with its interval.
 */
export const waitBar = (r: TimelinessRow, show: 'median' | 'share', top: number) => ({
  ...(show === 'share'
    ? { rate: r.within_limit_share, low: r.ci_low, high: r.ci_high }
    : {
        rate: (r.median_days ?? 0) / top,
        low: (r.p25_days ?? 0) / top,
        high: (r.p75_days ?? 0) / top,
      }),
  low_n: r.n < LOW_N,
});
