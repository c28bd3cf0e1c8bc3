import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Random } from '../generate/random.ts';
import { reasonSentences } from '../generate/reasons.ts';
import type { EvidenceSource, Reason } from '../letters/types.ts';
import { SYNTHETIC_CASE } from './case.ts';
import { COLUMNS } from './columns.ts';

// Generated DMHC IMR rows in the current file's shape (comma-separated, quoted, with Findings,
// IMR Type, Days To Review and Days To Adopt, its labels abbreviated as today's download writes
// them), for tests and the benchmark. Every value is invented, and every Findings says so first
// (SYNTHETIC_CASE); the truth says what each row holds, each label as written and as the
// 2001-2016 words name it.

export interface GeneratedCase {
  reference_id: string;
  report_year: number;
  decision: 'Upheld' | 'Overturned';
  review_type: string;
  /** The treatment category and subcategory in the 2001-2016 words, and as the file writes them. */
  treatment_category: string;
  treatment_category_written: string;
  treatment_subcategory: string;
  treatment_subcategory_written: string;
  diagnosis_category: string;
  diagnosis_category_written: string;
  age_band: string | null;
  gender: 'male' | 'female' | 'other';
  review_speed: 'Standard' | 'Expedited';
  /** As the data set gives them; now and then negative or over two years, as real files can be. */
  days_to_review: number;
  days_to_adopt: number;
  reviewer_specialty: string;
  panel: boolean;
  evidence_sources: EvidenceSource[];
  /** The reason families the findings give (etl/generate/reasons.ts). */
  reasons: Reason[];
  findings: string;
}

const TYPES: [string, string][] = [['MN', 'Medical Necessity'], ['EI', 'Experimental/Investigational'], ['UR', 'Urgent Care']]; // prettier-ignore
// [as written, in the 2001-2016 words] for the category, then for the subcategory.
const TREATMENTS: [string, string, string, string][] = [
  ['Pharmacy', 'Pharmacy/Prescription Drugs', 'Anti-virals', 'Anti-virals'],
  ['Alternative Tx', 'Alternative Treatment', 'Acupuncture', 'Acupuncture'],
  ['Diag Imag & Screen', 'Diagnostic Imaging, Screening and Testing', 'MRI', 'MRI'],
  ['Mental Health', 'Mental Health Treatment', 'RTC/ Admit', 'Residential Treatment Center - Admission'],
  ['DME', 'Durable Medical Equipment', 'Wheelchair', 'Wheelchair'],
  ['Durable Med Equip', 'Durable Medical Equipment', 'Insulin Pump', 'Insulin Pump'],
  ['Gen Surg proc', 'General Surgery', 'Hernia Repair', 'Hernia Repair'],
  ['Diag/ MD Eval', 'Diagnostic/Physician Evaluation', 'SCP Consult Refer', 'Specialty Consultation Referral'],
]; // prettier-ignore
const DIAGNOSES: [string, string][] = [
  ['Infectious Disease', 'Infectious'],
  ['Mental Behav Neur', 'Mental'],
  ['Mental Disorder', 'Mental'],
  ['Neoplasms (Tumor)', 'Cancer'],
  ['Orth/Musculoskeletal', 'Orthopedic/ Musculoskeletal'],
];
const BANDS = ['0-10', '11-20', '21-30', '31-40', '41-50', '51-64', '65+', ''];
const GENDERS = [
  ['Female', 'female'],
  ['Male', 'male'],
  ['Other', 'other'],
] as const;
const SPECIALTIES = ['Internal Medicine', 'Psychiatry', 'Rheumatology', 'Orthopedic Surgery', 'Neurology']; // prettier-ignore
const CITATIONS: [EvidenceSource, string][] = [
  ['Specialty society guidelines', 'The American College of Rheumatology guideline, and NCCN, support "this" use.'],
  ['FDA labelling', 'The drug is FDA approved for this indication, per its label.'],
  ['Peer-reviewed literature', 'Peer-reviewed medical literature, including two trials, shows benefit.'],
  ['Commercial criteria', 'InterQual criteria were considered.'],
]; // prettier-ignore
const FILLER =
  'The patient\'s records, including the "progress notes" of 3/4/2019, were reviewed; symptoms persist, despite treatment.\r\n';

// The grounds a health-plan reviewer gives for upholding a denial.
const GROUNDS: Reason[] = ['findings_do_not_support', 'not_recommended', 'insufficient_evidence', 'missing_documentation', 'conservative_care_not_tried']; // prettier-ignore

