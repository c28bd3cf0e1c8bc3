import type { Summary } from '../../model/api.ts';
import {
  DIMENSIONS,
  dimension,
  heatmapAxes,
  menu,
  type DimensionName,
} from '../../model/dimensions.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { CLOSED, withValues, type State, type View } from './url-state.ts';

/** What the program switch shows: one program, or both compared. */
export type Choice = Program | 'compare';

/** The filters without the program filter: what the switch and the compare view count under. */
export const withoutProgram = (filters: URLSearchParams) => withValues(filters, 'program', []);

/** The programs the filters keep, in the declared order (none named: all of them). */
export const inView = (s: State) => PROGRAMS.filter((p) => s.filters.getAll('program').includes(p));

/** A chart's menu for the programs in view, keeping `current` when a shared link names it. */
export function menuOf(chart: 'rateMenu' | 'splitMenu', s: State, current: string) {
  const offered = menu(chart, inView(s));
  if (!current || current in offered || !(current in DIMENSIONS)) return offered;
  return { ...offered, [current]: dimension(current as DimensionName).label.toLowerCase() };
}

/** The heat map's dimensions for the programs in view. */
export const heatmapOf = (s: State) => heatmapAxes(inView(s));

/** The switch's active choice: compare, or the one program filtered (none for both filtered). */
export function activeChoice(s: State): Choice | null {
  if (s.view.show === 'compare') return 'compare';
  const chosen = s.filters.getAll('program');
  return chosen.length === 1 ? (chosen[0] as Program) : null;
}

/**
 * The state the page shows: the URL's, or, when the URL names no program and no compare, the
 * URL's with the default program (null until the summary that decides it has loaded).
 */
export function effective(s: State, all: Summary | null): State | null {
  if (s.view.show === 'compare' || s.filters.getAll('program').length) return s;
  if (!all) return null;
  const p = defaultChoice(all);
  return { filters: withValues(s.filters, 'program', [p]), view: fitDim(s.view, p) };
}

/**
 * The rate chart's dimension for one program: one the other program alone has (all 'Not
 * applicable' here) gives way to the program's own treatment category, its heat map's rows.
 */
function fitDim(view: View, p: Program): View {
  const own = view.dim in DIMENSIONS ? dimension(view.dim as DimensionName).programs : undefined;
  if (!own || own.includes(p)) return view;
  return { ...view, dim: heatmapAxes([p]).rows };
}

/** Workers' comp when its letters are real (or mixed), else health plans when they have data. */
export function defaultChoice(all: Summary): Program {
  const by = Object.fromEntries(all.programs.map((p) => [p.program, p]));
  const dwc = by.DWC?.data_source;
  if (dwc === 'real' || dwc === 'mixed') return 'DWC';
  return by.DMHC?.services ? 'DMHC' : 'DWC';
}

/** The state with the choice applied: a program filter, or the compare view without one. */
export function choose(s: State, c: Choice): State {
  const view = { ...s.view, show: c === 'compare' ? 'compare' : '', ...CLOSED };
  if (c !== 'compare')
    return { filters: withValues(s.filters, 'program', [c]), view: fitDim(view, c) };
  return { filters: withValues(s.filters, 'program', []), view };
}
