import type { Cell } from '../../model/api.ts';
import type { DimensionName } from '../../model/dimensions.ts';
import { base } from '../sql/base.ts';
import { byKey, SUMS } from '../sql/counts.ts';
import type { Database } from '../db/database.ts';
import { counted, labelled } from '../sql/group-by.ts';
import { HttpError } from '../http/errors.ts';
import type { Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';
import { withRate } from './stats.ts';

/** The most cells a cross-tab answers: more can't be read as a heat map, and would fill the server's memory as JSON. */
export const MAX_CELLS = 10_000;

/** n and uphold rate in each cell of two dimensions; a 400 past maxCells. */
export async function crosstab(
  db: Database,
  rowsBy: DimensionName,
  colsBy: DimensionName,
  f: Filters,
  maxCells = MAX_CELLS,
): Promise<Cell[]> {
  const l = await lookup(db);
  const b = base(f, l, [rowsBy, colsBy]);
  const found = await db.query(
    `SELECT k1, k2, ${SUMS} FROM (${counted(b.from, b.where, [rowsBy, colsBy])}) GROUP BY ALL LIMIT ${maxCells + 1}`,
    b.params,
  );
  if (found.length > maxCells) {
    const reason = `${rowsBy} by ${colsBy} has more than ${maxCells} cells; choose dimensions with fewer values, or filter first`;
    throw new HttpError(400, `Invalid parameters "rows" and "cols": ${reason}.`, {
      invalid_params: [
        { name: 'rows', reason },
        { name: 'cols', reason },
      ],
    });
  }
  const cells = labelled(found, [rowsBy, colsBy], l);
  return cells
    .map((x) =>
      withRate({ row: String(x.k1), col: String(x.k2), n: Number(x.n), upheld: Number(x.upheld) }),
    )
    .sort((a, b) => byKey(a.row, b.row) || byKey(a.col, b.col));
}
