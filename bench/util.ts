import { execFileSync } from 'node:child_process';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Seconds a shell command takes (it runs to completion; its output is discarded). */
export function timeShell(cmd: string): number {
  const t0 = performance.now();
  execFileSync('bash', ['-c', cmd], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

export function table(rows: (string | number)[][]): string {
  const width = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((x, c) => (typeof x === 'number' ? String(x).padStart(width[c]) : String(x).padEnd(width[c]))).join('  ')).join('\n');
}
