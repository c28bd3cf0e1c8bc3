// Scores the reason rules (etl/letters/classify/rules/reasons.ts) and the guideline agreement against the
// services of the real letters in ../shared/letters, labelled by hand with the codebook
// ../shared/reference/reasons.md by two labellers who never saw the rules' output
// (test/labels/reasons-a.json and reasons-b.json: keys, decisions, short names and quotes).
//
// The reference is the labellers' consensus: a (service, family) pair is scored where both
// labellers agree on it (present or absent) and left out where they disagree; a service's
// guideline agreement is scored where both read it the same. Scores against each labeller alone
// are printed beside it. The floors are what the rules measured when they were set, less a
// margin for noise: see the closing note of issue 26 for how much the labels were used to tune.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../etl/letters/parse.ts';
import { readLetterText } from '../etl/letters/read.ts';
import type { Item } from '../etl/letters/types.ts';
import { REASONS, type Reason } from '../model/values.ts';
import { CI, SHARED } from './helpers.ts';
import { agreementOf, kappa, score, type Labelled, type Scored } from './reasons-score.ts';

const MICRO_F1_FLOOR = 0.83;
const RECALL_FLOOR = 0.72;
const AGREEMENT_FLOOR = 0.99;

const LABELS = join(import.meta.dirname, 'labels');
const read = (f: string): Labelled[] => JSON.parse(readFileSync(join(LABELS, f), 'utf8'));
const [a, b] = [read('reasons-a.json'), read('reasons-b.json')];
const haveLetters = existsSync(join(SHARED, 'letters'));
if (!CI && !haveLetters) console.warn(`reason labels not scored: ${SHARED}/letters not found`);

async function parsed(file: string): Promise<Item[]> {
  const data = new Uint8Array(readFileSync(join(SHARED, 'letters', file)));
  return parseLetter(await readLetterText(data)).items;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function report(s: Scored, title: string): string[] {
  return [
    `${title}: micro-F1 ${s.f1.toFixed(3)} (precision ${pct(s.precision)}, recall ${pct(s.recall)}; ${s.pairs} pairs, ${s.positives} present)`,
    ...REASONS.map(
      (r) =>
        `  ${r.padEnd(28)} labels ${String(s.families[r].labels).padStart(3)}  found ${String(s.families[r].found).padStart(3)}  recall ${pct(s.families[r].recall)}  precision ${pct(s.families[r].precision)}`,
    ),
  ];
}

describe('reason labels', () => {
  it('label the same services, in both labellers, with the codebook keys', () => {
    const key = (l: Labelled[]) =>
      l.flatMap((x) => x.services.map((s) => `${x.file}#${s.item} ${s.decision}`)).sort();
    expect(key(a)).toEqual(key(b));
    expect(key(a).length).toBeGreaterThanOrEqual(290);
    for (const s of [...a, ...b].flatMap((x) => x.services)) {
      expect(s.reasons.length).toBeGreaterThan(0);
      for (const r of s.reasons) expect(REASONS).toContain(r as Reason);
    }
  });

  it.runIf(CI || haveLetters)(
    'the rules find the labelled reasons, and the guideline agreement, at least as well as the floors',
    async () => {
      const items = new Map<string, Item[]>();
      for (const l of a) items.set(l.file, await parsed(l.file));
      const consensus = score(items, a, b);
      const onlyA = score(items, a, a);
      const onlyB = score(items, b, b);
      const agree = agreementOf(items, a, b);
      console.log(
        [
          ...report(consensus, 'consensus of A and B'),
          ...report(onlyA, 'labeller A'),
          ...report(onlyB, 'labeller B'),
          `guideline agreement: ${pct(agree.accuracy)} of ${agree.n} services (labeller A alone: ${pct(agree.accuracyA)})`,
          `inter-labeller agreement (Cohen's kappa, observed agreement, services each labeller gave it):`,
          ...REASONS.map((r) => {
            const k = kappa(a, b, r);
            return `  ${r.padEnd(28)} kappa ${k.kappa === null ? '  –  ' : k.kappa.toFixed(3)}  agree ${pct(k.observed)}  A ${k.a}  B ${k.b}`;
          }),
          `  guideline agreement       kappa ${agree.kappa.toFixed(3)}`,
          'misses (consensus):',
          ...consensus.misses.map((m) => `  ${m}`),
        ].join('\n'),
      );
      expect(consensus.f1).toBeGreaterThanOrEqual(MICRO_F1_FLOOR);
      for (const r of REASONS) {
        const f = consensus.families[r];
        if (f.labels >= 10) expect(f.recall, `recall of ${r}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
      }
      expect(agree.accuracy).toBeGreaterThanOrEqual(AGREEMENT_FLOOR);
    },
    300_000,
  );
});
