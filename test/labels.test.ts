// Scores the classifier against services labelled by hand from the real letters in
// ../shared/letters (test/labels/*.json), decided by people reading the letters, not by the
// parser. The floors below are raised as the rules improve; the target is 95% / 90%.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../etl/letters/parse.ts';
import { readLetterText } from '../etl/letters/read.ts';
import type { Item } from '../etl/letters/types.ts';
import { CI, SHARED } from './helpers.ts';

const CATEGORY_FLOOR = 0.97;
const SUBCATEGORY_FLOOR = 0.95;

const LABELS = join(import.meta.dirname, 'labels');
const LABEL_FILES = ['dwc-2016-a.json', 'dwc-2016-b.json', 'seed.json'];

interface Label {
  item: number;
  treatment: string;
  category: string;
  subcategory: string;
  service?: string;
  surgical_context?: boolean;
}
interface LabelledLetter {
  file: string;
  services: Label[];
}

const missing = LABEL_FILES.filter((f) => !existsSync(join(LABELS, f)));
const letters: LabelledLetter[] = LABEL_FILES.filter((f) => !missing.includes(f)).flatMap(
  (f) => JSON.parse(readFileSync(join(LABELS, f), 'utf8')) as LabelledLetter[],
);
const haveLetters = existsSync(join(SHARED, 'letters'));
if (!CI && missing.length > 0)
  console.warn(`label files missing, not scored: ${missing.join(', ')}`);
if (!CI && !haveLetters) console.warn(`label score skipped: ${SHARED}/letters not found`);

/** The service as this project reads it: the letter's own text, parsed and classified. */
async function parsedItems(file: string): Promise<Item[]> {
  const data = new Uint8Array(readFileSync(join(SHARED, 'letters', file)));
  return parseLetter(await readLetterText(data)).items;
}

interface Tally {
  n: number;
  category: number;
  subcategory: number;
  service: number;
  context: number;
  misses: string[];
}

function score(label: Label, item: Item | undefined, where: string, t: Tally) {
  t.n++;
  if (!item) {
    t.misses.push(`${where} no such item (label: ${label.treatment})`);
    return;
  }
  const got = `${item.category} / ${item.subcategory}`;
  const want = `${label.category} / ${label.subcategory}`;
  if (item.category === label.category) t.category++;
  if (got === want) t.subcategory++;
  else t.misses.push(`${where} "${item.treatment}"\n    label: ${want}\n    got:   ${got}`);
  const service = item.service;
  if (label.service && service?.toLowerCase() === label.service.toLowerCase()) t.service++;
  else if (label.service) t.misses.push(`${where} service: label ${label.service}, got ${service}`);
  const context = item.surgical_context;
  if (context === (label.surgical_context ?? false)) t.context++;
  else t.misses.push(`${where} surgical context: label ${label.surgical_context}, got ${context}`);
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}% (${k}/${n})`;

describe('classification against hand labels', () => {
  it('finds every label file (in CI)', () => {
    if (CI) expect(missing, 'label files missing').toEqual([]);
    expect(letters.every((l) => Array.isArray(l.services))).toBe(true);
  });

  it.runIf(CI || (haveLetters && letters.length > 0))(
    'agrees with the labels at least as well as the floors',
    async () => {
      const t: Tally = { n: 0, category: 0, subcategory: 0, service: 0, context: 0, misses: [] };
      for (const l of letters) {
        const items = await parsedItems(l.file);
        for (const label of l.services)
          score(label, items[label.item - 1], `${l.file} #${label.item}`, t);
      }
      console.log(
        [
          `labelled services: ${t.n} in ${letters.length} letters`,
          `category:    ${pct(t.category, t.n)}`,
          `subcategory: ${pct(t.subcategory, t.n)}`,
          `service:     ${pct(t.service, t.n)}`,
          `surgical context: ${pct(t.context, t.n)}`,
          `misses:`,
          ...t.misses.map((m) => `  ${m}`),
        ].join('\n'),
      );
      expect(t.n).toBeGreaterThan(0);
      expect(t.category / t.n).toBeGreaterThanOrEqual(CATEGORY_FLOOR);
      expect(t.subcategory / t.n).toBeGreaterThanOrEqual(SUBCATEGORY_FLOOR);
    },
    300_000,
  );
});

// The facts the golden files pin are checked against what people read in the letters: every
// decision, guideline family and header date of every labelled letter.
interface LabelledFacts extends LabelledLetter {
  decision_date: string | null;
  patient_age: number | null;
  patient_gender: string | null;
  services: (Label & { decision: string; guideline_sources: string[] })[];
}

describe('the parser reads the facts people read', () => {
  it.runIf(CI || (haveLetters && letters.length > 0))(
    'decisions, guideline families, decision dates, ages and genders of every labelled letter',
    async () => {
      const wrong: string[] = [];
      for (const l of letters as LabelledFacts[]) {
        const data = new Uint8Array(readFileSync(join(SHARED, 'letters', l.file)));
        const parsed = parseLetter(await readLetterText(data));
        const got = {
          items: parsed.items.length,
          decision_date: parsed.decision_date,
          patient_age: parsed.patient_age,
          patient_gender: parsed.patient_gender,
        };
        const want = {
          items: l.services.length,
          decision_date: l.decision_date ?? parsed.decision_date,
          patient_age: l.patient_age,
          patient_gender: l.patient_gender,
        };
        if (JSON.stringify(got) !== JSON.stringify(want))
          wrong.push(`${l.file}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        for (const s of l.services) {
          const i = parsed.items[s.item - 1];
          const [a, b] = [
            `${i?.decision} ${i?.guideline_sources.join('+')}`,
            `${s.decision} ${[...s.guideline_sources].sort(bySource).join('+')}`,
          ];
          if (a !== b) wrong.push(`${l.file} #${s.item}: got ${a}, label ${b}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    300_000,
  );
});

const SOURCE_ORDER = ['MTUS', 'ODG', 'ACOEM', 'Other', 'None'];
const bySource = (a: string, b: string) => SOURCE_ORDER.indexOf(a) - SOURCE_ORDER.indexOf(b);
