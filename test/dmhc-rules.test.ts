import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import taxonomy from '../model/taxonomy.json' with { type: 'json' };
import { ageBand, normaliseBand } from '../etl/letters/fields/age.ts';
import { applies, readFindings, RULES } from '../etl/dmhc/findings.ts';
import { generatedCase } from '../etl/dmhc/generate.ts';
import { treatmentCategory } from '../etl/dmhc/vocabulary.ts';
import { Random } from '../etl/generate/random.ts';
import {
  listedType,
  TREATMENT_TYPES,
  treatmentType,
} from '../etl/letters/classify/rules/treatment-types.ts';
import { CI, ROOT, SHARED } from './helpers.ts';

const SHIPPED = join(ROOT, 'data', 'dmhc', 'imr-determinations-2001-2016.csv.gz');
const REAL = join(SHARED, 'reference', 'dmhc', 'imr-determinations-2001-2016.csv');

// [findings text, specialty, panel, evidence families]
const FINDINGS: [string, string | null, boolean, string[]][] = [
  ['Credentials/Qualifications: The reviewer is board certified in Rheumatology. The drug is FDA approved.', 'Rheumatology', false, ['FDA labelling']],
  ['The reviewer is board certified in Internal Medicine and Infectious Disease.', 'Internal Medicine', false, []],
  ['The physician reviewer is a board-certified psychiatrist. ASAM criteria apply.', 'Psychiatry', false, ['Specialty society guidelines']],
  ['Credentials/Qualifications: The reviewer is an orthopaedic surgeon in practice.', 'Orthopedic Surgery', false, []],
  ['Final Results: 2 of 3 reviewers determined the MRI is not necessary per ACR Appropriateness Criteria.', null, true, ['Specialty society guidelines']],
  ['Two of the three physician reviewers found that peer-reviewed literature supports it.', null, true, ['Peer-reviewed literature']],
  ['Per the National Comprehensive Cancer Network and published clinical studies, InterQual and MCG.', null, false, ['Specialty society guidelines', 'Peer-reviewed literature', 'Commercial criteria']],
  ['The reviewer is board certified in Obstetrics and Gynecology.', null, false, []],
  ['The reviewer found the treatment was not medically necessary. Medical Records were reviewed.', null, false, []],
  ['The American College of Rheumatology recommends it; the package insert agrees.', null, false, ['Specialty society guidelines', 'FDA labelling']],
  ['The reviewer is a member of the American Board of Internal Medicine.', 'Internal Medicine', false, []],
]; // prettier-ignore

const generatedFindings = (n: number) => {
  const r = new Random(3);
  return Array.from({ length: n }, (_, i) => generatedCase(r, i).findings);
};

describe('DMHC findings rules', () => {
  it.each(FINDINGS)('%s', (text, specialty, panel, evidence) => {
    const f = readFindings(text);
    expect(f.reviewer_specialty).toBe(specialty);
    expect(f.panel).toBe(panel);
    expect(f.evidence_sources).toEqual(evidence);
  });
});

describe('findings rules cues', () => {
  // Texts where each rule matches, in every case the rules ignore: each must hold its cue.
  const texts = [...FINDINGS.map(([t]) => t), ...generatedFindings(400)];

  it('finds a cue in every text a rule matches, so skipping the rule loses nothing', () => {
    let matched = 0;
    for (const t of texts)
      for (const r of RULES) {
        const hits = new RegExp(r.pattern.source, r.pattern.flags.replace('g', '')).test(t);
        if (!hits) continue;
        matched++;
        expect(applies(t)(r), `${r.pattern.source.slice(0, 40)} in ${t.slice(0, 80)}`).toBe(true);
      }
    expect(matched).toBeGreaterThan(texts.length);
  });

  it('lets a text without any cue skip the rules that have cues', () => {
    const can = applies('The treatment was not medically necessary.');
    expect(RULES.filter((r) => r.cues.length > 0).some(can)).toBe(false);
  });
});

