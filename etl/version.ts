import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ETL = dirname(fileURLToPath(import.meta.url));
const IMPORT =
  /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files parseLetter runs on: parse.ts, every module it imports (transitively), and etl/rules/*. */
export function parserFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT))
      visit(resolve(dirname(file), m[1] ?? m[2]));
  };
  visit(join(ETL, 'parse.ts'));
  visit(join(ETL, 'dmhc', 'rows.ts')); // a DMHC row is read by the same rules, and its own
  for (const f of readdirSync(join(ETL, 'rules'))) seen.add(join(ETL, 'rules', f));
  return [...seen].sort();
}

/**
 * The parser's version: a hash of the contents of the files it runs on, read once at start.
 * Every letter and quarantined file records it; a run re-reads those another version read.
 */
export const PARSER_VERSION = (() => {
  const hash = createHash('sha256');
  for (const f of parserFiles()) hash.update(`${relative(ETL, f)}\0${readFileSync(f)}\0`);
  return hash.digest('hex').slice(0, 16);
})();
