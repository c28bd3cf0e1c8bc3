import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Event } from './journal.ts';
import {
  MANIFEST_COLUMNS,
  MANIFEST_FILE,
  type ManifestRow,
  type StateService,
} from '../model/manifest.ts';

// A service seen twice (pages shifting under a live search, overlapping searches) is kept once.
const serviceKey = (s: StateService) =>
  [s.case_number, s.position, s.category, s.subcategory, s.decision].join('\u0000');

/** Every service the journal holds, first sighting first. */
export function services(events: Event[]): StateService[] {
  const seen = new Map<string, StateService>();
  for (const e of events)
    if (e.t === 'page')
      for (const s of e.services) if (!seen.has(serviceKey(s))) seen.set(serviceKey(s), s);
  return [...seen.values()];
}

/** The manifest's rows: each service with its case's latest download. */
export function manifestRows(events: Event[]): ManifestRow[] {
  const pdfs = new Map<string, Extract<Event, { t: 'pdf' }>>();
  for (const e of events) if (e.t === 'pdf') pdfs.set(e.case_number, e);
  return services(events).map((s) => {
    const pdf = pdfs.get(s.case_number);
    return {
      ...s,
      pdf_status: pdf ? (pdf.ok ? 'fetched' : 'failed') : 'not fetched',
      pdf_error: pdf?.error ?? '',
      fetched_at: pdf?.fetched_at ?? '',
      sha256: pdf?.sha256 ?? '',
    };
  });
}

/** Writes DIR/manifest.csv whole under a temporary name, synced, then renamed into place. */
export function writeManifest(dir: string, events: Event[]): number {
  const rows = manifestRows(events);
  const data = rows.map((r) => MANIFEST_COLUMNS.map((c) => r[c]));
  const csv = Papa.unparse({ fields: [...MANIFEST_COLUMNS], data }, { newline: '\n' }) + '\n';
  const tmp = join(dir, `${MANIFEST_FILE}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, csv);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, MANIFEST_FILE));
  return rows.length;
}
