import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter, toLines } from '../etl/letters/parse.ts';
import { claimants } from '../etl/letters/layouts/index.ts';
import { readLetterText } from '../etl/letters/read.ts';
import { ParseError } from '../etl/letters/types.ts';
import { textToPdf } from '../etl/generate/pdf.ts';
import { CI, SHARED, facts, matchGolden } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GOLDEN = join(import.meta.dirname, 'golden');
const SEED = join(SHARED, 'letters', 'seed', 'imr-2014-acupuncture-infrared-myofascial.txt');
const PDFS = join(SHARED, 'letters', 'dwc-2016');

describe('project fixtures', () => {
  it('reads the quirks: modified request, decision on its own line, DOS, associated service', () => {
    const l = parseLetter(readFileSync(join(FIXTURES, 'header-2016-quirks.txt'), 'utf8'));
    expect(l.items.map((i) => [i.treatment, i.decision])).toEqual([
      ['Norco 10/325mg #45', 'Upheld'],
      [
        'Physical therapy two times a week for six weeks for the lumbar spine and the left knee after the flare-up in December',
        'Overturned',
      ],
      ['Retrospective Lidocaine 5% patch #30', 'Upheld'],
      ['Cold therapy unit rental for 7 days', 'Upheld'],
    ]);
    expect(l.items[2]).toMatchObject({
      retrospective: true,
      date_of_service: '2016-12-29',
      guideline_sources: ['None'],
    });
    expect(l.items[0].guideline_sources).toEqual(['MTUS', 'ODG']);
    expect(l.items[0].mtus_chapters).toEqual([
      'Chronic Pain Medical Treatment 2016',
      'Opioid Treatment 2016',
    ]);
    expect(l.items[3].guideline_sources).toEqual(['ACOEM']);
    expect(l).toMatchObject({
      date_of_injury: '2016-10-13',
      application_received: '2017-01-02',
      priority: 'Expedited',
      reviewer_licensure: ['California', 'New Mexico'],
      case_outcome: 'Partially Overturned',
      patient_age: 51,
      patient_gender: 'female',
    });
    expect(l.reviewer_specialties).toEqual([
      'Physical Medicine & Rehabilitation',
      'Pain Management',
      'Public Health & General Preventive Medicine',
    ]);
  });

  const parse = (f: string) => parseLetter(readFileSync(join(FIXTURES, f), 'utf8'));

  it('reads modified requests as the service still in dispute', () => {
    const l = parse('imr-rationales-modified.txt');
    expect(l.layout).toBe('imr-rationales');
    expect(l.items.map((i) => [i.treatment, i.decision, i.quantity])).toEqual([
      ['Chiropractic manipulation 2x6 for the lumbar spine', 'Upheld', 12],
      ['Infrared therapy for the lumbar spine', 'Overturned', null],
    ]);
    expect(l.items[0].guideline_sources).toEqual(['MTUS', 'ODG']);
    expect(l).toMatchObject({
      date_of_injury: '2007-12-04',
      ur_denial_date: '2014-08-29',
      reviewer_specialty: 'Chiropractic',
    });
  });

  it('reads a letter with twenty services', () => {
    const l = parse('header-2016-twenty-items.txt');
    expect(l.items).toHaveLength(20);
    expect(l.items.filter((i) => i.decision === 'Overturned').map((i) => i.item_no)).toEqual([
      9, 17,
    ]);
    expect(l.items.every((i) => i.category !== 'Unclassified')).toBe(true);
  });

  it('reads the 2013 notice layout with one service', () => {
    const l = parse('notice-2013-one-item.txt');
    expect(l).toMatchObject({
      layout: 'notice-2013',
      case_number: 'CM13-0000777',
      decision_date: '2013-09-26',
      application_received: '2013-07-02',
      ur_denial_date: '2013-06-18',
      date_of_injury: '2001-08-28',
      reviewer_specialty: 'Occupational Medicine',
      reviewer_licensure: ['California'],
      patient_age: 44,
      patient_gender: 'female',
    });
    expect(
      l.items.map((i) => [i.treatment, i.decision, i.guideline_sources, i.mtus_chapters]),
    ).toEqual([
      [
        'Cyclobenzaprine 7.5mg #60',
        'Upheld',
        ['MTUS', 'ODG'],
        ['Chronic Pain Medical Treatment 2009'],
      ],
    ]);
    expect(l.items[0].rationale).toMatch(/^Muscle relaxants are for short courses/);
  });

  it('reads the professional-review layout', () => {
    const l = parse('professional-review-two-services.txt');
    expect(l).toMatchObject({
      layout: 'professional-review',
      decision_date: '2019-03-14',
      reviewer_specialty: 'Anesthesiology',
      reviewer_licensure: ['California', 'Arizona'],
      case_outcome: 'Partially Overturned',
    });
    expect(l.items.map((i) => [i.treatment, i.decision])).toEqual([
      ['Electro-acupuncture, 6 sessions, cervical spine', 'Overturned'],
      ['Lidoderm 5% patch #30', 'Upheld'],
    ]);
  });

  it('joins a guideline paragraph that runs across a PDF page break', async () => {
    const pdf = textToPdf(readFileSync(join(FIXTURES, 'header-2016-page-break.txt'), 'utf8'));
    const text = await readLetterText(new Uint8Array(pdf));
    expect(text).toContain('\f');
    const item = parseLetter(text).items[1];
    expect(item).toMatchObject({
      treatment: 'MRI of the left knee',
      decision: 'Overturned',
      guideline_sources: ['MTUS', 'ODG'],
      mtus_chapters: ['Knee Complaints 2004'],
      mtus_sections: ['Special Studies'],
    });
    expect(item.maximus_guideline).toMatch(
      /Special Studies\. Decision based on Non-MTUS Citation Official Disability Guidelines \(ODG\), Knee and Leg Chapter\.$/,
    );
  });

  it('rejects a document that is not a determination letter, saying why', () => {
    expect(() => parseLetter(readFileSync(join(FIXTURES, 'not-a-letter.txt'), 'utf8'))).toThrow(
      ParseError,
    );
    expect(() => parseLetter(readFileSync(join(FIXTURES, 'not-a-letter.txt'), 'utf8'))).toThrow(
      /not an IMR determination letter/,
    );
  });
});

