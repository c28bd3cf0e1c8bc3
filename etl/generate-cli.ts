import { parseArgs } from 'node:util';
import { generate } from './generate/index.ts';

const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/corpus' },
  },
});
const n = Number(values.letters);
const seed = Number(values.seed);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run generate -- --letters N --seed S --out DIR   (N a positive whole number, S a whole number)');
  process.exit(2);
}
const t0 = performance.now();
await generate(n, seed, values.out);
console.log(`wrote ${n} synthetic letters to ${values.out} (truth: ${values.out}/truth.jsonl) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
