import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { MAX_BYTES, readLetter, tooLarge } from './read.ts';
import { parseLetter } from './parse.ts';
import { ParseError, type Letter, type PdfEngine } from './types.ts';
import { emptyDone, hashFile, quarantine, type Done, type FileJob, type Job } from './done.ts';
import { lap, takePhases } from './phases.ts';
import { testFault } from './faults.ts';

export type { Done, Job } from './done.ts';

/** A letter as one NDJSON line for the letters table, and its items as lines for items. */
function rows(
  l: Letter,
  source_file: string,
  source_sha256: string,
  pdf_engine: PdfEngine | null,
): [string, string] {
  const { items, ...letter } = l;
  const line = JSON.stringify({
    ...letter,
    item_count: items.length,
    source_file,
    source_sha256,
    pdf_engine,
  });
  return [
    line + '\n',
    items.map((i) => JSON.stringify({ letter_id: l.letter_id, ...i, source_file }) + '\n').join(''),
  ];
}

// Files this worker has started, shared with the pool: it tells which file a crash or a hang
// was on without a message per file.
const started = workerData?.progress ? new Int32Array(workerData.progress) : new Int32Array(1);

/** Reads, hashes and parses a batch of files: the part of the ETL that runs on every core. */
export async function work(job: Job): Promise<Done> {
  const d = emptyDone();
  for (const f of job.files) {
    Atomics.add(started, 0, 1);
    await one(f, d);
  }
  d.phases = takePhases();
  return d;
}

async function one(f: FileJob, d: Done): Promise<void> {
  let t = performance.now();
  // Synchronous reads: this thread does nothing else, and fs/promises' readFile costs ~0.7 ms a file.
  const size = statSync(f.path).size;
  // A file too large to be a letter is hashed a piece at a time and never held whole.
  const data = size > MAX_BYTES ? null : new Uint8Array(readFileSync(f.path));
  t = lap('read file', t);
  const sha = data ? createHash('sha256').update(data).digest('hex') : hashFile(f.path);
  t = lap('hash', t);
  if (f.known === sha) {
    d.unchanged++;
    return;
  }
  if (f.known) d.changed++;
  else d.new++;
  try {
    if (!data) throw tooLarge(size);
    testFault(data);
    const { text, engine } = await readLetter(data);
    t = lap('read text', t);
    const l = parseLetter(text);
    t = lap('parse', t);
    const [letter, items] = rows(l, f.source_file, sha, engine);
    d.letters += letter;
    d.items += items;
    d.loaded++;
    d.itemCount += l.items.length;
    lap('serialise', t);
  } catch (e) {
    // Anything the parser or the PDF reader throws quarantines the file; the batch goes on.
    const reason =
      e instanceof ParseError
        ? e.message
        : `could not be read: ${(e as Error).message ?? String(e)}`.slice(0, 500);
    quarantine(d, f, sha, reason);
  }
}

parentPort?.on('message', async (job: Job) => parentPort!.postMessage(await work(job)));
