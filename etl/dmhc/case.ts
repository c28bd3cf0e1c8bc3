import { treatmentType } from '../rules/treatment-types.ts';
import { ParseError, type Item, type Letter } from '../types.ts';
import { normaliseBand } from './age.ts';
import type { ColumnIndex } from './columns.ts';
import { readFindings } from './findings.ts';

// Fields of a letter or item that only workers' comp letters have: null on a DMHC case.
type LetterOnly = 'layout' | 'reviewer_licensure' | 'diagnoses' | 'full_text';
type ItemOnly =
  | 'category'
  | 'subcategory'
  | 'claims_administrator_guideline'
  | 'maximus_guideline'
  | 'guideline_sources'
  | 'mtus_chapters'
  | 'mtus_sections'
  | 'outside_mtus'
  | 'rationale'
  | 'retrospective'
  | 'surgical_context';
export type DmhcItem = Omit<Item, ItemOnly> & { [K in ItemOnly]: null };
/** A DMHC case as a Letter with one Item; full_text is the Findings, null when there are none. */
export type DmhcCase = Omit<Letter, LetterOnly | 'items' | 'full_text'> & {
  [K in Exclude<LetterOnly, 'full_text'>]: null;
} & { full_text: string | null; items: [DmhcItem] };

const DECISIONS: [RegExp, 'Upheld' | 'Overturned'][] = [
  [/^upheld\b/i, 'Upheld'],
  [/^overturned\b/i, 'Overturned'],
];
const GENDERS: Record<string, 'male' | 'female'> = {
  male: 'male',
  m: 'male',
  female: 'female',
  f: 'female',
};
const REVIEW_TYPES: Record<string, string> = { MN: 'Medical Necessity', EI: 'Experimental/Investigational', UR: 'Urgent Care' }; // prettier-ignore

const blank = (v: string) => (v.trim() === '' ? null : v.trim());

/** One row of a DMHC IMR file as a case; a row that cannot be one throws ParseError with the reason. */
export function rowToCase(row: string[], at: ColumnIndex): DmhcCase {
  const get = (c: keyof ColumnIndex) => (at[c] < 0 ? '' : (row[at[c]] ?? '').trim());
  const id = get('reference_id');
  if (!id) throw new ParseError('no Reference ID');
  const determination = get('determination');
  const decision = DECISIONS.find(([re]) => re.test(determination))?.[1];
  if (!decision) throw new ParseError(`unknown determination "${determination.slice(0, 60)}"`);
  const year = get('report_year');
  if (!/^(19|20)\d\d$/.test(year))
    throw new ParseError(`unparseable report year "${year.slice(0, 20)}"`);
  const category = get('treatment_category');
  const subcategory = get('treatment_subcategory');
  const text = blank(get('findings'));
  const f = text ? readFindings(text) : null;
  return {
    letter_id: id,
    case_number: id,
    layout: null,
    decision_date: null,
    date_assigned: null,
    date_of_injury: null,
    ur_denial_date: null,
    application_received: null,
    priority: null,
    reviewer_specialty_raw: f?.reviewer_specialty_raw ?? null,
    reviewer_specialty: f?.reviewer_specialty ?? null,
    reviewer_specialties: f?.reviewer_specialties ?? [],
    reviewer_licensure: null,
    patient_age: null,
    patient_gender: GENDERS[get('gender').toLowerCase()] ?? null,
    diagnoses: null,
    case_outcome: decision,
    full_text: text,
    synthetic: false,
    flags: [],
    program: 'DMHC',
    report_year: Number(year),
    review_type: blank(get('type')) ?? REVIEW_TYPES[id.slice(0, 2).toUpperCase()] ?? null,
    diagnosis_category: blank(get('diagnosis_category')),
    diagnosis_subcategory: blank(get('diagnosis_subcategory')),
    age_band: normaliseBand(get('age_range')),
    panel: f ? f.panel : null,
    items: [item(category, subcategory, decision, f?.evidence_sources ?? null)],
  };
}

/** The case's one service: the DMHC treatment, its common type, and the evidence its findings cite. */
function item(
  category: string,
  subcategory: string,
  decision: 'Upheld' | 'Overturned',
  evidence_sources: DmhcItem['evidence_sources'],
): DmhcItem {
  return {
    item_no: 1,
    treatment: [category, subcategory].filter(Boolean).join(': ') || 'Not stated',
    // The data set's subcategory names the service ("Acupuncture", "Anti-virals").
    service: subcategory || category || 'Not stated',
    surgical_context: null,
    decision,
    category: null,
    subcategory: null,
    claims_administrator_guideline: null,
    maximus_guideline: null,
    guideline_sources: null,
    mtus_chapters: null,
    mtus_sections: null,
    outside_mtus: null,
    body_region: null,
    drug_name: null,
    drug_strength: null,
    quantity: null,
    quantity_unit: null,
    rationale: null,
    retrospective: null,
    date_of_service: null,
    dmhc_category: blank(category),
    dmhc_subcategory: blank(subcategory),
    treatment_type: treatmentType('DMHC', category, subcategory),
    evidence_sources,
  };
}
