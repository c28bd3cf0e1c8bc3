import type { Cell } from '../../model/api.ts';
import { PROGRAM_LABELS } from '../../model/programs.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { unlisted, type DrillKey } from './drill.ts';

/** One program's bar of a treatment type: its cell, and why it cannot be listed (or null). */
export type ProgramBar = Cell & {
  rate: number | null;
  low: number;
  high: number;
  reason: string | null;
};
export type TypeRow = { key: string; total: number } & Partial<Record<Program, ProgramBar>>;

/** The drill-down of one bar: its treatment type in one program. */
export const barKeys = (type: string, p: Program): DrillKey[] => [
  ['treatment_type', type],
  ['program', p],
];

/** Cross-tab cells (treatment type × program) as one row per type, the most services first. */
export function typeRows(cells: Cell[], filters: URLSearchParams): TypeRow[] {
  const rows = new Map<string, TypeRow>();
  for (const c of cells) {
    if (!PROGRAMS.includes(c.col as Program)) continue;
    const p = c.col as Program;
    const row = rows.get(c.row) ?? { key: c.row, total: 0 };
    const reason = unlisted(filters, barKeys(c.row, p));
    row[p] = { ...c, rate: c.uphold_rate, low: c.ci_low, high: c.ci_high, reason };
    row.total += c.n;
    rows.set(c.row, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
}

/** The one-sentence summary: the type both programs have with the widest gap in uphold rate. */
export function typeSummary(rows: TypeRow[], pct: (x: number | null) => string): string {
  const both = rows.filter((r) => r.DWC?.n && r.DMHC?.n);
  const gap = (r: TypeRow) => Math.abs((r.DWC!.rate ?? 0) - (r.DMHC!.rate ?? 0));
  const widest = [...both].sort((a, b) => gap(b) - gap(a))[0];
  if (!widest) return `No treatment type has services in both programs under these filters.`;
  const say = (p: Program) =>
    `${PROGRAM_LABELS[p]} ${pct(widest[p]!.rate)} of ${widest[p]!.n.toLocaleString('en-US')}`;
  return `${both.length} treatment types have services in both programs; the widest gap is ${widest.key}: ${say('DWC')}, ${say('DMHC')} upheld.`;
}
