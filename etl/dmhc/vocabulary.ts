import type { AgeBand } from '../letters/types.ts';
import type { Gender, ReviewSpeed } from '../../model/values.ts';
import { labelKey } from '../letters/classify/rules/treatment-types.ts';
import { reviewSpeed } from '../letters/fields/timeliness.ts';
import { normaliseBand } from '../letters/fields/age.ts';
import { DIAGNOSIS_CATEGORIES, SUBCATEGORIES, TREATMENT_CATEGORIES } from './labels.ts';

function byKey(table: Record<string, string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(table))
    for (const s of [canonical, ...spellings]) m.set(labelKey(s), canonical);
  return m;
}
const TREATMENTS = byKey(TREATMENT_CATEGORIES);
const DIAGNOSES = byKey(DIAGNOSIS_CATEGORIES);
const SUBS = new Map(Object.entries(SUBCATEGORIES).map(([a, name]) => [labelKey(a), name]));

/** A category's canonical name: null when blank, undefined when the label is on no list. */
const canonical = (m: Map<string, string>) => (raw: string) =>
  raw.trim() === '' ? null : m.get(labelKey(raw));
export const treatmentCategory = canonical(TREATMENTS);
export const diagnosisCategory = canonical(DIAGNOSES);

/** A subcategory, its known abbreviation written out; null when blank. */
export const subcategory = (raw: string): string | null =>
  raw.trim() === '' ? null : (SUBS.get(labelKey(raw)) ?? raw.trim());

const GENDERS: Record<string, Gender> = { male: 'male', m: 'male', female: 'female', f: 'female', other: 'other' }; // prettier-ignore
/** Patient Gender: male, female or other; null when blank, undefined when none of them. */
export const gender = (raw: string): Gender | null | undefined =>
  raw.trim() === '' ? null : GENDERS[raw.trim().toLowerCase()];

/** A case's labels read through the lists, and a flag for each label on none of them. */
export interface Labels {
  dmhc_category: string | null;
  dmhc_category_raw: string | null;
  dmhc_subcategory: string | null;
  dmhc_subcategory_raw: string | null;
  diagnosis_category: string | null;
  diagnosis_category_raw: string | null;
  age_band: AgeBand | null;
  patient_gender: Gender | null;
  review_speed: ReviewSpeed | null;
  flags: string[];
}

/**
 * The labels of one row. A category on no list keeps the file's own words (and gets no treatment
 * type); an age range, gender or IMR type on none is left out. Either way the case is flagged
 * `unmapped <what>: <label>`, which `npm run etl` counts in a warning and `--report` lists.
 */
export function readLabels(get: (c: string) => string): Labels {
  const flags: string[] = [];
  const known = <T>(what: string, raw: string, value: T | null | undefined): T | null => {
    if (value !== undefined) return value;
    flags.push(`unmapped ${what}: ${raw.trim().slice(0, 100)}`);
    return null;
  };
  const raw = (c: string) => get(c).trim() || null;
  const [category, diagnosis] = [get('treatment_category'), get('diagnosis_category')];
  return {
    dmhc_category: known('treatment category', category, treatmentCategory(category)) ?? raw('treatment_category'), // prettier-ignore
    dmhc_category_raw: raw('treatment_category'),
    dmhc_subcategory: subcategory(get('treatment_subcategory')),
    dmhc_subcategory_raw: raw('treatment_subcategory'),
    diagnosis_category: known('diagnosis category', diagnosis, diagnosisCategory(diagnosis)) ?? raw('diagnosis_category'), // prettier-ignore
    diagnosis_category_raw: raw('diagnosis_category'),
    age_band: known('age range', get('age_range'), normaliseBand(get('age_range'))),
    patient_gender: known('gender', get('gender'), gender(get('gender'))),
    review_speed: known('IMR type', get('imr_type'), reviewSpeed(get('imr_type'))),
    flags,
  };
}
