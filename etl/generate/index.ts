import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.ts';
import { makeLetter } from './letter.ts';
import { textToPdf } from './pdf.ts';

export type Format = 'txt' | 'pdf' | 'mixed';

/**
 * Writes n synthetic letters under out (1,000 per folder) and their truth records to
 * out/truth.jsonl, as text, as PDFs with a text layer, or mixed (every other letter a PDF).
 */
export async function generate(
  n: number,
  seed: number,
  out: string,
  format: Format = 'txt',
): Promise<void> {
  const r = new Random(seed);
  mkdirSync(out, { recursive: true });
  const truth = createWriteStream(join(out, 'truth.jsonl'));
  for (let i = 0; i < n; i++) {
    const dir = String(Math.floor(i / 1000)).padStart(4, '0');
    const pdf = format === 'pdf' || (format === 'mixed' && i % 2 === 1);
    const file = join(dir, `letter-${String(i).padStart(7, '0')}.${pdf ? 'pdf' : 'txt'}`);
    if (i % 1000 === 0) mkdirSync(join(out, dir), { recursive: true });
    // Case numbers differ between seeds, so corpora made with different seeds can be loaded together.
    const { text, truth: t } = makeLetter(r, (seed * 7_777_777 + i) % 10_000_000, file);
    writeFileSync(join(out, file), pdf ? textToPdf(text) : text);
    if (!truth.write(JSON.stringify(t) + '\n'))
      await new Promise<void>((ok) => truth.once('drain', () => ok()));
  }
  await new Promise<void>((ok) => truth.end(ok));
}
