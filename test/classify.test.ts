import { describe, expect, it } from 'vitest';
import taxonomy from '../model/taxonomy.json' with { type: 'json' };
import { classify } from '../etl/classify.ts';
import { BEFORE_DRUGS, AFTER_DRUGS, DRUGS } from '../etl/rules/treatments.ts';
import { SERVICES } from '../etl/generate/catalogue.ts';
import { guidelineSources, mtusChapters } from '../etl/guidelines.ts';
import { toIsoDate } from '../etl/dates.ts';
import { boardSpecialties } from '../etl/reviewer.ts';
import { wilson } from '../server/stats.ts';
import { bodyRegion, drug, mtusSections, quantity } from '../etl/details.ts';

const cats = taxonomy.request_categories as Record<string, string[]>;

describe('classification rules', () => {
  it('name only categories and subcategories of the state taxonomy', () => {
    const pairs = [...BEFORE_DRUGS, ...AFTER_DRUGS].map(([, c, s]) => [c, s]);
    pairs.push(...Object.values(DRUGS).map((s) => ['Pharmaceuticals', s]));
    for (const [c, s] of pairs) expect(cats[c], `${c} / ${s}`).toContain(s);
  });

  it.each([
    ['Norco 10/325mg #60', 'Pharmaceuticals', 'Opioids'],
    ['hydrocodone/APAP 5/325', 'Pharmaceuticals', 'Opioids'],
    ['Flexeril 10mg #90', 'Pharmaceuticals', 'Muscle Relaxant'],
    ['cyclobenzaprine 7.5mg', 'Pharmaceuticals', 'Muscle Relaxant'],
    ['Lidoderm 5% patch #30', 'Pharmaceuticals', 'Topical Analgesics'],
    ['Diclofenac sodium 3% gel', 'Pharmaceuticals', 'Topical Analgesics'],
    ['Compound Ketoprofen 20%, 240 grams', 'Pharmaceuticals', 'Topical Compounds'],
    ['Flurbiprofen 10%, Lidocaine 5% in cream base', 'Pharmaceuticals', 'Topical Compounds'],
    ['Continued electro acupuncture sessions', 'Rehabilitation', 'Acupuncture'],
    ['Infrared heat, two sessions per week', 'Rehabilitation', 'Other Therapies'],
    ['Myofascial release, two sessions per week', 'Rehabilitation', 'Other Therapies'],
    ['PT 2x6 lumbar', 'Rehabilitation', 'Physical Therapy/Occupational Therapy (PT/OT)'],
    ['Trigger point injection with lidocaine', 'Injection', 'Injection'],
    ['Facet joint injections L4-5, L5-S1', 'Injection', 'Facet Injection'],
    ['MRI of the lumbar spine without contrast', 'Diagnostic Testing', 'Imaging & Radiology'],
    ['EMG/NCV of the bilateral lower extremities', 'Diagnostic Testing', 'EMG/NCV/NCS'],
    ['Consult with hip replacement specialist', 'Evaluation & Management', 'Medical Specialties'],
    ['Right knee arthroscopy with meniscectomy', 'Surgery', 'Arthroscopic Surgery'],
    ['Pre-operative EKG', 'Surgery', 'Adjunct Surgical Services'],
    ['TENS unit, daily trial', 'DMEPOS', 'Electrical Stimulation'],
    ['Transportation to/from all medical appointments', 'Transportation', 'Transportation'],
    ['Something nobody has heard of', 'Unclassified', 'Unclassified'],
  ])('%s → %s / %s', (treatment, category, subcategory) => {
    expect(classify(treatment)).toEqual({ category, subcategory });
  });

  it('classifies every service the generator writes as the generator means it', () => {
    for (const s of SERVICES) {
      for (const name of s.names) {
        expect(classify(name.replace(/\{\w\}/g, '6')), name).toEqual({
          category: s.category,
          subcategory: s.subcategory,
        });
      }
    }
  });
});

