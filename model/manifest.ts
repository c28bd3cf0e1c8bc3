// The manifest `npm run fetch` writes beside the letters it downloads and the ETL reads:
// one row per service, as the state's search lists it.

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

export const MANIFEST_FILE = 'manifest.csv';

/** `fetched`: letters/CASE.pdf is complete; `failed`: see pdf_error; `not fetched`: not yet, or --metadata-only. */
export type PdfStatus = 'fetched' | 'failed' | 'not fetched';

/** One row per service: what the state says of it, and whether its letter is here. */
export interface ManifestRow extends StateService {
  pdf_status: PdfStatus;
  pdf_error: string;
  fetched_at: string;
  sha256: string;
}

/** The manifest's columns, in order; the ETL reads these names. */
export const MANIFEST_COLUMNS = [
  'case_number',
  'position',
  'decision_date',
  'date_of_injury',
  'date_received',
  'reviewer_specialty',
  'category',
  'subcategory',
  'decision',
  'letter_url',
  'pdf_status',
  'pdf_error',
  'fetched_at',
  'sha256',
] as const satisfies readonly (keyof ManifestRow)[];
