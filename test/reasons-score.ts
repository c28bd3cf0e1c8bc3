// The arithmetic of test/reasons-labels.test.ts: micro-F1 and per-family recall of the rules
// against two labellers' reasons, their guideline agreement, and Cohen's kappa between them.
import type { Item } from '../etl/letters/types.ts';
import { REASONS, type GuidelineSource, type Reason } from '../model/values.ts';

export interface LabelledService {
  item: number;
  treatment: string;
  decision: string;
  reasons: string[];
  ca_guidelines: string[] | null;
  reviewer_guidelines: string[] | null;
}
export interface Labelled {
  file: string;
  services: LabelledService[];
}

interface FamilyScore {
  labels: number;
  found: number;
  hits: number;
  recall: number;
  precision: number;
}
export interface Scored {
  pairs: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  families: Record<Reason, FamilyScore>;
  misses: string[];
}

const ratio = (k: number, n: number) => (n ? k / n : 1);

/** Each service of x by file and item, with its labels. */
const byService = (x: Labelled[]) =>
  new Map(x.flatMap((l) => l.services.map((s) => [`${l.file}#${s.item}`, s] as const)));

/**
 * The rules' reasons against the labels where labellers x and y agree, pair by pair: a family
 * both call present is a positive, one both call absent a negative, the rest is not scored.
 */
export function score(items: Map<string, Item[]>, x: Labelled[], y: Labelled[]): Scored {
  const ys = byService(y);
  const fam = Object.fromEntries(
    REASONS.map((r) => [r, { labels: 0, found: 0, hits: 0, recall: 0, precision: 0 }]),
  ) as Record<Reason, FamilyScore>;
  let [pairs, tp, fp, fn] = [0, 0, 0, 0];
  const misses: string[] = [];
  for (const l of x)
    for (const s of l.services) {
      const other = ys.get(`${l.file}#${s.item}`)!;
      const got = new Set(items.get(l.file)?.[s.item - 1]?.reason ?? []);
      for (const r of REASONS) {
        const [inX, inY] = [s.reasons.includes(r), other.reasons.includes(r)];
        if (inX !== inY) continue;
        pairs++;
        const found = got.has(r);
        if (found) fam[r].found++;
        if (inX) fam[r].labels++;
        if (inX && found) [tp, fam[r].hits] = [tp + 1, fam[r].hits + 1];
        else if (found) fp++;
        else if (inX) fn++;
        if (found !== inX)
          misses.push(`${l.file} #${s.item} ${found ? 'extra' : 'missed'} ${r} (${s.treatment})`);
      }
    }
  for (const r of REASONS) {
    fam[r].recall = ratio(fam[r].hits, fam[r].labels);
    fam[r].precision = ratio(fam[r].hits, fam[r].found);
  }
  const [precision, recall] = [ratio(tp, tp + fp), ratio(tp, tp + fn)];
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { pairs, positives: tp + fn, precision, recall, f1, families: fam, misses };
}

const FAMILY: Record<string, GuidelineSource> = {
  mtus: 'MTUS',
  odg: 'ODG',
  acoem: 'ACOEM',
  other: 'Other',
  none: 'None',
};
/** A labeller's guideline agreement for a service: same or different, null when a paragraph is missing. */
function labelled(s: LabelledService): 'same' | 'different' | null {
  if (!s.ca_guidelines || !s.reviewer_guidelines) return null;
  const set = (g: string[]) => [...new Set(g.map((x) => FAMILY[x.toLowerCase()] ?? x))].sort();
  const [ca, rv] = [set(s.ca_guidelines), set(s.reviewer_guidelines)];
  return ca.join() === rv.join() ? 'same' : 'different';
}

/** The parser's guideline agreement where both labellers read it the same, and against x alone. */
export function agreementOf(items: Map<string, Item[]>, x: Labelled[], y: Labelled[]) {
  const ys = byService(y);
  let [n, right, rightX, nX] = [0, 0, 0, 0];
  const pairs: [string | null, string | null][] = [];
  for (const l of x)
    for (const s of l.services) {
      const got = items.get(l.file)?.[s.item - 1]?.guideline_agreement ?? null;
      const [fromX, fromY] = [labelled(s), labelled(ys.get(`${l.file}#${s.item}`)!)];
      pairs.push([fromX, fromY]);
      nX++;
      if (got === fromX) rightX++;
      if (fromX !== fromY) continue;
      n++;
      if (got === fromX) right++;
    }
  return { n, accuracy: ratio(right, n), accuracyA: ratio(rightX, nX), kappa: cohen(pairs) };
}

/** Cohen's kappa of two labellings of the same things: agreement beyond chance. */
function cohen<T>(pairs: [T, T][]): number {
  const n = pairs.length;
  const observed = pairs.filter(([p, q]) => p === q).length / n;
  const values = [...new Set(pairs.flat())];
  const expected = values.reduce(
    (e, v) =>
      e +
      (pairs.filter(([p]) => p === v).length / n) * (pairs.filter(([, q]) => q === v).length / n),
    0,
  );
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/** Cohen's kappa of the two labellers on one family (present or absent in each service). */
export function kappa(x: Labelled[], y: Labelled[], r: Reason) {
  const ys = byService(y);
  const pairs = x.flatMap((l) =>
    l.services.map(
      (s) =>
        [s.reasons.includes(r), ys.get(`${l.file}#${s.item}`)!.reasons.includes(r)] as [
          boolean,
          boolean,
        ],
    ),
  );
  const observed = pairs.filter(([p, q]) => p === q).length / pairs.length;
  const [inX, inY] = [pairs.filter(([p]) => p).length, pairs.filter(([, q]) => q).length];
  return { kappa: inX + inY ? cohen(pairs) : null, observed, a: inX, b: inY };
}