describe('guideline sources and chapters', () => {
  it.each([
    ['Decision based on MTUS Acupuncture Treatment Guidelines.', ['MTUS']],
    [
      'Decision based on MTUS Chronic Pain 2016. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).',
      ['MTUS', 'ODG'],
    ],
    [
      'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed.',
      ['ACOEM'],
    ],
    ['Decision based on MTUS ACOEM Chapter 12 Low Back Complaints.', ['MTUS']],
    ['Decision based on Non-MTUS Citation What is an electrocardiogram.', ['Other']],
    ['The Expert Reviewer did not cite any medical evidence for its decision.', ['None']],
    ['', ['None']],
  ])('%s', (text, sources) => {
    expect(guidelineSources(text)).toEqual(sources);
  });

  it('reads MTUS chapters with their years, including a second chapter in a list', () => {
    expect(
      mtusChapters(
        'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.',
      ),
    ).toEqual(['Low Back Complaints 2004', 'Chronic Pain Medical Treatment 2016']);
  });
});

describe('dates, specialties, intervals', () => {
  it.each([
    ['10-13-16', '2016-10-13'],
    ['10/13/2016', '2016-10-13'],
    ['12/04/07', '2007-12-04'],
    ['October 10, 2015', '2015-10-10'],
    ['02/30/2016', null],
    ['13/01/2016', null],
  ])('toIsoDate(%s) = %s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each([
    [
      'Preventive Medicine, Occupational Medicine',
      ['Preventive Medicine', 'Occupational Medicine'],
    ],
    [
      'Physical Medicine and Rehabilitation, has a subspecialty in Pain Medicine',
      ['Physical Medicine & Rehabilitation', 'Pain Management'],
    ],
    ['Surgery, Surgical Critical Care', ['Surgery', 'Surgical Critical Care']],
    ['Chiropractic and Acupuncture', ['Chiropractic', 'Oriental Medicine']],
  ])('boardSpecialties(%s)', (raw, expected) => {
    expect(boardSpecialties(raw)).toEqual(expected);
  });

  it.each([
    [0, 0, 0, 0],
    [90, 100, 0.8256, 0.9448],
    [1, 1, 0.2065, 1],
    [0, 10, 0, 0.2775],
  ])('wilson(%i of %i) ≈ [%f, %f]', (k, n, lo, hi) => {
    const [a, b] = wilson(k, n);
    expect(a).toBeCloseTo(lo, 3);
    expect(b).toBeCloseTo(hi, 3);
  });
});

describe('item details', () => {
  it.each([
    [
      'Continued electro acupuncture sessions, two sessions per week for six weeks to the lumbar spine',
      12,
      'sessions',
    ],
    ['Norco 10/325mg #90', 90, 'units'],
    ['Physical therapy 2x6 lumbar', 12, 'sessions'],
    ['Twelve physical therapy visits for the Cervical Spine', 12, 'sessions'],
    ['Physical therapy, times 12', 12, 'sessions'],
    ['Referral to chiropractor, twice a week for 3 weeks', 6, 'sessions'],
    ['MRI of the lumbar spine', null, null],
  ])('quantity(%s) = %s %s', (t, q, unit) => {
    expect(quantity(t)).toEqual({ quantity: q, quantity_unit: unit });
  });

  it.each([
    ['MRI of the lumbar spine without contrast', 'Lumbar spine'],
    ['Facet joint injections L4-5, L5-S1', 'Lumbar spine'],
    ['Acupuncture 3 times a week for 2 weeks, neck, right hand and head', 'Multiple'],
    ['EMG/NCV of the bilateral upper extremities', 'Upper extremities'],
    ['Norco 10/325mg #90', null],
  ])('bodyRegion(%s) = %s', (t, region) => {
    expect(bodyRegion(t)).toBe(region);
  });

  it.each([
    ['Norco 10/325mg #90', 'Norco', '10/325mg'],
    ['Lidocaine ointment 5% 106.32gm', 'Lidocaine', '5%'],
    ['Diclofenac ER 100mg #60', 'Diclofenac', '100mg'],
    ['Omeprazole', 'Omeprazole', null],
    ['MRI of the knee', null, null],
  ])('drug(%s) = %s %s', (t, name, strength) => {
    expect(drug(t)).toEqual({ drug_name: name, drug_strength: strength });
  });

  it('reads MTUS sections from Section(s) lists and section numbers', () => {
    expect(
      mtusSections(
        'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks, Opioids.',
      ),
    ).toEqual(['Summary', 'Facet blocks', 'Opioids']);
    expect(mtusSections('Per MTUS Section 9792.24.1 Acupuncture')).toEqual(['9792.24.1']);
  });
});
