import { DATE, toIsoDate } from './dates.ts';
import type { Decision } from './types.ts';

export interface RawItem {
  heading: string;
  treatment: string;
  decision: Decision;
  claims_administrator_guideline: string;
  maximus_guideline: string;
  rationale: string;
  retrospective: boolean;
  date_of_service: string | null;
}

const CA = /^Claims Administrator guideline:\s*/i;
const MAX = /^MAXIMUS guideline:\s*/i;
const RATIONALE = /^Decision rationale:\s*/i;
const DECISION = /:\s*(Upheld|Overturned)\s*$/i;
const DOS = new RegExp(`\\(?,?\\s*DOS:?\\s*(${DATE})\\)?`, 'i');
// A heading line continues the one before it when it starts like the middle of a sentence.
const CONTINUES =
  /^([a-z0-9#(]|The (remaining|original)\b|Claims Administrator\b|authorized\b|IMR eligible\b)/;

/**
 * Items of the "IMR ISSUES, DECISIONS AND RATIONALES" section of the 2014 and 2016 layouts,
 * given as trimmed non-empty lines. Each item is a heading ending "...: Upheld|Overturned",
 * then the two guideline paragraphs and the rationale.
 */
export function splitItems(lines: string[]): RawItem[] {
  const starts = lines.flatMap((l, i) => (CA.test(l) ? [i] : []));
  const headings = starts.map((ca, k) =>
    headingRange(lines, ca, k === 0 ? 0 : rationaleStart(lines, starts[k - 1])),
  );
  return starts.map((ca, k) => {
    const [from, to] = headings[k];
    const heading = lines.slice(from, to).join(' ');
    const m = DECISION.exec(heading);
    if (!m) throw new Error(`item ${k + 1}: no "Upheld" or "Overturned" after its heading`);
    const max = indexFrom(lines, MAX, ca, k + 1, 'MAXIMUS guideline');
    const rat = indexFrom(lines, RATIONALE, max, k + 1, 'Decision rationale');
    const end = k + 1 < starts.length ? headings[k + 1][0] : lines.length;
    const named = heading.slice(0, m.index).trim();
    const dos = DOS.exec(named);
    return {
      heading,
      treatment: treatmentName(dos ? named.replace(dos[0], '') : named),
      decision: (m[1][0].toUpperCase() + m[1].slice(1).toLowerCase()) as Decision,
      claims_administrator_guideline: join(lines.slice(ca, max)).replace(CA, ''),
      maximus_guideline: join(lines.slice(max, rat)).replace(MAX, ''),
      rationale: join(lines.slice(rat, end)).replace(RATIONALE, ''),
      retrospective: /\bretro(spective|active)?\b/i.test(named) || dos !== null,
      date_of_service: dos ? toIsoDate(dos[1]) : null,
    };
  });
}

function rationaleStart(lines: string[], ca: number): number {
  for (let i = ca + 1; i < lines.length; i++) if (RATIONALE.test(lines[i])) return i + 1;
  return 0;
}

// The heading ends on the line before "Claims Administrator guideline:"; it starts after the
// last line that ends a sentence (or the section's introduction), unless the next line reads as
// that sentence's continuation.
function headingRange(lines: string[], ca: number, floor: number): [number, number] {
  let from = ca - 1;
  if (/^(Upheld|Overturned)$/i.test(lines[from]) && from > floor) from--;
  while (from > floor) {
    const prev = lines[from - 1];
    if (/(^IMR ISSUES|set forth below:$)/i.test(prev)) break;
    if (/[.:]$/.test(prev) && !CONTINUES.test(lines[from])) break;
    from--;
  }
  return [from, ca];
}

function indexFrom(lines: string[], re: RegExp, from: number, item: number, what: string): number {
  for (let i = from + 1; i < lines.length; i++) if (re.test(lines[i])) return i;
  throw new Error(`item ${item}: no "${what}:" paragraph`);
}

// Lines come trimmed and folded (parse.ts toLines), so a paragraph is its lines joined by spaces.
const join = (ls: string[]) => ls.join(' ');

/** The service a heading names, without the modified-request narrative around it. */
export function treatmentName(named: string): string {
  let t = named.replace(/\s+/g, ' ').trim();
  const original = /.*\boriginal request(?:,| is for| for)\s+(.*)$/i.exec(t);
  if (original) t = original[1].replace(/,? was (modified|authorized)\b.*$/i, '');
  t = t.replace(/\s+(is|was)$/i, '').replace(/^Associated surgical service:\s*/i, '');
  return t.replace(/[\s,;:]+$/, '');
}
