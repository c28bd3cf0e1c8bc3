import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// What the built dashboard is made from. A folder the client imports from at run time (not
// only its types) belongs here too.
const INPUTS = ['client', 'model', 'vite.config.ts', 'package-lock.json'];

/** Whether a build made at builtMs is older than any of its sources; no build is stale. */
export function isStale(sourceMs: number[], builtMs: number | undefined): boolean {
  return builtMs === undefined || sourceMs.some((t) => t > builtMs);
}

// Modification times of every file at or under path.
function times(path: string): number[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return [];
  if (!st.isDirectory()) return [st.mtimeMs];
  return readdirSync(path).flatMap((name) => times(join(path, name)));
}

/** Whether root/dist is missing or older than a source of it (after a git pull, say). */
export function needsBuild(root: string): boolean {
  const built = statSync(join(root, 'dist', 'index.html'), { throwIfNoEntry: false })?.mtimeMs;
  return isStale(
    INPUTS.flatMap((p) => times(join(root, p))),
    built,
  );
}

/** Builds the dashboard into root/dist with vite (about 1.5-2.5 s here). */
export function build(root: string): void {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
}
