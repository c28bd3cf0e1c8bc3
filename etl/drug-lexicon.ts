import { DRUGS } from './rules/drugs.ts';

/** A drug the treatment names: the words as written, its generic ingredient(s) and its class. */
export interface DrugMention {
  name: string;
  generic: string;
  drugClass: string;
}

const ENTRIES = Object.entries(DRUGS).flatMap(([drugClass, generics]) =>
  Object.entries(generics).map(([generic, names]) => ({ generic, drugClass, names })),
);
// One alternation with a group per entry, so one pass finds every name and which entry it is;
// the trailing look-ahead keeps "soma" out of "Somatosensory" while allowing "Norco10/325".
const LEXICON = new RegExp(`\\b(?:${ENTRIES.map((e) => `(${e.names})`).join('|')})(?![a-z])`, 'gi');

/** Every drug named in the treatment, in the order written. */
export function findDrugs(treatment: string): DrugMention[] {
  const found: DrugMention[] = [];
  for (const m of treatment.matchAll(LEXICON)) {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    found.push({ name: m[0], generic: ENTRIES[k].generic, drugClass: ENTRIES[k].drugClass });
  }
  return found;
}

/** The distinct ingredients of the drugs named, in order: "Norco" is hydrocodone and acetaminophen. */
export function ingredients(drugs: DrugMention[]): string[] {
  const all = drugs.flatMap((d) => d.generic.toLowerCase().split('/'));
  return [...new Set(all)];
}
