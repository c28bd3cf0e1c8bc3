import { parseArgs } from 'node:util';
import { runEtl } from './run.ts';
import { report } from './report.ts';
import { writeParquet } from './parquet.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    db: { type: 'string', default: process.env.IMR_DB ?? 'data/imr.duckdb' },
    report: { type: 'boolean', default: false },
    parquet: { type: 'string' },
    workers: { type: 'string' },
  },
});
if (!values.input && !values.parquet) {
  console.error(
    'usage: npm run etl -- --input DIR [--db FILE] [--report] [--parquet OUT_DIR] [--workers N]',
  );
  process.exit(2);
}
if (values.input) {
  const s = await runEtl(values.input, values.db, {
    workers: values.workers ? Number(values.workers) : undefined,
  });
  console.log(
    `files: ${s.files} (new ${s.new}, changed ${s.changed}, unchanged ${s.unchanged}, duplicate letters ${s.duplicates}, re-parsed ${s.reparsed}, quarantined retried ${s.retried}), ` +
      `letters: ${s.letters}, items: ${s.items}, quarantined: ${s.quarantined}, seconds: ${s.seconds}, ` +
      `peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}
if (values.report) console.log(await report(values.db));
if (values.parquet) {
  await writeParquet(values.db, values.parquet);
  console.log(
    `wrote ${values.parquet}/letters and ${values.parquet}/items as Parquet, partitioned by decision_year`,
  );
}
