import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.ts';
import { makeLetter } from './letter.ts';

/** Writes n synthetic letters under out (1,000 per folder) and their truth records to out/truth.jsonl. */
export async function generate(n: number, seed: number, out: string): Promise<void> {
  const r = new Random(seed);
  mkdirSync(out, { recursive: true });
  const truth = createWriteStream(join(out, 'truth.jsonl'));
  for (let i = 0; i < n; i++) {
    const dir = String(Math.floor(i / 1000)).padStart(4, '0');
    const file = join(dir, `letter-${String(i).padStart(7, '0')}.txt`);
    if (i % 1000 === 0) mkdirSync(join(out, dir), { recursive: true });
    const { text, truth: t } = makeLetter(r, i, file);
    writeFileSync(join(out, file), text);
    if (!truth.write(JSON.stringify(t) + '\n')) await new Promise<void>((ok) => truth.once('drain', () => ok()));
  }
  await new Promise<void>((ok) => truth.end(ok));
}
