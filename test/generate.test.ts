import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../etl/generate/index.ts';
import type { Truth } from '../etl/generate/letter.ts';
import { parseLetter } from '../etl/letters/parse.ts';
import { tempDir } from './helpers.ts';
import { LAYOUTS } from '../etl/letters/types.ts';
import { REASONS } from '../model/values.ts';

const truthOf = (dir: string): Truth[] =>
  readFileSync(join(dir, 'truth.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('generator', () => {
  const dir = tempDir();
  const N = 2500;

  // The truth includes each service's reason families and guideline agreement: the rules must
  // read back what the generator wrote, through quotations and documented improvement.
  it('writes letters whose parse is exactly the truth it records, in all five layouts', async () => {
    await generate(N, 42, dir);
    const truth = truthOf(dir);
    expect(truth).toHaveLength(N);
    expect(new Set(truth.map((t) => t.layout))).toEqual(new Set(LAYOUTS));
    for (const t of truth) {
      const l = parseLetter(readFileSync(join(dir, t.file), 'utf8'));
      const { file, items, ...letterTruth } = t;
      expect(l, file).toMatchObject(letterTruth);
      expect(l.synthetic).toBe(true);
      expect(
        l.items.map((i) => ({
          treatment: i.treatment,
          decision: i.decision,
          category: i.category,
          subcategory: i.subcategory,
          guideline_sources: i.guideline_sources,
          mtus_chapters: i.mtus_chapters,
          reason: i.reason,
          guideline_agreement: i.guideline_agreement,
        })),
        file,
      ).toEqual(items);
    }
  });

  it('draws a realistic mix: ~90% upheld, pharmaceuticals the largest category, 1 to many items', () => {
    const items = truthOf(dir).flatMap((t) => t.items);
    const upheld = items.filter((i) => i.decision === 'Upheld').length / items.length;
    expect(upheld).toBeGreaterThan(0.86);
    expect(upheld).toBeLessThan(0.93);
    const pharma = items.filter((i) => i.category === 'Pharmaceuticals').length / items.length;
    expect(pharma).toBeGreaterThan(0.38);
    expect(pharma).toBeLessThan(0.52);
    const counts = truthOf(dir).map((t) => t.items.length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(9);
  });

  it('writes every reason family and both guideline agreements, so the parse above tests them', () => {
    const items = truthOf(dir).flatMap((t) => t.items);
    expect(new Set(items.flatMap((i) => i.reason))).toEqual(new Set(REASONS));
    expect(new Set(items.map((i) => i.guideline_agreement))).toEqual(
      new Set(['same', 'different', null]),
    );
  });

  it('is deterministic: the same seed gives byte-identical output', async () => {
    const again = tempDir();
    await generate(50, 42, again);
    const first = truthOf(dir).slice(0, 50);
    expect(truthOf(again)).toEqual(first);
    for (const t of first)
      expect(readFileSync(join(again, t.file), 'utf8')).toBe(
        readFileSync(join(dir, t.file), 'utf8'),
      );
  });
});
