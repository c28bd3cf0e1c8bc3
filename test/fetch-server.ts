import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { NO_RESULTS_PAGE, resultPage, serviceRows, type FixtureCase } from './fetch-fixture.ts';

export type FaultKind = '500' | '503' | 'timeout' | 'wrong-shape';
export interface Fault {
  on: 'search' | 'letter';
  kind: FaultKind;
}

export interface Served {
  method: string;
  path: string;
  host: string;
  userAgent: string;
  form: Record<string, string> | null;
  at: number;
}

export interface Site {
  url: string;
  requests: Served[];
  /** One-shot faults, each used by the first request it matches. */
  faults: Fault[];
  close: () => Promise<void>;
}

const SEARCH = '/dwc/imr/IMRDecisionSearch.asp';
const PER_PAGE = 25;
const iso = (us: string) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(us);
  return m ? `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : null;
};

/** The services a treatment search finds, as rows of the result table, in the site's order. */
function search(cases: FixtureCase[], f: URLSearchParams): string[] {
  const from = iso(f.get('DecStart') ?? '') ?? '0000';
  const to = iso(f.get('DecEnd') ?? '') ?? '9999';
  const [cat, sub1, sub2] = (f.get('SubCategoryV') ?? '').split('*').map((s) => s.trim());
  const sub = sub1 || sub2;
  const outcome = f.get('OutcomeV');
  const specialty = f.get('SpecialtyV');
  return cases
    .filter((c) => c.decision_date >= from && c.decision_date <= to)
    .filter((c) => !specialty || c.specialty === specialty)
    .map((c) => ({
      ...c,
      services: c.services.filter(
        (s) =>
          (!cat || s.category === cat) &&
          (!sub || s.subcategory === sub) &&
          (!outcome || s.decision === outcome),
      ),
    }))
    .filter((c) => c.services.length > 0)
    .flatMap(serviceRows);
}

const body = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function answerSearch(res: ServerResponse, cases: FixtureCase[], form: URLSearchParams) {
  if (form.get('Fname') !== 'Tx') return res.writeHead(400).end('treatment search only');
  const rows = search(cases, form);
  const page = form.get('Submit') === 'Next' ? Number(form.get('newpageno')) : 1;
  res.writeHead(200, { 'content-type': 'text/html' });
  if (rows.length === 0) return res.end(NO_RESULTS_PAGE);
  const slice = rows.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  res.end(resultPage(slice, rows.length, page * PER_PAGE < rows.length, form));
}

function answerLetter(res: ServerResponse, cases: FixtureCase[], letters: string, path: string) {
  const c = cases.find((x) => path === `/dwc/imr/letters/${x.case_number}.pdf`);
  if (!c) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  if (c.letter === 'html')
    return res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!DOCTYPE html><html><body>The document is not available.</body></html>');
  const pdf = readFileSync(join(letters, `${c.case_number}.pdf`));
  res.writeHead(200, { 'content-type': 'application/pdf' });
  res.end(c.letter === 'truncated' ? pdf.subarray(0, pdf.length >> 1) : pdf);
}

function fault(res: ServerResponse, kind: FaultKind) {
  if (kind === 'timeout') return; // never answers; the client gives up
  if (kind === '500') return res.writeHead(500).end('Internal Server Error');
  if (kind === '503') return res.writeHead(503, { 'retry-after': '1' }).end('Busy');
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(
    '<html><body><table class="results"><tr><td>Site redesigned</td></tr></table></body></html>',
  );
}

/**
 * The state's IMR decision search as the reference describes it, on 127.0.0.1: treatment
 * searches by POST, 25 rows a page, and the real PDFs in `letters` as the cases' letters.
 */
export async function startSite(cases: FixtureCase[], letters: string): Promise<Site> {
  const requests: Served[] = [];
  const faults: Fault[] = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const text = await body(req);
    const form = req.method === 'POST' ? new URLSearchParams(text) : null;
    requests.push({
      method: req.method ?? '',
      path,
      host: req.headers.host ?? '',
      userAgent: req.headers['user-agent'] ?? '',
      form: form ? Object.fromEntries(form) : null,
      at: Date.now(),
    });
    const on = path === SEARCH ? 'search' : 'letter';
    const i = faults.findIndex((f) => f.on === on);
    if (i >= 0) return fault(res, faults.splice(i, 1)[0].kind);
    if (path === SEARCH && form) return answerSearch(res, cases, form);
    answerLetter(res, cases, letters, path);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
