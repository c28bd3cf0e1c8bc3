import type { BodyRegion } from '../../../model/values.ts';
import { findDrugs } from '../classify/drug-lexicon.ts';

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  twice: 2,
  once: 1,
};
const NUM = `(\\d+|${Object.keys(NUMBERS).join('|')})`;
const num = (s: string) => NUMBERS[s.toLowerCase()] ?? Number(s);

/**
 * The quantity requested, where the treatment states it: "#90" is 90 units; "two sessions per
 * week for six weeks" and "2x6" are 12 sessions; "12 visits", "Twelve sessions", "times 12".
 */
export function quantity(treatment: string): {
  quantity: number | null;
  quantity_unit: string | null;
} {
  const t = treatment.replace(/\s+/g, ' ');
  let m =
    new RegExp(
      `\\b${NUM} (?:sessions? |visits? |times )?(?:per|a|each|every) week (?:for|over|x|times) ${NUM} weeks?`,
      'i',
    ).exec(t) ??
    new RegExp(`\\b${NUM}\\s?x\\s?${NUM}\\b`, 'i').exec(t) ??
    new RegExp(`\\b(twice|once) (?:a|per) week (?:for|x) ${NUM} weeks?`, 'i').exec(t);
  if (m) return { quantity: num(m[1]) * num(m[2]), quantity_unit: 'sessions' };
  m =
    new RegExp(`\\b${NUM} (?:\\w+ ){0,3}?(sessions|visits|treatments)\\b`, 'i').exec(t) ??
    new RegExp(`\\btimes ${NUM}\\b|\\((\\d+)\\)`, 'i').exec(t);
  if (m && !/#/.test(t)) return { quantity: num(m[1] ?? m[2]), quantity_unit: 'sessions' };
  m = /#\s?(\d+)(?!\s*(?:mg|%))/.exec(t);
  if (m) return { quantity: Number(m[1]), quantity_unit: 'units' };
  return { quantity: null, quantity_unit: null };
}

const REGIONS: [RegExp, BodyRegion][] = [
  [/\b(lumbar|lumbosacral|low back|L[1-5]-[1-5S]|L[1-5]-S1|lower back)\b/i, 'Lumbar spine'],
  [/\b(cervical|neck|C[1-7]-[1-7])\b/i, 'Cervical spine'],
  [/\bthoracic\b/i, 'Thoracic spine'],
  [/\bshoulders?\b/i, 'Shoulder'],
  [/\belbows?\b/i, 'Elbow'],
  [/\b(wrists?|hands?|fingers?|thumb|carpal)\b/i, 'Wrist and hand'],
  [/\b(hips?|pelvis|groin)\b/i, 'Hip and pelvis'],
  [/\bknees?\b/i, 'Knee'],
  [/\b(ankles?|foot|feet|toes?)\b/i, 'Ankle and foot'],
  [/\b(head|brain|brainstem)\b/i, 'Head'],
  [/\bupper extremit/i, 'Upper extremities'],
  [/\blower extremit/i, 'Lower extremities'],
  [/\bspine\b/i, 'Spine'],
];

/** The body region a treatment names: one region, "Multiple" for several, or null. */
export function bodyRegion(treatment: string): BodyRegion | null {
  const found = REGIONS.filter(([re]) => re.test(treatment)).map(([, name]) => name);
  const specific = found.filter((r) => r !== 'Spine' || found.length === 1);
  return specific.length === 0 ? null : specific.length === 1 ? specific[0] : 'Multiple';
}

/** For a drug, its name as written and its strength ("10/325mg", "5%"). */
export function drug(treatment: string): {
  drug_name: string | null;
  drug_strength: string | null;
} {
  const name = findDrugs(treatment)[0]?.name ?? null;
  const strength =
    /(\d+(?:\.\d+)?(?:[/-]\d+(?:\.\d+)?)*\s?(?:mg|mcg|gm?|ml|%)(?:\/(?:ml|g|gm))?)(?![a-z])/i.exec(
      treatment,
    );
  return {
    drug_name: name,
    drug_strength: name && strength ? strength[1].replace(/\s/g, '') : null,
  };
}

/** MTUS sections cited: "Section(s): A, B" lists and "Section 9792.24.1" references. */
export function mtusSections(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const found: string[] = [];
  // A list ends at its sentence's end or where "and <Chapter> <year>" starts the next chapter.
  for (const m of flat.matchAll(
    /Section\(s\):\s*(.+?)(?=\.(?:\s|$)|,?\s+and\s+[A-Z][^,.]*?\b(?:19|20)\d\d\b|$)/g,
  )) {
    found.push(
      ...m[1]
        .split(/,\s*/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  for (const m of flat.matchAll(/\bSection (9792\.\d+(?:\.\d+)*)/g)) found.push(m[1]);
  return [...new Set(found)];
}

/** The paragraph says the decision rests on recommendations outside the MTUS. */
export function outsideMtus(text: string, sources: string[]): boolean {
  return (
    /outside (of )?the MTUS/i.test(text) ||
    (!sources.includes('MTUS') && sources.some((s) => s !== 'None'))
  );
}
