import { parseArgs } from 'node:util';
import { option } from './form.ts';
import type { FetchOptions } from './run.ts';

export const USAGE = `usage: npm run fetch -- --out DIR --decided-from YYYY-MM-DD --decided-to YYYY-MM-DD
  [--specialty NAME]... [--category VALUE]... [--outcome Uphold|Overturn]
  [--metadata-only] [--delay-ms 1000] [--max-requests N] [--base-url URL] [--help]`;

export const DEFAULT_BASE_URL = 'https://www.dir.ca.gov';

/** A bad command line: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {}

const FLAGS = {
  out: { type: 'string' },
  'decided-from': { type: 'string' },
  'decided-to': { type: 'string' },
  specialty: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  outcome: { type: 'string' },
  'metadata-only': { type: 'boolean' },
  'delay-ms': { type: 'string' },
  'max-requests': { type: 'string' },
  'base-url': { type: 'string' },
  help: { type: 'boolean' },
} as const;
const flagList = Object.keys(FLAGS)
  .map((f) => `--${f}`)
  .join(', ');

function isoDate(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--${flag} is required: a date as YYYY-MM-DD`);
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new UsageError(`--${flag} ${JSON.stringify(value)} is not a date as YYYY-MM-DD`);
  return value;
}

function count(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(
      `--${flag} ${JSON.stringify(value)} is not a whole number of at least ${min}`,
    );
  return Number(value);
}

/** The site's root: the search and the letters' links are resolved against it. */
function baseUrl(value = DEFAULT_BASE_URL): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search)
    throw new UsageError(
      `--base-url ${JSON.stringify(value)} is not a site root such as ${DEFAULT_BASE_URL} (http or https, no path)`,
    );
  return url.origin;
}

function read(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const m = /'([^']+)'/.exec((e as Error).message);
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`${m?.[1].split(' ')[0] ?? 'a flag'} needs a value`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${m?.[1] ?? ''}; valid flags: ${flagList}`);
    throw new UsageError(`unknown flag ${m?.[1] ?? ''}; valid flags: ${flagList}`);
  }
}

type Parsed = Pick<
  FetchOptions,
  'out' | 'range' | 'filters' | 'metadataOnly' | 'delayMs' | 'maxRequests' | 'baseUrl'
>;

/** The options a command line asks for, or 'help'; a UsageError says what is wrong. */
export function parseFetchArgs(argv: string[]): Parsed | 'help' {
  const v = read(argv);
  if (v.help) return 'help';
  if (!v.out)
    throw new UsageError(
      '--out is required: the folder for letters/, manifest.csv and the journal',
    );
  const from = isoDate('decided-from', v['decided-from']);
  const to = isoDate('decided-to', v['decided-to']);
  if (from > to) throw new UsageError(`--decided-from ${from} is after --decided-to ${to}`);
  if (v.outcome !== undefined && v.outcome !== 'Uphold' && v.outcome !== 'Overturn')
    throw new UsageError(`--outcome ${JSON.stringify(v.outcome)} is not Uphold or Overturn`);
  const list = (flag: string, kind: 'SpecialtyV' | 'SubCategoryV', xs: string[] = []) =>
    xs.map((x) => {
      try {
        return option(kind, x);
      } catch (e) {
        throw new UsageError(`--${flag} ${(e as Error).message}`);
      }
    });
  return {
    out: v.out,
    range: { from, to },
    filters: {
      specialties: list('specialty', 'SpecialtyV', v.specialty),
      categories: list('category', 'SubCategoryV', v.category),
      outcome: (v.outcome as 'Uphold' | 'Overturn' | undefined) ?? null,
    },
    metadataOnly: v['metadata-only'] ?? false,
    delayMs: count('delay-ms', v['delay-ms'], 0) ?? 1000,
    maxRequests: count('max-requests', v['max-requests'], 1) ?? null,
    baseUrl: baseUrl(v['base-url']),
  };
}
