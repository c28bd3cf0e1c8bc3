import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How the fixture site answers for a case's letter. */
export type LetterKind = 'pdf' | 'html' | 'truncated' | 'foreign';

export interface FixtureService {
  category: string;
  subcategory: string;
  decision: 'Uphold' | 'Overturn';
}

export interface FixtureCase {
  case_number: string;
  decision_date: string;
  date_of_injury: string | null;
  date_received: string | null;
  specialty: string;
  services: FixtureService[];
  letter: LetterKind;
}

const GOLDEN = join(import.meta.dirname, 'golden', 'dwc-2016');

/**
 * The site's data for the real 2016-17 letters, from their golden files (facts a person
 * checked): each letter's dates, reviewer specialty and services, coded as the project codes
 * them. Sorted as the site lists them, by decision date, then case number.
 */
export function goldenCases(): FixtureCase[] {
  return readdirSync(GOLDEN)
    .map((f) => JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')))
    .filter((g) => g.case_number && g.decision_date)
    .map((g): FixtureCase => ({
      case_number: g.case_number,
      decision_date: g.decision_date,
      date_of_injury: g.date_of_injury,
      date_received: g.application_received,
      specialty: g.reviewer_specialty ?? 'Internal Medicine',
      services: g.items.map((i: { category: string; subcategory: string; decision: string }) => ({
        category: i.category,
        subcategory: i.subcategory,
        decision: i.decision === 'Upheld' ? 'Uphold' : 'Overturn',
      })),
      letter: 'pdf',
    }))
    .sort(
      (a, b) =>
        a.decision_date.localeCompare(b.decision_date) ||
        a.case_number.localeCompare(b.case_number),
    );
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  );
const us = (iso: string | null) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
};

export const letterHref = (c: FixtureCase) =>
  c.letter === 'foreign'
    ? `https://letters.example.invalid/${c.case_number}.pdf`
    : `/dwc/imr/letters/${c.case_number}.pdf`;

/** One row per service: a case row of 8 cells, then `<td colspan="5">` rows for the rest. */
export function serviceRows(c: FixtureCase): string[] {
  const plus = c.services.length > 1 ? ' <strong>+</strong>' : '';
  return c.services.map((s, i) => {
    const tail = [s.category, s.subcategory, s.decision]
      .map((v) => `<td>${escape(v)}</td>`)
      .join('');
    if (i > 0) return `<tr><td colspan="5">&nbsp;</td>${tail}</tr>`;
    const link = `<a href="${escape(letterHref(c))}" target="_blank">${c.case_number}</a>${plus}`;
    const head = [us(c.decision_date), us(c.date_of_injury), us(c.date_received), c.specialty];
    return `<tr><td>${link}</td>${head.map((v) => `<td>${escape(v)}</td>`).join('')}${tail}</tr>`;
  });
}

const HEADER =
  '<tr><th>Case Number</th><th>Decision Date</th><th>Date of Injury</th><th>Date Received</th>' +
  '<th>Specialty</th><th>Request Category</th><th>Subcategory</th><th>Decision</th></tr>';

/** A result page as the reference describes it; `rows` are this page's service rows. */
export function resultPage(rows: string[], total: number, next: boolean, form: URLSearchParams) {
  const hidden = [...form]
    .filter(([k]) => k !== 'Submit' && k !== 'newpageno')
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`)
    .join('');
  const nextForm = next
    ? `<form name="Nextpage" method="post" action="IMRDecisionSearch.asp">${hidden}<input type="submit" name="Submit" value="Next"></form>`
    : '';
  return (
    `<html><body><h1>IMR Decision Search</h1><table class="tabborder">${HEADER}${rows.join('\n')}</table>` +
    `<p>Total number of records: <strong>${total.toLocaleString('en-US')}</strong></p>${nextForm}</body></html>`
  );
}

export const NO_RESULTS_PAGE =
  '<html><body><h1>IMR Decision Search</h1><p>No records found. Please refine your search.</p></body></html>';