// The real letters live in ../shared, which users of the project do not have; CI must.
const realLetters = CI || existsSync(SEED) ? describe : describe.skip;
if (!CI && !existsSync(SEED))
  console.warn(
    `real-letter tests skipped: ${SHARED}/letters not found (they are required when CI=true)`,
  );

realLetters('real letters from ../shared/letters', () => {
  it('reads the 2014 seed letter', () => {
    const l = parseLetter(readFileSync(SEED, 'utf8'));
    expect(l.items.map((i) => [i.decision, i.guideline_sources])).toEqual([
      ['Upheld', ['MTUS']],
      ['Upheld', ['MTUS', 'ODG']],
      ['Upheld', ['MTUS']],
    ]);
    expect(l.items.map((i) => i.treatment)).toEqual([
      'Continued electro acupuncture sessions, two sessions per week for six weeks to the lumbar spine',
      'Infrared heat, two sessions per week for six weeks to the lumbar spine',
      'Myofascial release, two sessions per week for six weeks to the lumbar spine',
    ]);
    expect(l.items.map((i) => i.quantity)).toEqual([12, 12, 12]);
    expect(l).toMatchObject({
      layout: 'narrative-2014',
      reviewer_specialty_raw: 'Chiropractic and Acupuncture',
      reviewer_specialty: 'Chiropractic',
      reviewer_licensure: ['California'],
      patient_age: 69,
      patient_gender: 'male',
      date_of_injury: '2007-12-04',
      synthetic: false,
    });
    matchGolden(facts(l), join(GOLDEN, 'seed.json'));
  });

  it('finds every real PDF letter', () => {
    expect(readdirSync(PDFS).filter((f) => f.endsWith('.pdf'))).toHaveLength(144);
  });

  const pdfs = existsSync(PDFS)
    ? readdirSync(PDFS)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
    : [];
  it.each(pdfs)('%s matches its golden facts', async (f) => {
    const text = await readLetterText(new Uint8Array(readFileSync(join(PDFS, f))));
    expect(claimants(toLines(text).join('\n')).map((c) => c.name)).toEqual(['header-2016']);
    const l = parseLetter(text);
    expect(l.flags).toEqual([]);
    expect(l.letter_id).toBe(f.replace(/\.pdf$/, ''));
    matchGolden(facts(l), join(GOLDEN, 'dwc-2016', f.replace(/\.pdf$/, '.json')));
  });
});
