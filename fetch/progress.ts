import { ticker } from '../cli/progress.ts';
import { count as fmt } from '../cli/format.ts';

/** Counts of a fetch run; totals grow as searches report theirs. */
export interface Counts {
  pages: number;
  pagesTotal: number;
  services: number;
  servicesTotal: number;
  pdfs: number;
  pdfsTotal: number;
  requests: number;
}

/** One line: done out of total for pages, services and PDFs, the request rate and time left. */
export function progressLine(c: Counts, seconds: number): string {
  const rate = c.requests / Math.max(seconds, 1e-3);
  const left = Math.max(0, c.pagesTotal - c.pages) + Math.max(0, c.pdfsTotal - c.pdfs);
  const eta = rate > 0 && left > 0 ? `  about ${formatSeconds(left / rate)} left` : '';
  return (
    `pages ${fmt(c.pages)}/${fmt(c.pagesTotal)}  services ${fmt(c.services)}/${fmt(c.servicesTotal)}  ` +
    `PDFs ${fmt(c.pdfs)}/${fmt(c.pdfsTotal)}  ${fmt(c.requests)} requests, ${rate.toFixed(2)}/s${eta}`
  );
}

export function formatSeconds(s: number): string {
  if (s < 90) return `${Math.ceil(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** Prints progressLine at most every 200 ms on a terminal and every 5 s otherwise. */
export function progress(out: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr) {
  let counts: Counts;
  const tick = ticker(out, (seconds) => progressLine(counts, seconds));
  return (c: Counts, final = false) => {
    counts = c;
    tick(final);
  };
}
