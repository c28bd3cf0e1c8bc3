import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { MAX_BYTES, readLetter, tooLarge } from '../letters/read.ts';
import { parseLetter } from '../letters/parse.ts';
import { ParseError, type Letter, type PdfEngine } from '../letters/types.ts';
import { emptyDone, hashFile, quarantine, type Done, type FileJob, type Job } from './batch.ts';
import { ageBand } from '../letters/fields/age.ts';
import { caseLines, quarantineCase, readRow, type CaseBatch } from '../dmhc/rows.ts';
import { treatmentType } from '../letters/classify/rules/treatment-types.ts';
import { reviewSpeed, spanFlags } from '../letters/fields/timeliness.ts';
import { lap, takePhases } from './phases.ts';
import { testFault, testFaultText } from './faults.ts';

export type { Done, Job } from './batch.ts';

/** A letter as one NDJSON line for the letters table, and its items as lines for items. */
function rows(
  l: Letter,
  source_file: string,
  source_sha256: string,
  parser_version: string,
  pdf_engine: PdfEngine | null,
): [string, string] {
  const { items, ...letter } = l;
  // The fields both programs share: a letter is workers' comp's, with its age in DMHC's bands
  // and its Priority as its review speed. A span of its dates that the measures leave out
  // (negative, or more than two years) is flagged.
  const shared = {
    program: 'DWC',
    age_band: ageBand(l.patient_age),
    review_speed: reviewSpeed(l.priority) ?? null,
    flags: [...l.flags, ...spanFlags('DWC', l as unknown as Record<string, unknown>)],
  };
  const line = JSON.stringify({
    ...letter,
    ...shared,
    item_count: items.length,
    source_file,
    source_sha256,
    parser_version,
    pdf_engine,
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

// Files this worker has started, shared with the pool: it tells which file a crash or a hang
// was on without a message per file.
const started = workerData?.progress ? new Int32Array(workerData.progress) : new Int32Array(1);

/** Reads, hashes and parses a batch of files, or parses stored texts again: the part of the ETL that runs on every core. */
export async function work(job: Job): Promise<Done> {
  const d = emptyDone();
  for (const f of job.files ?? []) {
    Atomics.add(started, 0, 1);
    await oneFile(f, job, d);
  }
  for (const t of job.texts ?? []) {
    Atomics.add(started, 0, 1);
    d.reparsed++;
    const read = async () => ({ text: t.full_text, engine: t.pdf_engine as PdfEngine | null });
    await load(d, job.version, t.source_file, t.source_sha256, read);
  }
  if (job.cases) readCases(job.cases, d);
  if (job.stage) stageRows(job.stage, d);
  d.phases = takePhases();
  return d;
}

/** Appends d's rows to this thread's NDJSON files in stage (the merge reads every `*-*.ndjson`). */
function stageRows(stage: string, d: Done): void {
  for (const t of ['letters', 'items', 'quarantine'] as const) {
    if (d[t]) appendFileSync(join(stage, `${t}-w${threadId}.ndjson`), d[t]);
    d[t] = '';
  }
}

/** A DMHC CSV's rows as cases, by the findings rules; a row that is not a case is quarantined. */
function readCases({ file, at, rows }: CaseBatch, d: Done): void {
  for (const r of rows) {
    Atomics.add(started, 0, 1);
    if (at.findings >= 0) testFaultText(r.fields[at.findings] ?? '');
    const c = readRow(r, at);
    if (typeof c === 'string') {
      quarantineCase(d, file, c);
      continue;
    }
    const { letter, item } = caseLines(c, file);
    d.letters += letter;
    d.items += item;
    d.loaded++;
    d.itemCount++;
  }
}

async function oneFile(f: FileJob, job: Job, d: Done): Promise<void> {
  let t = performance.now();
  // Synchronous reads: this thread does nothing else, and fs/promises' readFile costs ~0.7 ms a file.
  const size = statSync(f.path).size;
  // A file too large to be a letter is hashed a piece at a time and never held whole.
  const data = size > MAX_BYTES ? null : new Uint8Array(readFileSync(f.path));
  t = lap('read file', t);
  const sha = data ? createHash('sha256').update(data).digest('hex') : hashFile(f.path);
  lap('hash', t);
  if (f.known === sha && !f.retry) {
    d.unchanged++;
    return;
  }
  if (f.known === sha) d.retried++;
  else if (f.known) d.changed++;
  else d.new++;
  if (job.listTouched) d.touched.push(f.source_file);
  await load(d, job.version, f.source_file, sha, async () => {
    if (!data) throw tooLarge(size);
    testFault(data);
    return readLetter(data);
  });
}

async function load(
  d: Done,
  version: string,
  source_file: string,
  sha: string,
  read: () => Promise<{ text: string; engine: PdfEngine | null }>,
): Promise<void> {
  let t = performance.now();
  try {
    const { text, engine } = await read();
    t = lap('read text', t);
    const l = parseLetter(text);
    t = lap('parse', t);
    const [letter, items] = rows(l, source_file, sha, version, engine);
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
    quarantine(d, source_file, sha, reason, version);
  }
}

parentPort?.on('message', async (job: Job) => parentPort!.postMessage(await work(job)));
