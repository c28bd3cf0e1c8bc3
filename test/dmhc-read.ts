import type { DmhcCase } from '../etl/dmhc/case.ts';
import { readDmhcCsv } from '../etl/dmhc/csv.ts';
import { readRow } from '../etl/dmhc/rows.ts';

/** A file's cases and bad rows, each row read as a worker reads it (etl/dmhc/rows.ts). */
export async function readCases(path: string) {
  const cases: DmhcCase[] = [];
  const bad: string[] = [];
  await readDmhcCsv(path, {
    rows: (batch, at) =>
      batch
        .map((r) => readRow(r, at))
        .forEach((c) => (typeof c === 'string' ? bad : cases).push(c as never)),
    bad: (reason) => bad.push(reason),
  });
  // Rows turned away while streaming come before those the workers turn away: in file order here.
  const row = (reason: string) => Number(/\(row (\d+)\)/.exec(reason)?.[1] ?? 0);
  return { cases, bad: bad.sort((a, b) => row(a) - row(b)) };
}
