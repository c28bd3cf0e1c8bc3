import type { Decision } from './types.ts';
import type { RawItem } from './items.ts';

const DECIDED =
  /(\d+)\)\s*MAXIMUS Federal Services, Inc\. has determined the request for (.+?) is (not )?medically necessary and appropriate\./gi;
const SECTION = /^INDEPENDENT MEDICAL REVIEW DECISIONS? AND RATIONALES?$/im;
const CA = /Medical Treatment Guideline\(s\) Used by the Claims Administrator:/i;
const EXPERT = /Medical Treatment Guideline\(s\) Used by the Expert Reviewer:/i;
const WHY = /Rationale for the Decision:/i;

/**
 * Items of the 2013 notice layout: numbered decision sentences ("1) MAXIMUS Federal Services,
 * Inc. has determined the request for X is not medically necessary and appropriate."), listed
 * at the top and again under the decision section, where each is followed by the guidelines
 * each side used and the rationale.
 */
export function noticeItems(flat: string): RawItem[] {
  const at = flat.search(SECTION);
  const top = at < 0 ? flat : flat.slice(0, at);
  const decided = [...top.replace(/\s+/g, ' ').matchAll(DECIDED)];
  if (decided.length === 0)
    throw new Error(
      'no numbered "MAXIMUS Federal Services, Inc. has determined the request for ..." decisions',
    );
  if (at < 0) throw new Error('no "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" section');
  const blocks = flat
    .slice(at)
    .split(/\n(?=\d+\)\s)/)
    .slice(1);
  return decided.map((m, k) => {
    const block = blocks.find((b) => b.startsWith(`${m[1]})`)) ?? '';
    for (const [re, what] of [
      [EXPERT, 'Medical Treatment Guideline(s) Used by the Expert Reviewer'],
      [WHY, 'Rationale for the Decision'],
    ] as const) {
      if (!re.test(block)) throw new Error(`item ${k + 1}: no "${what}:" paragraph`);
    }
    const part = (from: RegExp, to: RegExp | null) => {
      const i = block.search(from);
      if (i < 0) return '';
      const rest = block.slice(i).replace(from, '');
      const j = to ? rest.search(to) : -1;
      return (j < 0 ? rest : rest.slice(0, j)).replace(/\s+/g, ' ').trim();
    };
    return {
      heading: m[0],
      treatment: m[2].trim(),
      decision: (m[3] ? 'Upheld' : 'Overturned') as Decision,
      claims_administrator_guideline: part(CA, EXPERT),
      maximus_guideline: part(EXPERT, WHY),
      rationale: part(WHY, null),
      retrospective: /\bretrospective\b/i.test(m[2]),
      date_of_service: null,
    };
  });
}
