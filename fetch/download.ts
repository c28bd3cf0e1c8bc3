import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Client } from './client.ts';
import type { Event } from './journal.ts';

type PdfEvent = Extract<Event, { t: 'pdf' }>;

/** Why these bytes are not a whole PDF, or null when they are. */
export function pdfProblem(bytes: Buffer, type = ''): string | null {
  if (bytes.length === 0) return 'empty answer';
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    const start = bytes.subarray(0, 40).toString('latin1').replace(/\s+/g, ' ').trim();
    return `not a PDF (${type || 'no content type'}, starts with ${JSON.stringify(start)})`;
  }
  if (!bytes.subarray(-1024).toString('latin1').includes('%%EOF'))
    return `truncated PDF (no %%EOF at the end of ${bytes.length} bytes)`;
  return null;
}

export const letterPath = (dir: string, caseNumber: string) =>
  join(dir, 'letters', `${caseNumber}.pdf`);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function event(caseNumber: string, url: string, bytes: Buffer | null, error: string): PdfEvent {
  const ok = bytes !== null && error === '';
  return {
    t: 'pdf',
    case_number: caseNumber,
    url,
    ok,
    error,
    fetched_at: new Date().toISOString(),
    sha256: ok ? sha256(bytes) : '',
    bytes: ok ? bytes.length : 0,
  };
}

/**
 * Gets a case's letter into DIR/letters/CASE.pdf: a whole PDF already there is kept (a run
 * killed between the rename and the journal line does not fetch it again); otherwise it is
 * written under a temporary name (not *.pdf, so the ETL never reads it), checked, synced and
 * renamed. A refused, failed or non-PDF answer comes back as an event with its reason.
 */
export async function download(
  client: Client,
  dir: string,
  caseNumber: string,
  url: string,
): Promise<PdfEvent> {
  const dest = letterPath(dir, caseNumber);
  if (existsSync(dest)) {
    const have = readFileSync(dest);
    if (pdfProblem(have) === null) return event(caseNumber, url, have, '');
  }
  if (!url) return event(caseNumber, url, null, 'no letter link on the result page');
  try {
    client.checkHost(url);
  } catch (e) {
    return event(caseNumber, url, null, (e as Error).message);
  }
  const reply = await client.get(url);
  if (reply.status !== 200) return event(caseNumber, url, null, `HTTP ${reply.status}`);
  const problem = pdfProblem(reply.body, reply.type);
  if (problem) return event(caseNumber, url, null, problem);
  const tmp = `${dest}.part`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, reply.body);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, dest);
  return event(caseNumber, url, reply.body, '');
}
