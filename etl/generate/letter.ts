import { Random } from './random.ts';
import { SERVICES, SPECIALTIES, STATES, DIAGNOSES, type Service } from './catalogue.ts';
import { RENDER, type Cited } from './layouts.ts';
import { drawReasons } from './reasons.ts';
import { REASONS } from '../../model/values.ts';
import type { GuidelineAgreement, GuidelineSource, Layout, Reason } from '../letters/types.ts';

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
    /** The reason families its rationale gives, and whether the two sides' guidelines agree. */
    reason: Reason[];
    guideline_agreement: GuidelineAgreement | null;
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

/** The reasons of every service decided alike, in the order of REASONS. */
function sharedReasons(items: Cited[], upheld: boolean): Reason[] {
  const all = new Set(items.filter((x) => x.upheld === upheld).flatMap((x) => x.reasons));
  return REASONS.filter((k) => all.has(k));
}

/** Same when the claims administrator's families (MTUS, or none cited) are the reviewer's. */
function agreement(layout: Layout, i: Cited, reviewer: GuidelineSource[]): GuidelineAgreement {
  // The 2013 notice always names the MTUS chapter the claims administrator relied on.
  const ca = layout === 'notice-2013' || i.caCites ? 'MTUS' : 'None';
  return reviewer.length === 1 && reviewer[0] === ca ? 'same' : 'different';
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
  // A letter names each service once: a professional review tells two by their names alone.
  const named = new Set<string>();
  const items: Cited[] = Array.from({ length: itemCount(r) }, () => {
    let [s, treatment] = [SERVICES[0], ''];
    for (let tries = 0; tries < 10 && (!treatment || named.has(treatment)); tries++) {
      s = r.weighted(SERVICES, (x) => x.share);
      treatment = serviceName(s, r);
    }
    named.add(treatment);
    const upheld = r.chance(s.uphold - drift);
    return {
      service: s,
      treatment,
      upheld,
      cite: cite(s, year, layout, r),
      reasons: drawReasons(s, upheld, r),
      caCites: !r.chance(0.05),
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
  // The professional review cites one set of guidelines for all its services, and gives one
  // rationale for all of them: each service's reasons are those of every service decided alike.
  const shared = layout === 'professional-review' ? items : null;
  truth.items = items.map((i) => {
    const cites = (shared ?? [i]).map((x) => x.cite);
    const sources = new Set<GuidelineSource>(
      cites.flatMap((c) => [
        ...(c.mtus ? ['MTUS' as const] : []),
        ...(c.outside ? [c.outside] : []),
      ]),
    );
    const reviewer = sources.size ? SOURCES.filter((s) => sources.has(s)) : ['None' as const];
    return {
      treatment: i.treatment,
      decision: i.upheld ? 'Upheld' : 'Overturned',
      category: i.service.category,
      subcategory: i.service.subcategory,
      guideline_sources: reviewer,
      mtus_chapters: [...new Set(cites.flatMap((c) => (c.mtus ? [c.mtus] : [])))],
      reason: shared ? sharedReasons(shared, i.upheld) : i.reasons,
      guideline_agreement: shared ? null : agreement(layout, i, reviewer),
    };
  });
  return { text: RENDER[layout].render(truth, items, r), truth };
}