describe('age bands', () => {
  it.each([
    [0, '0-10'], [10, '0-10'], [11, '11-20'], [20, '11-20'], [21, '21-30'], [30, '21-30'],
    [40, '31-40'], [41, '41-50'], [50, '41-50'], [51, '51-64'], [64, '51-64'], [65, '65+'],
    [97, '65+'], [null, null], [-1, null],
  ] as [number | null, string | null][])('age %s is in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  }); // prettier-ignore
  it.each([
    ['11_20', '11-20'],
    ['65+', '65+'],
    [' 0-10 ', '0-10'],
    ['0 to 10', '0-10'],
    ['11 to 20', '11-20'],
    ['51 to 64', '51-64'],
    ['51to64', '51-64'],
    ['65 and over', '65+'],
    ['', null],
    // No band: flagged on the case and reported, never a silent null.
    ['51 to 65', undefined],
    ['Adult', undefined],
  ])('DMHC band %j is %j', (raw, band) => expect(normaliseBand(raw)).toBe(band));
});

/** Every (treatment category, subcategory) pair in a `;`-separated DMHC file. */
function dmhcPairs(text: string): Set<string> {
  const [header, ...lines] = text.split('\r\n').filter(Boolean);
  const h = header.split(';');
  const [c, s] = [h.indexOf('Treatment Category'), h.indexOf('Treatment Sub Category')];
  return new Set(lines.map((l) => l.split(';')).map((f) => `${f[c]}\t${f[s]}`));
}

describe('common treatment type crosswalk', () => {
  it('maps every DWC pair of the taxonomy, and Unclassified to Other', () => {
    const cats = Object.entries(taxonomy.request_categories);
    for (const [category, subs] of cats)
      for (const sub of subs)
        expect(listedType('DWC', category, sub), `${category} / ${sub}`).toBeDefined();
    expect(listedType('DWC', 'Unclassified', 'Unclassified')).toBe('Other');
  });

  it('maps every DMHC pair of the real 2001-2016 file (284 subcategories), by its canonical category', () => {
    const pairs = dmhcPairs(gunzipSync(readFileSync(SHIPPED)).toString('utf8'));
    expect(new Set([...pairs].map((p) => p.split('\t')[1])).size).toBe(284);
    const listed = (c: string, s: string) => listedType('DMHC', treatmentCategory(c) ?? c, s);
    const missing = [...pairs].filter((p) => listed(...(p.split('\t') as [string, string])) === undefined);
    expect(missing).toEqual([]);
  }); // prettier-ignore

  it('uses only the declared types, and puts acupuncture in both programs in one type', () => {
    const all = (t: Record<string, Record<string, string>>) =>
      Object.values(t).flatMap((subs) => Object.values(subs));
    const json = JSON.parse(readFileSync(join(ROOT, 'etl/letters/classify/rules/treatment-types.json'), 'utf8'));
    for (const type of [...all(json.DWC), ...all(json.DMHC)]) expect(TREATMENT_TYPES).toContain(type);
    expect(treatmentType('DWC', 'Rehabilitation', 'Acupuncture')).toBe('Acupuncture');
    expect(treatmentType('DMHC', 'Alternative Treatment', 'Acupuncture')).toBe('Acupuncture');
    // A subcategory a newer download adds takes its category's type; an unknown category, none.
    expect(treatmentType('DMHC', 'Pharmacy/Prescription Drugs', 'GLP-1 Agonists')).toBe('Pharmaceuticals');
    expect(treatmentType('DMHC', 'Teleportation', 'Other')).toBeNull();
  }); // prettier-ignore

  it('ships the same bytes as the reference copy', (ctx) => {
    if (!existsSync(REAL)) {
      if (CI) throw new Error(`missing ${REAL}`);
      console.warn(`skipped: ${REAL} is missing`);
      return ctx.skip();
    }
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(gunzipSync(readFileSync(SHIPPED)))).toBe(sha(readFileSync(REAL)));
  }); // prettier-ignore
});
