import type { Range } from './types.ts';

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Days in an inclusive range. */
export const days = (r: Range) => Math.round((toMs(r.to) - toMs(r.from)) / DAY) + 1;

/** An inclusive range of two days or more in two halves that meet without overlapping. */
export function halves(r: Range): [Range, Range] {
  const firstDays = Math.floor(days(r) / 2);
  const mid = toMs(r.from) + firstDays * DAY;
  return [
    { from: r.from, to: toIso(mid - DAY) },
    { from: toIso(mid), to: r.to },
  ];
}
