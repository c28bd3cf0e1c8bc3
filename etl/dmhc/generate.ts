import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Random } from '../generate/random.ts';
import { reasonSentences } from '../generate/reasons.ts';
import type { EvidenceSource, Reason } from '../types.ts';
import { SYNTHETIC_CASE } from './case.ts';
import { COLUMNS } from './columns.ts';

// Generated DMHC IMR rows in the current file's shape (comma-separated, quoted, with Findings),
// for tests and the benchmark. Every value is invented, and every Findings says so first
// (SYNTHETIC_CASE); the truth says what each row holds.

export interface GeneratedCase {
  reference_id: string;
  report_year: number;
  decision: 'Upheld' | 'Overturned';
  review_type: string;
  treatment_category: string;
  treatment_subcategory: string;
  age_band: string | null;
  reviewer_specialty: string;
  panel: boolean;
  evidence_sources: EvidenceSource[];
  /** The reason families the findings give (etl/generate/reasons.ts). */
  reasons: Reason[];
  findings: string;
}

const TYPES: [string, string][] = [['MN', 'Medical Necessity'], ['EI', 'Experimental/Investigational'], ['UR', 'Urgent Care']]; // prettier-ignore
const TREATMENTS: [string, string][] = [
  ['Pharmacy/Prescription Drugs', 'Anti-virals'],
  ['Alternative Treatment', 'Acupuncture'],
  ['Diagnostic Imaging, Screening and Testing', 'MRI'],
  ['Mental Health Treatment', 'Residential Treatment Center - Admission'],
  ['Durable Medical Equipment', 'Wheelchair'],
];
const BANDS = ['0-10', '11_20', '21-30', '31-40', '41-50', '51-64', '65+', ''];
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

/** The i-th generated case of a seed's sequence. */
export function generatedCase(r: Random, i: number): GeneratedCase {
  const [prefix, review_type] = r.pick(TYPES);
  const report_year = r.int(2001, 2024);
  const [treatment_category, treatment_subcategory] = r.pick(TREATMENTS);
  const band = r.pick(BANDS);
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
    treatment_subcategory,
    age_band: band === '' ? null : band.replace('_', '-'),
    reviewer_specialty,
    panel,
    evidence_sources: cited.map((c) => c[0]),
    reasons,
    findings: findings(r, reviewer_specialty, panel, cited, reasons),
  };
}

/** A CSV field, quoted as the portal quotes them: in double quotes, inner quotes doubled. */
export const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

export const HEADER = Object.values(COLUMNS).map(quote).join(',');

export function csvLine(c: GeneratedCase): string {
  const determination = `${c.decision} Decision of Health Plan`;
  const band = c.age_band?.replace('11-20', '11_20') ?? '';
  const gender = c.report_year % 2 ? 'Female' : 'Male';
  return [c.reference_id, c.report_year, 'Infectious', 'Hepatitis', c.treatment_category,
    c.treatment_subcategory, determination, c.review_type, band, gender, c.findings].map(quote).join(','); // prettier-ignore
}

/** Writes n generated cases to path as a current-shape CSV (CRLF between rows), a row at a time. */
export async function writeDmhcCsv(path: string, n: number, seed = 1): Promise<void> {
  const r = new Random(seed);
  const out = createWriteStream(path);
  out.write(HEADER + '\r\n');
  for (let i = 0; i < n; i++)
    if (!out.write(csvLine(generatedCase(r, i)) + '\r\n')) await once(out, 'drain');
  await new Promise((ok) => out.end(ok));
}
