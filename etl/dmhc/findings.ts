import { boardSpecialties } from '../reviewer.ts';
import type { EvidenceSource } from '../types.ts';
import { CREDENTIALS, EVIDENCE, PANEL, PRACTITIONERS } from './findings-rules.ts';

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

/** The credential phrases of a text, in the order written. */
function credentials(text: string): string[] {
  const found: [number, string][] = [];
  for (const rule of CREDENTIALS)
    for (const m of text.matchAll(rule)) found.push([m.index, m[1].trim()]);
  return found.sort((a, b) => a[0] - b[0]).map(([, phrase]) => phrase);
}

/** Board specialties named in credential phrases, practitioners' names included. */
function specialties(phrases: string[]): string[] {
  let flat = phrases.join('; ');
  for (const [pattern, specialty] of PRACTITIONERS) flat = flat.replace(pattern, specialty);
  return boardSpecialties(flat);
}

/** The reviewer's board specialty, whether a panel decided and the evidence cited, by the rules in findings-rules.ts. */
export function readFindings(text: string): FindingsFacts {
  const phrases = credentials(text);
  const named = specialties(phrases);
  return {
    reviewer_specialty_raw: phrases.length ? phrases.join('; ').slice(0, 500) : null,
    reviewer_specialty: named[0] ?? null,
    reviewer_specialties: named,
    panel: PANEL.test(text),
    evidence_sources: EVIDENCE.filter(([, patterns]) => patterns.some((p) => p.test(text))).map(
      ([family]) => family,
    ),
  };
}
