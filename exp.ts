import { Database } from './server/db.ts';
const db = new Database('data/bench/1000000/imr.duckdb', 10000, 0);
const time = async (name: string, sql: string) => {
  const ts: number[] = []; let v: unknown;
  for (let i = 0; i < 5; i++) { const t = performance.now(); v = Object.values((await db.query(sql))[0])[0]; ts.push(performance.now() - t); }
  console.log(name.padEnd(30), String(v).padEnd(10), ts.map((x) => x.toFixed(0).padStart(4)).join(' '));
};
const W = `WHERE f.category IN ('Pharmaceuticals', 'Rehabilitation', 'Surgery')`;
await time('bitstring', `SELECT bit_count(bitstring_agg(f.letter_key, 0, 1000000)) FROM facts f ${W}`);
await time('distinct', `SELECT count(DISTINCT f.letter_key) FROM facts f ${W}`);
await time('blocks64', `SELECT sum(bit_count(b))::BIGINT FROM (SELECT bit_or(1::UBIGINT << (f.letter_key % 64)::UBIGINT) b FROM facts f ${W} GROUP BY f.letter_key // 64)`);
await time('blocks1024', `SELECT sum(bit_count(b))::BIGINT FROM (SELECT bitstring_agg(f.letter_key % 1024, 0, 1023) b FROM facts f ${W} GROUP BY f.letter_key // 1024)`);
await time('count', `SELECT count(*) FROM facts f ${W}`);
