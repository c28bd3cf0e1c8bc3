import type { StateService } from '../model/manifest.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from './client.ts';
import { download } from './download.ts';
import { searchBody, searchKey, searches, type Search } from './form.ts';
import { Journal, type Event } from './journal.ts';
import { manifestRows, services as allServices, writeManifest } from './manifest.ts';
import { parsePage } from './pages.ts';
import { progress, type Counts } from './progress.ts';
import { days, halves } from './ranges.ts';
import { toServices } from './services.ts';
import { PageShapeError, StopError, type Filters, type Range } from './types.ts';

export const SEARCH_PATH = '/dwc/imr/IMRDecisionSearch.asp';
export const ROWS_PER_PAGE = 25;

export interface FetchOptions {
  out: string;
  range: Range;
  filters: Filters;
  metadataOnly: boolean;
  delayMs: number;
  maxRequests: number | null;
  baseUrl: string;
  /** A range of more pages than this is searched in two halves (one day is followed anyway). */
  maxPages: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Messages for a person: retries, warnings, progress. */
  log: (line: string) => void;
  quiet: boolean;
}

export interface Summary extends Counts {
  manifestRows: number;
  failedPdfs: number;
  markerMismatches: string[];
}

type PageEvent = Extract<Event, { t: 'page' }>;

/** A run: searches every range and page not in the journal yet, then every missing letter. */
export class Fetcher {
  readonly client: Client;
  readonly journal: Journal;
  readonly counts: Counts = {
    pages: 0,
    pagesTotal: 0,
    services: 0,
    servicesTotal: 0,
    pdfs: 0,
    pdfsTotal: 0,
    requests: 0,
  };
  readonly markerMismatches: string[] = [];
  readonly tick: (c: Counts, final?: boolean) => void;
  private lastManifest = Date.now();

  constructor(readonly o: FetchOptions) {
    for (const sub of ['letters', 'errors']) mkdirSync(join(o.out, sub), { recursive: true });
    this.client = new Client(o);
    this.journal = Journal.open(join(o.out, 'journal.jsonl'));
    const tick = o.quiet ? () => {} : progress();
    this.tick = (c, final) => tick({ ...c, requests: this.client.requests }, final);
  }

  private done(search: string, page: number): PageEvent | undefined {
    return this.journal.events.find(
      (e): e is PageEvent => e.t === 'page' && e.search === search && e.page === page,
    );
  }

  private isSplit(search: string): boolean {
    return this.journal.events.some((e) => e.t === 'split' && e.search === search);
  }

  async searchAll(s: Search): Promise<void> {
    const key = searchKey(s);
    if (this.isSplit(key)) {
      for (const range of halves(s.range)) await this.searchAll({ ...s, range });
      return;
    }
    let carry: StateService | null = null;
    for (let page = 1; ; page++) {
      const e: PageEvent | undefined =
        this.done(key, page) ?? (await this.fetchPage(s, page, carry));
      if (!e) {
        for (const range of halves(s.range)) await this.searchAll({ ...s, range });
        return;
      }
      if (page === 1) {
        this.counts.pagesTotal += Math.max(1, Math.ceil(e.total / ROWS_PER_PAGE));
        this.counts.servicesTotal += e.total;
      }
      this.counts.pages++;
      this.counts.services += e.services.length;
      carry = e.services.at(-1) ?? carry;
      this.tick(this.counts);
      if (!e.next) return;
      if (page >= Math.ceil(e.total / ROWS_PER_PAGE) + 1)
        throw new StopError(
          this.shape(
            `a next page after page ${page} of ${key}, whose total of ${e.total} fills ${Math.ceil(e.total / ROWS_PER_PAGE)}`,
            null,
            key,
            page,
          ),
          1,
        );
    }
  }

  /** The page's event, journaled; undefined when page 1 says to split the range instead. */
  private async fetchPage(s: Search, page: number, carry: StateService | null) {
    const key = searchKey(s);
    const where = `page ${page} of ${key}`;
    const reply = await this.client.post(
      new URL(SEARCH_PATH, this.o.baseUrl).href,
      searchBody(s, page),
    );
    const html = reply.body.toString('latin1');
    if (reply.status !== 200)
      throw new StopError(this.shape(`HTTP ${reply.status} for ${where}`, html, key, page), 1);
    try {
      const result = parsePage(html, where);
      const pages = result ? Math.ceil(result.total / ROWS_PER_PAGE) : 0;
      if (page === 1 && pages > this.o.maxPages && days(s.range) > 1) {
        this.o.log(`${key}: ${result!.total} services on ${pages} pages; searching it in halves`);
        this.journal.append({ t: 'split', search: key });
        return undefined;
      }
      const resolve = (href: string) => new URL(href, this.o.baseUrl).href;
      const rows = result ? toServices(result.rows, carry, resolve, where) : null;
      for (const c of rows?.markerMismatches ?? []) {
        this.markerMismatches.push(c);
        this.o.log(`warning: the + marker of ${c} disagrees with its rows on ${where}`);
      }
      const e: PageEvent = {
        t: 'page',
        search: key,
        page,
        total: result?.total ?? 0,
        next: result?.next ?? false,
        services: rows?.services ?? [],
      };
      this.journal.append(e);
      return e;
    } catch (err) {
      if (err instanceof PageShapeError)
        throw new StopError(this.shape(err.message, html, key, page), 1);
      throw err;
    }
  }

  /** The message of a page of unknown shape, after saving the page under errors/. */
  private shape(message: string, html: string | null, key: string, page: number): string {
    if (html === null) return message;
    const file = join(this.o.out, 'errors', `${key.replace(/[^\w.-]+/g, '_')}-page-${page}.html`);
    writeFileSync(file, html, 'latin1');
    return `${message} (page saved as ${file})`;
  }

  async letters(): Promise<void> {
    const cases = new Map<string, string>();
    for (const s of allServices(this.journal.events))
      if (!cases.has(s.case_number)) cases.set(s.case_number, s.letter_url);
    const fetched = new Set(
      manifestRows(this.journal.events)
        .filter((r) => r.pdf_status === 'fetched')
        .map((r) => r.case_number),
    );
    this.counts.pdfsTotal = cases.size;
    for (const [caseNumber, url] of cases) {
      if (!fetched.has(caseNumber)) {
        const e = await download(this.client, this.o.out, caseNumber, url);
        this.journal.append(e);
        if (!e.ok) this.o.log(`letter of ${caseNumber} not fetched: ${e.error}`);
      }
      this.counts.pdfs++;
      this.tick(this.counts);
      if (Date.now() - this.lastManifest > 60_000) this.checkpoint();
    }
  }

  checkpoint(): number {
    this.lastManifest = Date.now();
    return writeManifest(this.o.out, this.journal.events);
  }
}

/** Runs a fetch to the end, or to a StopError; the manifest is written either way. */
export async function runFetch(o: FetchOptions): Promise<Summary> {
  const f = new Fetcher(o);
  let rows: number;
  try {
    for (const s of searches(o.range, o.filters)) await f.searchAll(s);
    f.checkpoint();
    if (!o.metadataOnly) await f.letters();
  } finally {
    rows = f.checkpoint();
    f.journal.close();
    f.tick(f.counts, true);
  }
  const failed = manifestRows(f.journal.events).filter((r) => r.pdf_status === 'failed');
  return {
    ...f.counts,
    requests: f.client.requests,
    manifestRows: rows,
    failedPdfs: new Set(failed.map((r) => r.case_number)).size,
    markerMismatches: f.markerMismatches,
  };
}
