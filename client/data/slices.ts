import type { Comparison } from '../../model/api.ts';
import {
  dimension,
  filterDimension,
  LIST_FILTERS,
  RANGE_BOUNDS,
  type FilterName,
  type RangeFilterName,
} from '../../model/dimensions.ts';
import { withValues } from './url-state.ts';

const FILTERS = new Set<string>([...LIST_FILTERS, ...Object.keys(RANGE_BOUNDS)]);

/** A slice's filters in words: "Program: DWC; Category: Surgery or DMEPOS; Decided from 2018-01-01". */
export function describeSlice(query: string): string {
  const q = new URLSearchParams(query);
  const parts = [...new Set(q.keys())]
    .filter((k) => FILTERS.has(k))
    .map((k) => {
      const values = q.getAll(k);
      if (k in RANGE_BOUNDS) {
        const d = dimension(filterDimension(k as FilterName));
        const side = RANGE_BOUNDS[k as RangeFilterName].side === 'min' ? 'from' : 'to';
        return `${d.rangeLabel} ${side} ${values[0]}`;
      }
      return `${dimension(filterDimension(k as FilterName)).label}: ${values.join(' or ')}`;
    });
  return parts.join('; ') || 'every service';
}

const points = (x: number) => Math.round(Math.abs(x) * 100);

/** p as people read it: "p < 0.001", "p = 0.043", "p = 1". */
export const pWords = (p: number) =>
  p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toFixed(3)).toString()}`;

/**
 * A comparison in words: "12 points higher (5 to 19), unlikely to be chance (p = 0.001)", or
 * with `than`, "12 points higher than B (5 to 19), ..."; the interval says which way each end
 * lies when it holds 0 ("2 points lower (5 lower to 1 higher)").
 */
export function differenceWords(c: Comparison, than?: string): string {
  if (c.difference === null || c.ci_low === null || c.ci_high === null || c.p_value === null)
    return 'cannot be compared: a slice has no services';
  const d = points(c.difference);
  const way = c.difference > 0 ? 'higher' : 'lower';
  const head =
    (d === 0 ? 'within 1 point' : `${d} point${d === 1 ? '' : 's'} ${way}`) +
    (than ? ` ${d === 0 ? 'of' : 'than'} ${than}` : '');
  const [lo, hi] = [c.ci_low * 100, c.ci_high * 100].map(Math.round);
  const interval =
    lo >= 0 || hi <= 0
      ? `${Math.min(Math.abs(lo), Math.abs(hi))} to ${Math.max(Math.abs(lo), Math.abs(hi))}`
      : `${-lo} lower to ${hi} higher`;
  const chance = c.p_value < 0.05 ? 'unlikely to be chance' : 'could be chance';
  return `${head} (${interval}), ${chance} (${pWords(c.p_value)})`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const shift = (iso: string, months: number, days = 0) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return day(d);
};

/**
 * The 12 months from a date (a) and the 12 months before it (b), under the other filters: each
 * the filters with their decision dates replaced by the window.
 */
export function aroundDate(
  filters: URLSearchParams,
  date: string,
): { after: string; before: string } {
  const [from, to] = dimension('decision_year').range!;
  const window = (start: string, end: string) =>
    withValues(withValues(filters, from, [start]), to, [end]).toString();
  return {
    after: window(date, shift(date, 12, -1)),
    before: window(shift(date, -12), shift(date, 0, -1)),
  };
}
