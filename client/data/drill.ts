import {
  DIMENSIONS,
  dimension,
  keyRange,
  valueLabel,
  type DimensionName,
} from '../../model/dimensions.ts';
import { monthRange, PERIODS, type PeriodName } from '../../model/measures.ts';
import { NOT_STATED } from '../../model/values.ts';
import type { State } from './url-state.ts';

/**
 * A drill-down: the keys of the bar or cell clicked, each with its dimension, as the API
 * returned them. In the URL it is a query string of its own (`category=Evaluation+%26+...`),
 * itself encoded as the value of `drill`, so any key round-trips, whatever it holds.
 */
export type DrillKey = readonly [dimension: string, key: string];

export const encodeDrill = (keys: readonly DrillKey[]): string =>
  new URLSearchParams(keys as [string, string][]).toString();

export const decodeDrill = (text: string): DrillKey[] => [...new URLSearchParams(text)];

/** The filters that list a drill-down's services, or why no filter can. */
export type Drilled = { filters: URLSearchParams } | { reason: string };

// A range bound narrowed to the key's: the later start, the earlier end.
function narrow(q: URLSearchParams, p: string, v: string | number, side: 'min' | 'max') {
  const had = q.get(p);
  const num = typeof v === 'number';
  const have = had === null ? v : num ? Number(had) : had;
  const keep = side === 'min' ? (have > v ? have : v) : have < v ? have : v;
  q.set(p, String(keep));
}

/** Narrows q to one month (YYYY-MM) of a period's range; returns why it cannot, or null. */
function drillPeriod(q: URLSearchParams, period: PeriodName, key: string): string | null {
  const r = monthRange(key);
  if (!r) return `letters with no ${PERIODS[period].label.toLowerCase()} cannot be listed`;
  const [from, to] = dimension(PERIODS[period].rangeOf).range!;
  narrow(q, from, r[0], 'min');
  narrow(q, to, r[1], 'max');
  return q.get(from)! > q.get(to)! ? `${key} is outside the range filtered` : null;
}

/** Narrows q to one key of one dimension; returns why it cannot, or null once done. */
function drillOne(q: URLSearchParams, dim: string, key: string): string | null {
  if (dim in PERIODS) return drillPeriod(q, dim as PeriodName, key);
  if (!(dim in DIMENSIONS)) return `"${dim}" is not a dimension`;
  const name = dim as DimensionName;
  const d = dimension(name);
  if (d.range) {
    const r = keyRange(name, key);
    if (!r)
      return key === NOT_STATED
        ? `services with no ${d.label.toLowerCase()} cannot be listed: a range filter holds only services that have one`
        : `"${key}" is not a ${d.label.toLowerCase()} range`;
    narrow(q, d.range[0], r[0], 'min');
    narrow(q, d.range[1], r[1], 'max');
    const [from, to] = [q.get(d.range[0])!, q.get(d.range[1])!];
    if (typeof r[0] === 'number' ? Number(from) > Number(to) : from > to)
      return `${d.label} ${key} is outside the range filtered`;
    return null;
  }
  if (d.storage === 'text' && key === NOT_STATED)
    return `services with no ${d.label.toLowerCase()} cannot be listed by a filter`;
  // A filter on the same dimension keeps any of its values; a key outside them (another
  // guideline cited beside the one filtered) would need all of them, which no filter says.
  const chosen = q.getAll(name);
  if (chosen.length && d.storage !== 'text' && !chosen.includes(key))
    return `${d.label} "${key}" together with the ${d.label.toLowerCase()} filtered (${chosen.join(', ')}) cannot be listed: a filter keeps services with any of its values`;
  q.delete(name);
  q.append(name, key);
  return null;
}

/**
 * The view's filters narrowed to the keys clicked: a code or set key is its value, a year a
 * date range, an age band a range of ages, each within the range already filtered. A key of the
 * searched text (treatment) replaces the search: a name holding the key holds the term it was
 * found by, so the list stays within the view.
 */
export function drillFilters(filters: URLSearchParams, keys: readonly DrillKey[]): Drilled {
  const q = new URLSearchParams(filters);
  if (keys.length === 0) return { reason: 'nothing was chosen' };
  for (const [dim, key] of keys) {
    const reason = drillOne(q, dim, key);
    if (reason) return { reason };
  }
  return { filters: q };
}

/** The keys for people: "Category: Evaluation & Management, Guideline cited: MTUS". */
export const describeDrill = (keys: readonly DrillKey[]): string =>
  keys
    .map(([dim, key]) => {
      const d = dim in DIMENSIONS ? dimension(dim as DimensionName) : null;
      const label = d?.label ?? PERIODS[dim as PeriodName]?.label ?? dim;
      if (d?.search) return `${d.label} contains “${key}”`;
      return `${label}: ${d ? valueLabel(dim as DimensionName, key) : key}`;
    })
    .join(', ');

/** Why no filter can list the services behind these keys, or null when one can. */
export const unlisted = (filters: URLSearchParams, keys: readonly DrillKey[]): string | null => {
  const d = drillFilters(filters, keys);
  return 'reason' in d ? d.reason : null;
};

/**
 * The state that lists what is behind a bar or cell: its services, or with a review-time
 * measure the letters whose span in it is counted. Any open letter closes.
 */
export const drillTo = (s: State, keys: readonly DrillKey[], measure = ''): State => ({
  ...s,
  view: { ...s.view, drill: encodeDrill(keys), drill_measure: measure, letter: '', item: '' },
});
