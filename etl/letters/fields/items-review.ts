import type { Decision } from '../types.ts';
import { NOT_STATED, type RawItem } from './items.ts';
import { surgicalContext, treatmentName } from './items-name.ts';

const HEADINGS = [
  'ISSUE AT DISPUTE:',
  'CASE SUMMARY:',
  'DOCUMENTS REVIEWED FOR DETERMINATION:',
  'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
  'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
  'MEDICAL REVIEWER QUALIFICATIONS:',
];

/** The lines of each upper-case section of a "MEDICAL PROFESSIONAL REVIEW" letter, by heading. */
export function reviewLines(lines: string[]): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const heading = HEADINGS.find((h) => line.toUpperCase().startsWith(h));
    if (heading) {
      current = [line.slice(heading.length).trim()].filter(Boolean);
      sections.set(heading, current);
    } else current?.push(line);
  }
  return sections;
}

/** The text of each section, its lines joined. */
export const reviewSections = (lines: string[]) =>
  new Map([...reviewLines(lines)].map(([h, ls]) => [h, ls.join(' ')]));

const NUMBERED = /(?:^|\s)\d+\.\s+/;
// A line goes on with the service above when it starts in lower case or a number, or the line
// above breaks off after a comma or a word that needs more.
const continues = (above: string, line: string) =>
  /^[a-z0-9#(&%]/.test(line) || /([,&(/-]|\b(and|or|of|for|with|to|the|x))$/i.test(above);

/**
 * The services listed under ISSUE AT DISPUTE ("1. Norco 10/325mg #60"), each with the lines
 * that continue it; a sentence after the list is not part of the last service's name.
 */
function listed(issue: string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of issue) {
    if (/^\d+\.\s/.test(line)) {
      out.push(...line.split(NUMBERED).filter(Boolean));
      open = true;
    } else if (open && continues(out.at(-1)!, line)) out[out.length - 1] += ` ${line}`;
    else open = false;
  }
  return out.map((t) => t.trim().replace(/[.;]$/, '')).filter(Boolean);
}

/**
 * Items of the professional-review layout: the services listed under ISSUE AT DISPUTE, one
 * guideline section for all of them, and a rationale that says of each "The request for X is
 * (not) medically necessary." A service the rationale does not call medically necessary stands
 * denied, as the section heading says; the letter is flagged.
 */
export function reviewItems(lines: string[], flags: string[]): RawItem[] {
  const s = reviewSections(lines);
  const services = listed(reviewLines(lines).get(HEADINGS[0]) ?? []);
  if (services.length === 0) throw new Error('no services listed under "ISSUE AT DISPUTE:"');
  const rationale = s.get(HEADINGS[4]);
  if (rationale === undefined) throw new Error(`no "${HEADINGS[4]}" section`);
  let guideline = s.get(HEADINGS[3]);
  if (guideline === undefined) {
    flags.push(`no "${HEADINGS[3]}" section`);
    guideline = NOT_STATED;
  }
  return services.map((named, k) => {
    const said = new RegExp(
      `request for ${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')} (?:is|was) (not )?medically necessary`,
      'i',
    ).exec(rationale);
    if (!said)
      flags.push(`item ${k + 1}: the rationale gives no decision; upheld as its heading says`);
    return {
      item_no: k + 1,
      treatment: treatmentName(named),
      decision: (said && !said[1] ? 'Overturned' : 'Upheld') as Decision,
      claims_administrator_guideline: '',
      maximus_guideline: guideline,
      rationale,
      retrospective: /\bretrospective\b/i.test(named),
      date_of_service: null,
      surgical_context: surgicalContext(named),
    };
  });
}
