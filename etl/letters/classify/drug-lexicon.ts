import { DRUGS } from '../../../model/drugs.ts';

/** A drug the treatment names: the words as written, its generic ingredient(s) and its class. */
export interface DrugMention {
  name: string;
  generic: string;
  drugClass: string;
}

const ENTRIES = Object.entries(DRUGS).flatMap(([drugClass, generics]) =>
  Object.entries(generics).map(([generic, names]) => ({ generic, drugClass, names })),
);
// One alternation finds every name in one pass; the trailing look-ahead keeps "soma" out of
// "Somatosensory" while allowing "Norco10/325". Which entry a name belongs to is looked up
// once per distinct spelling (a capturing group per entry would slow every search).
const LEXICON = new RegExp(`\\b(?:${ENTRIES.map((e) => e.names).join('|')})(?![a-z])`, 'gi');
const ANCHORED = ENTRIES.map((e) => new RegExp(`^(?:${e.names})$`, 'i'));
const entryOf = new Map<string, (typeof ENTRIES)[number]>();

function entry(name: string) {
  const key = name.toLowerCase();
  let e = entryOf.get(key);
  if (!e) {
    e = ENTRIES[ANCHORED.findIndex((re) => re.test(key))];
    if (entryOf.size < 10_000) entryOf.set(key, e);
  }
  return e;
}

/** Every drug named in the treatment, in the order written. */
export function findDrugs(treatment: string): DrugMention[] {
  const found: DrugMention[] = [];
  // exec on the one compiled pattern: matchAll would copy (and recompile) it every call.
  LEXICON.lastIndex = 0;
  for (let m = LEXICON.exec(treatment); m; m = LEXICON.exec(treatment)) {
    const { generic, drugClass } = entry(m[0]);
    found.push({ name: m[0], generic, drugClass });
  }
  return found;
}

/** The distinct ingredients of the drugs named, in order: "Norco" is hydrocodone and acetaminophen. */
export function ingredients(drugs: DrugMention[]): string[] {
  const all = drugs.flatMap((d) => d.generic.toLowerCase().split('/'));
  return [...new Set(all)];
}
