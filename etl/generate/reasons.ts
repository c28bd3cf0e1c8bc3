import type { Reason } from '../../model/values.ts';
import type { Service } from './catalogue.ts';
import type { Random } from './random.ts';

// The grounds a generated reviewer gives, in the project's own words: each family's sentences
// speak of the case ("In this case", "The records"), as a reviewer applying a guideline does.
// A rationale also carries what the rules must not read as a ground: a guideline quoted at
// length, and improvement the records do document.
type Ground = Exclude<Reason, 'criteria_met' | 'other'> | 'other';

const SENTENCES: Record<Ground, string[]> = {
  not_recommended: [
    'In this case, the guidelines do not recommend this treatment for the condition described.',
    'For this patient, the cited guideline states the service is not recommended for this condition.',
  ],
  no_functional_improvement: [
    'The records do not document objective functional improvement from the prior treatment.',
    'In this case, earlier treatment of the same kind gave no documented functional benefit.',
  ],
  exceeds_quantity: [
    'In this case, the number of sessions requested exceeds the guideline recommendation.',
    'The quantity requested for this patient is in excess of what the guideline allows.',
  ],
  findings_do_not_support: [
    'In this case, the examination shows no red flags and no neurological deficit.',
    'The records describe no objective findings that meet the guideline criteria.',
  ],
  missing_documentation: [
    'The request does not specify the quantity or the duration of treatment.',
    'In this case, no treatment plan with goals is documented.',
  ],
  conservative_care_not_tried: [
    'The records do not show that conservative care was tried and failed.',
    'In this case, there is no documented trial and failure of first-line treatment.',
  ],
  drug_monitoring: [
    'In this case, there is no urine drug screen and no opioid agreement in the records.',
    'The records show no risk assessment and no monitoring for aberrant behavior.',
  ],
  insufficient_evidence: [
    'For this patient, the service remains investigational.',
    'In this case, the service is experimental for the condition described.',
  ],
  depends_on_denied_service: [
    'As the requested surgery is not medically necessary, this service is not needed either.',
  ],
  other: ['The same service was previously authorized, so this request is a duplicate.'],
};

/** The grounds a service's kind of request is denied on, most often first. */
function grounds(s: Service): Ground[] {
  if (s.subcategory === 'Adjunct Surgical Services') return ['depends_on_denied_service'];
  const sedative = ['Opioids', 'Benzodiazepine', 'Sedative-hypnotics'].includes(s.subcategory);
  switch (s.category) {
    case 'Pharmaceuticals':
      return [
        'conservative_care_not_tried',
        'no_functional_improvement',
        ...(sedative ? (['drug_monitoring'] as const) : []),
        'not_recommended',
        'missing_documentation',
        'exceeds_quantity',
      ];
    case 'Rehabilitation':
      return ['no_functional_improvement', 'exceeds_quantity', 'missing_documentation', 'not_recommended'];
    case 'Diagnostic Testing':
      return ['findings_do_not_support', 'conservative_care_not_tried', 'missing_documentation', 'other'];
    case 'DMEPOS':
      return ['missing_documentation', 'not_recommended', 'insufficient_evidence'];
    case 'Injection':
    case 'Surgery':
      return ['findings_do_not_support', 'conservative_care_not_tried', 'insufficient_evidence'];
    default:
      return ['missing_documentation', 'findings_do_not_support', 'other'];
  }
} // prettier-ignore

/** The families a generated reviewer gives: criteria met for an overturned denial, one or two grounds for one upheld. */
export function drawReasons(s: Service, upheld: boolean, r: Random): Reason[] {
  if (!upheld) return ['criteria_met'];
  const offered = grounds(s);
  const first = offered[Math.min(Math.floor(r.next() ** 2 * offered.length), offered.length - 1)];
  const second = r.chance(0.3) ? r.pick(offered) : first;
  const chosen = new Set<Reason>([first, second]);
  return (Object.keys(SENTENCES) as Reason[]).filter((k) => chosen.has(k));
}

const QUOTE =
  'The guideline reads: "treatment beyond an initial trial is not recommended without documented functional improvement, and no more than the recommended visits are supported."';
const IMPROVED = 'The records document objective functional improvement from prior treatment.';
const MET = 'In this case, the guideline criteria are met for this patient.';

/** The sentences that give the reasons, after a guideline quoted at length (sometimes) and, for an overturned denial, improvement documented. */
export function reasonSentences(reasons: Reason[], r: Random): string {
  const quote = r.chance(0.3) ? [QUOTE] : [];
  if (reasons.includes('criteria_met')) return [...quote, IMPROVED, MET].join(' ');
  return [...quote, ...reasons.map((k) => r.pick(SENTENCES[k as Ground]))].join(' ');
}
