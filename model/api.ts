import type { FacetName } from './dimensions.ts';
import type { MeasureName } from './measures.ts';
import type { Program } from './values.ts';

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
