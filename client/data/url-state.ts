import { useCallback, useEffect, useState } from 'react';
import { LIST_FILTERS, RANGE_FILTERS } from '../../model/dimensions.ts';

/** View choices that are not filters, with their defaults. */
export const VIEW = {
  dim: 'category',
  metric: 'uphold',
  sort: 'n',
  min_n: '0',
  interval: 'year',
  split: '',
  letter: '',
  item: '',
  drill: '',
  /** 'compare': both programs side by side (the program filter is then unused). */
  show: '',
  /** The rate chart adjusted for the mix of this stratum (model/dimensions.ts, `stratum`). */
  adjust: '',
  /** Slice A, pinned: its filters as a query string; the filters in view are slice B. */
  pin: '',
  /** The Why view's heat map: reasons by this dimension. */
  why_by: 'decision',
  /** What a program's page shows: '' the uphold rate, 'why' the reasons given, 'time' review time. */
  topic: '',
  /** Review time: the measure ('' is the program's first), its breakdown and its trend's step. */
  measure: '',
  wait_by: 'review_speed',
  wait_interval: 'year',
  /** A drill-down from review time: lists the letters counted in this measure, not services. */
  drill_measure: '',
};
export type View = typeof VIEW;

/** The whole page state lives in the URL: filters, chart choices, the open list and letter. */
export interface State {
  filters: URLSearchParams;
  view: View;
}

export function readState(): State {
  const all = new URLSearchParams(location.search);
  const filters = new URLSearchParams();
  // Filter parameters, as the API names them (model/dimensions.ts); lists are repeated.
  for (const k of [...LIST_FILTERS, ...RANGE_FILTERS])
    for (const v of all.getAll(k)) if (v) filters.append(k, v);
  const view = { ...VIEW };
  for (const k of Object.keys(VIEW) as (keyof View)[]) view[k] = all.get(k) ?? VIEW[k];
  return { filters, view };
}

function write(s: State): string {
  const q = new URLSearchParams(s.filters);
  for (const [k, v] of Object.entries(s.view)) if (v !== VIEW[k as keyof View]) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : location.pathname;
}

/** The URL state and a setter that pushes a history entry, so back and forward work. */
export function useUrlState(): [State, (next: State) => void] {
  const [state, setState] = useState(readState);
  useEffect(() => {
    const onPop = () => setState(readState());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const set = useCallback((next: State) => {
    const url = write(next);
    if (url !== `${location.pathname}${location.search}` && url !== location.search)
      history.pushState(null, '', url);
    setState(next);
  }, []);
  return [state, set];
}

/** A copy of the filters with one parameter's values replaced. */
export function withValues(
  filters: URLSearchParams,
  key: string,
  values: string[],
): URLSearchParams {
  const q = new URLSearchParams(filters);
  q.delete(key);
  for (const v of values) q.append(key, v);
  return q;
}

/** The state with some view choices changed. */
export const withView = (s: State, patch: Partial<View>): State => ({
  ...s,
  view: { ...s.view, ...patch },
});

/** The view choices that close the open list and letter. */
export const CLOSED = { drill: '', drill_measure: '', letter: '', item: '' } satisfies Partial<View>;

/** Props of a part of the page that reads the state and may change it. */
export interface StateProps {
  state: State;
  onState: (s: State) => void;
}
