import { existsSync, readdirSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The files a run makes beside the database: the copy it builds and its staging folder. */
const buildFiles = (db: string) => [`${db}.building`, `${db}.building.wal`, `${db}.stage`];

/** Removes a run's files beside db (after it, or left by a killed one); returns those it found. */
export function removeBuild(db: string): string[] {
  const found = buildFiles(db).filter((f) => existsSync(f));
  for (const f of found) rmSync(f, { recursive: true, force: true });
  return found;
}

// Bytes under a path, a file or a folder of files.
function bytes(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, f) => sum + bytes(join(path, f)), 0);
}

const gb = (b: number) => `${(b / 1e9).toFixed(1)} GB`;

/**
 * What a failed build says of disk: it builds a copy of the database beside it, from the rows
 * staged there, and DuckDB spills what does not fit in memory to the same folder. So it needs
 * free room for the database once more and the staged rows twice.
 */
export function diskNeeds(db: string, stage: string): string {
  const need = bytes(db) + 2 * bytes(stage);
  const fs = statfsSync(dirname(db) || '.');
  const free = fs.bavail * fs.bsize;
  return `(the run removed its files beside the database; a build needs about ${gb(need)} of free disk there, and ${gb(free)} is free)`;
}
