import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** A string that passes test, which returns what is wrong with it, if anything. */
const checked = (test: (v: string) => string | undefined) =>
  z.string().superRefine((v, ctx) => {
    const wrong = test(v);
    if (wrong) ctx.addIssue({ code: 'custom', message: wrong });
  });

const stat = (p: string) => statSync(p, { throwIfNoEntry: false });

/** A whole number from lo to hi, given as text. */
export const wholeNumber = (lo: number, hi: number) =>
  z
    .string()
    .regex(/^[+-]?\d+$/, 'is not a whole number')
    .transform(Number)
    .pipe(z.number().min(lo, `is less than ${lo}`).max(hi, `is more than ${hi}`));

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

/** A path to write to: not a folder when a file is meant (or the reverse), in a folder that exists. */
export const newPath = (kind: 'file' | 'folder') =>
  checked((p) => {
    if (p === '') return 'is empty';
    const st = stat(p);
    if (st && kind === 'file' && st.isDirectory()) return 'is a folder, not a file';
    if (st && kind === 'folder' && !st.isDirectory()) return 'is a file, not a folder';
    const parent = dirname(resolve(p));
    if (!stat(parent)?.isDirectory()) return `is in a folder that does not exist (${parent})`;
  });
