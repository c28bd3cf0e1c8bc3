/** Numbers as the dashboard writes them: rates as whole percents, counts with separators. */
export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
export const num = (x: number) => x.toLocaleString('en-US');

/** Days as people read them: "32 days", "32.5 days", "–" for none. */
export const days = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Number(x.toFixed(1)).toLocaleString('en-US')} days`;

/** A ratio to two places: "1.07", "–" for none. */
export const ratio = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** A menu label as a table heading: "treatment category" is "Treatment category". */
export const heading = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** Rate, interval and label for the metric shown: uphold, or overturn (its complement). */
export function metric(
  r: { uphold_rate: number | null; ci_low: number; ci_high: number },
  which: string,
) {
  if (which === 'overturn')
    return {
      rate: r.uphold_rate === null ? null : 1 - r.uphold_rate,
      low: 1 - r.ci_high,
      high: 1 - r.ci_low,
      word: 'overturned',
    };
  return { rate: r.uphold_rate, low: r.ci_low, high: r.ci_high, word: 'upheld' };
}

/** "Uphold" or "Overturn", for the metric shown. */
export const metricWord = (which: string) => (which === 'overturn' ? 'Overturn' : 'Uphold');

/** A bar's figures in a tooltip: "12% (95% CI 10%–14%), n=100". */
export const rateText = (r: { rate: number | null; low: number; high: number; n: number }) =>
  `${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}), n=${num(r.n)}`;
