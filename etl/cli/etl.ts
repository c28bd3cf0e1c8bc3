import { runEtl } from '../pipeline/run.ts';
import { schemaOf, SCHEMA_VERSION } from '../../warehouse/schema.ts';
import { report } from './report.ts';
import { writeParquet } from '../pipeline/parquet.ts';
import { ETL } from './commands.ts';
import { runCli } from '../../cli/flags.ts';
import { etlMemory } from '../pipeline/memory.ts';
import { stateAgreement, stateLine } from '../state-coding/apply.ts';
import { metadataLine } from '../state-coding/metadata-load.ts';
import { unmappedWarning } from '../dmhc/report.ts';

await runCli(ETL, async (values) => {
  let warning: string | null = null;
  // A database of an earlier release is upgraded before it is read (etl/pipeline/upgrade.ts).
  const stale = values.input || values.upgrade || (await schemaOf(values.db)).kind !== 'current';
  if (stale) {
    const s = await runEtl(values.input ?? null, values.db, {
      workers: values.workers,
      fileTimeoutMs: values['file-timeout-ms'],
      memory: (etlMemory(process.env) as { value: string }).value,
    });
    console.log(
      `files: ${s.files} (new ${s.new}, changed ${s.changed}, unchanged ${s.unchanged}, duplicate letters ${s.duplicates}, re-parsed ${s.reparsed}, quarantined retried ${s.retried}), ` +
        `letters: ${s.letters}, items: ${s.items}, quarantined: ${s.quarantined}, seconds: ${s.seconds}, ` +
        `peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    if (s.upgraded) console.log(`upgraded from schema ${s.upgraded} to ${SCHEMA_VERSION}`);
    if (s.state) console.log(stateLine(s.state));
    for (const p of s.state?.problems.slice(0, 20) ?? []) console.log(`  manifest: ${p}`);
    warning = unmappedWarning(s.unmapped ?? []);
  }
  if (values.report) {
    console.log(await report(values.db));
    const metadata = await metadataLine(values.db);
    if (metadata) console.log(metadata);
    const agreed = await stateAgreement(values.db);
    if (agreed) console.log(agreed);
  }
  if (values.parquet) {
    await writeParquet(values.db, values.parquet);
    console.log(
      `wrote ${values.parquet}/letters and ${values.parquet}/items as Parquet, partitioned by decision_year`,
    );
  }
  // Last, so that it is what the person reads when the run ends.
  if (warning) console.warn(warning);
});
