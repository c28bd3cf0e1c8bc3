import crosswalk from './treatment-types.json' with { type: 'json' };
import type { Program } from '../types.ts';

export { TREATMENT_TYPES } from '../../model/values.ts';

type Table = Record<string, Record<string, string>>;
const TABLES: Record<Program, Table> = { DWC: crosswalk.DWC, DMHC: crosswalk.DMHC };

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
 * The common treatment type of a service. A DMHC subcategory the crosswalk does not list yet
 * (a newer download can add one) takes its category's '*' type; a category it does not know at
 * all gives null, which `npm run etl -- --report` lists, rather than a guess.
 */
export function treatmentType(
  program: Program,
  category: string | null,
  subcategory: string | null,
): string | null {
  const c = category ?? '';
  const s = subcategory ?? '';
  return listedType(program, c, s) ?? listedType(program, c, '*') ?? null;
}
