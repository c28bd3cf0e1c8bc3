import { boardSpecialties } from '../letters/fields/reviewer.ts';
import type { EvidenceSource } from '../letters/types.ts';
import { CREDENTIALS, EVIDENCE, PANEL, PRACTITIONERS, type Rule } from './findings-rules.ts';

/** What the rules read from a reviewer's Findings. */
export interface FindingsFacts {
  /** The credential phrases as written, joined by "; ", or null when none was found. */
  reviewer_specialty_raw: string | null;
  /** The first board specialty named, on the workers' comp list (model/taxonomy.json). */
  reviewer_specialty: string | null;
  reviewer_specialties: string[];
  panel: boolean;
  /** Evidence families cited, in the order of EVIDENCE; [] when none was found. */
  evidence_sources: EvidenceSource[];
}

/** Every findings rule, in one list. */
export const RULES: Rule[] = [...CREDENTIALS, PANEL, ...EVIDENCE.flatMap(([, rules]) => rules)];
// Longest first, so that of two cues beginning at one place the longer is found.
const CUES = new RegExp(
  [...new Set(RULES.flatMap((r) => r.cues))]
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Which rules a text can match: those without cues, and those with a cue the text holds. */
export function applies(text: string): (rule: Rule) => boolean {
  const found = new Set(text.toLowerCase().match(CUES));
  return (r) => r.cues.length === 0 || r.cues.some((c) => found.has(c));
}

/** The credential phrases of a text, in the order written. */
function credentials(text: string, can: (r: Rule) => boolean): string[] {
  const found: [number, string][] = [];
  for (const rule of CREDENTIALS.filter(can))
    for (const m of text.matchAll(rule.pattern)) found.push([m.index, m[1].trim()]);
  return found.sort((a, b) => a[0] - b[0]).map(([, phrase]) => phrase);
}

// Specialties by credential phrases: reviewers' credentials repeat from case to case.
const phraseSpecialties = new Map<string, string[]>();

/** Board specialties named in credential phrases, practitioners' names included. */
function specialties(phrases: string[]): string[] {
  const key = phrases.join('; ');
  let found = phraseSpecialties.get(key);
  if (found) return found;
  let flat = key;
  for (const [pattern, specialty] of PRACTITIONERS) flat = flat.replace(pattern, specialty);
  found = boardSpecialties(flat);
  if (phraseSpecialties.size >= 10_000) phraseSpecialties.clear();
  phraseSpecialties.set(key, found);
  return found;
}

/** The reviewer's board specialty, whether a panel decided and the evidence cited, by the rules in findings-rules.ts. */
export function readFindings(text: string): FindingsFacts {
  const can = applies(text);
  const phrases = credentials(text, can);
  const named = specialties(phrases);
  return {
    reviewer_specialty_raw: phrases.length ? phrases.join('; ').slice(0, 500) : null,
    reviewer_specialty: named[0] ?? null,
    reviewer_specialties: named,
    panel: can(PANEL) && PANEL.pattern.test(text),
    evidence_sources: EVIDENCE.filter(([, rules]) =>
      rules.some((r) => can(r) && r.pattern.test(text)),
    ).map(([family]) => family),
  };
}
