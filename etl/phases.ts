import { getHeapStatistics } from 'node:v8';

/** Per-phase timing, on when IMR_PHASES is set: `IMR_PHASES=1 npm run etl -- --input DIR`. */
export const PHASES_ON = !!process.env.IMR_PHASES;

let times: Record<string, number> = {};

/** Adds the milliseconds since t0 to a phase; returns now, to time the next phase from. */
export function lap(phase: string, t0: number): number {
  const now = performance.now();
  if (PHASES_ON) times[phase] = (times[phase] ?? 0) + now - t0;
  return now;
}

/** A peak in MB (the worker's V8 heap, PDFium's WebAssembly memory), kept as the largest seen. */
export function peak(name: string, mb: number): void {
  if (PHASES_ON) times[name] = Math.max(times[name] ?? 0, mb);
}

/** The phases measured since the last call, with this thread's V8 heap. */
export function takePhases(): Record<string, number> | undefined {
  if (!PHASES_ON) return undefined;
  peak('peak MB: worker V8 heap', getHeapStatistics().used_heap_size / 1e6);
  const t = times;
  times = {};
  return t;
}

/** The phases summed over every worker, as milliseconds a file, on stderr. */
export function printPhases(phases: Record<string, number>, files: number): void {
  const lines = Object.entries(phases).map(([k, v]) =>
    k.startsWith('peak')
      ? `  ${k}: ${v.toFixed(0)}`
      : `  ${k}: ${(v / files).toFixed(3)} ms a file`,
  );
  console.error(`phases (IMR_PHASES), summed over workers:\n${lines.join('\n')}`);
}
