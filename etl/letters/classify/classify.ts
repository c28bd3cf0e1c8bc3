import { AFTER_DRUGS, BEFORE_DRUGS, SURGICAL_CONTEXT, type Rule } from './rules/treatments.ts';
import { findDrugs, type DrugMention } from './drug-lexicon.ts';

export interface Classification {
  category: string;
  subcategory: string;
}

const UNCLASSIFIED: Classification = { category: 'Unclassified', subcategory: 'Unclassified' };
const ADJUNCT: Classification = { category: 'Surgery', subcategory: 'Adjunct Surgical Services' };
const compile = (rules: Rule[]) =>
  rules.map(([pattern, category, subcategory]) => ({
    re: new RegExp(pattern, 'i'),
    classification: { category, subcategory },
  }));
const before = compile(BEFORE_DRUGS);
const after = compile(AFTER_DRUGS);
const CONTEXT = new RegExp(SURGICAL_CONTEXT, 'gi');
const TOPICAL =
  /\b(cream|gel|patch(es)?|ointment|lotion|topical|transdermal|spray|roll-on|liniment|pads?)\b|\d\s*%/i;
const INJECTED = /\b(injections?|injectable|shots?|IM|intramuscular|infusions?)\b/i;

const HAS_CONTEXT = new RegExp(SURGICAL_CONTEXT, 'i');

/** The service goes with a surgery: its name or heading says so. */
export const surgicalContext = (text: string): boolean => HAS_CONTEXT.test(text);

/** The treatment without its words of surgical context: what was asked for. */
export const withoutContext = (t: string): string =>
  HAS_CONTEXT.test(t) ? t.replace(CONTEXT, ' ').replace(/\s+/g, ' ').trim() : t;

/**
 * Category and subcategory from the state's taxonomy, by the readable rules in rules/. A
 * service is classified by what it is; one named only by its surgical context ("Post-op
 * care") is an adjunct surgical service.
 */
export function classify(treatment: string): Classification {
  const what = withoutContext(treatment);
  const found = classifyWhat(what);
  return found === UNCLASSIFIED && what !== treatment.trim() ? ADJUNCT : found;
}

function classifyWhat(t: string): Classification {
  const hit = (rules: typeof before) => rules.find((r) => r.re.test(t))?.classification;
  const first = hit(before);
  if (first) return first;
  const drugs = findDrugs(t);
  if (drugs.length > 0) return pharmaceutical(t, drugs);
  return hit(after) ?? UNCLASSIFIED;
}

// A product of several drugs takes the class of the first that is not plain acetaminophen
// ("hydrocodone/APAP" is an opioid). Several drugs named in one topical make a compound.
function pharmaceutical(t: string, drugs: DrugMention[]): Classification {
  const main = drugs.find((d) => d.drugClass !== 'Misc Analgesics') ?? drugs[0];
  const pharma = (subcategory: string) => ({ category: 'Pharmaceuticals', subcategory });
  if (main.drugClass === 'Viscosupplementation') return pharma(main.drugClass);
  if (INJECTED.test(t)) return pharma('Injection');
  if (main.drugClass === 'Topical Compounds') return pharma(main.drugClass);
  if (TOPICAL.test(t)) {
    const distinct = new Set(drugs.map((d) => d.generic));
    return pharma(distinct.size > 1 ? 'Topical Compounds' : 'Topical Analgesics');
  }
  return pharma(main.drugClass);
}
