/**
 * Adapter for yargs (the only file that imports it): a parser for a subcommand's arguments, the
 * conventions every subcommand shares (help, version, failures as `UsageError`s returned to
 * `runCli`, never a process exit, a value flag given twice or empty is a usage error), parsing
 * that resolves with the arguments or the text yargs printed for `--help` / `--version`, and
 * shell-completion candidates.
 */
import yargs, { type Argv } from 'yargs';
import type { KnownOptions } from './config.js';
import { packageVersion, UsageError } from './usage.js';

export type { Argv };

export function createParser(argv: readonly string[]): Argv {
  return yargs([...argv]);
}

/** The command's positional arguments: their names, and which of them take several values. */
export interface Positionals {
  single?: readonly string[];
  lists?: readonly string[];
}

export function withConventions<T>(parser: Argv<T>, positionals: Positionals = {}): Argv<T> {
  return parser
    .help()
    .alias('h', 'help')
    .version(packageVersion())
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(message || error?.message || 'invalid arguments');
    })
    .middleware((argv) => checkValues(argv, optionsOf(parser), positionals), true);
}

/** What yargs knows of the declared options (`getOptions` is public but missing from @types/yargs). */
interface ParserOptions {
  key: Record<string, unknown>;
  array: string[];
  string: string[];
  boolean: string[];
  alias: Record<string, string[]>;
}

function optionsOf(parser: Argv<unknown>): ParserOptions {
  return (parser as unknown as { getOptions(): ParserOptions }).getOptions();
}

/** The options a parser declares, by type (for a settings file's keys). */
export function knownOptions(parser: Argv<unknown>): KnownOptions {
  const options = optionsOf(parser);
  const lists = new Set(options.array);
  return { lists, strings: new Set(options.string.filter((key) => !lists.has(key))), booleans: new Set(options.boolean) };
}

/** The parser with settings from a file under the flags: a flag wins, list flags add to the file's lists. */
export function withSettings<T>(parser: Argv<T>, settings: Record<string, unknown>): Argv<T> {
  return parser.parserConfiguration({ 'combine-arrays': true }).config(settings);
}

/** The flags that take a value, as typed (`--out`, `-o`). */
export function valueFlags(parser: Argv<unknown>): Set<string> {
  const options = optionsOf(parser);
  return new Set(options.string.flatMap((key) => [key, ...(options.alias[key] ?? [])]).map((key) => (key.length === 1 ? `-${key}` : `--${key}`)));
}

/** `-o` as the last argument, or right before another flag: yargs would quietly use the default. */
function checkMissingValues(parser: Argv<unknown>, argv: readonly string[]): void {
  const flags = valueFlags(parser);
  argv.forEach((arg, i) => {
    const next = argv[i + 1];
    if (flags.has(arg) && (next === undefined || (next.startsWith('-') && next !== '-'))) throw new UsageError(`${arg} needs a value`);
  });
}

/**
 * Every flag that takes one value, declared now or later: given twice (`--out a --out b`, a
 * gate given twice) yargs makes a list of it, which the code after never expects, so it is one
 * usage error rather than a crash or a silently different run. An empty value (`-o ''`, `""`
 * as an input) would mean the current folder: refused too.
 */
function checkValues(argv: Record<string, unknown>, options: ParserOptions, positionals: Positionals): void {
  const lists = new Set([...options.array, ...(positionals.lists ?? [])]);
  const named = new Set([...(positionals.single ?? []), ...(positionals.lists ?? [])]);
  for (const key of Object.keys(options.key)) {
    const value = argv[key];
    if (value === undefined) continue;
    if (!lists.has(key) && Array.isArray(value)) {
      const given = value.map((v) => JSON.stringify(v)).join(', ');
      throw new UsageError(`${named.has(key) ? `<${key}>` : `--${key}`} takes one value, but was given ${value.length} (${given}); give it once`);
    }
    if (!options.string.includes(key) && !named.has(key)) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.trim() === '')) {
      throw new UsageError(named.has(key) ? `an empty path was given as <${key}>` : `--${key} needs a value`);
    }
  }
}

/** Resolves with the parsed arguments, or with the `--help` / `--version` text; rejects with a `UsageError`. */
export function parseArgs<T>(parser: Argv, argv: readonly string[]): Promise<{ args: T; output: string }> {
  try {
    checkMissingValues(parser, argv);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((done, fail) => {
    parser.parse([...argv], {}, (error, result, output) => (error ? fail(asUsageError(error)) : done({ args: result as unknown as T, output })));
  });
}

/** yargs' own validation errors (`YError`) are usage errors; anything else is passed on as it is. */
function asUsageError(error: Error): Error {
  return error.name === 'YError' && !(error instanceof UsageError) ? new UsageError(error.message) : error;
}

/** The completion candidates yargs offers for the words typed so far (flags, choices of a flag's value). */
export function completionsOf(parser: Argv<unknown>, words: readonly string[]): Promise<string[]> {
  return new Promise((done) => {
    parser.getCompletion([...words], (error, completions) => done(error ? [] : (completions ?? []).filter((c) => !c.startsWith('--get-yargs'))));
  });
}
