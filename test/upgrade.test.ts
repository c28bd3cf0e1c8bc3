// A database built by each earlier release upgrades in one run to what a fresh build of the
// same letters gives. test/fixtures/releases/RELEASE.duckdb.gz were built by those releases
// (their own generator's letters, an empty PDF, a duplicate file and, from the first release
// that read them, the shipped DMHC cases); the fresh build reads the letters' texts as the
// fixture holds them, written back to their paths.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIMENSION_NAMES, dimension } from '../model/dimensions.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { schemaOf, SCHEMA_VERSION } from '../warehouse/schema.ts';
import { createApp } from '../server/http/app.ts';
import { Database } from '../server/db/database.ts';
import { upgradeDefaultDb } from '../server/start/default-db.ts';
import { listen } from '../server/start/listen.ts';
import { ROOT, rows, tempDir } from './helpers.ts';

const RELEASES = join(import.meta.dirname, 'fixtures', 'releases');
const FIXTURES = readdirSync(RELEASES).filter((f) => f.endsWith('.duckdb.gz'));

/** The fixture, unpacked into a folder of its own. */
function unpack(fixture: string): string {
  const db = join(tempDir(), 'imr.duckdb');
  writeFileSync(db, gunzipSync(readFileSync(join(RELEASES, fixture))));
  return db;
}

/** The files the fixture was built from, as far as it holds them, written to a new folder. */
async function inputsOf(db: string): Promise<string> {
  const dir = tempDir();
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  const texts = await rows(db, 'SELECT letter_id, source_file, full_text FROM letters');
  const byId = new Map(texts.map((r) => [r.letter_id, String(r.full_text)]));
  for (const r of texts) if (r.full_text !== null) put(String(r.source_file), String(r.full_text));
  for (const r of await rows(db, 'SELECT source_file, letter_id FROM duplicates'))
    put(String(r.source_file), byId.get(r.letter_id) ?? '');
  for (const r of await rows(db, `SELECT source_file FROM quarantine WHERE reason = 'empty file'`))
    put(String(r.source_file), '');
  const dmhc = await rows(db, `SELECT DISTINCT source_file FROM letters WHERE full_text IS NULL`);
  for (const r of dmhc)
    copyFileSync(
      join(ROOT, 'data', 'dmhc', String(r.source_file)),
      join(dir, String(r.source_file)),
    );
  return dir;
}

// What an upgrade must keep equal to a fresh build: the letters, every service as parsed (less
// the hash of a file the fresh build reads as text, and the PDF engine, which the first release
// did not record), and each dimension's counts.
const LETTERS = `SELECT * EXCLUDE (source_sha256, pdf_engine) FROM letters`;
const ITEMS = `SELECT * FROM items`;
const counts = (name: (typeof DIMENSION_NAMES)[number]) => {
  const d = dimension(name);
  const key = d.storage === 'set' ? `(SELECT labels FROM sets WHERE id = ${name}_set)` : d.column;
  return `SELECT ${key}::VARCHAR AS key, count(*)::INTEGER AS n FROM facts GROUP BY ALL ORDER BY ALL`;
};

describe.each(FIXTURES)('a database built by release %s', (fixture) => {
  it('upgrades in one run to a fresh build of the same letters', async () => {
    const old = unpack(fixture);
    expect(await schemaOf(old)).toMatchObject({ kind: 'older' });
    const input = await inputsOf(old);
    // As a user would after an update: the same folder again (a DMHC case, which has no text,
    // is read again from its file).
    const s = await runEtl(input, old, { quiet: true });
    expect(s.upgraded).toBeLessThan(SCHEMA_VERSION);
    expect(await schemaOf(old)).toEqual({ kind: 'current' });
    expect(readdirSync(dirname(old))).toEqual(['imr.duckdb']);
    const fresh = join(tempDir(), 'fresh.duckdb');
    await runEtl(input, fresh, { quiet: true });
    const [a, b] = [
      await rows(old, 'SELECT count(*)::INTEGER AS n FROM items'),
      await rows(fresh, 'SELECT count(*)::INTEGER AS n FROM items'),
    ];
    expect(a[0].n).toBeGreaterThan(400);
    expect(a).toEqual(b);
    for (const q of [LETTERS, ITEMS]) {
      const sorted = `${q} ORDER BY ALL`;
      expect(await rows(old, sorted)).toEqual(await rows(fresh, sorted));
    }
    const kept = DIMENSION_NAMES.filter((n) =>
      ['code', 'set', 'text'].includes(dimension(n).storage),
    );
    for (const name of kept)
      expect(await rows(old, counts(name)), name).toEqual(await rows(fresh, counts(name)));
    for (const t of ['quarantine', 'duplicates'])
      expect(await rows(old, `SELECT source_file FROM ${t} ORDER BY ALL`)).toEqual(
        await rows(fresh, `SELECT source_file FROM ${t} ORDER BY ALL`),
      );
  }, 120_000);
});

describe('the server, on a database of an earlier release', () => {
  it('answers every request 503 with the command that upgrades it', async () => {
    const old = unpack(FIXTURES[0]);
    const db = new Database(old);
    const server = listen(createApp(db), 0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/api/summary', '/api/rates?by=category', '/api/items', '/api/facets']) {
        const res = await fetch(url + path);
        expect(res.status, path).toBe(503);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const body = await res.json();
        expect(body.detail).toContain(`npm run etl -- --db ${JSON.stringify(old)} --upgrade`);
        expect(JSON.stringify(body)).not.toMatch(/Binder|Catalog|SELECT/);
      }
    } finally {
      await new Promise((ok) => server.close(ok));
      db.close();
    }
  });

  it('npm start upgrades its default database of an earlier release before serving', async () => {
    const old = unpack(FIXTURES[0]);
    const said: string[] = [];
    expect(await upgradeDefaultDb(ROOT, old, (l) => said.push(l))).toBe(true);
    expect(await schemaOf(old)).toEqual({ kind: 'current' });
    expect(said.join('\n')).toMatch(/upgrading it[^]*Upgraded it from schema 1/);
    expect(await upgradeDefaultDb(ROOT, old, () => {})).toBe(false);
  }, 60_000);
});
