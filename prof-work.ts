import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { work } from './etl/worker.ts';
const files: { path: string; source_file: string }[] = [];
for (const d of readdirSync('/tmp/exp/corpus')) if (!d.endsWith('.jsonl')) for (const f of readdirSync(join('/tmp/exp/corpus', d))) files.push({ path: join('/tmp/exp/corpus', d, f), source_file: f });
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  for (let i = 0; i < files.length; i += 256) await work({ files: files.slice(i, i + 256) });
  console.log(`work: ${((performance.now() - t) / files.length * 1000).toFixed(0)} µs/letter`);
}
