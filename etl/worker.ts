import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { MAX_BYTES, readLetterText, tooLarge } from './read.ts';
import { parseLetter } from './parse.ts';
import { ParseError, type Letter } from './types.ts';
import { ageBand } from './dmhc/age.ts';
import { treatmentType } from './rules/treatment-types.ts';

export interface Job {
  /** Files to read; `retry` re-reads one quarantined by another parser version even if unchanged. */
  files?: { path: string; source_file: string; known?: string; retry?: boolean }[];
  /** Letters to parse again from the text the database holds, without reading their files. */
  texts?: { source_file: string; source_sha256: string; full_text: string }[];
  /** The parser version the rows record (PARSER_VERSION unless a test injects another). */
  version: string;
  /** Return the source files read, so a run does not also re-parse them from stored text. */
  listTouched?: boolean;
}
export interface Done {
  letters: string;
  items: string;
  quarantine: string;
  new: number;
  changed: number;
  unchanged: number;
  loaded: number;
  itemCount: number;
  quarantined: number;
  reparsed: number;
  retried: number;
  touched: string[];
}

/** A letter as one NDJSON line for the letters table, and its items as lines for items. */
function rows(
  l: Letter,
  source_file: string,
  source_sha256: string,
  parser_version: string,
): [string, string] {
  const { items, ...letter } = l;
  // The fields both programs share: a letter is workers' comp's, with its age in DMHC's bands.
  const shared = { program: 'DWC', age_band: ageBand(l.patient_age) };
  const line = JSON.stringify({
    ...letter,
    ...shared,
    item_count: items.length,
    source_file,
    source_sha256,
    parser_version,
  });
  const type = (i: Letter['items'][number]) => treatmentType('DWC', i.category, i.subcategory);
  return [
    line + '\n',
    items
      .map(
        (i) =>
          JSON.stringify({ letter_id: l.letter_id, ...i, treatment_type: type(i), source_file }) +
          '\n',
      )
      .join(''),
  ];
}

function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Reads, hashes and parses a batch of files, or parses stored texts again: the part of the ETL that runs on every core. */
export async function work(job: Job): Promise<Done> {
  const d: Done = {
    letters: '',
    items: '',
    quarantine: '',
    new: 0,
    changed: 0,
    unchanged: 0,
    loaded: 0,
    itemCount: 0,
    quarantined: 0,
    reparsed: 0,
    retried: 0,
    touched: [],
  };
  for (const f of job.files ?? []) {
    // Synchronous reads: this thread does nothing else, and fs/promises' readFile costs ~0.7 ms a file.
    const size = statSync(f.path).size;
    // A file too large to be a letter is hashed a piece at a time and never held whole.
    const data = size > MAX_BYTES ? null : new Uint8Array(readFileSync(f.path));
    const sha = data ? createHash('sha256').update(data).digest('hex') : hashFile(f.path);
    if (f.known === sha && !f.retry) {
      d.unchanged++;
      continue;
    }
    if (f.known === sha) d.retried++;
    else if (f.known) d.changed++;
    else d.new++;
    if (job.listTouched) d.touched.push(f.source_file);
    await load(d, job.version, f.source_file, sha, async () => {
      if (!data) throw tooLarge(size);
      return readLetterText(data);
    });
  }
  for (const t of job.texts ?? []) {
    d.reparsed++;
    await load(d, job.version, t.source_file, t.source_sha256, async () => t.full_text);
  }
  return d;
}

async function load(
  d: Done,
  version: string,
  source_file: string,
  sha: string,
  text: () => Promise<string>,
): Promise<void> {
  try {
    const l = parseLetter(await text());
    const [letter, items] = rows(l, source_file, sha, version);
    d.letters += letter;
    d.items += items;
    d.loaded++;
    d.itemCount += l.items.length;
  } catch (e) {
    // Anything the parser or the PDF reader throws quarantines the file; the batch goes on.
    const reason =
      e instanceof ParseError
        ? e.message
        : `could not be read: ${(e as Error).message ?? String(e)}`.slice(0, 500);
    d.quarantine +=
      JSON.stringify({ source_file, source_sha256: sha, reason, parser_version: version }) + '\n';
    d.quarantined++;
  }
}

parentPort?.on('message', async (job: Job) => parentPort!.postMessage(await work(job)));
