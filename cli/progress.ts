import { count as fmt } from './format.ts';

type Out = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * A printer of progress: each call prints line(seconds since the start) at most every 200 ms on
 * a terminal, in place, and every 5 s otherwise, as a `progress:` line for logs and CI; the
 * first after one such wait. A final call always prints, and ends the terminal's line.
 */
export function ticker(out: Out, line: (seconds: number, final: boolean) => string) {
  const t0 = performance.now();
  let last = t0;
  return (final = false) => {
    const now = performance.now();
    if (!final && now - last < (out.isTTY ? 200 : 5000)) return;
    last = now;
    const text = line((now - t0) / 1000, final);
    out.write(out.isTTY ? `\r${text}\x1b[K${final ? '\n' : ''}` : `progress: ${text}\n`);
  };
}

/**
 * Progress for a run over `total` files: count, rate and ETA, behind a bar on a terminal.
 * Files added to the folder after it was counted do not overflow the bar.
 */
export function progress(total: () => number | null, out: Out = process.stderr) {
  let done = 0;
  const tick = ticker(out, (secs, final) => {
    const rate = done / Math.max(secs, 1e-3);
    const n = total();
    const eta = n && rate > 0 ? Math.max(0, (n - done) / rate) : null;
    const text =
      `${fmt(done)}${n ? `/${fmt(n)}` : ''} files  ${fmt(Math.round(rate))}/s` +
      (eta !== null && !final ? `  ETA ${Math.ceil(eta)} s` : `  ${secs.toFixed(1)} s`);
    if (!out.isTTY) return text;
    const filled = n ? Math.min(30, Math.round((30 * done) / n)) : 0;
    return `[${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${text}`;
  });
  return (count: number, final = false) => {
    done = count;
    tick(final);
  };
}
