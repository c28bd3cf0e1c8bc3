import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { letterFiles } from './files.ts';
import { readLetterText } from './read.ts';
import { parseLetter } from './parse.ts';
import { applySchema, buildDerived, writeBatch, type Loaded, type Quarantined } from './load.ts';
import { ParseError } from './types.ts';

export interface Summary {
  files: number; new: number; changed: number; unchanged: number;
  letters: number; items: number; quarantined: number; seconds: number;
}

const BATCH = 2000;

/**
 * Loads every letter under input into the database at dbPath. The run builds a copy and
 * renames it over the old file only when complete, so a reader never sees a half-loaded
 * database and a killed run leaves the old one as it was.
 */
export async function runEtl(input: string, dbPath: string, log = (_: string) => {}): Promise<Summary> {
  const t0 = performance.now();
  mkdirSync(dirname(dbPath), { recursive: true });
  const building = `${dbPath}.building`;
  rmSync(building, { force: true });
  rmSync(`${building}.wal`, { force: true });
  if (existsSync(dbPath)) copyFileSync(dbPath, building);
  const instance = await DuckDBInstance.create(building);
  const db = await instance.connect();
  const s: Summary = { files: 0, new: 0, changed: 0, unchanged: 0, letters: 0, items: 0, quarantined: 0, seconds: 0 };
  try {
    await applySchema(db);
    const known = new Map((await db.runAndReadAll(
      'SELECT source_file, source_sha256 FROM letters UNION ALL SELECT source_file, source_sha256 FROM quarantine',
    )).getRows().map(([f, h]) => [String(f), String(h)]));
    const files = letterFiles(input);
    let loaded: Loaded[] = [];
    let bad: Quarantined[] = [];
    for (const path of files) {
      s.files++;
      const source_file = relative(input, path);
      const data = new Uint8Array(readFileSync(path));
      const source_sha256 = createHash('sha256').update(data).digest('hex');
      const before = known.get(source_file);
      if (before === source_sha256) { s.unchanged++; continue; }
      if (before) s.changed++; else s.new++;
      try {
        const letter = parseLetter(await readLetterText(data));
        loaded.push({ letter, source_file, source_sha256, synthetic: letter.synthetic });
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        bad.push({ source_file, source_sha256, reason: e.message });
      }
      if (loaded.length + bad.length >= BATCH) {
        await flush(db, loaded, bad, s);
        log(`${s.files}/${files.length} files`);
        [loaded, bad] = [[], []];
      }
    }
    await flush(db, loaded, bad, s);
    await db.run('INSERT INTO runs SELECT now(), $input, (SELECT bool_and(synthetic) FROM letters), $files, $letters, $items, $quarantined',
      { input, files: s.files, letters: s.letters, items: s.items, quarantined: s.quarantined });
    await buildDerived(db);
    await db.run('CHECKPOINT');
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  renameSync(building, dbPath);
  s.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return s;
}

async function flush(db: Parameters<typeof writeBatch>[0], loaded: Loaded[], bad: Quarantined[], s: Summary) {
  // Two files may hold the same letter (a re-download): the later one wins.
  const byId = new Map(loaded.map((l) => [l.letter.letter_id, l]));
  const unique = [...byId.values()];
  await writeBatch(db, unique, bad);
  s.letters += unique.length;
  s.items += unique.reduce((n, l) => n + l.letter.items.length, 0);
  s.quarantined += bad.length;
}
