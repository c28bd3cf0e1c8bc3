import { createHash } from 'node:crypto';
import { DATE, toIsoDate } from './dates.ts';
import { splitItems } from './items.ts';
import { boardSpecialties, licensureStates } from './reviewer.ts';
import { guidelineSources, mtusChapters } from './guidelines.ts';
import { classify } from './classify.ts';
import { ParseError, SYNTHETIC_MARKER, type Item, type Layout, type Letter } from './types.ts';

/** Reads one determination letter's text. Pure: no files, no database. */
export function parseLetter(text: string): Letter {
  const lines = text.replace(/\r\n?|\f/g, '\n').split('\n').map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  const flat = lines.join('\n');
  const layout = detectLayout(flat);
  const section = lines.findIndex((l) => /^IMR ISSUES, DECISIONS AND RATIONALES$/i.test(l));
  if (section < 0) throw new ParseError('no "IMR ISSUES, DECISIONS AND RATIONALES" section');
  let raw;
  try {
    raw = splitItems(lines.slice(section + 1));
  } catch (e) {
    throw new ParseError((e as Error).message);
  }
  if (raw.length === 0) throw new ParseError('no disputed items found (no "Claims Administrator guideline:")');
  const items: Item[] = raw.map((r, i) => ({
    item_no: i + 1,
    treatment: r.treatment,
    decision: r.decision,
    ...classify(r.treatment),
    claims_administrator_guideline: r.claims_administrator_guideline,
    maximus_guideline: r.maximus_guideline,
    guideline_sources: guidelineSources(r.maximus_guideline),
    mtus_chapters: mtusChapters(r.maximus_guideline),
    rationale: r.rationale,
    retrospective: r.retrospective,
    date_of_service: r.date_of_service,
  }));
  const header = layout === '2016' ? readHeader(flat) : readNarrativeHeader(flat);
  const reviewer = readReviewer(flat, layout);
  const patient = readPatient(flat);
  const upheld = items.filter((i) => i.decision === 'Upheld').length;
  return {
    letter_id: header.case_number ?? `H-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
    layout,
    ...header,
    ...reviewer,
    ...patient,
    case_outcome: upheld === items.length ? 'Upheld' : upheld === 0 ? 'Overturned' : 'Partially Overturned',
    full_text: text,
    synthetic: text.includes(SYNTHETIC_MARKER),
    items,
  };
}

function detectLayout(flat: string): Layout {
  if (/^Case Number:/m.test(flat) && /Date Assigned:/.test(flat)) return '2016';
  if (/HOW THE IMR FINAL DETERMINATION WAS MADE/i.test(flat)) return '2014';
  throw new ParseError('not an IMR determination letter: none of the known layout markers found');
}

const date = (flat: string, label: string): string | null => {
  const m = new RegExp(`${label}\\s*(${DATE})`).exec(flat);
  return m ? toIsoDate(m[1]) : null;
};

function readHeader(flat: string) {
  const caseNumber = /Case Number:\s*([A-Z]{2}\d{2}-\d{5,8})/.exec(flat);
  return {
    case_number: caseNumber ? caseNumber[1] : null,
    date_assigned: date(flat, 'Date Assigned:'),
    decision_date: date(flat, 'Decision Date:'),
    date_of_injury: date(flat, 'Date of Injury:'),
    ur_denial_date: date(flat, 'UR Denial Date:'),
    application_received: date(flat, 'Application(?:\\s+Received:)?'),
    priority: /Priority:\s*(Standard|Expedited)/i.exec(flat)?.[1] ?? null,
  };
}

// The 2014 layout has no header block: the injury date is in the case summary.
function readNarrativeHeader(flat: string) {
  const injury = new RegExp(`(?:injury|injured)[^.\\n]{0,40}?\\bo[nf] (${DATE})`, 'i').exec(flat.replace(/\n/g, ' '));
  return {
    case_number: null, date_assigned: null, decision_date: null, ur_denial_date: null,
    application_received: null, priority: null,
    date_of_injury: injury ? toIsoDate(injury[1]) : null,
  };
}

function readReviewer(flat: string, layout: Layout) {
  let raw: string | null = null;
  let states: string[] = [];
  if (layout === '2016') {
    raw = /Certification\(s\)\/Specialty:\s*([^]*?)\n(?:CLINICAL CASE SUMMARY|[A-Z ]{12,}\n)/.exec(flat)?.[1] ?? null;
    states = licensureStates(/State\(s\) of Licensure:\s*(.*)/.exec(flat)?.[1] ?? '');
  } else {
    const m = /expert reviewer is ((?:licensed|Board Certified) in [^]*?)(?:\. | and is licensed to practice in ([A-Za-z ,]+?)\.)/i
      .exec(flat.replace(/\n/g, ' '));
    if (m) {
      raw = m[1].replace(/^(licensed|Board Certified) in /i, '');
      states = licensureStates(m[2] ?? '');
    }
  }
  raw = raw?.replace(/\s+/g, ' ').trim() || null;
  const specialties = raw ? boardSpecialties(raw) : [];
  return {
    reviewer_specialty_raw: raw,
    reviewer_specialty: specialties[0] ?? null,
    reviewer_specialties: specialties,
    reviewer_licensure: states,
  };
}

function readPatient(flat: string) {
  const text = flat.replace(/\n/g, ' ');
  const m = /\b(\d{1,3})[- ]year[- ]old,? (?:[a-z-]+ ){0,3}?(male|female|man|woman|gentleman|lady)\b/i.exec(text);
  const g = m?.[2].toLowerCase();
  const diagnosis = /\b(?:diagnosed with|diagnoses (?:of|included|include|were|are)|diagnosis (?:of|was|is))\s+([^.]+)\./i.exec(text);
  return {
    patient_age: m ? Number(m[1]) : null,
    patient_gender: g === 'male' || g === 'man' || g === 'gentleman' ? 'male' as const
      : g ? 'female' as const : null,
    diagnoses: diagnosis ? diagnosis[1].split(/,\s*(?:and\s+)?|\s+and\s+/).map((d) => d.replace(/["“”]/g, '').trim()).filter(Boolean) : [],
  };
}
