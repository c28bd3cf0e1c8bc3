import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { HttpError } from '../http/errors.ts';
import type { Admission } from './admission.ts';

/** What a statement does with its connection. */
export type Work<T> = (conn: DuckDBConnection) => Promise<T>;

/**
 * When a statement is stopped: after timeoutMs (none: it runs to its end), or when signal
 * aborts (the client went away), whichever comes first.
 */
export interface Limits {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const outOfMemory = (e: unknown) =>
  e instanceof Error && e.message.includes('Out of Memory Error');

const tooLong = (timeoutMs: number) =>
  new HttpError(
    503,
    `The query ran longer than ${timeoutMs} ms and was stopped; narrow the filters and try again.`,
  );

/**
 * Runs work on a connection of its own, interrupted when a limit is reached: past its time, a
 * 503; aborted, it rejects with the signal's reason. One aborted before its turn never starts.
 */
export async function limited<T>(
  instance: DuckDBInstance,
  work: Work<T>,
  { timeoutMs, signal }: Limits = {},
): Promise<T> {
  signal?.throwIfAborted();
  const conn = await instance.connect();
  let timedOut = false;
  const stop = () => conn.interrupt();
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stop();
        }, timeoutMs);
  signal?.addEventListener('abort', stop);
  try {
    signal?.throwIfAborted();
    return await work(conn);
  } catch (e) {
    signal?.throwIfAborted();
    throw timedOut ? tooLong(timeoutMs!) : e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
    conn.closeSync();
  }
}

/**
 * Runs work, which may be run again from the start, in its turn within its limits. Out of
 * memory beside others, it runs again alone; out of memory alone, it is a 503.
 */
export async function rerunnable<T>(
  admission: Admission,
  instance: DuckDBInstance,
  work: Work<T>,
  limits: Limits,
): Promise<T> {
  try {
    return await admission.turn(() => limited(instance, work, limits));
  } catch (e) {
    if (!outOfMemory(e)) throw e;
  }
  return admission
    .alone(() => limited(instance, work, limits))
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
 * Runs work that cannot be run again (a CSV export, sent as it is written) in its turn within
 * its limits; out of memory, it is a 503 that says to try again.
 */
export async function runOnce(
  admission: Admission,
  instance: DuckDBInstance,
  work: Work<void>,
  limits: Limits,
): Promise<void> {
  await admission.turn(() =>
    limited(instance, work, limits).catch((e: unknown) => {
      throw outOfMemory(e)
        ? new HttpError(
            503,
            'The server is short of memory for this export just now; try again in a minute.',
          )
        : e;
    }),
  );
}
