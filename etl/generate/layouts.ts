import type { Random } from './random.ts';
import type { Service } from './catalogue.ts';
import type { Truth } from './letter.ts';
import { reasonSentences } from './reasons.ts';
import { SYNTHETIC_MARKER, type Layout, type Reason } from '../letters/types.ts';

/** A service as drawn, with what the reviewer cited for it. */
export interface Cited {
  service: Service;
  treatment: string;
  upheld: boolean;
  cite: { mtus: string | null; outside: 'ODG' | 'ACOEM' | 'Other' | null };
  /** The reason families its rationale gives (etl/generate/reasons.ts). */
  reasons: Reason[];
  /** Whether the claims administrator cited a guideline (its MTUS chapter) or none. */
  caCites: boolean;
}

// All wording here is the project's own; only the section headings follow the real layouts.
const HOW =
  'MAXIMUS Federal Services sent the case file to an expert reviewer with no affiliation with the ' +
  'parties. The reviewer is in active clinical practice and was chosen for expertise in treating the condition ' +
  'and services in dispute, and knows the laws and the evidence hierarchy that govern Independent Medical Review.';
const NEEDS = [
  'objective functional improvement from prior treatment',
  'a clear clinical indication and a plan to use the results',
  'failure of a course of conservative care',
];
const OUTSIDE = {
  ODG: [
    'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter.',
    'The Expert Reviewer also cited the Official Disability Guidelines (ODG), Pain Chapter.',
  ],
  ACOEM: [
    'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed.',
    'The Expert Reviewer also cited the ACOEM Occupational Medicine Practice Guidelines, 3rd ed.',
  ],
  Other: [
    'Decision based on Non-MTUS Citation a peer-reviewed clinical review of the requested service.',
    'The Expert Reviewer also cited a Non-MTUS source, a peer-reviewed clinical review of the requested service.',
  ],
};
const NO_CITE = 'The Expert Reviewer did not cite any medical evidence for its decision.';

const us = (d: string, sep = '/', short = false, pad = true) => {
  const [y, m, day] = d.split('-');
  const unpad = (s: string) => (pad ? s : String(Number(s)));
  return [unpad(m), unpad(day), short ? y.slice(2) : y].join(sep);
};

function wrap(text: string, width = 95): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

/** The reviewer's guideline paragraph: "Decision based on ..." citations, or free sentences (style 1). */
function citation(c: Cited['cite'], style: 0 | 1, r: Random): string {
  if (!c.mtus && !c.outside) return NO_CITE;
  const section = r.pick(['Summary', 'Introduction', 'Treatment', 'Recommendations']);
  const mtus = c.mtus
    ? [
        style
          ? `The Expert Reviewer based the decision on the MTUS ${c.mtus}, ${section}.`
          : `Decision based on MTUS ${c.mtus}, Section(s): ${section}.`,
      ]
    : [];
  return [...mtus, ...(c.outside ? [OUTSIDE[c.outside][style]] : [])].join(' ');
}

function claimsAdministrator(i: Cited): string {
  return !i.caCites
    ? 'The Claims Administrator did not cite any medical evidence for its decision.'
    : `Decision based on MTUS ${i.cite.mtus ?? i.service.mtus}.`;
}

/** The guideline's condition, then the reasons the truth records (etl/generate/reasons.ts). */
function reasoning(i: Cited, r: Random): string {
  return `The cited guidelines support this service when there is ${r.pick(NEEDS)}. ${reasonSentences(i.reasons, r)}`;
}

const dx = (t: Truth) =>
  t.diagnoses.length > 1
    ? `${t.diagnoses.slice(0, -1).join(', ')} and ${t.diagnoses.at(-1)}`
    : t.diagnoses[0];
const summary = (t: Truth, injuryDate: string) =>
  `The injured worker is a ${t.patient_age} year old ${t.patient_gender} who ` +
  `sustained an industrial injury on ${injuryDate}. The injured worker was being treated for the diagnoses of ${dx(t)}. ` +
  'Treatment to date has included medication and activity modification.';
const boardSentence = (t: Truth, who: string) =>
  `The ${who} is ${
    t.reviewer_specialty === 'Chiropractic'
      ? 'licensed in Chiropractic'
      : `Board Certified in ${t.reviewer_specialties.join(', has a subspecialty in ')}`
  } and is licensed to practice in California.`;

