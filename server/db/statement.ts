import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { HttpError } from '../errors.ts';
import type { Admission } from './admission.ts';

/** What a statement does with its connection. */
export type Work<T> = (conn: DuckDBConnection) => Promise<T>;

export const outOfMemory = (e: unknown) =>
  e instanceof Error && e.message.includes('Out of Memory Error');

/** Runs work on a connection of its own; one running longer than timeoutMs is interrupted, a 503. */
export async function timed<T>(
  instance: DuckDBInstance,
  work: Work<T>,
  timeoutMs: number,
): Promise<T> {
  const conn = await instance.connect();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
  }, timeoutMs);
  try {
    return await work(conn);
  } catch (e) {
    if (timedOut)
      throw new HttpError(
        503,
        `The query ran longer than ${timeoutMs} ms and was stopped; narrow the filters and try again.`,
      );
    throw e;
  } finally {
    clearTimeout(timer);
    conn.closeSync();
  }
}

/**
 * Runs work, which may be run again from the start, in its turn with a time limit. Out of
 * memory beside others, it runs again alone; out of memory alone, it is a 503.
 */
export async function rerunnable<T>(
  admission: Admission,
  instance: DuckDBInstance,
  work: Work<T>,
  timeoutMs: number,
): Promise<T> {
  try {
    return await admission.turn(() => timed(instance, work, timeoutMs));
  } catch (e) {
    if (!outOfMemory(e)) throw e;
  }
  return admission
    .alone(() => timed(instance, work, timeoutMs))
    .catch((e: unknown) => {
      throw outOfMemory(e)
        ? new HttpError(
            503,
            'This query needs more memory than the server allows one query; narrow the filters and try again.',
          )
        : e;
    });
}

/**
 * Runs work that cannot be run again (a CSV export, sent as it is written) in its turn, with
 * no time limit; out of memory, it is a 503 that says to try again.
 */
export async function runOnce(
  admission: Admission,
  instance: DuckDBInstance,
  work: Work<void>,
): Promise<void> {
  await admission.turn(async () => {
    const conn = await instance.connect();
    try {
      await work(conn);
    } catch (e) {
      throw outOfMemory(e)
        ? new HttpError(
            503,
            'The server is short of memory for this export just now; try again in a minute.',
          )
        : e;
    } finally {
      conn.closeSync();
    }
  });
}
