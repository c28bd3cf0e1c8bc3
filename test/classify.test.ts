import { describe, expect, it } from 'vitest';
import taxonomy from '../model/taxonomy.json' with { type: 'json' };
import { classify, surgicalContext } from '../etl/letters/classify/classify.ts';
import { normaliseService } from '../etl/letters/fields/service.ts';
import { findDrugs } from '../etl/letters/classify/drug-lexicon.ts';
import { BEFORE_DRUGS, AFTER_DRUGS } from '../etl/letters/classify/rules/treatments.ts';
import { DRUGS } from '../model/drugs.ts';
import { SERVICES } from '../etl/generate/catalogue.ts';
import { guidelineSources, mtusChapters } from '../etl/letters/fields/guidelines.ts';
import { toIsoDate } from '../etl/letters/fields/dates.ts';
import { boardSpecialties } from '../etl/letters/fields/reviewer.ts';
import { wilson } from '../server/queries/stats.ts';
import { bodyRegion, drug, mtusSections, quantity } from '../etl/letters/fields/details.ts';

const cats = taxonomy.request_categories as Record<string, string[]>;
const PT = 'Physical Therapy/Occupational Therapy (PT/OT)';

describe('classification rules', () => {
  it('name only categories and subcategories of the state taxonomy', () => {
    const pairs = [...BEFORE_DRUGS, ...AFTER_DRUGS].map(([, c, s]) => [c, s]);
    pairs.push(...Object.keys(DRUGS).map((s) => ['Pharmaceuticals', s]));
    for (const [c, s] of pairs) expect(cats[c], `${c} / ${s}`).toContain(s);
  });

  it('compile every drug name on its own, without capturing groups', () => {
    for (const generics of Object.values(DRUGS))
      for (const [generic, names] of Object.entries(generics)) {
        expect(() => new RegExp(names), generic).not.toThrow();
        expect(new RegExp(`${names}|`).exec('')!.length, generic).toBe(1);
      }
  });

  it.each([
    // drugs, brand and generic
    ['Norco 10/325mg #60', 'Pharmaceuticals', 'Opioids'],
    ['Hydrocodone/APAP 7.5/325 #90', 'Pharmaceuticals', 'Opioids'],
    ['Acetaminophen with codeine 300/30mg', 'Pharmaceuticals', 'Opioids'],
    ['Tylenol #3, #30', 'Pharmaceuticals', 'Opioids'],
    ['Tylenol 500mg', 'Pharmaceuticals', 'Misc Analgesics'],
    ['Fexmid 7.5mg #60', 'Pharmaceuticals', 'Muscle Relaxant'],
    ['Soma 350mg #30', 'Pharmaceuticals', 'Muscle Relaxant'],
    ['Norco10/325 #120', 'Pharmaceuticals', 'Opioids'],
    ['Toradol 60mg IM injection', 'Pharmaceuticals', 'Injection'],
    ['Synvisc-One injection, left knee', 'Pharmaceuticals', 'Viscosupplementation'],
    // topicals: one agent, or several (compounded, or a kit of several drugs)
    ['Lidoderm 5% patch #30', 'Pharmaceuticals', 'Topical Analgesics'],
    ['Ben-Gay ointment', 'Pharmaceuticals', 'Topical Analgesics'],
    ['Voltaren 1% gel, 100 grams', 'Pharmaceuticals', 'Topical Analgesics'],
    ['Flurbiprofen/cyclobenzaprine cream', 'Pharmaceuticals', 'Topical Compounds'],
    ['Ketoprofen 10%, lidocaine 5% cream, 120 grams', 'Pharmaceuticals', 'Topical Compounds'],
    ['Compounded gabapentin cream', 'Pharmaceuticals', 'Topical Compounds'],
    ['Terocin lotion 120ml', 'Pharmaceuticals', 'Topical Compounds'],
    ['Ketamine 10% cream', 'Pharmaceuticals', 'Topical Compounds'],
    // the drug lexicon no longer takes words it only starts
    [
      'Somatosensory evoked potentials, lower limbs',
      'Diagnostic Testing',
      'Other Diagnostic Tests',
    ],
    // acupuncture, whatever comes with it
    ['Infrared acupuncture, 8 visits', 'Rehabilitation', 'Acupuncture'],
    ['Acupuncture with Lidoderm patch, 6 sessions', 'Rehabilitation', 'Acupuncture'],
    ['Electro acupuncture 1x6 for the neck', 'Rehabilitation', 'Acupuncture'],
    // modalities in sessions are therapy; units, rentals and purchases are equipment
    ['Electrical stimulation 1 times 8', 'Rehabilitation', PT],
    ['Ultrasound 2 times 6 to the shoulder', 'Rehabilitation', PT],
    ['Traction times 6', 'Rehabilitation', PT],
    ['Ice/heat therapy', 'Rehabilitation', 'Other Therapies'],
    ['E-stim', 'Rehabilitation', 'Other Therapies'],
    ['Electrical muscle stimulator unit, purchase', 'DMEPOS', 'Electrical Stimulation'],
    ['TENS unit, 30 day rental', 'DMEPOS', 'Electrical Stimulation'],
    ['Home cervical traction unit', 'DMEPOS', 'DME'],
    ['Cold therapy unit, 14 day rental', 'DMEPOS', 'DME'],
    ['Ultrasound of the left wrist', 'Diagnostic Testing', 'Imaging & Radiology'],
    ['Massage therapy, 6 visits', 'Rehabilitation', 'Other Therapies'],
    // surgical context: classified by what the service is
    ['Associated surgical service: arm sling', 'DMEPOS', 'Prosthetics/Orthotics'],
    ['Associated surgical service: elastic wrap', 'DMEPOS', 'Supplies'],
    ['Post-operative urinalysis', 'Diagnostic Testing', 'Lab & Pathology'],
    ['Preoperative chest x-rays', 'Diagnostic Testing', 'Imaging & Radiology'],
    ['Pre-op ECG', 'Diagnostic Testing', 'Other Diagnostic Tests'],
    ['Pre-operative internal medicine clearance', 'Surgery', 'Adjunct Surgical Services'],
    ['Assistant surgeon', 'Surgery', 'Adjunct Surgical Services'],
    ['Post-op inpatient stay, 2 days', 'Surgery', 'Adjunct Surgical Services'],
    ['Post-op care', 'Surgery', 'Adjunct Surgical Services'],
    ['Post-operative physical therapy, 12 visits', 'Rehabilitation', PT],
    ['Post op Keflex 500mg #20', 'Pharmaceuticals', 'Anti-infectives'],
    // consultations
    ['Referral to a spine surgeon for consultation', 'Surgery', 'Surgical Consult'],
    ['Orthopaedic evaluation of the right wrist', 'Surgery', 'Surgical Consult'],
    ['Neurology consultation', 'Evaluation & Management', 'Medical Specialties'],
    ['Follow-up visit in 4 weeks', 'Evaluation & Management', 'Medical Specialties'],
    ['Chiropractic re-evaluation', 'Evaluation & Management', 'Medical Specialties'],
    ['Chiropractic care 2x4 for the low back', 'Rehabilitation', 'Chiropractic'],
    ['Psychiatric evaluation', 'Psych Services', 'Evaluation & Management'],
    // orthoses, DME, supplies
    ['Lumbosacral back support', 'DMEPOS', 'Prosthetics/Orthotics'],
    ['Home support services, 4 hours a day', 'Home Health', 'Home Health'],
    ['Right wrist splint', 'DMEPOS', 'Prosthetics/Orthotics'],
    ['Knee brace, hinged', 'DMEPOS', 'Prosthetics/Orthotics'],
    ['Front-wheeled walker', 'DMEPOS', 'DME'],
    ['Heating pad', 'DMEPOS', 'Supplies'],
    ['TENS electrodes, 2 packs', 'DMEPOS', 'Supplies'],
    ['Kinesio tape', 'DMEPOS', 'Supplies'],
    // procedures
    ['Caudal epidural steroid injection', 'Injection', 'Injection'],
    ['Bilateral L3-4 medial branch blocks', 'Injection', 'Facet Injection'],
    ['Cortisone injection to the right shoulder', 'Injection', 'Injection'],
    ['L5-S1 anterior lumbar interbody fusion', 'Surgery', 'Spine'],
    ['Left ankle arthroscopy', 'Surgery', 'Arthroscopic Surgery'],
    ['Right trigger finger release', 'Surgery', 'Non-arthroscopic Surgery'],
    ['CT myelogram of the cervical spine', 'Diagnostic Testing', 'Imaging & Radiology'],
    ['NCV of both legs', 'Diagnostic Testing', 'EMG/NCV/NCS'],
    ['Urine toxicology screen', 'Diagnostic Testing', 'Lab & Pathology'],
    ['Functional restoration program, 10 days', 'Programs', 'Programs'],
    ['Something nobody has heard of', 'Unclassified', 'Unclassified'],
  ])('%s → %s / %s', (treatment, category, subcategory) => {
    expect(classify(treatment)).toEqual({ category, subcategory });
  });

  it.each([
    ['Associated surgical service: arm sling', true],
    ['Post op Keflex 500mg #20', true],
    ['Pre-operative labs', true],
    ['Preoperative chest x-rays', true],
    ['Operative report review', false],
    ['Knee brace', false],
  ])('surgicalContext(%s) = %s', (text, expected) => {
    expect(surgicalContext(text)).toBe(expected);
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

describe('normalised service', () => {
  it.each([
    ['Norco 10/325mg #60', 'Hydrocodone/acetaminophen'],
    ['Hydrocodone/APAP 7.5/325 #90', 'Hydrocodone/acetaminophen'],
    ['Norco (hydrocodone/acetaminophen) 5/325', 'Hydrocodone/acetaminophen'],
    ['Tylenol #3, #30', 'Acetaminophen/codeine'],
    ['Ultram ER 100mg', 'Tramadol'],
    ['Prilosec 20mg #30', 'Omeprazole'],
    ['Lidoderm 5% patch #30', 'Lidocaine'],
    ['Post-op Percocet 5/325', 'Oxycodone/acetaminophen'],
    ['Ketoprofen 10%, lidocaine 5% cream, 120 grams', 'Ketoprofen/lidocaine'],
    ['Acupuncture 2x3 for the neck', 'Acupuncture'],
    ['Electro acupuncture 1x6 for the neck', 'Electro-acupuncture'],
    ['Infrared acupuncture, 8 visits', 'Acupuncture'],
    ['Additional physical therapy 2x6 for the right knee', 'Physical therapy'],
    ['Post-operative physical therapy, 12 visits', 'Physical therapy'],
    ['MRI of the right shoulder without contrast', 'MRI'],
    ['Repeat CT scan of the head', 'CT'],
    ['EMG/NCS of both arms', 'EMG/NCV'],
    ['Right L4-5 transforaminal epidural steroid injection', 'Lumbar epidural steroid injection'],
    ['C6-7 interlaminar ESI', 'Cervical epidural steroid injection'],
    ['Epidural steroid injection', 'Epidural steroid injection'],
    ['Bilateral L3-4 medial branch blocks', 'Lumbar medial branch block'],
    ['Left knee arthroscopy with partial meniscectomy', 'Knee arthroscopy'],
    ['Arthroscopic surgery of the right shoulder', 'Shoulder arthroscopy'],
    ['TENS unit, 30 day rental', 'TENS unit'],
    ['Electrical stimulation 1 times 8', 'Electrical stimulation'],
    ['Cold therapy unit, 14 day rental', 'Cold therapy unit'],
    ['Referral to a spine surgeon for consultation', 'Surgical consultation'],
    ['Pre-operative internal medicine clearance', 'Medical clearance'],
    ['Pre-op PT/PTT', 'PT/PTT'],
    ['Urine toxicology screen', 'Urine drug screen'],
    ['Home health aide 4 hours a day', 'Home health aide'],
    ['Right trigger finger release', 'Trigger finger release'],
    ['Retrospective request for hardware removal, right ankle', 'Hardware removal'],
    ['Post-op care', 'Post-op care'],
  ])('normaliseService(%s) = %s', (treatment, service) => {
    const { category, subcategory } = classify(treatment);
    expect(normaliseService(treatment, category, subcategory)).toBe(service);
  });

  it('finds every drug a treatment names, in order', () => {
    expect(
      findDrugs('Gabapentin 10%, Cyclobenzaprine 4%, Bupivacaine 5% cream').map((d) => d.generic),
    ).toEqual(['Gabapentin', 'Cyclobenzaprine', 'Bupivacaine']);
    expect(findDrugs('Somatosensory evoked potentials')).toEqual([]);
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
