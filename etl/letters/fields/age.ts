import { AGE_BANDS, type AgeBand } from '../types.ts';

/** The band of an exact age (workers' comp letters give one), in the DMHC data set's bands. */
export function ageBand(age: number | null | undefined): AgeBand | null {
  if (age == null || !Number.isFinite(age) || age < 0) return null;
  if (age >= 65) return '65+';
  if (age >= 51) return '51-64';
  if (age <= 10) return '0-10';
  return AGE_BANDS[Math.ceil(age / 10) - 1];
}

export const isBand = (v: string): v is AgeBand => (AGE_BANDS as readonly string[]).includes(v);

/**
 * A DMHC `Age Range` as one of the bands, however the file's year writes it: `0-10`, `11_20`
 * (sic, 2001-2016), `0 to 10` (the current download), `65+`. Null when blank; undefined when it
 * is no band, which the importer flags on the case and reports, never a silent null.
 */
export function normaliseBand(raw: string): AgeBand | null | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '') return null;
  const range = /^(\d+)\s*(?:-|_|–|to)\s*(\d+)$/.exec(v);
  const over = /^(\d+)\s*(?:\+|and over|and older|or older)$/.exec(v);
  const band = range ? `${+range[1]}-${+range[2]}` : over ? `${+over[1]}+` : '';
  return isBand(band) ? band : undefined;
}
