import crosswalk from './treatment-types.json' with { type: 'json' };
import type { Program } from '../../types.ts';

export { TREATMENT_TYPES } from '../../../../model/values.ts';

/** A label compared without case, spaces or punctuation: "Anti-virals" is "Antivirals". */
export const labelKey = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, '');

type Table = Record<string, Record<string, string>>;
const TABLES: Record<Program, Table> = { DWC: crosswalk.DWC, DMHC: crosswalk.DMHC };
// Each category's subcategories by their key, for labels spelled another way.
const KEYED = Object.fromEntries(
  Object.entries(TABLES).map(([p, table]) => [
    p,
    new Map(
      Object.entries(table).map(([c, subs]) => [
        c,
        new Map(Object.entries(subs).map(([s, type]) => [s === '*' ? s : labelKey(s), type])),
      ]),
    ),
  ]),
) as Record<Program, Map<string, Map<string, string>>>;

/**
 * The type the crosswalk lists for exactly this (category, subcategory) pair, or undefined.
 * The completeness test uses this one: a pair counts as mapped only when it is written down.
 */
export function listedType(program: Program, category: string, subcategory: string) {
  const table = TABLES[program];
  const row = Object.hasOwn(table, category) ? table[category] : undefined;
  return row && Object.hasOwn(row, subcategory) ? row[subcategory] : undefined;
}

/**
 * The common treatment type of a service, by its category (a DMHC category under its canonical
 * name, etl/dmhc/labels.ts) and its subcategory, the subcategory compared without case, spaces
 * or punctuation. A subcategory the crosswalk does not list (a newer download adds some) takes
 * its category's '*' type; a category it does not know at all gives null, which `npm run etl --
 * --report` lists, rather than a guess.
 */
export function treatmentType(
  program: Program,
  category: string | null,
  subcategory: string | null,
): string | null {
  const subs = KEYED[program].get(category ?? '');
  if (!subs) return null;
  return subs.get(labelKey(subcategory ?? '')) ?? subs.get('*') ?? null;
}
