import { createHash } from 'node:crypto';
import { DATE, toIsoDate } from './dates.ts';
import { splitItems, type RawItem } from './items.ts';
import { noticeItems } from './items-notice.ts';
import { reviewItems, reviewSections } from './items-review.ts';
import { boardSpecialties, licensureStates } from './reviewer.ts';
import { guidelineSources, mtusChapters } from './guidelines.ts';
import { bodyRegion, drug, mtusSections, outsideMtus, quantity } from './details.ts';
import { classify, surgicalContext } from './classify.ts';
import { normaliseService } from './service.ts';
import { ParseError, SYNTHETIC_MARKER, type Item, type Layout, type Letter } from './types.ts';

/** Reads one determination letter's text, in any of the five layouts. Pure: no files, no database. */
export function parseLetter(text: string): Letter {
  const lines = toLines(text);
  const flat = lines.join('\n');
  const layout = detectLayout(flat);
  let raw: RawItem[];
  try {
    raw = readItems(layout, lines, flat);
  } catch (e) {
    throw new ParseError((e as Error).message);
  }
  if (raw.length === 0) throw new ParseError('no disputed items found');
  const items = raw.map(enrich);
  const upheld = items.filter((i) => i.decision === 'Upheld').length;
  const header = readHeader(flat);
  return {
    letter_id:
      header.case_number ?? `H-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
    layout,
    ...header,
    ...readReviewer(flat, layout, lines),
    ...readPatient(flat),
    case_outcome:
      upheld === items.length ? 'Upheld' : upheld === 0 ? 'Overturned' : 'Partially Overturned',
    full_text: text,
    synthetic: text.includes(SYNTHETIC_MARKER),
    items,
  };
}

/** Trimmed, non-empty lines with runs of white space folded to one space. */
export function toLines(text: string): string[] {
  const lines = text.split(/[ \t\u00a0]*[\r\n\f]+[ \t\u00a0\r\n\f]*/);
  const out: string[] = [];
  for (let l of lines) {
    if (/\s\s|[\t\u00a0\v]/.test(l)) l = l.replace(/\s+/g, ' ');
    l = l.trim();
    if (l !== '') out.push(l);
  }
  return out;
}

/** The layout, told from the text's own markers, never from the file name. */
export function detectLayout(flat: string): Layout {
  if (
    /^(IMR )?Case Number:/m.test(flat) &&
    /^Date Assigned:/m.test(flat) &&
    /^IMR ISSUES, DECISIONS AND RATIONALES$/m.test(flat)
  )
    return 'header-2016';
  if (/Notice of Independent Medical Review Determination/i.test(flat)) return 'notice-2013';
  if (
    /^MAXIMUS FEDERAL SERVICES, INC\.?$/m.test(flat) &&
    /^IMR DECISION\(S\) AND RATIONALE\(S\)$/m.test(flat)
  )
    return 'imr-rationales';
  if (/^MEDICAL PROFESSIONAL REVIEW$/m.test(flat) && /^ISSUE AT DISPUTE:/m.test(flat))
    return 'professional-review';
  if (/^IMR ISSUES, DECISIONS AND RATIONALES$/m.test(flat)) return 'narrative-2014';
  throw new ParseError('not an IMR determination letter: none of the known layout markers found');
}

function readItems(layout: Layout, lines: string[], flat: string): RawItem[] {
  if (layout === 'notice-2013') return noticeItems(flat);
  if (layout === 'professional-review') return reviewItems(lines);
  const section = lines.findIndex((l) =>
    /^(IMR ISSUES, DECISIONS AND RATIONALES|IMR DECISION\(S\) AND RATIONALE\(S\))$/i.test(l),
  );
  return splitItems(lines.slice(section + 1));
}

function enrich(r: RawItem, i: number): Item {
  const sources = guidelineSources(r.maximus_guideline);
  const { category, subcategory } = classify(r.treatment);
  return {
    item_no: i + 1,
    treatment: r.treatment,
    decision: r.decision,
    category,
    subcategory,
    service: normaliseService(r.treatment, category, subcategory),
    surgical_context:
      surgicalContext(`${r.heading} ${r.treatment}`) || subcategory === 'Adjunct Surgical Services',
    claims_administrator_guideline: r.claims_administrator_guideline,
    maximus_guideline: r.maximus_guideline,
    guideline_sources: sources,
    mtus_chapters: mtusChapters(r.maximus_guideline),
    mtus_sections: mtusSections(r.maximus_guideline),
    outside_mtus: outsideMtus(r.maximus_guideline, sources),
    body_region: bodyRegion(r.treatment),
    ...drug(r.treatment),
    ...quantity(r.treatment),
    rationale: r.rationale,
    retrospective: r.retrospective,
    date_of_service: r.date_of_service,
  };
}

const dateAfter = (flat: string, label: string): string | null => {
  const m = new RegExp(`${label}\\s*(${DATE})`, 'im').exec(flat);
  return m ? toIsoDate(m[1]) : null;
};

// Labelled header fields of any layout, then the narrative sentences older layouts use instead.
function readHeader(flat: string) {
  const oneLine = flat.replace(/\n/g, ' ');
  const caseNumber = /\bCase Number:\s*([A-Z]{2}\d{2}-\d{5,8})/.exec(flat);
  const filed = new RegExp(
    `application for Independent Medical Review was filed on (${DATE}) disputing the Utilization Review Denial dated (${DATE})`,
    'i',
  ).exec(oneLine);
  const injury = new RegExp(`(?:injury|injured)[^.]{0,40}?\\bo[nf] (${DATE})`, 'i').exec(oneLine);
  return {
    case_number: caseNumber ? caseNumber[1] : null,
    date_assigned: dateAfter(flat, 'Date Assigned:'),
    decision_date: dateAfter(flat, '(?:Decision Date:|^Dated:)'),
    date_of_injury: dateAfter(flat, 'Date of Injury:') ?? (injury ? toIsoDate(injury[1]) : null),
    ur_denial_date: dateAfter(flat, 'UR Denial Date:') ?? (filed ? toIsoDate(filed[2]) : null),
    application_received:
      dateAfter(flat, 'Application(?:\\s+Received:)?') ?? (filed ? toIsoDate(filed[1]) : null),
    priority: /Priority:\s*(Standard|Expedited)/i.exec(flat)?.[1] ?? null,
  };
}

function readReviewer(flat: string, layout: Layout, lines: string[]) {
  let raw: string | null = null;
  let states: string[] = [];
  if (/Certification\(s\)\/Specialty:/.test(flat)) {
    raw =
      /Certification\(s\)\/Specialty:\s*([^]*?)\n(?:CLINICAL CASE SUMMARY|[A-Z ]{12,}\n)/.exec(
        flat,
      )?.[1] ?? null;
    states = licensureStates(/State\(s\) of Licensure:\s*(.*)/.exec(flat)?.[1] ?? '');
  } else {
    const where =
      layout === 'professional-review'
        ? (reviewSections(lines).get('MEDICAL REVIEWER QUALIFICATIONS:') ?? '')
        : flat.replace(/\n/g, ' ');
    const m =
      /reviewer is ((?:licensed|Board Certified) in [^]*?)(?:\. | and is licensed to practice in ([A-Za-z ,]+?)\.)/i.exec(
        where,
      );
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

// The phrases case summaries introduce the diagnoses with; the list runs to the sentence's end.
const DIAGNOSIS = new RegExp(
  '\\b(?:(?:currently )?diagnosed (?:with|as having)|diagnos[ie]s (?:that )?(?:of|included?|were|are|was|is)|' +
    'Diagnoses, and-or impressions, were noted to include:|undergoing treatment for|being treated for(?! the diagnos))\\s+(?:an? )?([^.]+?)\\.(?:\\s|$)',
  'i',
);

function readPatient(flat: string) {
  const text = flat.replace(/\n/g, ' ');
  const m =
    /\b(\d{1,3})[- ]year[- ]old,? (?:[a-z-]+ ){0,3}?(male|female|man|woman|gentleman|lady)\b/i.exec(
      text,
    );
  const g = m?.[2].toLowerCase();
  const diagnosis = DIAGNOSIS.exec(text);
  return {
    patient_age: m ? Number(m[1]) : null,
    patient_gender:
      g === 'male' || g === 'man' || g === 'gentleman'
        ? ('male' as const)
        : g
          ? ('female' as const)
          : null,
    diagnoses: diagnosis
      ? diagnosis[1]
          .split(/[,;]\s*(?:and\s+)?|\s+and\s+/)
          .map((d) => d.replace(/["“”]/g, '').trim())
          .filter(Boolean)
      : [],
  };
}
