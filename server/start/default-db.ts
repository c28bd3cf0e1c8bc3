import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../etl/generate/index.ts';
import { runEtl } from '../../etl/pipeline/run.ts';
import { schemaOf } from '../../warehouse/schema.ts';

/** The folder of the shipped health-plan (DMHC) open data, read as it is (.csv.gz). */
export const dmhcDir = (root: string) => join(root, 'data', 'dmhc');

/**
 * Builds the default database at dbPath: the synthetic workers' comp demo corpus of `letters`
 * generated letters (written to corpus), then the shipped real DMHC file into the same
 * database. Two runs, because the corpus and the shipped data live in different folders.
 */
export async function buildDefaultDb(
  root: string,
  dbPath: string,
  o: { letters: number; corpus: string; log?: (line: string) => void },
) {
  const log = o.log ?? (() => {});
  rmSync(o.corpus, { recursive: true, force: true });
  mkdirSync(o.corpus, { recursive: true });
  await generate(o.letters, 1, o.corpus);
  const dwc = await runEtl(o.corpus, dbPath);
  log(
    `Loaded ${dwc.letters} SYNTHETIC workers' comp letters (${dwc.items} services) in ${dwc.seconds} s.`,
  );
  const dmhc = await runEtl(dmhcDir(root), dbPath);
  log(`Loaded ${dmhc.letters} real health-plan (DMHC) cases in ${dmhc.seconds} s.`);
  return { dwc, dmhc };
}

/**
 * Upgrades the default database when an earlier release built it, reading the shipped DMHC file
 * again (its cases have no text to parse again); true if it did.
 */
export async function upgradeDefaultDb(root: string, dbPath: string, log: (line: string) => void) {
  if ((await schemaOf(dbPath)).kind !== 'older') return false;
  log(`${dbPath} was built by an earlier release of IMR Outcomes: upgrading it...`);
  const s = await runEtl(dmhcDir(root), dbPath, { quiet: true });
  log(`Upgraded it from schema ${s.upgraded} in ${s.seconds} s.`);
  return true;
}
