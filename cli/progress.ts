/**
 * Progress for a run over `total` files: a bar with count, rate and ETA on a terminal, a plain
 * line every few seconds otherwise (logs, CI).
 */
export function progress(total: () => number | null, out: NodeJS.WriteStream = process.stderr) {
  const t0 = performance.now();
  let last = 0;
  return (done: number, final = false) => {
    const now = performance.now();
    if (!final && now - last < (out.isTTY ? 200 : 5000)) return;
    last = now;
    const secs = (now - t0) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const n = total();
    const eta = n && rate > 0 ? Math.max(0, (n - done) / rate) : null;
    const text =
      `${done.toLocaleString('en-US')}${n ? `/${n.toLocaleString('en-US')}` : ''} files  ${Math.round(rate).toLocaleString('en-US')}/s` +
      (eta !== null && !final ? `  ETA ${Math.ceil(eta)} s` : `  ${secs.toFixed(1)} s`);
    if (out.isTTY) {
      const width = 30;
      // Files added to the folder after it was counted must not overflow the bar.
      const filled = n ? Math.min(width, Math.round((width * done) / n)) : 0;
      out.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${text}\x1b[K${final ? '\n' : ''}`,
      );
    } else {
      out.write(`progress: ${text}\n`);
    }
  };
}
