import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .txt and .pdf under dir, recursively, in a stable order. */
export function letterFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(txt|pdf)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}
