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
