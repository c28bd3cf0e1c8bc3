import { runEtl } from './run.ts';
import { report } from './report.ts';
import { writeParquet } from './parquet.ts';
import { ETL } from './commands.ts';
import { runCli } from './flags.ts';

await runCli(ETL, async (values) => {
  if (values.input) {
    const s = await runEtl(values.input, values.db, { workers: values.workers });
    console.log(
      `files: ${s.files} (new ${s.new}, changed ${s.changed}, unchanged ${s.unchanged}, duplicate letters ${s.duplicates}), ` +
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
});
