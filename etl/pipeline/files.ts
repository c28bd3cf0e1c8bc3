import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../model/manifest.ts';

/**
 * Every .txt, .pdf, .csv and .csv.gz under dir, recursively, one directory at a time in name
 * order, so memory stays bounded. A fetch manifest is not a letter: etl/state-coding/manifest.ts reads it.
 */
export async function* letterFiles(dir: string): AsyncGenerator<string> {
  const entries = [];
  for await (const e of await opendir(dir)) entries.push(e);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* letterFiles(path);
    else if (e.isFile() && e.name !== MANIFEST_FILE && /\.(txt|pdf|csv|csv\.gz)$/i.test(e.name))
      yield path;
  }
}

/** How many files letterFiles(dir) yields: the same walk, counted, so progress knows its total. */
export async function countLetterFiles(dir: string): Promise<number> {
  let n = 0;
  for await (const _ of letterFiles(dir)) n++;
  return n;
}