/** Items as "X: Upheld" headings with three labelled paragraphs (2014, 2016 and IMR-rationales layouts). */
function labelledItems(items: Cited[], r: Random): string[] {
  return items.flatMap((i) => [
    ...wrap(`${i.treatment}: ${i.upheld ? 'Upheld' : 'Overturned'}`, r.chance(0.2) ? 40 : 95),
    ...wrap(`Claims Administrator guideline: ${claimsAdministrator(i)}`),
    ...wrap(`MAXIMUS guideline: ${citation(i.cite, 0, r)}`),
    ...wrap(
      `Decision rationale: ${reasoning(i, r)} Therefore, the request for ${i.treatment} is ${i.upheld ? 'not ' : ''}medically necessary.`,
    ),
  ]);
}

const ITEMS_INTRO =
  'The Final Determination was based on decisions for the disputed items/services set forth below:';

function header2016(t: Truth, items: Cited[], r: Random): string {
  return (
    [
      SYNTHETIC_MARKER,
      `Case Number: ${t.case_number}`,
      `Date Assigned: ${us(t.date_assigned!)}   Date of Injury: ${us(t.date_of_injury)}`,
      `Decision Date: ${us(t.decision_date!)}   UR Denial Date: ${us(t.ur_denial_date!)}`,
      `Priority: ${t.priority}   Application Received: ${us(t.application_received!)}`,
      '',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      ...wrap(HOW),
      'The Expert Reviewer has the following credentials:',
      `State(s) of Licensure: ${t.reviewer_licensure.join(',')}`,
      `Certification(s)/Specialty: ${t.reviewer_specialties.join(', ')}`,
      '',
      'CLINICAL CASE SUMMARY',
      ...wrap(summary(t, us(t.date_of_injury, '-', true))),
      '',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      ITEMS_INTRO,
      ...labelledItems(items, r),
    ].join('\n') + '\n'
  );
}

function narrative2014(t: Truth, items: Cited[], r: Random): string {
  const lines = [
    SYNTHETIC_MARKER,
    ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
    ...wrap(`${HOW} ${boardSentence(t, 'expert reviewer')}`),
    ' ',
    'CLINICAL CASE SUMMARY ',
    ...wrap(summary(t, us(t.date_of_injury, '/', true))),
    ' ',
    'IMR ISSUES, DECISIONS AND RATIONALES ',
    ITEMS_INTRO,
    ' ',
    ...labelledItems(items, r),
  ];
  // The 2014 letters are double-spaced, with trailing blanks on most lines.
  return lines.map((l) => `${l} `).join('\n\n') + '\n';
}

function imrRationales(t: Truth, items: Cited[], r: Random): string {
  return (
    [
      SYNTHETIC_MARKER,
      'MAXIMUS FEDERAL SERVICES, INC.',
      'Independent Medical Review',
      'Final Determination Letter',
      `IMR Case Number: ${t.case_number}   Date of Injury: ${us(t.date_of_injury)}`,
      `Decision Date: ${us(t.decision_date!)}   UR Denial Date: ${us(t.ur_denial_date!)}`,
      `Priority: ${t.priority}   Application Received: ${us(t.application_received!)}`,
      '',
      'DOCUMENTS REVIEWED',
      'Utilization review determination',
      'Application for Independent Medical Review',
      'Medical records from the treating physicians',
      '',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      ...wrap(`${HOW} ${boardSentence(t, 'expert reviewer')}`),
      '',
      'CLINICAL CASE SUMMARY',
      ...wrap(summary(t, us(t.date_of_injury))),
      '',
      'IMR DECISION(S) AND RATIONALE(S)',
      ...labelledItems(items, r),
    ].join('\n') + '\n'
  );
}

