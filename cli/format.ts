// How the command lines write numbers.

/** A count with thousands separators: 1,000,000. */
export const count = (n: number) => n.toLocaleString('en-US');

/** k of n as a percentage with one decimal, or '-' of nothing. */
export const pct = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)}%` : '-');
