import { generate } from '../generate/index.ts';
import { GENERATE } from './commands.ts';
import { runCli } from '../../cli/flags.ts';

await runCli(GENERATE, async ({ letters, seed, out, format }) => {
  const t0 = performance.now();
  await generate(letters, seed, out, format);
  console.log(
    `wrote ${letters} synthetic letters to ${out} (truth: ${out}/truth.jsonl) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
});
