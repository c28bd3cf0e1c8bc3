import type { GuidelineSource } from '../types.ts';

const ORDER: GuidelineSource[] = ['MTUS', 'ODG', 'ACOEM', 'Other', 'None'];
const ODG = /Official\s+Disability|\bODG\b/i;
const ACOEM = /\bACOEM\b|American\s+College\s+of\s+Occupational/i;

/**
 * Which guideline families a guideline paragraph relies on. ACOEM chapters adopted into the
 * MTUS count as MTUS; ACOEM counts on its own only when cited outside the MTUS.
 */
export function guidelineSources(text: string): GuidelineSource[] {
  const found = new Set<GuidelineSource>();
  if (/did not cite any medical evidence/i.test(text) || text.trim() === '') found.add('None');
  // Each citation ("Decision based on ...") or, in free-form paragraphs, each sentence.
  for (const cite of text.split(/(?=Decision based on)|(?<=\.)\s+(?=[A-Z])/)) {
    if (/Non-\s*MTUS/i.test(cite)) {
      // "Non-MTUS Citation ODG ... and Other Medical Treatment Guidelines AANEM ...": each part
      // is a family of its own.
      const rest = cite.replace(/.*?Non-\s*MTUS(\s+Citation)?/is, '');
      for (const part of rest.split(/\band\s+Other\s+Medical\s+Treatment\s+Guidelines?\b/i))
        found.add(ODG.test(part) ? 'ODG' : ACOEM.test(part) ? 'ACOEM' : 'Other');
    } else if (/outside (of )?the MTUS/i.test(cite)) {
      continue; // "based on recommendation(s) outside of the MTUS" cites no MTUS chapter
    } else if (/\bMTUS\b/.test(cite)) {
      found.add('MTUS');
    } else if (ODG.test(cite)) {
      found.add('ODG');
    } else if (ACOEM.test(cite)) {
      found.add('ACOEM');
    }
  }
  if (found.size === 0) found.add(/outside of the MTUS/i.test(text) ? 'Other' : 'None');
  return ORDER.filter((s) => found.has(s));
}

// MTUS chapters with the edition a letter means when it names no year: the chapters adopted
// from ACOEM in 2004 (Elbow in 2007), the 2007 acupuncture and 2009 chronic pain and
// postsurgical guidelines.
const CHAPTERS: Record<string, number> = {
  'Chronic Pain Medical Treatment': 2009,
  'Low Back Complaints': 2004,
  'Shoulder Complaints': 2004,
  'Neck and Upper Back Complaints': 2004,
  'Opioid Treatment': 2016,
  'Knee Complaints': 2004,
  'Acupuncture Treatment': 2007,
  'General Approaches': 2004,
  'Elbow Complaints': 2007,
  'Postsurgical Treatment': 2009,
  'Ankle and Foot Complaints': 2004,
  'Forearm, Wrist, and Hand Complaints': 2004,
  Eye: 2004,
  'Stress Related Conditions': 2004,
};
const ALIASES: Record<string, string> = {
  'chronic pain treatment': 'Chronic Pain Medical Treatment',
  'chronic pain': 'Chronic Pain Medical Treatment',
  'acupuncture medical treatment': 'Acupuncture Treatment',
};
const NAMES = [...Object.keys(CHAPTERS), ...Object.keys(ALIASES)]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[,]/g, ',?'))
  .join('|');
const YEAR = '(?:\\s+(?:Guidelines?|guidelines?))?(?:,?\\s+\\(?((?:19|20)\\d\\d)\\)?)?';
const CHAPTER = new RegExp(`MTUS[^.]*?\\b(${NAMES})\\b${YEAR}`, 'gi');
// A further chapter in the same citation (", and Chronic Pain Medical Treatment 2016") needs its year.
const LISTED = new RegExp(
  `(?:,|\\band) (${NAMES})(?:\\s+Guidelines?)?,?\\s+\\(?((?:19|20)\\d\\d)\\)?`,
  'gi',
);

/** MTUS chapters cited, as "Name Year", e.g. "Low Back Complaints 2004". */
export function mtusChapters(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const found = new Set<string>();
  for (const re of [CHAPTER, LISTED]) {
    for (const m of flat.matchAll(re)) {
      const name = canonical(m[1]);
      found.add(`${name} ${m[2] ?? CHAPTERS[name]}`);
    }
  }
  return [...found];
}

function canonical(name: string): string {
  const key = name.toLowerCase().replace(/,/g, '');
  return (
    ALIASES[name.toLowerCase()] ??
    Object.keys(CHAPTERS).find((c) => c.toLowerCase().replace(/,/g, '') === key) ??
    name
  );
}
