import { parseArgs } from 'node:util';
import { makeFuzzCorpus } from './generate/fuzz.ts';

// npm run generate:fuzz -- --out DIR: the malformed inputs the reliability tests use.
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/fuzz' },
    seed: { type: 'string', default: '1' },
  },
});
const cases = makeFuzzCorpus(values.out, Number(values.seed));
const kinds = new Map<string, number>();
for (const c of cases)
  kinds.set(`${c.kind} (${c.expect})`, (kinds.get(`${c.kind} (${c.expect})`) ?? 0) + 1);
console.log(`wrote ${cases.length} inputs to ${values.out}:`);
for (const [k, n] of kinds) console.log(`  ${k}: ${n}`);
