import { AGE_BANDS, type AgeBand } from '../types.ts';

/** The band of an exact age (workers' comp letters give one), in the DMHC data set's bands. */
export function ageBand(age: number | null | undefined): AgeBand | null {
  if (age == null || !Number.isFinite(age) || age < 0) return null;
  if (age >= 65) return '65+';
  if (age >= 51) return '51-64';
  if (age <= 10) return '0-10';
  return AGE_BANDS[Math.ceil(age / 10) - 1];
}

/**
 * A DMHC `Age Range` as one of the bands: `11_20` (sic, in the 2001-2016 file) is `11-20`,
 * blank is null. Anything else is returned as written, so no value is lost; the ETL report
 * counts such values.
 */
export function normaliseBand(raw: string): string | null {
  const v = raw.trim().replace(/\s+/g, '').replace(/_/g, '-');
  return v === '' ? null : v;
}

export const isBand = (v: string): v is AgeBand => (AGE_BANDS as readonly string[]).includes(v);
