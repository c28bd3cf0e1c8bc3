import { getHeapStatistics } from 'node:v8';
import type { DuckDBConnection } from '@duckdb/node-api';

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

/** With IMR_PHASES, each statement db runs is timed on stderr, with DuckDB's memory after it. */
export function traceStatements(db: DuckDBConnection): void {
  if (!PHASES_ON) return;
  const run = db.run.bind(db);
  db.run = (async (...args: Parameters<DuckDBConnection['run']>) => {
    const t0 = performance.now();
    console.error(`  ${args[0].replace(/\s+/g, ' ').slice(0, 100)}`);
    const result = await run(...args);
    const mem = await run(
      `SELECT (SELECT sum(memory_usage_bytes) // 1e6 FROM duckdb_memory()) || ' tagged; ' || (SELECT string_agg(database_name || ' ' || memory_usage, ', ') FROM pragma_database_size())`,
    );
    const s = ((performance.now() - t0) / 1000).toFixed(2);
    console.error(`    ${s} s, then ${(await mem.getRows())[0][0]} MB`);
    return result;
  }) as DuckDBConnection['run'];
}
