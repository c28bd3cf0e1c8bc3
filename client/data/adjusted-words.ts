import type { AdjustedRates } from '../../model/api.ts';
import { dimension, type DimensionName } from '../../model/dimensions.ts';
import { num, pct, ratio } from './format.ts';

const plural = (w: string) => (w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`);

/** What an adjusted chart says it held constant, and its first row's ratio. */
export function adjustedSummary(data: AdjustedRates, byLabel: string): string {
  const stratum = dimension(data.adjust as DimensionName).stratum ?? data.adjust;
  const top = data.rows.find((r) => r.oe_ratio !== null);
  return (
    `Held constant: the mix of ${plural(stratum)}. Each ${byLabel}'s services are weighed at ` +
    `the uphold rate of their own ${stratum} among all services under these filters ` +
    `(indirect standardisation); O/E above 1 means upheld more often than that mix predicts.` +
    (data.single_key_strata
      ? ` ${num(data.single_key_strata)} of ${num(data.strata)} ${plural(stratum)} hold services of one ${byLabel} only and are left out.`
      : '') +
    (top
      ? ` ${top.key}: O/E ${ratio(top.oe_ratio)} (95% CI ${ratio(top.oe_ci_low)}–${ratio(top.oe_ci_high)}), ${pct(top.adjusted_upheld / top.adjusted_n)} upheld where its mix predicts ${pct(top.expected_rate)}.`
      : '')
  );
}

/** The observed rate of the services compared, "–" for none. */
export const observed = (r: { adjusted_n: number; adjusted_upheld: number }) =>
  r.adjusted_n ? pct(r.adjusted_upheld / r.adjusted_n) : '–';
