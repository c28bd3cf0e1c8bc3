import { Random } from './random.ts';
import { SERVICES, SPECIALTIES, STATES, DIAGNOSES, type Service } from './catalogue.ts';
import { SYNTHETIC_MARKER, type GuidelineSource, type Layout } from '../types.ts';

/** What the generator wrote into one letter: parsing the letter must give exactly this back. */
export interface Truth {
  file: string;
  layout: Layout;
  case_number: string | null;
  decision_date: string | null;
  date_assigned: string | null;
  date_of_injury: string;
  ur_denial_date: string | null;
  application_received: string | null;
  priority: string | null;
  reviewer_specialty: string;
  reviewer_specialties: string[];
  reviewer_licensure: string[];
  patient_age: number;
  patient_gender: 'male' | 'female';
  diagnoses: string[];
  case_outcome: string;
  items: { treatment: string; decision: string; category: string; subcategory: string;
    guideline_sources: GuidelineSource[]; mtus_chapters: string[] }[];
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const us = (d: string, sep = '/', short = false) => {
  const [y, m, day] = d.split('-');
  return [m, day, short ? y.slice(2) : y].join(sep);
};

function itemCount(r: Random): number {
  const x = r.next();
  if (x < 0.55) return 1;
  if (x < 0.77) return 2;
  if (x < 0.87) return 3;
  if (x < 0.97) return r.int(4, 8);
  return r.int(9, 22);
}

function serviceName(s: Service, r: Random): string {
  return r.pick(s.names).replace('{n}', String(r.pick([30, 60, 90, 120])))
    .replace('{f}', String(r.int(1, 3))).replace('{w}', String(r.pick([2, 3, 4, 6])))
    .replace('{s}', String(r.pick([6, 8, 12])));
}

/** One synthetic letter, in the 2014 or the 2016 layout, with its truth record. */
export function makeLetter(r: Random, index: number, file: string): { text: string; truth: Truth } {
  const layout: Layout = r.chance(0.25) ? '2014' : '2016';
  const decided = Date.UTC(2015, 0, 1) + r.int(0, 365 * 10 - 1) * DAY;
  const injury = decided - r.int(120, 3650) * DAY;
  const urDenial = decided - r.int(30, 60) * DAY;
  const received = urDenial + r.int(1, 14) * DAY;
  const assigned = received + r.int(1, 10) * DAY;
  const [specialties] = r.weighted(SPECIALTIES, ([, w]) => w);
  const states = r.chance(0.6) ? ['California'] : ['California', r.pick(STATES.slice(1))];
  const yearShift = (new Date(decided).getUTCFullYear() - 2019) * 0.004;
  const items = Array.from({ length: itemCount(r) }, () => {
    const s = r.weighted(SERVICES, (x) => x.share);
    const cites = citation(s, r);
    return { s, treatment: serviceName(s, r), upheld: r.chance(s.uphold - yearShift), ...cites };
  });
  const upheldCount = items.filter((i) => i.upheld).length;
  const truth: Truth = {
    file, layout,
    case_number: layout === '2016' ? `CM${iso(decided).slice(2, 4)}-${String(index + 1).padStart(7, '0')}` : null,
    decision_date: layout === '2016' ? iso(decided) : null,
    date_assigned: layout === '2016' ? iso(assigned) : null,
    date_of_injury: iso(injury),
    ur_denial_date: layout === '2016' ? iso(urDenial) : null,
    application_received: layout === '2016' ? iso(received) : null,
    priority: layout === '2016' ? (r.chance(0.03) ? 'Expedited' : 'Standard') : null,
    reviewer_specialty: specialties[0],
    reviewer_specialties: specialties,
    reviewer_licensure: layout === '2016' ? states : ['California'],
    patient_age: r.int(22, 74),
    patient_gender: r.chance(0.55) ? 'male' : 'female',
    diagnoses: [...new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(DIAGNOSES)))],
    case_outcome: upheldCount === items.length ? 'Upheld' : upheldCount === 0 ? 'Overturned' : 'Partially Overturned',
    items: items.map((i) => ({
      treatment: i.treatment, decision: i.upheld ? 'Upheld' : 'Overturned', category: i.s.category,
      subcategory: i.s.subcategory, guideline_sources: i.sources, mtus_chapters: i.chapters,
    })),
  };
  const body = items.map((i) => itemText(i.treatment, i.upheld, i.caText, i.maxText, r));
  return { text: (layout === '2016' ? render2016 : render2014)(truth, body, r), truth };
}

