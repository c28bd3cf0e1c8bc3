import { DERIVED_VERSION } from '../../warehouse/build-derived.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';

/** The database's codes for code dimensions and its list sets (warehouse/derived.ts), read once per file. */
export interface Lookup {
  codes: Record<string, Record<string, number>>;
  names: Record<string, Record<number, string>>;
  sets: Map<number, { kind: string; labels: string[] }>;
}

export const lookup = (db: Database): Promise<Lookup> =>
  db.once('lookup', async () => {
    const l: Lookup = { codes: {}, names: {}, sets: new Map() };
    // The server reads the tables this version's derived statements build, and no others.
    const [built] = await db.query('SELECT version FROM derived_version').catch((e: unknown) => {
      if (e instanceof HttpError) throw e;
      return [];
    });
    if (built?.version !== DERIVED_VERSION) {
      throw new HttpError(
        503,
        'The database was built by another version of IMR Outcomes: run "npm run etl -- --db FILE --upgrade" once to bring it up to date.',
      );
    }
    const codes = await db.query('SELECT kind, value, code FROM codes');
    for (const { kind, value, code } of codes) {
      (l.codes[String(kind)] ??= {})[String(value)] = Number(code);
      (l.names[String(kind)] ??= {})[Number(code)] = String(value);
    }
    for (const r of await db.query('SELECT id, kind, labels FROM sets'))
      l.sets.set(Number(r.id), { kind: String(r.kind), labels: r.labels as string[] });
    return l;
  });
