import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build, needsBuild } from './build.ts';
import { buildDefaultDb, upgradeDefaultDb } from './default-db.ts';
import { ENV, readEnv, type Env } from './env.ts';
import { serve } from './listen.ts';

// `npm start`: check the settings, build the client if it is older than its sources, create
// the default database if needed, then serve. A wrong setting is one line and exit status 2.
const fail = (line: string): never => {
  console.error(`npm start: ${line}`);
  process.exit(2);
};

const read = readEnv(process.env);
if (!read.ok) {
  for (const line of read.errors) console.error(`npm start: ${line}`);
  process.exit(2);
}
const env: Env = read.env;

const root = join(import.meta.dirname, '..', '..');
const defaultDb = join(root, ENV.IMR_DB.default);
// npm runs scripts in the project folder, so a relative IMR_DB is taken from there.
const dbPath = resolve(root, env.IMR_DB);
const st = statSync(dbPath, { throwIfNoEntry: false });
// Only the default is built here: a database named by hand that is not there is a typo.
if (!st && dbPath !== defaultDb)
  fail(
    `IMR_DB=${JSON.stringify(env.IMR_DB)}: no such file; load letters into it first (npm run etl -- --input DIR --db FILE), or unset IMR_DB to serve the default`,
  );
if (st?.isDirectory())
  fail(`IMR_DB=${JSON.stringify(env.IMR_DB)} is a folder; expected a database file`);

if (needsBuild(root)) {
  console.log('Building the dashboard (it is missing, or older than its sources)...');
  try {
    build(root);
  } catch {
    console.error('npm start: building the dashboard failed; vite says why above');
    process.exit(1);
  }
}
if (!st) {
  console.log(
    `No database at ${dbPath}: generating the SYNTHETIC workers' comp demo corpus of 5,000 letters and loading it with the real health-plan (DMHC) open data in data/dmhc...`,
  );
  await buildDefaultDb(root, dbPath, {
    letters: 5000,
    corpus: join(root, 'data', 'corpus'),
    log: (line) => console.log(line),
  });
}
// The default database of an earlier release is upgraded (a database named by hand is the
// user's to upgrade: the server answers 503 with the command).
if (st && dbPath === defaultDb) await upgradeDefaultDb(root, dbPath, (line) => console.log(line));

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: `PORT=${env.PORT} is in use by another program; set PORT to a free port`,
  EACCES: `PORT=${env.PORT} needs privileges to listen on; use a port above 1023`,
  EADDRNOTAVAIL: `HOST=${env.HOST} is not an address of this machine`,
  ENOTFOUND: `HOST=${env.HOST} is not a known host name`,
};
const { server } = await serve(dbPath, env).catch((e: NodeJS.ErrnoException) =>
  LISTEN_ERRORS[e.code ?? ''] ? fail(LISTEN_ERRORS[e.code!]) : Promise.reject(e),
);
const a = server.address() as AddressInfo;
const url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
console.log(`IMR Outcomes is serving ${dbPath} at ${url}`);
if (!/^(127\.|::1$|::ffff:127\.)/.test(a.address))
  console.log(
    `HOST=${env.HOST}: anyone who can reach this machine can read the data and run queries; there is no authentication.`,
  );
