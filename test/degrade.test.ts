import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../etl/letters/parse.ts';

const parse = (f: string) =>
  parseLetter(readFileSync(join(import.meta.dirname, 'fixtures', f), 'utf8'));

describe('degrade, do not drop', () => {
  // [fixture, its services as [treatment, decision], the flags it must carry]
  const cases: [string, [string, string][], string[]][] = [
    [
      'header-2016-missing-paragraphs.txt',
      [
        ['Naproxen 550mg #60', 'Upheld'],
        ['Physical therapy six visits for the lumbar spine', 'Overturned'],
        ['MRI of the cervical spine', 'Upheld'],
      ],
      [
        'item 1: no "Claims Administrator guideline:" paragraph',
        'item 2: no "MAXIMUS guideline:" paragraph',
        'item 3: no "Decision rationale:" paragraph',
      ],
    ],
    [
      'notice-2013-unknown-wording.txt',
      [
        ['Naproxen 550mg #60', 'Upheld'],
        ['physical therapy, six visits for the lumbar spine', 'Overturned'],
      ],
      [
        'item 1: no "Medical Treatment Guideline(s) Used by the Expert Reviewer:" paragraph',
        'item 1: no "Rationale for the Decision:" paragraph',
      ],
    ],
    [
      'professional-review-prose-after-list.txt',
      [
        ['Cervical epidural steroid injection at C5-6, under fluoroscopy', 'Overturned'],
        ['Gabapentin 600mg #90', 'Upheld'],
      ],
      [
        'no "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:" section',
        'item 2: the rationale gives no decision; upheld as its heading says',
      ],
    ],
    [
      'notice-2013-repeated-glued.txt',
      [
        ['Naproxen 550mg #60', 'Upheld'],
        ['physical therapy, six visits for the lumbar spine', 'Overturned'],
      ],
      [],
    ],
  ];
  it.each(cases)('%s loads every decision and flags each gap', (f, services, flags) => {
    const l = parse(f);
    expect(l.items.map((i) => [i.treatment, i.decision])).toEqual(services);
    expect(l.flags).toEqual(flags);
  });

  it('records a missing paragraph as Not stated, with no guideline source rather than None', () => {
    const [, pt, mri] = parse('header-2016-missing-paragraphs.txt').items;
    expect(pt).toMatchObject({ maximus_guideline: 'Not stated', guideline_sources: [] });
    expect(mri.rationale).toBe('Not stated');
    expect(mri.guideline_sources).toEqual(['MTUS']);
  });

  it('reads a 2013 notice whose decisions repeat, from the block that holds the guidelines', () => {
    const [naproxen, pt] = parse('notice-2013-repeated-glued.txt').items;
    expect(naproxen.maximus_guideline).toMatch(
      /^The Expert Reviewer based the decision on the MTUS Chronic Pain/,
    );
    expect(naproxen.rationale).toBe(
      'An invented reason: the records show no benefit from months of use.',
    );
    expect(pt.claims_administrator_guideline).toMatch(/MTUS Low Back Complaints\.$/);
    expect(pt.rationale).toBe(
      'An invented reason: a short course for a new flare-up is supported.',
    );
  });
});

describe('service names carry no rationale prose', () => {
  it('cuts each name at the end of the rationale before it, whatever that ends with', () => {
    const l = parse('header-2016-names-after-prose.txt');
    expect(l.items.map((i) => [i.treatment, i.surgical_context])).toEqual([
      ['Tramadol 50mg #60', false], // first in the section
      ['12 sessions of acupuncture for the neck', false], // after a quotation ending ."
      ['Tylenol No. 3 #30', false], // after a citation without a full stop; "No." is no sentence end
      ['Arm sling', true], // after a quotation ending .” and listed as associated with a surgery
      ['Cold therapy unit rental for 7 days', false], // after a web address; over two lines
    ]);
  });
});
