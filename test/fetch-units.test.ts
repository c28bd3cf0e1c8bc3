import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../fetch/client.ts';
import { pdfProblem } from '../fetch/download.ts';
import { searchBody } from '../fetch/form.ts';
import { Journal } from '../fetch/journal.ts';
import { parsePage } from '../fetch/pages.ts';
import { halves } from '../fetch/ranges.ts';
import { PageShapeError } from '../fetch/types.ts';
import { tempDir } from './helpers.ts';

const W = 'page 2 of 2024-01-01..2024-01-31';
const row8 = (first = '<a href="/x.pdf">CM24-0000001</a>', date = '1/5/2024') =>
  `<tr><td>${first}</td><td>${date}</td><td></td><td>12/30/2023</td><td>Pain Management</td><td>Injection</td><td>Facet Injection</td><td>Overturn</td></tr>`;
const page = (rows: string, after = '<p>Total: <strong>1</strong></p>') =>
  `<html><body><table class="tabborder"><tr><th>h</th></tr>${rows}</table>${after}</body></html>`;

describe('result pages', () => {
  it('reads a case row with blank and US dates', () => {
    expect(parsePage(page(row8()), W)).toEqual({
      rows: [
        {
          kind: 'case',
          case_number: 'CM24-0000001',
          href: '/x.pdf',
          marked_multiple: false,
          decision_date: '2024-01-05',
          date_of_injury: null,
          date_received: '2023-12-30',
          reviewer_specialty: 'Pain Management',
          category: 'Injection',
          subcategory: 'Facet Injection',
          decision: 'Overturn',
        },
      ],
      total: 1,
      next: false,
    });
  });

  it.each([
    [
      page('<tr><td>a</td><td>b</td></tr>'),
      /^a row of 2 cells \("a \| b"\) is neither a case row of 8 cells nor a further service \(<td colspan="5"> and 3 cells\) on row 1 of page 2/,
    ],
    [
      page(row8('CM24-0000001')),
      /^first cell "CM24-0000001" is not a case number link on row 1 of page 2/,
    ],
    [
      page(row8(undefined, '2024-01-05')),
      /^decision date "2024-01-05" is not a M\/D\/YYYY date on row 1 of page 2/,
    ],
    [
      page(row8(), '<p>Total: 1</p>'),
      /^no total count \(a number in a <strong> inside the element after the table\) on page 2 of/,
    ],
    [
      '<html><body>Service unavailable</body></html>',
      /^no <table class="tabborder"> and no "no results" text on page 2 of 2024-01-01\.\.2024-01-31$/,
    ],
  ])('a page of the wrong shape says what is missing (%#)', (html, message) => {
    expect(() => parsePage(html, W)).toThrow(PageShapeError);
    expect(() => parsePage(html, W)).toThrow(message);
  });

  it('tells the "no results" page from a page of unknown shape', () => {
    expect(parsePage('<html><body><p>No records found.</p></body></html>', W)).toBeNull();
  });
});

describe('the search form', () => {
  it('sends every field, US dates and the page to show', () => {
    const s = {
      range: { from: '2017-01-01', to: '2017-01-31' },
      specialty: '',
      category: 'Pharmaceuticals *  * Opioids',
      outcome: 'Overturn',
    };
    expect(searchBody(s, 2)).toBe(
      'Fname=Tx&Caseno=&DoIStart=&DoIEnd=&ReqStart=&ReqEnd=&DecStart=1%2F1%2F2017&DecEnd=1%2F31%2F2017' +
        '&SpecialtyV=&CaseOutcomeV=&OutcomeV=Overturn&SubCategoryV=Pharmaceuticals+*++*+Opioids&newpageno=2&Submit=Next',
    );
    expect(searchBody(s, 1)).toMatch(/&SubCategoryV=[^&]*&Submit=Submit$/);
  });
});

describe('small parts', () => {
  it.each([
    [
      { from: '2024-01-01', to: '2024-01-31' },
      [
        { from: '2024-01-01', to: '2024-01-15' },
        { from: '2024-01-16', to: '2024-01-31' },
      ],
    ],
    [
      { from: '2024-02-28', to: '2024-03-01' },
      [
        { from: '2024-02-28', to: '2024-02-28' },
        { from: '2024-02-29', to: '2024-03-01' },
      ],
    ],
    [
      { from: '2024-12-31', to: '2025-01-01' },
      [
        { from: '2024-12-31', to: '2024-12-31' },
        { from: '2025-01-01', to: '2025-01-01' },
      ],
    ],
  ])('halves %j', (range, expected) => expect(halves(range)).toEqual(expected));

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 10_000],
    ['soon', null],
    [null, null],
  ])('Retry-After %j waits %j ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:28:20 GMT'))).toBe(ms);
  });

  it.each([
    [Buffer.from('%PDF-1.4\n...\n%%EOF\n'), null],
    [Buffer.from(''), 'empty answer'],
    [
      Buffer.from('<html>gone</html>'),
      'not a PDF (no content type, starts with "<html>gone</html>")',
    ],
    [
      Buffer.from('%PDF-1.4\n' + 'x'.repeat(2000)),
      'truncated PDF (no %%EOF at the end of 2009 bytes)',
    ],
  ])('pdfProblem %#', (bytes, problem) => expect(pdfProblem(bytes)).toBe(problem));

  it('a journal drops a torn last line and appends after the last whole one', () => {
    const path = join(tempDir(), 'journal.jsonl');
    writeFileSync(path, JSON.stringify({ t: 'split', search: 'a' }) + '\n');
    appendFileSync(path, '{"t":"split","sea');
    const j = Journal.open(path);
    expect(j.events).toEqual([{ t: 'split', search: 'a' }]);
    j.append({ t: 'split', search: 'b' });
    j.close();
    expect(readFileSync(path, 'utf8')).toBe(
      '{"t":"split","search":"a"}\n{"t":"split","search":"b"}\n',
    );
  });
});
