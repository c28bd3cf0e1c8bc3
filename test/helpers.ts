import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Letter } from '../etl/letters/types.ts';

export const ROOT = join(import.meta.dirname, '..');
export const SHARED = process.env.IMR_SHARED ?? join(ROOT, '..', 'shared');
export const CI = process.env.CI === 'true';

// Temporary folders, removed once the test file that made them is done (its own afterAll
// hooks, which stop servers, run first).
const made: string[] = [];
export const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-test-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const long = (s: string) => ({ length: s.length, sha256: hash(s) });

/**
 * The facts a golden file pins for a letter: every field, with long texts (the letter, the
 * guideline paragraphs, rationales, diagnoses) as lengths and hashes, so no passage of a
 * real letter is copied into the project.
 */
export function facts(l: Letter) {
  const { full_text, items, diagnoses, ...rest } = l;
  return {
    ...rest,
    full_text: long(full_text),
    diagnoses: { count: diagnoses.length, sha256: hash(diagnoses.join('|')) },
    items: items.map(
      ({ claims_administrator_guideline: ca, maximus_guideline: mg, rationale, ...i }) => {
        // What a service's rationale is read to say (its reasons) and the claims administrator's
        // guidelines are checked against the hand labels (test/reasons-labels.test.ts), by
        // people who read the letters, rather than pinned here as the rules read them.
        const {
          reason: _r,
          reason_spans: _s,
          ca_guideline_sources: _c,
          guideline_agreement: _a,
          ...pinned
        } = i;
        return {
          ...pinned,
          claims_administrator_guideline: long(ca),
          maximus_guideline: long(mg),
          rationale: long(rationale),
        };
      },
    ),
  };
}

/** Set by `npm run golden:update`, the one command that writes golden files (never in CI). */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1' && !CI;

/**
 * Golden-file check: a mismatch writes NAME.changed.json beside the expected file and fails.
 * A missing expected file fails too, with the command that writes it; only that command
 * (`npm run golden:update`) writes or rewrites goldens, and its diff is reviewed like code.
 */
export function matchGolden(actual: unknown, expectedPath: string): void {
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (!existsSync(expectedPath)) {
    if (!UPDATE_GOLDEN)
      throw new Error(
        `missing golden file ${expectedPath}: ` +
          (CI
            ? 'in CI every golden file must be committed'
            : 'run `npm run golden:update` to write it, then review it before committing'),
      );
    writeFileSync(expectedPath, text);
    console.warn(`wrote new golden file ${expectedPath}: review it before committing`);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  const changed = expectedPath.replace(/\.json$/, '.changed.json');
  // Compared as data: Prettier may lay the committed file out differently.
  if (isDeepStrictEqual(JSON.parse(expected), JSON.parse(text))) {
    rmSync(changed, { force: true }); // left by an earlier mismatch, now settled
    return;
  }
  if (UPDATE_GOLDEN) {
    writeFileSync(expectedPath, text);
    console.warn(`updated golden file ${expectedPath}: review its diff before committing`);
    return;
  }
  writeFileSync(changed, text);
  expect(JSON.parse(text)).toEqual(JSON.parse(expected));
}

/** Rows of one query on a database file, opened read-only, as JSON-safe objects. */
export async function rows(db: string, sql: string) {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Opens the database and checks it: every table readable, no item without its letter. */
export async function check(db: string) {
  const [counts] = await rows(
    db,
    `SELECT (SELECT count(*) FROM letters)::INTEGER AS letters,
    (SELECT count(*) FROM items)::INTEGER AS items, (SELECT count(*) FROM quarantine)::INTEGER AS quarantine,
    (SELECT count(*) FROM facts)::INTEGER AS facts,
    (SELECT count(*) FROM items WHERE letter_id NOT IN (SELECT letter_id FROM letters))::INTEGER AS orphans`,
  );
  return counts as Record<'letters' | 'items' | 'quarantine' | 'facts' | 'orphans', number>;
}
