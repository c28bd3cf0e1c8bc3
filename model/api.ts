import type { DimensionName, FacetName } from './dimensions.ts';
import type { MeasureName } from './measures.ts';
import type { Program, Reason } from './values.ts';

/**
 * The API's answers, declared once: the server's query functions return these types and the
 * dashboard reads them, so neither can change a field the other does not see.
 */

/** Below this many services (or letters) a figure is flagged low n: its interval is too wide to compare. */
export const LOW_N = 11;

/** Counts with the uphold rate, its 95% Wilson interval and the low-n flag. */
export interface Rate {
  n: number;
  upheld: number;
  overturned: number;
  uphold_rate: number | null;
  ci_low: number;
  ci_high: number;
  low_n: boolean;
}

export type DataSource = 'synthetic' | 'real' | 'mixed' | 'empty';

export interface Source {
  data_source: DataSource;
  synthetic_letters: number;
  real_letters: number;
  quarantined: number;
}

/** How people read each program's code: the dashboard's switch and every heading. */
export const PROGRAM_LABELS: Record<Program, string> = {
  DWC: "Workers' comp (DWC)",
  DMHC: 'Health plans (DMHC)',
};

/** One program's services under the filters: counts, rate, years covered, real or synthetic. */
export interface ProgramSummary {
  program: Program;
  label: string;
  services: number;
  upheld: number;
  uphold_rate: number | null;
  ci_low: number;
  ci_high: number;
  first_year: number | null;
  last_year: number | null;
  /** 'empty' when no service of the program matches the filters. */
  data_source: DataSource;
}

export interface Summary extends Source, Rate {
  letters: number;
  items: number;
  first_decision: string | null;
  last_decision: string | null;
  /** Every program, in the declared order, even one with no service under the filters. */
  programs: ProgramSummary[];
}

export interface RateRow extends Rate {
  key: string;
}

/**
 * A key's rate beside the rate its mix of services predicts (`/api/rates?adjust=STRATUM`):
 * indirect standardisation over the services in strata it shares with another key.
 */
export interface AdjustedRateRow extends RateRow {
  /** Its services in strata (kinds of service) where another key has services too. */
  adjusted_n: number;
  /** How many of those were upheld: the observed count. */
  adjusted_upheld: number;
  /** The upheld count if each of those were upheld at its stratum's rate under the filters. */
  expected_upheld: number;
  /** expected_upheld / adjusted_n; null with no service in a shared stratum. */
  expected_rate: number | null;
  /** Observed / expected upheld, with its 95% interval (see docs/api.md, "Comparing fairly"). */
  oe_ratio: number | null;
  oe_ci_low: number | null;
  oe_ci_high: number | null;
}

export interface AdjustedRates {
  by: string;
  adjust: string;
  /** Strata with services under the filters, and those whose services all share one key. */
  strata: number;
  single_key_strata: number;
  rows: AdjustedRateRow[];
}

/** One slice of /api/compare: its services, how many were upheld, the rate and its interval. */
export interface SliceRate {
  n: number;
  upheld: number;
  uphold_rate: number | null;
  ci_low: number;
  ci_high: number;
}

/** /api/rates: a set dimension (guidelines, reasons) counts a service once under each value. */
export interface Rates {
  by: DimensionName;
  rows: RateRow[];
  /** True for a set dimension: the rows' n add up to more than the services, shares to over 100%. */
  multi_valued: boolean;
  note?: string;
}

/** Why a family was assigned: its triggering sentence, as offsets into the text it was read from. */
export interface ReasonSpan {
  reason: Reason;
  start: number;
  end: number;
}

/** A share of services with its 95% Wilson interval: n of the services out of `of`. */
export interface Share {
  n: number;
  of: number;
  share: number | null;
  ci_low: number;
  ci_high: number;
}

export type ComparisonTest = 'two-proportion z test' | "Fisher's exact test";

/** Slice a against slice b: a's uphold rate minus b's, its 95% interval and a two-sided p. */
export interface Comparison {
  a: SliceRate;
  b: SliceRate;
  /** Null when either slice has no service. */
  difference: number | null;
  /** Newcombe's hybrid score interval (method 10) from the two Wilson intervals. */
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
  /** Fisher's exact test when an expected count of the 2×2 table is under 5. */
  test: ComparisonTest | null;
}

/** /api/reasons: each reason family's share of the upheld and of the overturned services. */
export interface ReasonShares {
  reason: Reason;
  label: string;
  upheld: Share;
  overturned: Share;
}

/** The Why view's numbers under the filters. */
export interface Reasons {
  /** Services with a text to read reasons from, upheld and overturned: the shares' denominators. */
  upheld: number;
  overturned: number;
  /** Services without a text (the 2001-2016 health-plan file, a letter without a rationale). */
  not_stated: number;
  rows: ReasonShares[];
  /** How often the claims administrator's and the reviewer's guideline families differ. */
  guidelines: {
    /** Services with both guideline paragraphs, and those whose families differ. */
    different: Share;
    same_rate: Rate;
    different_rate: Rate;
  };
  note: string;
}

export interface TrendRow extends Rate {
  period: string;
  key: string;
}

export interface Trend {
  rows: TrendRow[];
  /** Services without a decision date, in no period. */
  undated: number;
}

export interface Cell extends Rate {
  row: string;
  col: string;
}

export interface FacetValues {
  values: { value: string; n: number; selected: boolean }[];
  truncated: boolean;
}
export type Facets = Record<FacetName, FacetValues>;

export interface Items {
  rows: Record<string, unknown>[];
  next_cursor: string | null;
}

/**
 * A treatment search suggestion: a normalised service name (filtered exactly, `service=`), a
 * word of the treatment names, or a synonym term (both searched, `treatment=`).
 */
export type Suggestion =
  | {
      kind: 'service';
      term: string;
      /** Services under this name. */
      n: number;
    }
  | {
      kind: 'word';
      term: string;
      /** Services whose names hold the word. */
      n: number;
    }
  | { kind: 'synonym'; term: string; n: null };

/**
 * Review time under one key: exact quantiles of the days over the letters (workers' comp) or
 * cases (health plans) whose span is counted, each one wait however many services it decides.
 */
export interface TimelinessRow {
  key: string;
  /** Letters or cases counted: a span from 0 to max_days days. */
  n: number;
  median_days: number | null;
  p25_days: number | null;
  p75_days: number | null;
  p90_days: number | null;
  /** Of the n, those decided within the legal limit of their review speed (limits). */
  within_limit: number;
  within_limit_share: number | null;
  /** The 95% Wilson interval of within_limit_share. */
  ci_low: number;
  ci_high: number;
  /** Letters or cases under this key whose span is negative or over max_days: not in n. */
  excluded: number;
}

export interface Timeliness {
  by: string;
  measure: MeasureName;
  label: string;
  program: Program;
  /** What the measure counts, and what it does not. */
  doc: string;
  caveat: string;
  /** The legal limit in days by review speed, and what within_limit means. */
  limits: { Standard: number; Expedited: number; 'Not stated': number };
  limit_note: string;
  max_days: number;
  rows: TimelinessRow[];
}
