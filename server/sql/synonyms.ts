import { DRUGS } from '../../model/drugs.ts';

// Words a manager may type for the same service. A term that names one of a group finds every
// spelling in the group; abbreviations match as whole words, so "PT" does not find "Sept".
// Drugs are not listed here: their names come from the ETL's drug lexicon (model/drugs.ts).
const GROUPS = [
  ['physical therapy', 'PT', 'physiotherapy'],
  ['occupational therapy', 'OT'],
  ['acupuncture', 'electro-acupuncture', 'electroacupuncture'],
  ['epidural steroid injection', 'ESI'],
  ['TENS', 'transcutaneous electrical nerve stimulation'],
  ['EMG', 'electromyography', 'electromyogram'],
  ['NCV', 'NCS', 'nerve conduction'],
  ['MRI', 'magnetic resonance imaging'],
  ['chiropractic', 'chiro', 'spinal manipulation'],
  ['x-ray', 'xray', 'radiograph'],
  ['functional capacity evaluation', 'FCE'],
  ['cognitive behavioral therapy', 'CBT'],
  ['functional restoration program', 'FRP', 'HELP program'],
];

// Each drug of the lexicon: its generic, its first ingredient, and the names a letter may use.
const DRUG_ENTRIES = Object.values(DRUGS).flatMap((generics) =>
  Object.entries(generics).map(([generic, names]) => ({
    generic,
    first: generic.split('/')[0].toLowerCase(),
    names,
    anchored: new RegExp(`^(?:${names})$`, 'i'),
  })),
);
// The plain words among a drug's names ("norco", not "oxy ?ir"), to suggest.
const DRUG_WORDS = DRUG_ENTRIES.flatMap((d) => [
  d.generic,
  ...d.names.split('|').filter((n) => /^[a-z][a-z -]*[a-z]$/.test(n)),
]);

export type Match = { like: string } | { regex: string };

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAbbreviation = (s: string) => /^[A-Za-z]{2,4}$/.test(s) && s === s.toUpperCase();

/**
 * The names and generic of the drug a term names (a brand or a generic), with every drug of
 * the same first ingredient: "Norco" finds hydrocodone too. Null for another term.
 */
function drugNames(term: string): string | null {
  const t = term.trim();
  const named = DRUG_ENTRIES.filter(
    (d) => d.anchored.test(t) || d.generic.toLowerCase() === t.toLowerCase(),
  );
  if (!named.length) return null;
  const firsts = new Set(named.map((d) => d.first));
  return DRUG_ENTRIES.filter((d) => firsts.has(d.first))
    .map((d) => `${d.names}|${escapeRegex(d.generic)}`)
    .join('|');
}

/** What a typed treatment term matches: a case-insensitive substring, or its synonym group. */
export function treatmentMatch(term: string): Match {
  const group = GROUPS.find((g) => g.some((w) => w.toLowerCase() === term.trim().toLowerCase()));
  if (group) {
    const words = group.map((w) =>
      isAbbreviation(w) ? `\\b${escapeRegex(w)}\\b` : escapeRegex(w),
    );
    return { regex: `(?i)(${words.join('|')})` };
  }
  // As the lexicon matches names: whole words, a digit may follow ("Norco10/325").
  const drug = drugNames(term);
  return drug ? { regex: `(?i)\\b(?:${drug})(?:[^a-z]|$)` } : { like: escapeLike(term) };
}

/** Synonyms and drug names that contain q, to suggest ("phys" offers "physical therapy"). */
export function synonymTerms(q: string): string[] {
  const needle = q.trim().toLowerCase();
  return [...GROUPS.flat(), ...new Set(DRUG_WORDS)].filter((w) => w.toLowerCase().includes(needle));
}
