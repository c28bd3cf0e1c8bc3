import { z } from 'zod';
import { checked, isoDate, wholeNumber } from '../cli/values.ts';
import { HELP, parseFlags, type Cli, type Flags } from '../cli/flags.ts';
import { option } from './form.ts';
import type { FetchOptions } from './run.ts';

export { UsageError } from '../cli/flags.ts';

export const DEFAULT_BASE_URL = 'https://www.dir.ca.gov';

/** The site's root: the search and the letters' links are resolved against it. */
const siteRoot = checked((value) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search)
    return `is not a site root such as ${DEFAULT_BASE_URL} (http or https, no path)`;
}).transform((v) => new URL(v).origin);

/** One of the search form's option texts, forgiving case and runs of spaces. */
const formOption = (list: 'SpecialtyV' | 'SubCategoryV') =>
  z.string().transform((typed, ctx) => {
    try {
      return option(list, typed);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });

const DATE = { type: 'string', value: 'YYYY-MM-DD', required: 'a date as YYYY-MM-DD' } as const;

const flags = {
  out: {
    type: 'string',
    value: 'DIR',
    help: 'The folder for letters/, manifest.csv and the journal.',
    required: 'the folder for letters/, manifest.csv and the journal',
    schema: z.string().min(1, 'is empty'),
  },
  'decided-from': { ...DATE, help: 'The first decision date searched.', schema: isoDate },
  'decided-to': { ...DATE, help: 'The last decision date searched.', schema: isoDate },
  specialty: {
    type: 'string',
    multiple: true,
    value: 'NAME',
    help: "Only this reviewer specialty, as the site's form lists it; give it again for more.",
    schema: formOption('SpecialtyV'),
  },
  category: {
    type: 'string',
    multiple: true,
    value: 'VALUE',
    help: "Only this request category, as the site's form lists it; give it again for more.",
    schema: formOption('SubCategoryV'),
  },
  outcome: {
    type: 'string',
    value: 'OUTCOME',
    help: 'Only decisions with this outcome: Uphold or Overturn.',
    schema: z.enum(['Uphold', 'Overturn'], { error: 'is not Uphold or Overturn' }).optional(),
  },
  'metadata-only': {
    type: 'boolean',
    help: "Writes the result pages' rows only, without downloading letters.",
    schema: z.boolean(),
  },
  'delay-ms': {
    type: 'string',
    value: 'MS',
    help: 'Milliseconds to wait between requests.',
    default: '1000',
    schema: wholeNumber(0),
  },
  'max-requests': {
    type: 'string',
    value: 'N',
    help: 'Stops after this many requests; what is done is kept.',
    schema: wholeNumber(1).optional(),
  },
  'base-url': {
    type: 'string',
    value: 'URL',
    help: 'The site to search (tests point it at a local server).',
    default: DEFAULT_BASE_URL,
    schema: siteRoot,
  },
  help: HELP,
} satisfies Flags;

export const FETCH: Cli<typeof flags> = {
  name: 'npm run fetch',
  usage: `npm run fetch -- --out DIR --decided-from YYYY-MM-DD --decided-to YYYY-MM-DD
  [--specialty NAME]... [--category VALUE]... [--outcome Uphold|Overturn]
  [--metadata-only] [--delay-ms 1000] [--max-requests N] [--base-url URL] [--help]`,
  about:
    "Downloads the state's IMR decisions in a range of decision dates: the result pages' rows " +
    'into manifest.csv, and each letter into letters/. A run stopped for any reason goes on ' +
    'where it stopped when run again.',
  flags,
  check: (v) =>
    v['decided-from'] > v['decided-to']
      ? `--decided-from ${v['decided-from']} is after --decided-to ${v['decided-to']}`
      : undefined,
};

type Parsed = Pick<
  FetchOptions,
  'out' | 'range' | 'filters' | 'metadataOnly' | 'delayMs' | 'maxRequests' | 'baseUrl'
>;

/** The options a command line asks for, or 'help'; a UsageError says what is wrong. */
export function parseFetchArgs(argv: string[]): Parsed | 'help' {
  const v = parseFlags(FETCH, argv);
  if (v === 'help') return 'help';
  return {
    out: v.out,
    range: { from: v['decided-from'], to: v['decided-to'] },
    filters: { specialties: v.specialty, categories: v.category, outcome: v.outcome ?? null },
    metadataOnly: v['metadata-only'],
    delayMs: v['delay-ms'],
    maxRequests: v['max-requests'] ?? null,
    baseUrl: v['base-url'],
  };
}
