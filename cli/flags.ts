import { parseArgs } from 'node:util';
import { z } from 'zod';

/** One command-line flag: how it is given, what it means and which values it takes. */
export interface Flag {
  /** A boolean flag takes no value. */
  type: 'string' | 'boolean';
  /** A string flag that may be given more than once: its schema checks each value. */
  multiple?: boolean;
  /** Given on every command line; a missing one is named with this text, e.g. 'a folder'. */
  required?: string;
  /** The value's name in the help, e.g. DIR. */
  value?: string;
  /** One sentence for --help. */
  help: string;
  /** The valid values in words, for the help and for every error about this flag. */
  valid?: string;
  default?: string;
  /** Checks and converts the value; a failed check's message says what is wrong with it. */
  schema: z.ZodType;
}

export type Flags = Record<string, Flag>;
export type Values<F extends Flags> = {
  [K in keyof F]: F[K] extends { multiple: true }
    ? z.output<F[K]['schema']>[]
    : z.output<F[K]['schema']>;
};

/** A command line: its flags, and a check across them that returns what is wrong, if anything. */
export interface Cli<F extends Flags> {
  name: string;
  usage: string;
  about: string;
  flags: F;
  check?: (v: Values<F>) => string | undefined;
}

/** A mistake on the command line: one line for the person who typed it, and exit status 2. */
export class UsageError extends Error {}

/** Every command line's --help. */
export const HELP = {
  type: 'boolean',
  help: 'Prints this help and exits.',
  schema: z.boolean(),
} satisfies Flag;

// Edit distance, to suggest the flag meant by a typo.
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function unknown(rawName: string, flags: Flags): string {
  const names = Object.keys(flags);
  const typed = rawName.replace(/^-+/, '');
  const near = names.filter(
    (n) => distance(typed, n) <= (typed.length > 3 ? 2 : 1) || n.startsWith(typed),
  );
  const hint = near.length ? ` (did you mean --${near[0]}?)` : '';
  return `unknown flag ${rawName}; valid flags: ${flagList(flags)}${hint}`;
}

const flagList = (flags: Flags) =>
  Object.keys(flags)
    .map((n) => `--${n}`)
    .join(', ');

const looksLikeFlag = (v: string) => /^--?[A-Za-z]/.test(v);

/** The flags given, as written: a value (a list for a repeatable flag), or true for a boolean. */
function given(flags: Flags, argv: string[]): Record<string, string | string[] | true> {
  const options = Object.fromEntries(
    Object.entries(flags).map(([n, f]) => [n, { type: f.type, multiple: f.multiple ?? false }]),
  );
  // Not strict: every mistake is told here, in this project's words, not Node's.
  const { tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const raw: Record<string, string | string[] | true> = Object.fromEntries(
    Object.entries(flags)
      .filter(([, f]) => f.multiple)
      .map(([n]) => [n, []]),
  );
  for (const t of tokens) {
    if (t.kind === 'option-terminator') continue;
    if (t.kind === 'positional')
      throw new UsageError(
        `unexpected argument ${t.value}; valid flags: ${flagList(flags)}; ` +
          `a value follows its flag, as in --flag VALUE; ${JSON.stringify(t.value)} follows none`,
      );
    const f = Object.hasOwn(flags, t.name) ? flags[t.name] : undefined;
    if (!f) throw new UsageError(unknown(t.rawName, flags));
    if (f.type === 'boolean' && t.value !== undefined)
      throw new UsageError(`${t.rawName} takes no value (given ${JSON.stringify(t.value)})`);
    if (
      f.type === 'string' &&
      (t.value === undefined || (!t.inlineValue && looksLikeFlag(t.value)))
    )
      throw new UsageError(`${t.rawName} needs a value${f.valid ? `: ${f.valid}` : ''}`);
    const before = raw[t.name];
    raw[t.name] = !f.multiple ? (t.value ?? true) : [...(before as string[]), t.value!];
  }
  return raw;
}

// One value of a flag, checked and converted; what is wrong names the flag and the value.
function checkValue(name: string, f: Flag, value: unknown): unknown {
  const r = f.schema.safeParse(value);
  if (r.success) return r.data;
  const valid = f.valid ? `; expected ${f.valid}` : '';
  throw new UsageError(`--${name} ${JSON.stringify(value)} ${r.error.issues[0].message}${valid}`);
}

/** The values of argv's flags, checked and converted, or 'help'; a mistake throws a UsageError. */
export function parseFlags<F extends Flags>(cli: Cli<F>, argv: string[]): Values<F> | 'help' {
  const raw = given(cli.flags, argv);
  if (raw.help === true && Object.hasOwn(cli.flags, 'help')) return 'help';
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(cli.flags)) {
    const value = raw[name] ?? f.default ?? (f.type === 'boolean' ? false : undefined);
    if (value === undefined && f.required)
      throw new UsageError(`--${name} is required: ${f.required}`);
    out[name] = Array.isArray(value)
      ? value.map((v) => checkValue(name, f, v))
      : checkValue(name, f, value);
  }
  const wrong = cli.check?.(out as Values<F>);
  if (wrong) throw new UsageError(wrong);
  return out as Values<F>;
}

// Words of text in lines of at most width characters, each after indent.
function wrap(text: string, indent: number, width = 100): string {
  const lines = [''];
  for (const word of text.split(' ')) {
    const line = lines[lines.length - 1];
    if (line && indent + line.length + 1 + word.length > width) lines.push(word);
    else lines[lines.length - 1] = line ? `${line} ${word}` : word;
  }
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** --help: the usage line, what the command does, and every flag with its sentence. */
export function helpText<F extends Flags>(cli: Cli<F>): string {
  const left = (n: string, f: Flag) => `--${n}${f.value ? ` ${f.value}` : ''}`;
  const width = Math.max(...Object.entries(cli.flags).map(([n, f]) => left(n, f).length)) + 4;
  const lines = Object.entries(cli.flags).map(([n, f]) => {
    const extra = [f.valid && `Valid: ${f.valid}.`, f.default && `Default: ${f.default}.`];
    const text = [f.help, ...extra].filter(Boolean).join(' ');
    return `  ${left(n, f).padEnd(width - 2)}${wrap(text, width)}`;
  });
  return `usage: ${cli.usage}\n\n${wrap(cli.about, 0)}\n\n${lines.join('\n')}\n`;
}

/**
 * Runs main with the command line's values. A mistake is one line on stderr and exit status 2,
 * before main starts anything (no staging folder, no half-built file); a failure is exit 1.
 */
export async function runCli<F extends Flags>(
  cli: Cli<F>,
  main: (v: Values<F>) => Promise<void> | void,
): Promise<void> {
  let values: Values<F> | 'help';
  try {
    values = parseFlags(cli, process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${cli.name}: ${e.message}. (See ${cli.name} -- --help.)\n`);
    process.exitCode = 2;
    return;
  }
  if (values === 'help') return void process.stdout.write(helpText(cli));
  try {
    await main(values);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${cli.name}: ${e.message}\n`);
      process.exit(2);
    }
    // A file or database that fails (not a database, a full disk) is one line; a fault of the
    // program's own keeps its stack trace, which is what whoever fixes it needs.
    const bug = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
    process.stderr.write(
      bug
        ? `${cli.name}: ${(e as Error).stack}\n`
        : `${cli.name}: failed: ${String((e as Error)?.message ?? e)}\n`,
    );
    // Exit now, as an uncaught error would: a worker or file handle left open must not hang it.
    process.exit(1);
  }
}
