import { parseArgs } from 'node:util';
import { runEtl } from './run.ts';
import { report } from './report.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    db: { type: 'string', default: process.env.IMR_DB ?? 'data/imr.duckdb' },
    report: { type: 'boolean', default: false },
  },
});
if (!values.input) {
  console.error('usage: npm run etl -- --input DIR [--db FILE] [--report]');
  process.exit(2);
}
const s = await runEtl(values.input, values.db, (line) => console.log(line));
console.log(`files: ${s.files} (new ${s.new}, changed ${s.changed}, unchanged ${s.unchanged}), ` +
  `letters: ${s.letters}, items: ${s.items}, quarantined: ${s.quarantined}, seconds: ${s.seconds}`);
if (values.report) console.log(await report(values.db));
