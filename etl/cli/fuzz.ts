import { makeFuzzCorpus } from '../generate/fuzz.ts';
import { FUZZ } from './commands.ts';
import { runCli } from '../../cli/flags.ts';

// npm run generate:fuzz -- --out DIR: the malformed inputs the reliability tests use.
await runCli(FUZZ, ({ out, seed }) => {
  const cases = makeFuzzCorpus(out, seed);
  const kinds = new Map<string, number>();
  for (const c of cases)
    kinds.set(`${c.kind} (${c.expect})`, (kinds.get(`${c.kind} (${c.expect})`) ?? 0) + 1);
  console.log(`wrote ${cases.length} inputs to ${out}:`);
  for (const [k, n] of kinds) console.log(`  ${k}: ${n}`);
});
