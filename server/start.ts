import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generate } from '../etl/generate/index.ts';
import { runEtl } from '../etl/run.ts';
import { serve } from './index.ts';

// `npm start`: build the client if needed, create the default database if needed, then serve.
const root = join(import.meta.dirname, '..');
const dbPath = process.env.IMR_DB ?? join(root, 'data', 'imr.duckdb');
const port = Number(process.env.PORT ?? 8080);

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('Building the dashboard (first start only)...');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
}
if (!existsSync(dbPath)) {
  const corpus = join(root, 'data', 'corpus');
  console.log(
    `No database at ${dbPath}: generating the default SYNTHETIC corpus of 5,000 letters and loading it...`,
  );
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  await generate(5000, 1, corpus);
  const s = await runEtl(corpus, dbPath);
  console.log(`Loaded ${s.letters} synthetic letters (${s.items} services) in ${s.seconds} s.`);
}
await serve(dbPath, port);
console.log(`IMR Outcomes is serving ${dbPath} at http://localhost:${port}`);
