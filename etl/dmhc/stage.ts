import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ParseError } from '../types.ts';
import type { DmhcCase } from './case.ts';
import { readDmhcCsv } from './csv.ts';

/** What staging one CSV did, in the ETL summary's terms. */
export interface Staged {
  loaded: number;
  quarantined: number;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/** NDJSON files of one CSV in the stage folder, beside the workers' (the merge reads them all). */
class Out {
  private streams: Record<'letters' | 'items' | 'quarantine', WriteStream>;
  constructor(stage: string, n: number) {
    const open = (t: string) => createWriteStream(join(stage, `${t}-dmhc${n}.ndjson`));
    this.streams = {
      letters: open('letters'),
      items: open('items'),
      quarantine: open('quarantine'),
    };
  }
  write(t: keyof Out['streams'], line: string): boolean {
    return this.streams[t].write(line);
  }
  async drained(): Promise<void> {
    for (const s of Object.values(this.streams)) if (s.writableNeedDrain) await once(s, 'drain');
  }
  close(): Promise<unknown> {
    return Promise.all(Object.values(this.streams).map((s) => new Promise((ok) => s.end(ok))));
  }
}

let files = 0;

/**
 * Reads a DMHC IMR CSV into the stage folder as rows for letters, items and quarantine, in the
 * shape the merge (etl/load.ts) reads. A bad row is quarantined under the file with its
 * reference id and reason; a file that is not a DMHC IMR file is quarantined whole.
 */
export async function stageDmhc(
  path: string,
  file: { source_file: string; source_sha256: string },
  stage: string,
): Promise<Staged> {
  const out = new Out(stage, files++);
  const s: Staged = { loaded: 0, quarantined: 0 };
  const quarantine = (reason: string) => {
    s.quarantined++;
    return out.write('quarantine', JSON.stringify({ ...file, reason }) + '\n');
  };
  try {
    await readDmhcCsv(path, {
      case: (c: DmhcCase) => {
        const { items, ...letter } = c;
        s.loaded++;
        const a = out.write(
          'letters',
          JSON.stringify({ ...letter, item_count: 1, ...file }) + '\n',
        );
        const line = { letter_id: c.letter_id, ...items[0], source_file: file.source_file };
        return out.write('items', JSON.stringify(line) + '\n') && a;
      },
      bad: (_id, reason) => quarantine(reason),
      drained: () => out.drained(),
    });
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    quarantine(e.message);
  } finally {
    await out.close();
  }
  return s;
}

/** A CSV under the ETL's input: skipped when its SHA-256 is the one loaded before, staged otherwise. */
export async function stageCsv(
  path: string,
  source_file: string,
  known: string | undefined,
  stage: string,
): Promise<Staged & { status: 'new' | 'changed' | 'unchanged' }> {
  const source_sha256 = await sha256File(path);
  if (known === source_sha256) return { status: 'unchanged', loaded: 0, quarantined: 0 };
  const s = await stageDmhc(path, { source_file, source_sha256 }, stage);
  return { status: known ? 'changed' : 'new', ...s };
}

/** Files the ETL reads as DMHC IMR CSVs rather than as letters. */
export const isCsv = (path: string) => /\.csv(\.gz)?$/i.test(path);
