// Words a manager may type for the same service. A term that names one of a group finds every
// spelling in the group; abbreviations match as whole words, so "PT" does not find "Sept".
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
  ['Norco', 'hydrocodone'],
  ['Flexeril', 'cyclobenzaprine'],
  ['Lidoderm', 'lidocaine patch'],
];

export type Match = { like: string } | { regex: string };

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAbbreviation = (s: string) => /^[A-Za-z]{2,4}$/.test(s) && s === s.toUpperCase();

/** What a typed treatment term matches: a case-insensitive substring, or its synonym group. */
export function treatmentMatch(term: string): Match {
  const group = GROUPS.find((g) => g.some((w) => w.toLowerCase() === term.trim().toLowerCase()));
  if (!group) return { like: escapeLike(term) };
  const words = group.map((w) => (isAbbreviation(w) ? `\\b${escapeRegex(w)}\\b` : escapeRegex(w)));
  return { regex: `(?i)(${words.join('|')})` };
}

/** Synonym-group terms that contain q, for suggestions ("phys" offers "physical therapy"). */
export function synonymTerms(q: string): string[] {
  const needle = q.trim().toLowerCase();
  return GROUPS.flat().filter((w) => w.toLowerCase().includes(needle));
}
