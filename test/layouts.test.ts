import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LETTER_LAYOUTS, LAYOUTS, claimants } from '../etl/letters/layouts/index.ts';
import { LAYOUTS as MODEL_LAYOUTS } from '../model/values.ts';
import { parseLetter, toLines } from '../etl/letters/parse.ts';
import { ParseError } from '../etl/letters/types.ts';
import { makeLetter } from '../etl/generate/letter.ts';
import { Random } from '../etl/generate/random.ts';
import { SHARED, facts, matchGolden } from './helpers.ts';

// Each layout's fixture letters are test/fixtures/LAYOUT-*.txt, each with LAYOUT-*.expected.json.
const FIXTURES = join(import.meta.dirname, 'fixtures');
const texts = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
// A fixture named unreadable-LAYOUT-*.txt is in that layout but has no readable decision.
const layoutOf = (f: string) =>
  LAYOUTS.find((l) => f.replace(/^unreadable-/, '').startsWith(`${l}-`));
const readable = texts.filter((f) => layoutOf(f) && !f.startsWith('unreadable-'));
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const claimedBy = (text: string) => claimants(toLines(text).join('\n')).map((l) => l.name);

describe('letter layouts registry', () => {
  it('has one module per layout name, each with fixture letters of its own', () => {
    expect(new Set(LAYOUTS).size).toBe(LETTER_LAYOUTS.length);
    // The layout filter's closed list names exactly the layouts the parser knows.
    expect([...LAYOUTS].sort()).toEqual([...MODEL_LAYOUTS].sort());
    for (const layout of LAYOUTS)
      expect(
        texts.filter((f) => layoutOf(f) === layout),
        layout,
      ).not.toEqual([]);
  });

  for (const f of readable) {
    it(`${f} is claimed by ${layoutOf(f)} alone and matches its expected facts`, () => {
      expect(claimedBy(read(f))).toEqual([layoutOf(f)]);
      const l = parseLetter(read(f));
      expect(l.layout).toBe(layoutOf(f));
      matchGolden(facts(l), join(FIXTURES, f.replace(/\.txt$/, '.expected.json')));
    });
  }

  it('quarantines a letter of a known layout that has no readable decision, saying why', () => {
    for (const f of texts.filter((f) => f.startsWith('unreadable-'))) {
      expect(claimedBy(read(f)), f).toEqual([layoutOf(f)]);
      expect(() => parseLetter(read(f)), f).toThrow(ParseError);
      expect(() => parseLetter(read(f)), f).toThrow(/no service heading ending in ": Upheld"/);
    }
  });

  it('claims no other fixture for any layout', () => {
    for (const f of texts.filter((f) => !layoutOf(f))) expect(claimedBy(read(f)), f).toEqual([]);
  });

  it('has exactly one claimant for every generated letter, the layout it was written in', () => {
    const r = new Random(7);
    const seen = new Set<string>();
    for (let k = 0; k < 400; k++) {
      const { text, truth } = makeLetter(r, k, `g${k}.txt`);
      expect(claimedBy(text), truth.file).toEqual([truth.layout]);
      seen.add(truth.layout);
    }
    expect([...seen].sort()).toEqual([...LAYOUTS].sort());
  });

  const seed = join(SHARED, 'letters', 'seed');
  it.skipIf(!existsSync(seed))('has exactly one claimant for the real text letters', () => {
    for (const f of readdirSync(seed))
      expect(claimedBy(readFileSync(join(seed, f), 'utf8')), f).toHaveLength(1);
  });
});
