import { BEFORE_DRUGS, DRUGS, AFTER_DRUGS } from './rules/treatments.ts';

export interface Classification {
  category: string;
  subcategory: string;
}

const UNCLASSIFIED: Classification = { category: 'Unclassified', subcategory: 'Unclassified' };
const compile = (rules: [string, string, string][]) =>
  rules.map(([pattern, category, subcategory]) => ({
    re: new RegExp(pattern, 'i'),
    category,
    subcategory,
  }));
const before = compile(BEFORE_DRUGS);
const after = compile(AFTER_DRUGS);
/** Any drug name of the lexicon, brand or generic. */
export const DRUG_PATTERN = new RegExp(`\\b(${Object.keys(DRUGS).join('|')})`, 'i');
const TOPICAL = /\b(cream|gel|patch|ointment|lotion|topical|transdermal|spray|roll-on)\b|\d\s*%/i;

/** Category and subcategory from the state's taxonomy, by the readable rules in rules/. */
export function classify(treatment: string): Classification {
  const hit = (rules: typeof before) => rules.find((r) => r.re.test(treatment));
  const first = hit(before);
  if (first) return { category: first.category, subcategory: first.subcategory };
  const drug = DRUG_PATTERN.exec(treatment);
  if (drug) {
    const subcategory = TOPICAL.test(treatment)
      ? 'Topical Analgesics'
      : DRUGS[drug[1].toLowerCase()];
    return { category: 'Pharmaceuticals', subcategory };
  }
  const rule = hit(after);
  return rule ? { category: rule.category, subcategory: rule.subcategory } : UNCLASSIFIED;
}
