import { Random } from './random.ts';
import { SERVICES, SPECIALTIES, STATES, DIAGNOSES, type Service } from './catalogue.ts';
import { RENDER, type Cited } from './layouts.ts';
import type { GuidelineSource, Layout } from '../types.ts';

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
  items: {
    treatment: string;
    decision: string;
    category: string;
    subcategory: string;
    guideline_sources: GuidelineSource[];
    mtus_chapters: string[];
  }[];
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const SOURCES: GuidelineSource[] = ['MTUS', 'ODG', 'ACOEM', 'Other', 'None'];

function itemCount(r: Random): number {
  const x = r.next();
  if (x < 0.55) return 1;
  if (x < 0.77) return 2;
  if (x < 0.87) return 3;
  if (x < 0.97) return r.int(4, 8);
  return r.int(9, 22);
}

// The program began in 2013; its letters changed layout over the years.
function layoutFor(year: number, r: Random): Layout {
  if (r.chance(0.03)) return 'professional-review';
  if (year === 2013) return 'notice-2013';
  if (year === 2014) return r.chance(0.7) ? 'narrative-2014' : 'imr-rationales';
  return 'header-2016';
}

function serviceName(s: Service, r: Random): string {
  return r
    .pick(s.names)
    .replace('{n}', String(r.pick([30, 60, 90, 120])))
    .replace('{f}', String(r.int(1, 3)))
    .replace('{w}', String(r.pick([2, 3, 4, 6])))
    .replace('{s}', String(r.pick([6, 8, 12])));
}

// Before the 2016 update, the chronic pain chapter cited is the 2009 edition.
function chapterFor(s: Service, year: number): string {
  return year < 2017 && s.mtus === 'Chronic Pain Medical Treatment 2016'
    ? 'Chronic Pain Medical Treatment 2009'
    : s.mtus;
}

function cite(s: Service, year: number, layout: Layout, r: Random): Cited['cite'] {
  if (layout !== 'professional-review' && r.chance(0.02)) return { mtus: null, outside: null };
  const withMtus = !s.outside || r.chance(0.75);
  const withOutside = s.outside && (r.chance(0.6) || !withMtus) ? s.outside : null;
  return { mtus: withMtus ? chapterFor(s, year) : null, outside: withOutside };
}

/** One synthetic letter, in a layout fit for its year, with its truth record. */
export function makeLetter(r: Random, index: number, file: string): { text: string; truth: Truth } {
  const decided = Date.UTC(2013, 0, 1) + r.int(0, 365 * 13 - 1) * DAY;
  const year = new Date(decided).getUTCFullYear();
  const layout = layoutFor(year, r);
  const injury = decided - r.int(120, 3650) * DAY;
  const urDenial = decided - r.int(30, 60) * DAY;
  const received = urDenial + r.int(1, 14) * DAY;
  const [specialties] = r.weighted(SPECIALTIES, ([, w]) => w);
  const states = r.chance(0.6) ? ['California'] : ['California', r.pick(STATES.slice(1))];
  const drift = (year - 2019) * 0.004;
  const items: Cited[] = Array.from({ length: itemCount(r) }, () => {
    const s = r.weighted(SERVICES, (x) => x.share);
    return {
      service: s,
      treatment: serviceName(s, r),
      upheld: r.chance(s.uphold - drift),
      cite: cite(s, year, layout, r),
    };
  });
  const upheld = items.filter((i) => i.upheld).length;
  const has = (field: string) => RENDER[layout].states.includes(field);
  const truth: Truth = {
    file,
    layout,
    case_number: has('case_number')
      ? `CM${String(year).slice(2)}-${String(index + 1).padStart(7, '0')}`
      : null,
    decision_date: has('decision_date') ? iso(decided) : null,
    date_assigned: has('date_assigned') ? iso(received + r.int(1, 10) * DAY) : null,
    date_of_injury: iso(injury),
    ur_denial_date: has('ur_denial_date') ? iso(urDenial) : null,
    application_received: has('application_received') ? iso(received) : null,
    priority: has('priority') ? (r.chance(0.03) ? 'Expedited' : 'Standard') : null,
    reviewer_specialty: specialties[0],
    reviewer_specialties: specialties,
    reviewer_licensure: has('licensure_states') ? states : ['California'],
    patient_age: r.int(22, 74),
    patient_gender: r.chance(0.55) ? 'male' : 'female',
    diagnoses: [...new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(DIAGNOSES)))],
    case_outcome:
      upheld === items.length ? 'Upheld' : upheld === 0 ? 'Overturned' : 'Partially Overturned',
    items: [],
  };
  // The professional review cites one set of guidelines for all its services.
  const shared = layout === 'professional-review' ? items : null;
  truth.items = items.map((i) => {
    const cites = (shared ?? [i]).map((x) => x.cite);
    const sources = new Set<GuidelineSource>(
      cites.flatMap((c) => [
        ...(c.mtus ? ['MTUS' as const] : []),
        ...(c.outside ? [c.outside] : []),
      ]),
    );
    return {
      treatment: i.treatment,
      decision: i.upheld ? 'Upheld' : 'Overturned',
      category: i.service.category,
      subcategory: i.service.subcategory,
      guideline_sources: sources.size ? SOURCES.filter((s) => sources.has(s)) : ['None'],
      mtus_chapters: [...new Set(cites.flatMap((c) => (c.mtus ? [c.mtus] : [])))],
    };
  });
  return { text: RENDER[layout].render(truth, items, r), truth };
}
