import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
const path = '/tmp/exp/v3.duckdb';
if (!existsSync(path)) {
  const db = await DuckDBInstance.create(path);
  const c = await db.connect();
  await c.run(`ATTACH 'data/bench/1000000/imr.duckdb' AS src (READ_ONLY)`);
  await c.run(`CREATE TABLE sets AS SELECT row_number() OVER (ORDER BY s)::INTEGER AS id, s AS list FROM (SELECT guideline_sources s FROM src.facts UNION SELECT mtus_chapters FROM src.facts UNION SELECT reviewer_licensure FROM src.facts)`);
  await c.run(`CREATE TABLE facts AS SELECT dense_rank() OVER (ORDER BY decision_date, letter_id)::INTEGER AS letter_key, f.* EXCLUDE (guideline_sources, mtus_chapters, reviewer_licensure), decision = 'Upheld' AS upheld,
     a.id AS guideline_set, b.id AS chapter_set, c.id AS licensure_set, guideline_sources, mtus_chapters, reviewer_licensure
     FROM src.facts f JOIN sets a ON a.list = guideline_sources JOIN sets b ON b.list = mtus_chapters JOIN sets c ON c.list IS NOT DISTINCT FROM reviewer_licensure ORDER BY decision_date, letter_id, item_no`);
  await c.run(`CREATE TABLE treatments AS FROM src.treatments`);
  c.closeSync(); db.closeSync();
}
const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', memory_limit: '256MB' });
const c = await db.connect();
const D = ['category','subcategory','decision','guideline_set','chapter_set','reviewer_specialty','licensure_set','patient_gender','body_region','layout'];
const Q: Record<string,string> = {
  count: `SELECT count(*) FROM facts`,
  bitSub: `SELECT bit_count(bitstring_agg(letter_key, 1, 1000000)) FROM facts`,
  combos: `SELECT count(*) FROM (SELECT DISTINCT ${D.join(',')} FROM facts)`,
  gsets: `SELECT ${D.join(',')}, count(*) FROM facts GROUP BY GROUPING SETS (${D.map(d => `(${d})`).join(',')})`,
  tenSeparate: D.map(d => `SELECT '${d}', ${d}::VARCHAR, count(*) FROM facts GROUP BY ${d}`).join(' UNION ALL '),
  treatFilter: `SELECT category, count(*), count(*) FILTER (WHERE upheld) FROM facts f WHERE f.treatment IN (SELECT t.treatment FROM treatments t WHERE t.treatment ILIKE '%acupuncture%' OR t.treatment ILIKE '%infrared%') GROUP BY 1`,
  dateFilter: `SELECT category, count(*), count(*) FILTER (WHERE upheld) FROM facts f WHERE decision_date >= '2016-01-01' AND decision_date <= '2018-12-31' GROUP BY 1`,
};
for (const [name, sql] of Object.entries(Q)) {
  const ts: number[] = [];
  let rows: unknown = 0;
  for (let i = 0; i < 5; i++) { const t = performance.now(); const r = (await c.runAndReadAll(sql)).getRows(); rows = r.length === 1 ? String(r[0]) : r.length; ts.push(performance.now() - t); }
  console.log(name, rows, ts.map(x => x.toFixed(0)).join(' '));
}
