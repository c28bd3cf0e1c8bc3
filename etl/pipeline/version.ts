import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ETL = join(dirname(fileURLToPath(import.meta.url)), '..');
const RULES = join(ETL, 'letters', 'classify', 'rules');
const IMPORT =
  /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]/g;
// A whole import (or export-from) statement, however prettier wraps it: a longer path can wrap
// its names. One of types only TypeScript erases, so what it names cannot change a parse.
const statement = (typesOnly: boolean) =>
  new RegExp(
    `^(?:import|export)${typesOnly ? ' type' : ''}\\b[^;()=]*?\\bfrom\\s*['"][^'"]+['"];?$`,
    'gm',
  );
const TYPES_ONLY = statement(true);

/**
 * The files parseLetter runs on: parse.ts, every module it imports for more than types
 * (transitively), and its rules.
 */
export function parserFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').replace(TYPES_ONLY, '').matchAll(IMPORT))
      visit(resolve(dirname(file), m[1] ?? m[2]));
  };
  visit(join(ETL, 'letters', 'parse.ts'));
  visit(join(ETL, 'dmhc', 'rows.ts')); // a DMHC row is read by the same rules, and its own
  for (const f of readdirSync(RULES)) seen.add(join(RULES, f));
  return [...seen].sort();
}

/**
 * What of a file's text runs: without its import statements and paths, comment lines,
 * indentation and blank lines. Moving a file, or rewording a comment, changes none of it.
 */
const code = (text: string) =>
  text
    .replace(statement(false), '')
    .replace(IMPORT, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(\/\/|\/\*|\*)/.test(line))
    .join('\n');

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The version of a set of source texts: each counts by its code alone, in the order of those
 * codes' hashes, so where a file lives, and what it is called, do not count.
 */
export const versionOf = (texts: string[]) =>
  digest(
    texts
      .map((t) => digest(code(t)))
      .sort()
      .join('\n'),
  ).slice(0, 16);

/**
 * The parser's version, read once at start. Every letter and quarantined file records it; a
 * run re-reads those another version read.
 */
export const PARSER_VERSION = versionOf(parserFiles().map((f) => readFileSync(f, 'utf8')));
