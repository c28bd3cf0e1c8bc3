import { parseArgs } from 'node:util';
import { generate, type Format } from './generate/index.ts';

const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/corpus' },
    format: { type: 'string', default: 'txt' },
  },
});
const n = Number(values.letters);
const seed = Number(values.seed);
const format = values.format as Format;
if (
  !Number.isInteger(n) ||
  n < 1 ||
  !Number.isInteger(seed) ||
  !['txt', 'pdf', 'mixed'].includes(format)
) {
  console.error(
    'usage: npm run generate -- --letters N --seed S --out DIR [--format txt|pdf|mixed]',
  );
  process.exit(2);
}
const t0 = performance.now();
await generate(n, seed, values.out, format);
console.log(
  `wrote ${n} synthetic letters to ${values.out} (truth: ${values.out}/truth.jsonl) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
