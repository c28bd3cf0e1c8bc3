import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
const path = '/tmp/exp/v4.duckdb';
const D = ['category','subcategory','decision','guideline_set','chapter_set','reviewer_specialty','licensure_set','patient_gender','body_region','layout'];
if (!existsSync(path)) {
  const db = await DuckDBInstance.create(path);
  const c = await db.connect();
  await c.run(`ATTACH '/tmp/exp/v3.duckdb' AS src (READ_ONLY)`);
  await c.run(`CREATE TABLE labels AS ${D.map(d => `SELECT '${d}' AS dim, row_number() OVER (ORDER BY v)::USMALLINT AS code, v::VARCHAR AS value FROM (SELECT DISTINCT ${d} AS v FROM src.facts)`).join(' UNION ALL ')}`);
  await c.run(`CREATE TABLE facts AS SELECT f.*, ${D.map((d, i) => `l${i}.code AS ${d}_code`).join(', ')} FROM src.facts f ${D.map((d, i) => `JOIN labels l${i} ON l${i}.dim = '${d}' AND l${i}.value IS NOT DISTINCT FROM f.${d}::VARCHAR`).join(' ')} ORDER BY decision_date, letter_id, item_no`);
  c.closeSync(); db.closeSync();
}
const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', memory_limit: '256MB' });
const c = await db.connect();
const Q: Record<string,string> = {
  catVarchar: `SELECT category, count(*), count(*) FILTER (WHERE upheld) FROM facts GROUP BY 1`,
  catCode: `SELECT category_code, count(*), count(*) FILTER (WHERE upheld) FROM facts GROUP BY 1`,
  catCodeUtiny: `SELECT category_code::UTINYINT, count(*), count(*) FILTER (WHERE upheld) FROM facts GROUP BY 1`,
  tenSeparateCodes: D.map(d => `SELECT '${d}', ${d}_code, count(*) FROM facts GROUP BY ${d}_code`).join(' UNION ALL '),
  gsetsCodes: `SELECT ${D.map(d=>d+'_code').join(',')}, count(*) FROM facts GROUP BY GROUPING SETS (${D.map(d => `(${d}_code)`).join(',')})`,
  combosCodes: `SELECT count(*) FROM (SELECT DISTINCT ${D.map(d=>d+'_code').join(',')} FROM facts)`,
  filtCode: `SELECT count(*) FROM facts WHERE category_code IN (SELECT code FROM labels WHERE dim='category' AND list_contains(['Pharmaceuticals'], value))`,
  filtCodeLit: `SELECT count(*) FROM facts WHERE category_code IN (3)`,
  filtVarchar: `SELECT count(*) FROM facts WHERE list_contains(['Pharmaceuticals'], category)`,
};
for (const [name, sql] of Object.entries(Q)) {
  const ts: number[] = [];
  let rows: unknown = 0;
  for (let i = 0; i < 5; i++) { const t = performance.now(); const r = (await c.runAndReadAll(sql)).getRows(); rows = r.length === 1 ? String(r[0]) : r.length; ts.push(performance.now() - t); }
  console.log(name, rows, ts.map(x => x.toFixed(0)).join(' '));
}
