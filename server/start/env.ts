import { isIP } from 'node:net';
import { z } from 'zod';
import { memorySize, settingOf, wholeNumber, type Setting } from '../../cli/values.ts';

/** One environment variable the server reads: what it means, its default, and its valid values. */
/** A setting, with its meaning for docs/running.md; `valid` is said there and in its error. */
export interface EnvVar extends Setting {
  meaning: string;
}

const host = z
  .string()
  .refine((h) => isIP(h) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(h), {
    message: 'is not an IP address or host name',
  });

/**
 * Every environment variable the server reads, declared once: start-up validates them all, the
 * server is configured from the result, and the table in docs/running.md is checked against it.
 */
export const ENV = {
  IMR_DB: {
    meaning:
      "The DuckDB file to serve. The default is made when missing from 5,000 synthetic workers' comp letters and the shipped real health-plan (DMHC) file; a file named here must exist.",
    default: 'data/imr.duckdb',
    valid: 'a path to a database file',
    schema: z.string(),
  },
  PORT: {
    meaning: 'The TCP port to listen on (0: any free port, printed at start).',
    default: '8080',
    valid: 'a whole number from 0 to 65535',
    schema: wholeNumber(0, 65535),
  },
  HOST: {
    meaning:
      'The address to listen on. The default answers this machine only; `0.0.0.0` or `::` opens the server to the network (read "Opening the server to a network").',
    default: '127.0.0.1',
    valid: 'an IP address or host name',
    schema: host,
  },
  IMR_MAX_QUERIES: {
    meaning: 'How many queries run at once; the rest wait their turn.',
    default: '4',
    valid: 'a whole number from 1 to 64',
    schema: wholeNumber(1, 64),
  },
  IMR_QUERY_TIMEOUT_MS: {
    meaning: 'How long a query may run, in milliseconds, before it is stopped and answered 503.',
    default: '10000',
    valid: 'a whole number from 100 to 86400000 (a day)',
    schema: wholeNumber(100, 86_400_000),
  },
  IMR_CACHE_ENTRIES: {
    meaning: 'How many small query results are kept; 0 turns the cache off.',
    default: '500',
    valid: 'a whole number from 0 to 100000',
    schema: wholeNumber(0, 100_000),
  },
  IMR_MEMORY_LIMIT: {
    meaning: "DuckDB's memory for the server's queries.",
    default: '64MB',
    valid: 'a size of at least 16MB, such as 64MB or 1GB',
    schema: memorySize,
  },
} satisfies Record<string, EnvVar>;

export type Env = { [K in keyof typeof ENV]: z.output<(typeof ENV)[K]['schema']> };

/**
 * The server's settings from env (an empty value counts as unset), or, when any is wrong, one
 * line for each wrong one naming the variable and what would be valid.
 */
export function readEnv(
  env: NodeJS.ProcessEnv,
): { ok: true; env: Env } | { ok: false; errors: string[] } {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [name, v] of Object.entries(ENV) as [string, EnvVar][]) {
    const r = settingOf(name, v, env);
    if ('value' in r) values[name] = r.value;
    else errors.push(r.wrong);
  }
  return errors.length ? { ok: false, errors } : { ok: true, env: values as Env };
}
