import type { Decision } from './types.ts';
import type { RawItem } from './items.ts';

const HEADINGS = [
  'ISSUE AT DISPUTE:',
  'CASE SUMMARY:',
  'DOCUMENTS REVIEWED FOR DETERMINATION:',
  'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
  'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
  'MEDICAL REVIEWER QUALIFICATIONS:',
];

/** The text of each upper-case section of a "MEDICAL PROFESSIONAL REVIEW" letter, by heading. */
export function reviewSections(lines: string[]): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | null = null;
  for (const line of lines) {
    const heading = HEADINGS.find((h) => line.toUpperCase().startsWith(h));
    if (heading) {
      current = heading;
      sections.set(heading, line.slice(heading.length).trim());
    } else if (current) {
      sections.set(current, `${sections.get(current)} ${line}`.trim());
    }
  }
  return sections;
}

/**
 * Items of the professional-review layout: the services listed under ISSUE AT DISPUTE
 * ("1. Norco 10/325mg #60"), one guideline section for all of them, and a rationale that says
 * of each "The request for X is (not) medically necessary." A service the rationale does not
 * call medically necessary stands denied, as the section heading says.
 */
export function reviewItems(lines: string[]): RawItem[] {
  const s = reviewSections(lines);
  const issue = s.get(HEADINGS[0]);
  if (!issue) throw new Error('no "ISSUE AT DISPUTE:" section');
  const listed = issue
    .split(/\s*(?:^|\s)\d+\.\s+/)
    .map((t) => t.trim().replace(/[.;]$/, ''))
    .filter(Boolean);
  const guideline = s.get(HEADINGS[3]);
  const rationale = s.get(HEADINGS[4]);
  if (guideline === undefined) throw new Error(`no "${HEADINGS[3]}" section`);
  if (rationale === undefined) throw new Error(`no "${HEADINGS[4]}" section`);
  return listed.map((treatment) => {
    const said = new RegExp(
      `request for ${treatment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (?:is|was) (not )?medically necessary`,
      'i',
    ).exec(rationale);
    return {
      heading: treatment,
      treatment,
      decision: (said && !said[1] ? 'Overturned' : 'Upheld') as Decision,
      claims_administrator_guideline: '',
      maximus_guideline: guideline,
      rationale,
      retrospective: /\bretrospective\b/i.test(treatment),
      date_of_service: null,
    };
  });
}
