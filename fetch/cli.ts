import { helpText } from '../cli/flags.ts';
import { FETCH, parseFetchArgs, UsageError } from './args.ts';
import { runFetch, type Summary } from './run.ts';
import { StopError } from './types.ts';

const MAX_PAGES = 40; // 1,000 services: a range with more is searched in halves
const TIMEOUT_MS = 60_000;
const RETRIES = 4;
const BACKOFF_MS = 2_000;

function parsed() {
  try {
    return parseFetchArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`npm run fetch: ${e.message}`);
    process.exit(2);
  }
}

const said = (s: Summary) =>
  `pages ${s.pages}, services ${s.manifestRows}, letters ${s.pdfs - s.failedPdfs}/${s.pdfsTotal} ` +
  `(${s.failedPdfs} not PDFs or refused: see pdf_error in manifest.csv), requests ${s.requests}`;

const args = parsed();
if (args === 'help') {
  process.stdout.write(helpText(FETCH));
  process.exit(0);
}
const log = (line: string) => console.error(line);
try {
  const s = await runFetch({
    ...args,
    maxPages: MAX_PAGES,
    timeoutMs: TIMEOUT_MS,
    retries: RETRIES,
    backoffMs: BACKOFF_MS,
    log,
    quiet: false,
  });
  console.log(`done: ${said(s)}; manifest ${args.out}/manifest.csv`);
} catch (e) {
  if (!(e instanceof StopError)) throw e;
  console.error(`stopped: ${e.message}`);
  console.error(`what is done is kept in ${args.out}; run the same command again to continue`);
  process.exit(e.exitCode);
}
