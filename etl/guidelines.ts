import type { GuidelineSource } from './types.ts';

const ORDER: GuidelineSource[] = ['MTUS', 'ODG', 'ACOEM', 'Other', 'None'];

/**
 * Which guideline families a guideline paragraph relies on. ACOEM chapters adopted into the
 * MTUS count as MTUS; ACOEM counts on its own only when cited outside the MTUS.
 */
export function guidelineSources(text: string): GuidelineSource[] {
  const found = new Set<GuidelineSource>();
  if (/did not cite any medical evidence/i.test(text) || text.trim() === '') found.add('None');
  for (const cite of text.split(/(?=Decision based on)/i)) {
    if (/Non-MTUS/i.test(cite)) {
      const rest = cite.replace(/.*?Non-MTUS( Citation)?/is, '');
      if (/Official\s+Disability|\bODG\b/i.test(rest)) found.add('ODG');
      else if (/ACOEM|American\s+College\s+of\s+Occupational/i.test(rest)) found.add('ACOEM');
      else found.add('Other');
    } else if (/\bMTUS\b/.test(cite)) {
      found.add('MTUS');
    }
  }
  if (found.size === 0) found.add(/outside of the MTUS/i.test(text) ? 'Other' : 'None');
  return ORDER.filter((s) => found.has(s));
}

const CHAPTERS = ['Chronic Pain Medical Treatment', 'Low Back Complaints', 'Shoulder Complaints',
  'Neck and Upper Back Complaints', 'Opioid Treatment', 'Knee Complaints', 'Acupuncture Treatment',
  'General Approaches', 'Elbow Complaints', 'Postsurgical Treatment', 'Ankle and Foot Complaints',
  'Forearm, Wrist, and Hand Complaints', 'Eye', 'Stress Related Conditions', 'Occupational Interstitial Lung Disease',
  'Occupational/Work-Related Asthma', 'Cervical and Thoracic Spine Disorders', 'Hip and Groin Disorders'];
const CHAPTER = new RegExp(`MTUS[^.]*?\\b(${CHAPTERS.join('|')})(?: Guidelines)? ((?:19|20)\\d\\d)\\b`, 'gi');
const SAME_CHAPTER_LIST = new RegExp(`(?:,|\\band) (${CHAPTERS.join('|')}) ((?:19|20)\\d\\d)\\b`, 'gi');

/** MTUS chapters cited, as "Name Year", e.g. "Low Back Complaints 2004". */
export function mtusChapters(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const found = new Set<string>();
  for (const re of [CHAPTER, SAME_CHAPTER_LIST]) {
    for (const m of flat.matchAll(re)) found.add(`${canonical(m[1])} ${m[2]}`);
  }
  return [...found];
}

function canonical(name: string): string {
  return CHAPTERS.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
}
