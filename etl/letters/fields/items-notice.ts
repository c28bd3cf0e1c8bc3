import type { Decision } from '../types.ts';
import { NOT_STATED, type RawItem } from './items.ts';
import { surgicalContext, treatmentName } from './items-name.ts';

// Text extraction can glue words ("is notmedically necessary"), so every gap is optional.
const DECIDED = new RegExp(
  String.raw`(\d+)\)\s*MAXIMUS\s*Federal\s*Services,?\s*Inc\.?\s*has\s*determined\s*the\s*request\s*for\s*` +
    String.raw`(.+?)\s*is\s*(not)?\s*medically\s*necessary\s*and\s*appropriate\.`,
  'gi',
);
const PARTS = [
  [
    'claims_administrator_guideline',
    'Medical Treatment Guideline(s) Used by the Claims Administrator',
  ],
  ['maximus_guideline', 'Medical Treatment Guideline(s) Used by the Expert Reviewer'],
  ['rationale', 'Rationale for the Decision'],
] as const;
const label = (what: string) =>
  new RegExp(`${what.replace(/[()]/g, '\\$&').replace(/ /g, '\\s*')}:`, 'i');
const LABELS = PARTS.map(([, what]) => label(what));

/**
 * Items of the 2013 notice layout: numbered decision sentences ("1) MAXIMUS Federal Services,
 * Inc. has determined the request for X is not medically necessary and appropriate."), listed
 * at the top, often again under "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE", and once
 * more at the head of each service's block with the guidelines each side used and the rationale.
 * A part a block lacks is NOT_STATED and flagged.
 */
export function noticeItems(flat: string, flags: string[]): RawItem[] {
  const decided = new Map<string, RegExpMatchArray>();
  for (const m of flat.replace(/\s+/g, ' ').matchAll(DECIDED))
    if (!decided.has(m[1])) decided.set(m[1], m);
  if (decided.size === 0)
    throw new Error(
      'no numbered "MAXIMUS Federal Services, Inc. has determined the request for ..." decisions',
    );
  const blocks = flat.split(/\n(?=\d+\)\s*)/);
  return [...decided.values()].map((m, k) => {
    // The block of this number that holds the guidelines, not a repeat of the decision sentence.
    const block =
      blocks.filter((b) => b.startsWith(`${m[1]})`) && LABELS.some((re) => re.test(b))).at(-1) ??
      '';
    const named = m[2].trim();
    return {
      item_no: k + 1,
      treatment: treatmentName(named),
      decision: (m[3] ? 'Upheld' : 'Overturned') as Decision,
      ...parts(block, k + 1, flags),
      retrospective: /\bretrospective\b/i.test(named),
      date_of_service: null,
      surgical_context: surgicalContext(named),
    };
  });
}

function parts(block: string, item: number, flags: string[]) {
  const at = LABELS.map((re) => block.search(re));
  const out = {} as Record<(typeof PARTS)[number][0], string>;
  PARTS.forEach(([key, what], p) => {
    if (at[p] < 0) {
      out[key] = NOT_STATED;
      flags.push(`item ${item}: no "${what}:" paragraph`);
      return;
    }
    const next = Math.min(...at.filter((i) => i > at[p]), block.length);
    out[key] = block.slice(at[p], next).replace(LABELS[p], '').replace(/\s+/g, ' ').trim();
  });
  return out;
}
