import { NOT_STATED, REVIEW_SPEEDS, type Program, type ReviewSpeed } from './values.ts';

/**
 * How long a review took, in whole days: the second question beside how often a denial was
 * upheld. A measure is one wait per letter (or health-plan case), however many services it
 * decides. Declared once here, like the dimensions: the ETL's flags, the facts columns, the
 * API's `measure=` and the dashboard's menu all read this list.
 */
export interface Measure {
  /** For people: menus and headings. */
  label: string;
  /** What the span counts, for the API docs and the dashboard. */
  doc: string;
  /** What it does not count: read it before comparing a span with the legal limit. */
  caveat: string;
  /** The one program whose letters or cases have it. */
  program: Program;
  /** The program's measure shown first, and the one the compare view sets side by side. */
  primary?: true;
  /** A span between two dates of the letter (letters columns): to minus from. */
  from?: 'application_received' | 'date_assigned' | 'ur_denial_date';
  to?: 'decision_date';
  /** Or a number of days the data set gives (a letters column). */
  column?: 'days_to_review' | 'days_to_adopt';
}

export const MEASURES = {
  days_to_decision: {
    label: 'Days to decision',
    doc: 'Decision Date minus Application Received: the days from the IMR application reaching the state to the final determination.',
    caveat:
      'Application Received is the day the application arrived, not the day the records were complete: the 30 days (Labor Code § 4610.6(d)) run from receipt of the request and its supporting documents, which may come later, so a longer span is not by itself a late decision.',
    program: 'DWC',
    primary: true,
    from: 'application_received',
    to: 'decision_date',
  },
  days_from_assignment: {
    label: 'Days from assignment',
    doc: 'Decision Date minus Date Assigned: the days from the case being assigned for review to the determination.',
    caveat:
      'Leaves out the days before assignment (eligibility checks, waiting for records), so it is shorter than the wait the worker sees.',
    program: 'DWC',
    from: 'date_assigned',
    to: 'decision_date',
  },
  days_from_ur: {
    label: 'Days from UR denial',
    doc: 'Decision Date minus UR Denial Date: the whole wait from the utilization review denial to the IMR determination.',
    caveat:
      'Includes the days the worker took to apply for IMR (up to 30, Labor Code § 4610.5(h)), which no IMR time limit covers; it is not a measure of the reviewer.',
    program: 'DWC',
    from: 'ur_denial_date',
    to: 'decision_date',
  },
  days_to_review: {
    label: 'Days to review',
    doc: "Health plans: the data set's Days To Review, whole days, as DMHC publishes them.",
    caveat:
      'The data set does not say here from which event it counts (the application, or the day the reviewers had every record), so it is compared with the 30 days (Health & Safety Code § 1374.33(c)) as published, not checked against the files.',
    program: 'DMHC',
    primary: true,
    column: 'days_to_review',
  },
  days_to_adopt: {
    label: 'Days to adopt',
    doc: "Health plans: the data set's Days To Adopt, the days DMHC took to adopt the reviewers' determination, as published.",
    caveat:
      'Not part of the review the 30 or 3 days govern, and the law sets no number of days for it: its within-limit share uses the same limits only as a yardstick.',
    program: 'DMHC',
    column: 'days_to_adopt',
  },
} as const satisfies Record<string, Measure>;

export type MeasureName = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as [MeasureName, ...MeasureName[]];
export const measure = (name: MeasureName): Measure => MEASURES[name];
/** A program's measures, its primary one first. */
export const measuresOf = (p: Program): MeasureName[] =>
  MEASURE_NAMES.filter((n) => measure(n).program === p).sort(
    (a, b) => Number(!!measure(b).primary) - Number(!!measure(a).primary),
  );

/**
 * Review time's breakdowns beside the dimensions (model/dimensions.ts): the month of decision,
 * for trends. Filtered, and drilled into, by the range of the dimension named: a month key
 * (YYYY-MM) is its first to its last day. A health-plan case has a report year and no month.
 */
export const PERIODS = {
  decision_month: { label: 'Decision month', rangeOf: 'decision_year' },
} as const;
export type PeriodName = keyof typeof PERIODS;

/** The dates of a YYYY-MM month key, or null for a key that is none ('Not stated'). */
export function monthRange(key: string): [string, string] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return null;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return [`${key}-01`, `${key}-${String(last).padStart(2, '0')}`];
}

/** A span outside 0 to MAX_DAYS days is flagged on its letter and left out of the measure. */
export const MAX_DAYS = 730;

/**
 * The legal limit for the determination by review speed: 30 days, or 3 when expedited (Labor
 * Code § 4610.6(d), Health & Safety Code § 1374.33(c)). A review whose speed is not stated is
 * held to 30: a review is standard unless it is expedited.
 */
export const LIMIT_DAYS: Record<ReviewSpeed | typeof NOT_STATED, number> = {
  Standard: 30,
  Expedited: 3,
  [NOT_STATED]: 30,
};
export const LIMIT_NOTE =
  "within_limit counts the letters or cases decided in at most 30 days (Standard, and Not stated: a review is standard unless expedited) or 3 days (Expedited): Labor Code § 4610.6(d) for workers' comp, Health & Safety Code § 1374.33(c) for health plans.";

/** Why a span is not counted, or null when it is: the flag its letter carries. */
export function spanProblem(name: MeasureName, days: number | null): string | null {
  if (days === null) return null;
  if (days < 0) return `${name}: negative span, left out of the measure`;
  if (days > MAX_DAYS) return `${name}: more than ${MAX_DAYS} days, left out of the measure`;
  return null;
}

/** The review speeds a breakdown shows, Not stated last. */
export const SPEED_KEYS = [...REVIEW_SPEEDS, NOT_STATED] as const;
