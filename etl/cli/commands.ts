import { existsSync } from 'node:fs';
import { z } from 'zod';
import { HELP, type Cli, type Flags } from '../../cli/flags.ts';
import { folder, newPath, wholeNumber } from '../../cli/values.ts';
import { etlMemory } from '../pipeline/memory.ts';
import { isDuckDbFile } from '../../warehouse/schema.ts';

// Each command line is declared once here: its parsing, its error messages and its --help all
// come from these entries.

const etlFlags = {
  input: {
    type: 'string',
    value: 'DIR',
    help: 'Loads every .pdf and .txt letter, and every DMHC .csv or .csv.gz, under this folder.',
    valid: 'a folder that exists',
    schema: folder.optional(),
  },
  db: {
    type: 'string',
    value: 'FILE',
    help: 'The DuckDB database to load into or read from (IMR_DB sets the default).',
    valid: 'a file path in a folder that exists',
    default: process.env.IMR_DB || 'data/imr.duckdb',
    schema: newPath('file'),
  },
  upgrade: {
    type: 'boolean',
    help: "Brings a database of an earlier release to today's schema, parsing its letters again from the text it holds. A run with --input, --report or --parquet does this too.",
    schema: z.boolean(),
  },
  report: {
    type: 'boolean',
    help: 'Prints how often each field was found, and every quarantined file with its reason.',
    schema: z.boolean(),
  },
  parquet: {
    type: 'string',
    value: 'DIR',
    help: 'Writes the letters and items as Parquet under this folder, partitioned by decision year.',
    valid: 'a folder path whose parent folder exists',
    schema: newPath('folder').optional(),
  },
  workers: {
    type: 'string',
    value: 'N',
    help: 'The number of worker threads that read and parse letters; one a core unless given.',
    valid: 'a whole number from 1 to 256',
    schema: wholeNumber(1, 256).optional(),
  },
  'file-timeout-ms': {
    type: 'string',
    value: 'MS',
    help: 'A file that takes longer than this to read is quarantined, and the run goes on (60000).',
    valid: 'a whole number of milliseconds from 1000 to 3600000',
    schema: wholeNumber(1000, 3_600_000).optional(),
  },
  help: HELP,
} satisfies Flags;

export const ETL: Cli<typeof etlFlags> = {
  name: 'npm run etl',
  usage:
    'npm run etl -- --input DIR [--db FILE] [--upgrade] [--report] [--parquet DIR] [--workers N] [--file-timeout-ms MS]',
  about:
    'Reads IMR determination letters (PDF or text) into a DuckDB database, and reports on it or exports it.',
  flags: etlFlags,
  check: (v) => {
    if (!v.input && !v.upgrade && !v.report && !v.parquet)
      return 'nothing to do: give --input DIR to load letters, --upgrade, or --report or --parquet DIR to read a database';
    const memory = etlMemory(process.env);
    if ('wrong' in memory) return memory.wrong;
    if (existsSync(v.db) && !isDuckDbFile(v.db))
      return `--db ${JSON.stringify(v.db)} is not a DuckDB database; give a new file or one this project built`;
    if (!v.input && !existsSync(v.db))
      return `--db ${JSON.stringify(v.db)} does not exist; load letters into it first with --input DIR`;
  },
};

const generateFlags = {
  letters: {
    type: 'string',
    value: 'N',
    help: 'How many synthetic letters to write.',
    valid: 'a whole number from 1 to 10000000',
    default: '5000',
    schema: wholeNumber(1, 10_000_000),
  },
  seed: {
    type: 'string',
    value: 'S',
    help: 'The random seed; the same seed writes the same bytes.',
    valid: 'a whole number from 0 to 2147483647',
    default: '1',
    schema: wholeNumber(0, 2 ** 31 - 1),
  },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'The folder to write the letters and truth.jsonl into.',
    valid: 'a folder path whose parent folder exists',
    default: 'data/corpus',
    schema: newPath('folder'),
  },
  format: {
    type: 'string',
    value: 'FORMAT',
    help: 'Writes text letters, PDFs with a text layer, or a mix of both.',
    valid: 'txt, pdf or mixed',
    default: 'txt',
    schema: z.enum(['txt', 'pdf', 'mixed'], { error: 'is not a format' }),
  },
  help: HELP,
} satisfies Flags;

export const GENERATE: Cli<typeof generateFlags> = {
  name: 'npm run generate',
  usage: 'npm run generate -- [--letters N] [--seed S] [--out DIR] [--format txt|pdf|mixed]',
  about:
    'Writes synthetic IMR letters in all five layouts, with truth.jsonl saying what each holds.',
  flags: generateFlags,
};

const fuzzFlags = {
  out: {
    type: 'string',
    value: 'DIR',
    help: 'The folder to write the malformed and odd inputs into.',
    valid: 'a folder path whose parent folder exists',
    default: 'data/fuzz',
    schema: newPath('folder'),
  },
  seed: generateFlags.seed,
  help: HELP,
} satisfies Flags;

export const FUZZ: Cli<typeof fuzzFlags> = {
  name: 'npm run generate:fuzz',
  usage: 'npm run generate:fuzz -- [--out DIR] [--seed S]',
  about: 'Writes the malformed and odd inputs the reliability tests use.',
  flags: fuzzFlags,
};
