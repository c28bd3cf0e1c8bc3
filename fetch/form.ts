import values from './form-values.json' with { type: 'json' };
import type { Filters, Range } from './types.ts';

/** One search of the site: a decision-date range and at most one value of each list. */
export interface Search {
  range: Range;
  specialty: string;
  category: string;
  outcome: string;
}

type List = 'SpecialtyV' | 'SubCategoryV' | 'OutcomeV';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The site's exact option text for what a user typed: the site matches on the text itself,
 * so a value must be one of its options, spacing and odd quotes included. Case and runs of
 * spaces are forgiven; anything else is an error naming the closest options.
 */
export function option(list: List, typed: string): string {
  const options: string[] = values[list];
  const exact =
    options.find((o) => o === typed) ?? options.find((o) => squash(o) === squash(typed));
  if (exact) return exact;
  const words = squash(typed).split(' ').filter(Boolean);
  const near = options.filter((o) => words.some((w) => squash(o).includes(w))).slice(0, 5);
  const hint = near.length ? `closest: ${near.map((o) => JSON.stringify(o)).join(', ')}` : '';
  throw new Error(
    `is not one of the site's ${options.length} ${list} options` +
      (hint ? `; ${hint}` : `; see fetch/form-values.json`),
  );
}

/** Every search the filters ask for: the site takes one specialty and one category at a time. */
export function searches(range: Range, f: Filters): Search[] {
  const specialties = f.specialties.length ? f.specialties : [''];
  const categories = f.categories.length ? f.categories : [''];
  return specialties.flatMap((specialty) =>
    categories.map((category) => ({ range, specialty, category, outcome: f.outcome ?? '' })),
  );
}

/** 2024-01-05 → 1/5/2024, the form's date format. */
export function usDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

/** The POST body of a treatment search's page (1-based); every field is always sent. */
export function searchBody(s: Search, page: number): string {
  const body = new URLSearchParams({
    Fname: 'Tx',
    Caseno: '',
    DoIStart: '',
    DoIEnd: '',
    ReqStart: '',
    ReqEnd: '',
    DecStart: usDate(s.range.from),
    DecEnd: usDate(s.range.to),
    SpecialtyV: s.specialty,
    CaseOutcomeV: '',
    OutcomeV: s.outcome,
    SubCategoryV: s.category,
  });
  if (page > 1) body.set('newpageno', String(page));
  body.set('Submit', page > 1 ? 'Next' : 'Submit');
  return body.toString();
}

/** A stable name for a search, for the journal and messages. */
export function searchKey(s: Search): string {
  const parts = [`${s.range.from}..${s.range.to}`];
  if (s.specialty) parts.push(`specialty=${s.specialty}`);
  if (s.category) parts.push(`category=${s.category}`);
  if (s.outcome) parts.push(`outcome=${s.outcome}`);
  return parts.join(' ');
}
