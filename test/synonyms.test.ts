import { describe, expect, it } from 'vitest';
import { synonymTerms, treatmentMatch } from '../server/sql/synonyms.ts';

// What a typed term finds, as DuckDB's regexp_matches would (RE2 takes (?i) as JS's 'i').
const finds = (term: string, treatment: string) => {
  const m = treatmentMatch(term);
  if ('like' in m) return treatment.toLowerCase().includes(term.toLowerCase());
  return new RegExp(m.regex.replace('(?i)', ''), 'i').test(treatment);
};

describe('treatment synonyms', () => {
  // [typed, treatment, found]
  it.each([
    ['PT', 'Physical therapy 2x6', true],
    ['PT', 'Sept visit', false],
    ['Norco', 'Norco 10/325mg #60', true],
    ['Norco', 'Norco10/325 #120', true],
    ['Norco', 'Hydrocodone ER 20mg', true],
    ['hydrocodone', 'Vicodin 5/300', true],
    ['Norco', 'Tramadol 50mg', false],
    ['Flexeril', 'Cyclobenzaprine 7.5mg #60', true],
    ['Flexeril', 'Soma 350mg', false],
    ['Lidoderm', 'Lidoderm 5% patch #30', true],
    ['acupuncture', 'Electro-acupuncture x 6', true],
    ['infrared', 'Infrared therapy', true],
  ] as const)('%s finds %s: %s', (term, treatment, found) => {
    expect(finds(term, treatment)).toBe(found);
  });

  it('offers drug names from the lexicon with the groups', () => {
    expect(synonymTerms('norc')).toContain('norco');
    expect(synonymTerms('hydroc')).toContain('Hydrocodone');
    expect(synonymTerms('phys')).toContain('physical therapy');
  });
});