function findings(
  r: Random,
  specialty: string,
  panel: boolean,
  cited: [EvidenceSource, string][],
  reasons: Reason[],
) {
  const credentials = r.chance(0.5)
    ? `Credentials/Qualifications: The reviewer is board certified in ${specialty} and is in active practice.`
    : `The reviewer is board certified in ${specialty}, with experience treating such patients.`;
  const not = reasons.includes('criteria_met') ? '' : 'not ';
  const verdict = panel
    ? `Final Results: 2 of 3 reviewers determined the service is ${not}medically necessary.`
    : `Final Result: The reviewer determined that the service is ${not}medically necessary.`;
  const body = FILLER.repeat(r.int(8, 25));
  return `${SYNTHETIC_CASE}\nNature of Statutory Criteria/Case Summary: An enrollee requested a service.\n${body}${cited.map((c) => c[1]).join(' ')}\n${reasonSentences(reasons, r)}\n${credentials}\n${verdict}`;
}

// Days To Review: mostly within the limit, some late, a few negative or absurd.
function reviewDays(r: Random, expedited: boolean): number {
  if (r.chance(0.004)) return -r.int(1, 9);
  if (r.chance(0.004)) return r.int(731, 1500);
  return expedited ? r.int(0, 6) : r.int(3, 60);
}

/** The i-th generated case of a seed's sequence. */
export function generatedCase(r: Random, i: number): GeneratedCase {
  const [prefix, review_type] = r.pick(TYPES);
  const report_year = r.int(2001, 2024);
  const [treatment_category_written, treatment_category, treatment_subcategory_written, treatment_subcategory] = r.pick(TREATMENTS); // prettier-ignore
  const [diagnosis_category_written, diagnosis_category] = r.pick(DIAGNOSES);
  const band = r.pick(BANDS);
  const expedited = r.chance(0.15);
  const reviewer_specialty = r.pick(SPECIALTIES);
  const panel = r.chance(0.2);
  const cited = CITATIONS.filter(() => r.chance(0.4));
  const decision = r.chance(0.44) ? 'Overturned' : 'Upheld';
  const reasons: Reason[] = decision === 'Overturned' ? ['criteria_met'] : [r.pick(GROUNDS)];
  return {
    reference_id: `${prefix}${String(report_year).slice(2)}-${100000 + i}`,
    report_year,
    decision,
    review_type,
    treatment_category,
    treatment_category_written,
    treatment_subcategory,
    treatment_subcategory_written,
    diagnosis_category,
    diagnosis_category_written,
    age_band: band === '' ? null : band,
    gender: r.weighted(GENDERS, ([g]) => (g === 'Other' ? 0.05 : 0.475))[1],
    review_speed: expedited ? 'Expedited' : 'Standard',
    days_to_review: reviewDays(r, expedited),
    days_to_adopt: r.int(0, 12),
    reviewer_specialty,
    panel,
    evidence_sources: cited.map((c) => c[0]),
    reasons,
    findings: findings(r, reviewer_specialty, panel, cited, reasons),
  };
}

/** A CSV field, quoted as the portal quotes them: in double quotes, inner quotes doubled. */
export const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

/** The header, with its names spaced as the portal writes them or, compact, without spaces. */
export const header = (compact = false) =>
  Object.values(COLUMNS)
    .map((name) => quote(compact ? name.replace(/ /g, '') : name))
    .join(',');
export const HEADER = header();

const GENDER_WORDS = Object.fromEntries(GENDERS.map(([word, g]) => [g, word]));

/** One case as a row, in the column order of COLUMNS; an age band as today's file writes it. */
export function csvLine(c: GeneratedCase): string {
  const determination = `${c.decision} Decision of Health Plan`;
  const band = c.age_band?.replace('-', ' to ') ?? '';
  return [c.reference_id, c.report_year, c.diagnosis_category_written, 'Hepatitis',
    c.treatment_category_written, c.treatment_subcategory_written, determination, c.review_type,
    band, GENDER_WORDS[c.gender], c.findings, c.review_speed, c.days_to_review, c.days_to_adopt,
  ].map(quote).join(','); // prettier-ignore
}

/**
 * Writes n generated cases to path as a current-shape CSV (CRLF between rows), a row at a time;
 * `compact` writes the header's names without spaces (`IMRType`, `DaysToReview`).
 */
export async function writeDmhcCsv(
  path: string,
  n: number,
  seed = 1,
  o: { compact?: boolean } = {},
): Promise<void> {
  const r = new Random(seed);
  const out = createWriteStream(path);
  out.write(header(o.compact) + '\r\n');
  for (let i = 0; i < n; i++)
    if (!out.write(csvLine(generatedCase(r, i)) + '\r\n')) await once(out, 'drain');
  await new Promise((ok) => out.end(ok));
}
