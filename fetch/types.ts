/** What the state's treatment search says of one disputed service. */
export interface StateService {
  case_number: string;
  /** 1-based order of the service among its case's rows on the result page. */
  position: number;
  /** ISO dates (YYYY-MM-DD); null when the cell is blank. */
  decision_date: string | null;
  date_of_injury: string | null;
  date_received: string | null;
  reviewer_specialty: string;
  category: string;
  /** The subcategory, or the drug class for pharmaceuticals, as the state writes it. */
  subcategory: string;
  /** As the state writes it, e.g. `Uphold` or `Overturn`. */
  decision: string;
  /** The letter's address, resolved against --base-url; '' when the row has no link. */
  letter_url: string;
}

/** The filters of a search, other than its decision-date range. */
export interface Filters {
  specialties: string[];
  categories: string[];
  outcome: 'Uphold' | 'Overturn' | null;
}

/** An inclusive range of decision dates, ISO. */
export interface Range {
  from: string;
  to: string;
}

export const rangeName = (r: Range) => `${r.from}..${r.to}`;

/** A result page changed shape: the run stops with this message. */
export class PageShapeError extends Error {}

/** The run cannot go on (a request failed every retry, --max-requests was reached). */
export class StopError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
