import { createHash } from 'node:crypto';
import { NOT_STATED, type RawItem } from './fields/items.ts';
import { guidelineSources, mtusChapters } from './fields/guidelines.ts';
import { bodyRegion, drug, mtusSections, outsideMtus, quantity } from './fields/details.ts';
import { classify, surgicalContext } from './classify/classify.ts';
import { normaliseService } from './fields/service.ts';
import { claimants } from './layouts/index.ts';
import { readPatient } from './fields/patient.ts';
import { guidelineAgreement, readReasons } from './fields/reasons.ts';
import { ParseError, SYNTHETIC_MARKER, type Item, type Layout, type Letter } from './types.ts';

/** Reads one determination letter's text, in any known layout. Pure: no files, no database. */
export function parseLetter(text: string): Letter {
  const lines = toLines(text);
  const flat = lines.join('\n');
  const [layout, ...others] = claimants(flat);
  if (!layout) throw notALetter();
  const flags = others.length
    ? [`layout: also claimed by ${others.map((o) => o.name).join(', ')}`]
    : [];
  let raw: RawItem[];
  try {
    raw = layout.items(lines, flat, flags);
  } catch (e) {
    throw new ParseError((e as Error).message);
  }
  if (raw.length === 0) throw new ParseError('no disputed items found');
  const items = raw.map(enrich);
  const upheld = items.filter((i) => i.decision === 'Upheld').length;
  const header = layout.header(flat, lines);
  return {
    letter_id:
      header.case_number ?? `H-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
    layout: layout.name,
    ...header,
    ...readPatient(flat),
    case_outcome:
      upheld === items.length ? 'Upheld' : upheld === 0 ? 'Overturned' : 'Partially Overturned',
    full_text: text,
    synthetic: text.includes(SYNTHETIC_MARKER),
    flags,
    items,
  };
}

const notALetter = () =>
  new ParseError('not an IMR determination letter: none of the known layout markers found');

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
  const [layout] = claimants(flat);
  if (!layout) throw notALetter();
  return layout.name;
}

function enrich(r: RawItem): Item {
  // A paragraph the letter lacks says nothing of the sources; 'None' is a reviewer citing none.
  const sources = r.maximus_guideline === NOT_STATED ? [] : guidelineSources(r.maximus_guideline);
  const ca = r.claims_administrator_guideline;
  const caSources = ca === NOT_STATED || ca === '' ? null : guidelineSources(ca);
  const stated = r.maximus_guideline === NOT_STATED ? null : sources;
  const { category, subcategory } = classify(r.treatment);
  const why = readReasons(r.rationale, r.decision, r.treatment);
  return {
    item_no: r.item_no,
    treatment: r.treatment,
    decision: r.decision,
    category,
    subcategory,
    service: normaliseService(r.treatment, category, subcategory),
    // Listed under "Associated surgical service:", or said so in its name, or what goes with one.
    surgical_context:
      r.surgical_context ||
      surgicalContext(r.treatment) ||
      subcategory === 'Adjunct Surgical Services',
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
    reason: why?.reason ?? null,
    reason_spans: why?.reason_spans ?? null,
    ca_guideline_sources: caSources,
    guideline_agreement: guidelineAgreement(caSources, stated),
    retrospective: r.retrospective,
    date_of_service: r.date_of_service,
  };
}
