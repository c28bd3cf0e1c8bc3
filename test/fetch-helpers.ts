import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { FetchOptions } from '../fetch/run.ts';
import { goldenCases, letterHref, type FixtureCase } from './fetch-fixture.ts';
import type { Site } from './fetch-server.ts';
import { SHARED } from './helpers.ts';

export const LETTERS = join(SHARED, 'letters', 'dwc-2016');

/** The real letters' data decided in January 2017: 43 cases, 78 services, 4 pages. */
export const january = () => goldenCases().filter((c) => c.decision_date.startsWith('2017-01'));

export function options(site: Site, out: string, o: Partial<FetchOptions> = {}): FetchOptions {
  return {
    out,
    range: { from: '2017-01-01', to: '2017-01-31' },
    filters: { specialties: [], categories: [], outcome: null },
    metadataOnly: false,
    delayMs: 2,
    maxRequests: null,
    baseUrl: site.url,
    maxPages: 40,
    timeoutMs: 5000,
    retries: 3,
    backoffMs: 10,
    log: () => {},
    quiet: true,
    ...o,
  };
}

/** The manifest as the state's data says it must read, for cases whose letters are fetched. */
export const expected = (cases: FixtureCase[], base: string) =>
  cases.flatMap((c) =>
    c.services.map((s, i) => ({
      case_number: c.case_number,
      position: String(i + 1),
      decision_date: c.decision_date,
      date_of_injury: c.date_of_injury ?? '',
      date_received: c.date_received ?? '',
      reviewer_specialty: c.specialty,
      ...s,
      letter_url: new URL(letterHref(c), base).href,
    })),
  );

export const manifest = (out: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(out, 'manifest.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
/** Manifest rows without what a download adds (status, error, time, hash). */
export const strip = (rows: Record<string, string>[]) =>
  rows.map(({ pdf_status: _s, pdf_error: _e, fetched_at: _f, sha256: _h, ...r }) => r);