function notice2013(t: Truth, items: Cited[], r: Random): string {
  const decided = (i: Cited, k: number) =>
    `${k + 1}) MAXIMUS Federal Services, Inc. has determined the request for ` +
    `${i.treatment} is ${i.upheld ? 'not ' : ''}medically necessary and appropriate.`;
  const outcome =
    t.case_outcome === 'Upheld'
      ? 'UPHOLD'
      : t.case_outcome === 'Overturned'
        ? 'OVERTURN'
        : 'PARTIAL OVERTURN';
  return (
    [
      SYNTHETIC_MARKER,
      'MAXIMUS FEDERAL SERVICES, INC.',
      'Independent Medical Review',
      '',
      'Notice of Independent Medical Review Determination',
      `Dated: ${us(t.decision_date!, '/', false, false)}`,
      `IMR Case Number: ${t.case_number}`,
      '',
      `Final Determination: ${outcome}.`,
      ...items.flatMap((i, k) => wrap(decided(i, k))),
      '',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      ...wrap(
        `An application for Independent Medical Review was filed on ${us(t.application_received!, '/', false, false)} disputing ` +
          `the Utilization Review Denial dated ${us(t.ur_denial_date!, '/', false, false)}. ${HOW}`,
      ),
      'Medical Qualifications of the Expert Reviewer:',
      ...wrap(boardSentence(t, 'physician reviewer')),
      'Case Summary:',
      ...wrap(
        'Disclaimer: The following case summary was taken directly from the utilization review determination.',
      ),
      ...wrap(
        `The patient is a ${t.patient_age} year-old ${t.patient_gender} with a date of Injury of ${us(t.date_of_injury, '/', false, false)}. ` +
          `The patient was treated for the diagnoses of ${dx(t)}.`,
      ),
      '',
      'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
      ...items.flatMap((i, k) => [
        ...wrap(decided(i, k)),
        'Medical Treatment Guideline(s) Used by the Claims Administrator:',
        ...wrap(`The Claims Administrator based its decision on the MTUS ${i.service.mtus}.`),
        'Medical Treatment Guideline(s) Used by the Expert Reviewer:',
        ...wrap(citation(i.cite, 1, r)),
        'Rationale for the Decision:',
        ...wrap(reasoning(i, r)),
      ]),
    ].join('\n') + '\n'
  );
}

function professionalReview(t: Truth, items: Cited[], r: Random): string {
  const cites = [
    ...new Set(
      items.map((i) => citation(i.cite, 1, r)).flatMap((c) => c.split(/(?<=\.) (?=The )/)),
    ),
  ];
  return (
    [
      SYNTHETIC_MARKER,
      'MEDICAL PROFESSIONAL REVIEW',
      `IMR Case Number: ${t.case_number}   Decision Date: ${us(t.decision_date!)}`,
      `Date of Injury: ${us(t.date_of_injury)}`,
      'ISSUE AT DISPUTE:',
      ...items.map((i, k) => `${k + 1}. ${i.treatment}`),
      'CASE SUMMARY:',
      ...wrap(summary(t, us(t.date_of_injury))),
      'DOCUMENTS REVIEWED FOR DETERMINATION:',
      'Utilization review determination and the medical records of the treating physicians.',
      'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
      ...wrap(cites.join(' ')),
      'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
      ...items.flatMap((i) =>
        wrap(
          `${reasoning(i, r)} The request for ${i.treatment} is ${i.upheld ? 'not ' : ''}medically necessary.`,
        ),
      ),
      'MEDICAL REVIEWER QUALIFICATIONS:',
      ...wrap(boardSentence(t, 'professional reviewer')),
    ].join('\n') + '\n'
  );
}

/** Each layout: the header fields it states, and how to write a letter in it. */
export const RENDER: Record<
  Layout,
  { states: string[]; render: (t: Truth, items: Cited[], r: Random) => string }
> = {
  'header-2016': {
    states: [
      'case_number',
      'decision_date',
      'date_assigned',
      'ur_denial_date',
      'application_received',
      'priority',
      'licensure_states',
    ],
    render: header2016,
  },
  'narrative-2014': { states: [], render: narrative2014 },
  'imr-rationales': {
    states: ['case_number', 'decision_date', 'ur_denial_date', 'application_received', 'priority'],
    render: imrRationales,
  },
  'notice-2013': {
    states: ['case_number', 'decision_date', 'ur_denial_date', 'application_received'],
    render: notice2013,
  },
  'professional-review': { states: ['case_number', 'decision_date'], render: professionalReview },
};
