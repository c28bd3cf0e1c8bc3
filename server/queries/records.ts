import { FIRST_ITEM, LETTER_KEY } from '../../warehouse/names.ts';
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import type { Items } from '../../model/api.ts';
import { MAX_DAYS, type MeasureName } from '../../model/measures.ts';
import type { Database } from '../db/database.ts';
import { serviceColumns } from '../sql/columns.ts';
import { HttpError } from '../http/errors.ts';
import { whereClause, type Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';

/** Item sort keys: SQL expression and the type a cursor's value is cast back to. */
export const ITEM_SORTS = {
  decision_date: { expr: "coalesce(f.decision_date, DATE '0001-01-01')", type: 'DATE' },
  letter_id: { expr: 'f.letter_id', type: 'VARCHAR' },
  treatment: { expr: 'f.treatment', type: 'VARCHAR' },
  category: { expr: 'f.category', type: 'VARCHAR' },
  decision: { expr: 'f.decision', type: 'VARCHAR' },
} as const;
export type ItemSort = keyof typeof ITEM_SORTS;

const Cursor = z.tuple([z.string().max(500), z.string().max(100), z.number().int()]);
const encode = (c: z.infer<typeof Cursor>) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): z.infer<typeof Cursor> {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new HttpError(400, 'Invalid parameter "cursor": not a cursor this API returned.', {
      invalid_params: [{ name: 'cursor', reason: 'not a cursor this API returned' }],
    });
  }
}

/** A listed service's columns (server/sql/columns.ts): lists stay lists in JSON, dates are text. */
export const ITEM_COLUMNS = serviceColumns()
  .map(({ name, storage }) => (storage === 'date' ? `f.${name}::VARCHAR AS ${name}` : `f.${name}`))
  .join(', ');

/**
 * With a measure, the letters whose review time in it is counted, each by its first service:
 * those with a service under the filters (a letter's first service may be another), as
 * /api/timeliness counts them.
 */
function lettersOf(m: MeasureName, w: { sql: string }): string {
  const counted = `f.${m} BETWEEN 0 AND ${MAX_DAYS} AND f.${FIRST_ITEM}`;
  return w.sql
    ? `${counted} AND f.${LETTER_KEY} IN (SELECT f.${LETTER_KEY} FROM facts f ${w.sql})`
    : counted;
}

/** One page of services (or, with a measure, letters), in a stable order; next_cursor fetches the page after it. */
export async function items(
  db: Database,
  f: Filters,
  o: {
    sort: ItemSort;
    order: 'asc' | 'desc';
    limit: number;
    cursor?: string;
    measure?: MeasureName;
  },
): Promise<Items> {
  const w = whereClause(f, await lookup(db));
  const s = ITEM_SORTS[o.sort];
  const op = o.order === 'asc' ? '>' : '<';
  const params: typeof w.params = { ...w.params, limit: o.limit + 1 };
  let after = '';
  if (o.cursor) {
    [params.c_sort, params.c_letter, params.c_item] = decode(o.cursor);
    after = `(${s.expr} ${op} $c_sort::${s.type} OR (${s.expr} = $c_sort::${s.type} AND (f.letter_id ${op} $c_letter
      OR (f.letter_id = $c_letter AND f.item_no ${op} $c_item))))`;
  }
  const kept = o.measure ? lettersOf(o.measure, w) : w.sql.replace(/^WHERE /, '');
  const where = [kept, after].filter(Boolean).join(' AND ');
  const order = `ORDER BY ${s.expr} ${o.order}, f.letter_id ${o.order}, f.item_no ${o.order}`;
  // The page's rows are found by sorting their keys alone, then read whole: at a million
  // letters four times faster than sorting every column of every service.
  const rows = await db.query(
    `SELECT ${ITEM_COLUMNS}, ${s.expr}::VARCHAR AS _sort FROM facts f
    WHERE f.rowid IN (SELECT f.rowid FROM facts f ${where ? `WHERE ${where}` : ''} ${order} LIMIT $limit) ${order}`,
    params,
  );
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ _sort, ...r }) => r),
    next_cursor:
      rows.length > o.limit && last
        ? encode([String(last._sort), String(last.letter_id), Number(last.item_no)])
        : null,
  };
}

/** One letter with its items and full text; 404 when there is none. */
export async function letter(db: Database, id: string) {
  const [row] = /^[A-Za-z0-9-]{1,40}$/.test(id)
    ? await db.query('SELECT * FROM letters WHERE letter_id = $id', { id })
    : [];
  if (!row) throw new HttpError(404, `No letter with id "${id.slice(0, 40)}".`);
  const its = await db.query(
    'SELECT * EXCLUDE (letter_id) FROM items WHERE letter_id = $id ORDER BY item_no',
    { id },
  );
  return { ...row, items: its };
}
