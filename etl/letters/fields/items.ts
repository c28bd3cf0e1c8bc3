import { DATE, toIsoDate } from './dates.ts';
import { lastSentence, surgicalContext, treatmentName } from './items-name.ts';
import type { Decision } from '../types.ts';

export interface RawItem {
  /** The service's place in the letter, 1-based. */
  item_no: number;
  treatment: string;
  decision: Decision;
  claims_administrator_guideline: string;
  maximus_guideline: string;
  rationale: string;
  retrospective: boolean;
  date_of_service: string | null;
  surgical_context: boolean;
}

/** What a paragraph the letter lacks is recorded as; the letter is flagged. */
export const NOT_STATED = 'Not stated';

const PARAGRAPHS = [
  [
    'claims_administrator_guideline',
    /^Claims Administrator guideline:\s*/i,
    'Claims Administrator guideline',
  ],
  ['maximus_guideline', /^MAXIMUS guideline:\s*/i, 'MAXIMUS guideline'],
  ['rationale', /^Decision rationale:\s*/i, 'Decision rationale'],
] as const;
const LABEL = /^(Claims Administrator guideline|MAXIMUS guideline|Decision rationale):/i;
const DECISION = /:\s*(Upheld|Overturned)\s*$/i;
const BARE = /^(Upheld|Overturned)$/i;
const DOS = new RegExp(`\\(?,?\\s*DOS:?\\s*(${DATE})\\)?`, 'i');
// A heading line continues the one before it when it starts like the middle of a sentence.
const CONTINUES =
  /^([a-z0-9#(]|The (remaining|original)\b|Claims Administrator\b|authorized\b|IMR eligible\b)/;
const ENDS_SENTENCE = /[.:?!]["'”’)\]]*$/;
// The end of a citation a rationale may close with: a year, pages, "et al", a web address.
const ENDS_CITATION = /(\b(19|20)\d\d[a-z]?|\d+[-–]\d+|\bet al\.?|https?:\/\/\S+)[)\].;,]*$/;

/**
 * Items of the "IMR ISSUES, DECISIONS AND RATIONALES" section of the 2014 and 2016 layouts,
 * given as trimmed non-empty lines. Each item is a heading ending "...: Upheld|Overturned",
 * then the two guideline paragraphs and the rationale. A paragraph the item lacks is
 * NOT_STATED and flagged; only a section without any decision is an error.
 */
export function splitItems(lines: string[], flags: string[]): RawItem[] {
  const ends = decisionLines(lines);
  if (ends.length === 0)
    throw new Error('no service heading ending in ": Upheld" or ": Overturned"');
  const starts: number[] = [];
  const labels: number[][] = [];
  let floor = 0;
  for (let k = 0; k < ends.length; k++) {
    starts.push(headingStart(lines, ends[k], floor));
    labels.push(labelLines(lines, ends[k], ends[k + 1] ?? lines.length));
    floor = Math.max(ends[k], ...labels[k]) + 1;
  }
  return ends.map((end, k) => {
    const heading = lines.slice(starts[k], end + 1).join(' ');
    const decided = DECISION.exec(heading)!;
    const named = lastSentence(heading.slice(0, decided.index).trim());
    const dos = DOS.exec(named);
    return {
      item_no: k + 1,
      treatment: treatmentName(dos ? named.replace(dos[0], '') : named),
      decision: (decided[1][0].toUpperCase() + decided[1].slice(1).toLowerCase()) as Decision,
      ...paragraphs(lines, labels[k], starts[k + 1] ?? lines.length, k + 1, flags),
      retrospective: /\bretro(spective|active)?\b/i.test(named) || dos !== null,
      date_of_service: dos ? toIsoDate(dos[1]) : null,
      surgical_context: surgicalContext(named),
    };
  });
}

// A heading ends on a line "...: Upheld", or on a line "Upheld" after one ending in a colon;
// a real heading is followed by at least one of the item's labelled paragraphs.
function decisionLines(lines: string[]): number[] {
  const candidates: number[] = [];
  lines.forEach((l, i) => {
    // Most lines do not end in a decision; the regular expressions run only on those that might.
    const end = l.slice(-11).toLowerCase();
    if (!end.includes('upheld') && !end.includes('overturned')) return;
    if (DECISION.test(l) || (BARE.test(l) && /:$/.test(lines[i - 1] ?? ''))) candidates.push(i);
  });
  return candidates.filter((c, k) => {
    for (let i = c + 1, to = candidates[k + 1] ?? lines.length; i < to; i++)
      if (LABEL.test(lines[i])) return true;
    return false;
  });
}

// The first line of each labelled paragraph in (end, to), or -1.
const labelLines = (lines: string[], end: number, to: number) =>
  PARAGRAPHS.map(([, re]) => {
    for (let i = end + 1; i < to; i++) if (re.test(lines[i])) return i;
    return -1;
  });

function paragraphs(lines: string[], at: number[], to: number, item: number, flags: string[]) {
  const out = {} as Record<(typeof PARAGRAPHS)[number][0], string>;
  PARAGRAPHS.forEach(([key, re, what], p) => {
    if (at[p] < 0) {
      out[key] = NOT_STATED;
      flags.push(`item ${item}: no "${what}:" paragraph`);
      return;
    }
    const next = Math.min(...at.filter((i) => i > at[p]), to);
    out[key] = lines.slice(at[p], next).join(' ').replace(re, '');
  });
  return out;
}

// The heading ends on its decision line; it starts after the last line that ends a sentence or a
// citation (or the section's introduction), unless the next line reads as its continuation.
function headingStart(lines: string[], end: number, floor: number): number {
  let from = BARE.test(lines[end]) && end > floor ? end - 1 : end;
  while (from > floor) {
    const prev = lines[from - 1];
    if (/(^IMR ISSUES|set forth below:$)/i.test(prev)) break;
    if (ENDS_SENTENCE.test(prev) && !CONTINUES.test(lines[from])) break;
    if (ENDS_CITATION.test(prev) && !/^[a-z]/.test(lines[from])) break;
    from--;
  }
  return from;
}
