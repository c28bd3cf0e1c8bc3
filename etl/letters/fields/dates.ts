const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date pattern matching every form letters use: 10-13-16, 10/13/2016, 12/04/07, October 10, 2015. */
export const DATE = String.raw`(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+ \d{1,2}, \d{4})`;

/** ISO date (YYYY-MM-DD) for a date as letters write it, or null if it is not a real date. */
export function toIsoDate(text: string): string | null {
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(text.trim());
  let y: number, mo: number, d: number;
  if (m) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
  } else {
    m = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/.exec(text.trim());
    if (!m) return null;
    mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    [d, y] = [Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return date.toISOString().slice(0, 10);
}
