import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DmhcCase } from '../etl/dmhc/case.ts';
import { quote } from '../etl/dmhc/generate.ts';
import { AGE_BANDS } from '../model/values.ts';
import { DIAGNOSIS_CONCEPTS, TREATMENT_CONCEPTS } from './dmhc-labels.ts';
import { readCases } from './dmhc-read.ts';
import { ROOT, tempDir } from './helpers.ts';

// The real 2001-2016 file (shipped in data/dmhc), and the same cases rewritten here in today's
// vocabulary: each category in one of its current spellings (README: ../shared/reference/dmhc),
// the subcategories the README gives abbreviated so, ages as "0 to 10", comma-separated and
// quoted with the header's names run together. Both must give the same treatment types.
const SHIPPED = join(ROOT, 'data', 'dmhc', 'imr-determinations-2001-2016.csv.gz');
const SUBCATEGORIES: Record<string, string> = {
  'Residential Treatment Center - Admission': 'RTC/ Admit',
  'Specialty Consultation Referral': 'SCP Consult Refer',
};

/** A 2001-2016 word in one of its current spellings (the i-th, in turn), or itself. */
const respell = (concepts: string[][], word: string, i: number) => {
  const later = concepts.find((c) => c[0] === word)?.slice(1) ?? [];
  return later.length ? later[i % later.length] : word;
};

function inTodaysWords(text: string): string {
  const [header, ...lines] = text.split('\r\n').filter(Boolean);
  const names = header.split(';');
  const at = (n: string) => names.indexOf(n);
  const out = lines.map((line, i) => {
    const f = line.split(';');
    f[at('Treatment Category')] = respell(TREATMENT_CONCEPTS, f[at('Treatment Category')], i);
    f[at('Diagnosis Category')] = respell(DIAGNOSIS_CONCEPTS, f[at('Diagnosis Category')], i);
    const sub = f[at('Treatment Sub Category')];
    f[at('Treatment Sub Category')] = SUBCATEGORIES[sub] ?? sub;
    f[at('Age Range')] = f[at('Age Range')].replace(/[-_]/, ' to ');
    return f.map(quote).join(',');
  });
  return [names.map((n) => quote(n.replace(/ /g, ''))).join(','), ...out].join('\r\n') + '\r\n';
}

describe('the real 2001-2016 cases in two vocabularies', () => {
  it('give the same treatment type for at least 95% of cases, with at most 2% unmapped', async () => {
    const old = gunzipSync(readFileSync(SHIPPED)).toString('latin1');
    const dir = tempDir();
    writeFileSync(join(dir, 'old.csv'), old, 'latin1');
    writeFileSync(join(dir, 'today.csv'), inTodaysWords(old), 'latin1');
    const [before, after] = await Promise.all(
      ['old.csv', 'today.csv'].map((f) => readCases(join(dir, f))),
    );
    expect(before.cases).toHaveLength(19_228);
    expect(after.cases).toHaveLength(19_228);
    // The rewrite changed most labels: the test is not comparing a file with itself.
    const raw = (c: DmhcCase) => c.items[0].dmhc_category_raw;
    const changed = after.cases.filter((c, i) => raw(c) !== raw(before.cases[i])).length;
    expect(changed / after.cases.length).toBeGreaterThan(0.8);
    const typeOf = new Map(before.cases.map((c) => [c.letter_id, c.items[0].treatment_type]));
    const same = after.cases.filter((c) => c.items[0].treatment_type === typeOf.get(c.letter_id));
    const unmapped = after.cases.filter((c) => c.flags.some((f) => f.startsWith('unmapped ')));
    console.log(
      `same treatment type: ${same.length} of ${after.cases.length}; unmapped: ${unmapped.length}`,
    );
    expect(same.length / after.cases.length).toBeGreaterThanOrEqual(0.95);
    expect(unmapped.length / after.cases.length).toBeLessThanOrEqual(0.02);
    // Both vocabularies name the categories alike, and the ages in the seven bands.
    const names = (r: typeof before) => r.cases.map((c) => `${c.items[0].dmhc_category}|${c.diagnosis_category}|${c.age_band}`); // prettier-ignore
    expect(names(after)).toEqual(names(before));
    const bands = new Set(after.cases.map((c) => c.age_band));
    expect([...bands].sort()).toEqual([...AGE_BANDS, null].sort());
  });
});
