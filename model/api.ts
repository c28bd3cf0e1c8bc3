import type { DimensionName, FacetName } from './dimensions.ts';
import type { Program, Reason } from './values.ts';

/**
 * The API's answers, declared once: the server's query functions return these types and the
 * dashboard reads them, so neither can change a field the other does not see.
 */

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