function citation(s: Service, r: Random) {
  const mtusCite = `Decision based on MTUS ${s.mtus}, Section(s): ${r.pick(['Summary', 'Introduction', 'Treatment', 'Recommendations'])}.`;
  const outsideCite = {
    ODG: `Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ${r.pick(['Pain', 'Low Back', 'Neck and Upper Back', 'Knee'])} Chapter.`,
    ACOEM: 'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed.',
    Other: 'Decision based on Non-MTUS Citation a peer-reviewed clinical review of the requested service.',
  };
  const caText = r.chance(0.05) ? 'The Claims Administrator did not cite any medical evidence for its decision.'
    : `Decision based on MTUS ${s.mtus}.`;
  if (r.chance(0.02)) {
    return { caText, maxText: 'The Expert Reviewer did not cite any medical evidence for its decision.', sources: ['None'] as GuidelineSource[], chapters: [] };
  }
  const withMtus = !s.outside || r.chance(0.75);
  const withOutside = s.outside && (r.chance(0.6) || !withMtus);
  const maxText = [withMtus ? mtusCite : '', withOutside ? outsideCite[s.outside!] : ''].filter(Boolean).join(' ');
  const sources = [...(withMtus ? ['MTUS'] : []), ...(withOutside ? [s.outside!] : [])] as GuidelineSource[];
  return { caText, maxText, sources, chapters: withMtus ? [s.mtus] : [] };
}

function itemText(treatment: string, upheld: boolean, caText: string, maxText: string, r: Random): string[] {
  const reason = r.pick([
    ['objective functional improvement from prior treatment', 'The records do not document objective functional improvement from prior treatment'],
    ['a clear clinical indication and a plan to use the results', 'The records do not state a clear clinical indication or how the results would change care'],
    ['failure of a course of conservative care', 'The records do not show that conservative care was tried and failed'],
  ]);
  const finding = upheld ? `${reason[1]}.` : `The records document ${reason[0]}.`;
  return [
    `${treatment}: ${upheld ? 'Upheld' : 'Overturned'}`,
    `Claims Administrator guideline: ${caText}`,
    `MAXIMUS guideline: ${maxText}`,
    `Decision rationale: The cited guidelines support this service when there is ${reason[0]}. ${finding} ` +
      `Therefore, the request for ${treatment} is ${upheld ? 'not ' : ''}medically necessary.`,
  ];
}

const HOW = 'MAXIMUS Federal Services sent the case file to an expert reviewer with no affiliation with the ' +
  'parties. The reviewer is in active clinical practice and was chosen for expertise in treating the condition ' +
  'and services in dispute, and knows the laws and the evidence hierarchy that govern Independent Medical Review.';

function wrap(text: string, width = 95): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) { out.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

function summary(t: Truth, layout: Layout): string {
  const injuryDate = layout === '2014' ? us(t.date_of_injury, '/', true) : us(t.date_of_injury, '-', true);
  const dx = t.diagnoses.length > 1 ? `${t.diagnoses.slice(0, -1).join(', ')} and ${t.diagnoses.at(-1)}` : t.diagnoses[0];
  return `The injured worker is a ${t.patient_age} year old ${t.patient_gender} who sustained an industrial injury on ${injuryDate}. ` +
    `The injured worker was being treated for the diagnoses of ${dx}. Treatment to date has included medication and activity modification.`;
}

function render2016(t: Truth, items: string[][], r: Random): string {
  const lines = [
    SYNTHETIC_MARKER,
    `Case Number: ${t.case_number}`,
    `Date Assigned: ${us(t.date_assigned!)}   Date of Injury: ${us(t.date_of_injury)}`,
    `Decision Date: ${us(t.decision_date!)}   UR Denial Date: ${us(t.ur_denial_date!)}`,
    `Priority: ${t.priority}   Application Received: ${us(t.application_received!)}`,
    '', 'HOW THE IMR FINAL DETERMINATION WAS MADE', ...wrap(HOW),
    'The Expert Reviewer has the following credentials:',
    `State(s) of Licensure: ${t.reviewer_licensure.join(',')}`,
    `Certification(s)/Specialty: ${t.reviewer_specialties.join(', ')}`,
    '', 'CLINICAL CASE SUMMARY', 'The expert reviewer developed the following clinical case summary based on a review of the',
    'case file, including all medical records:', ...wrap(summary(t, '2016')),
    '', 'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ...items.flatMap((i) => [...wrap(i[0], r.chance(0.2) ? 40 : 95), ...i.slice(1).flatMap((p) => wrap(p))]),
  ];
  return lines.join('\n') + '\n';
}

function render2014(t: Truth, items: string[][]): string {
  const reviewer = t.reviewer_specialty === 'Chiropractic' ? 'licensed in Chiropractic' : `Board Certified in ${t.reviewer_specialties.join(', has a subspecialty in ')}`;
  const lines = [
    SYNTHETIC_MARKER, ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
    ...wrap(`${HOW} The expert reviewer is ${reviewer} and is licensed to practice in California.`),
    ' ', 'CLINICAL CASE SUMMARY ', 'The expert reviewer developed the following clinical case summary based on a review of the ',
    'case file, including all medical records: ', ' ', ...wrap(summary(t, '2014')), ' ',
    'IMR ISSUES, DECISIONS AND RATIONALES ',
    'The Final Determination was based on decisions for the disputed items/services set forth below: ',
    ...items.flatMap((i) => [' ', ...i.flatMap((p) => [...wrap(p), ' '])]),
  ];
  // The 2014 letters are double-spaced, with trailing blanks on most lines.
  return lines.map((l) => `${l} `).join('\n\n') + '\n';
}
