import type { StateService } from '../model/manifest.ts';
import { parse, type HTMLElement } from 'node-html-parser';
import { PageShapeError } from './types.ts';

/** A service row of a result page: the first of its case (8 cells) or a further one. */
export type PageRow =
  | ({
      kind: 'case';
      href: string;
      /** The `<strong>+</strong>` after the link: the case has more than one service. */
      marked_multiple: boolean;
    } & Omit<StateService, 'position' | 'letter_url'>)
  | { kind: 'more'; category: string; subcategory: string; decision: string };

export interface ResultPage {
  rows: PageRow[];
  /** The search's total count, from the `<strong>` after the table. */
  total: number;
  /** The page holds `<form name="Nextpage">`. */
  next: boolean;
}

/**
 * The "no results" shape. The reference does not quote the site's wording, so this is the
 * usual ASP phrasing; a page with neither this nor a result table stops the run.
 */
export const NO_RESULTS = /\bno (matching )?(records|results|decisions|cases)\b/i;
const CASE = /^[A-Z]{2}\d{2}-\d{3,}$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const text = (el: HTMLElement) => el.text.replace(/\s+/g, ' ').trim();

/** M/D/YYYY → YYYY-MM-DD; blank → null; anything else is a change of shape. */
function isoDate(cell: string, what: string, where: string): string | null {
  if (cell === '') return null;
  const m = US_DATE.exec(cell);
  if (!m)
    throw new PageShapeError(`${what} ${JSON.stringify(cell)} is not a M/D/YYYY date on ${where}`);
  return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

function caseRow(cells: HTMLElement[], where: string): PageRow {
  const link = cells[0].querySelector('a');
  const caseNumber = link ? text(link) : '';
  if (!link || !CASE.test(caseNumber))
    throw new PageShapeError(
      `first cell ${JSON.stringify(text(cells[0]))} is not a case number link on ${where}`,
    );
  const [, decided, injured, received, specialty, category, subcategory, decision] =
    cells.map(text);
  return {
    kind: 'case',
    case_number: caseNumber,
    href: link.getAttribute('href') ?? '',
    marked_multiple: cells[0].querySelectorAll('strong').some((s) => text(s) === '+'),
    decision_date: isoDate(decided, 'decision date', where),
    date_of_injury: isoDate(injured, 'date of injury', where),
    date_received: isoDate(received, 'date received', where),
    reviewer_specialty: specialty,
    category,
    subcategory,
    decision,
  };
}

function row(tr: HTMLElement, where: string): PageRow {
  const cells = tr.querySelectorAll('td');
  if (cells.length === 8) return caseRow(cells, where);
  if (cells.length === 4 && cells[0].getAttribute('colspan') === '5') {
    const [, category, subcategory, decision] = cells.map(text);
    return { kind: 'more', category, subcategory, decision };
  }
  throw new PageShapeError(
    `a row of ${cells.length} cells (${JSON.stringify(cells.map(text).join(' | ').slice(0, 80))}) is neither a case row ` +
      `of 8 cells nor a further service (<td colspan="5"> and 3 cells) on ${where}`,
  );
}

function total(table: HTMLElement, where: string): number {
  const strong = table.nextElementSibling?.querySelector('strong');
  const digits = strong ? text(strong).replace(/,/g, '') : '';
  if (!/^\d+$/.test(digits))
    throw new PageShapeError(
      `no total count (a number in a <strong> inside the element after the table) on ${where}`,
    );
  return Number(digits);
}

/**
 * Reads a treatment search's result page; null for the "no results" page. `where` names the
 * page in messages, e.g. `page 3 of 2024-01-01..2024-01-31`.
 */
export function parsePage(html: string, where: string): ResultPage | null {
  const root = parse(html);
  const table = root.querySelector('table.tabborder');
  if (!table) {
    if (NO_RESULTS.test(root.structuredText)) return null;
    throw new PageShapeError(`no <table class="tabborder"> and no "no results" text on ${where}`);
  }
  const trs = table.querySelectorAll('tr').slice(1);
  const rows = trs.map((tr, i) => row(tr, `row ${i + 1} of ${where}`));
  const next = root
    .querySelectorAll('form')
    .some((f) => (f.getAttribute('name') ?? '').toLowerCase() === 'nextpage');
  return { rows, total: total(table, where), next };
}
