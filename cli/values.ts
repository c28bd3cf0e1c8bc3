import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** A string that passes test, which returns what is wrong with it, if anything. */
export const checked = (test: (v: string) => string | undefined) =>
  z.string().superRefine((v, ctx) => {
    const wrong = test(v);
    if (wrong) ctx.addIssue({ code: 'custom', message: wrong });
  });

const stat = (p: string) => statSync(p, { throwIfNoEntry: false });

/** A whole number from lo to hi, given as text; with no hi, of at least lo. */
export const wholeNumber = (lo: number, hi?: number) => {
  if (hi === undefined) {
    const wrong = `is not a whole number of at least ${lo}`;
    return z.string().regex(/^\d+$/, wrong).transform(Number).pipe(z.number().min(lo, wrong));
  }
  return z
    .string()
    .regex(/^[+-]?\d+$/, 'is not a whole number')
    .transform(Number)
    .pipe(z.number().min(lo, `is less than ${lo}`).max(hi, `is more than ${hi}`));
};

/** A calendar date written YYYY-MM-DD. */
export const isoDate = checked((v) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
    ? undefined
    : 'is not a date as YYYY-MM-DD',
);

/** A folder that exists and can be read. */
export const folder = checked((p) => {
  const st = stat(p);
  if (!st) return 'does not exist';
  if (!st.isDirectory()) return 'is a file, not a folder';
  try {
    accessSync(p, constants.R_OK | constants.X_OK);
  } catch {
    return 'cannot be read';
  }
});

/** A path to write to, in a folder that exists: not a folder where a file is meant, or back. */
export const newPath = (kind: 'file' | 'folder') =>
  checked((p) => {
    if (p === '') return 'is empty';
    const st = stat(p);
    if (st && kind === 'file' && st.isDirectory()) return 'is a folder, not a file';
    if (st && kind === 'folder' && !st.isDirectory()) return 'is a file, not a folder';
    const parent = dirname(resolve(p));
    if (!stat(parent)?.isDirectory()) return `is in a folder that does not exist (${parent})`;
  });

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** The bytes of a size DuckDB's memory_limit takes (64MB, 1.5GiB), or null for another text. */
export function bytesOf(size: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(B|[KMGT]i?B)$/i.exec(size);
  return m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : null;
}

// A size DuckDB's memory_limit takes; below 16 MB no aggregate here has room to run.
export const memorySize = checked((s) => {
  const bytes = bytesOf(s);
  if (bytes === null) return 'is not a size';
  if (bytes < 16e6) return 'is less than 16MB';
});

/** A setting read from the environment: its default, what is valid in words, and its check. */
export interface Setting<T = unknown> {
  default: string;
  valid: string;
  schema: z.ZodType<T, string>;
}

/**
 * The value of the environment variable name (an empty value counts as unset), or one line
 * naming it and saying what is wrong and what would be valid.
 */
export function settingOf<T>(
  name: string,
  s: Setting<T>,
  env: NodeJS.ProcessEnv,
): { value: T } | { wrong: string } {
  const given = env[name] || undefined;
  const r = s.schema.safeParse(given ?? s.default);
  if (r.success) return { value: r.data };
  return {
    wrong: `${name}=${JSON.stringify(given)} ${r.error.issues[0].message}; expected ${s.valid}`,
  };
}
