/**
 * Adapter for yargs (the only file that imports it): a parser for a subcommand's arguments, the
 * conventions every subcommand shares (help, version, failures as `UsageError`s returned to
 * `runCli`, never a process exit), and parsing that resolves with the arguments or the text
 * yargs printed for `--help` / `--version`.
 */
import yargs, { type Argv } from 'yargs';
import { packageVersion, UsageError } from './usage.js';

export type { Argv };

export function createParser(argv: readonly string[]): Argv {
  return yargs([...argv]);
}

export function withConventions<T>(parser: Argv<T>): Argv<T> {
  return parser
    .help()
    .alias('h', 'help')
    .version(packageVersion())
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(message || error?.message || 'invalid arguments');
    });
}

/** Resolves with the parsed arguments, or with the `--help` / `--version` text; rejects with a `UsageError`. */
export function parseArgs<T>(parser: Argv, argv: readonly string[]): Promise<{ args: T; output: string }> {
  return new Promise((done, fail) => {
    parser.parse([...argv], {}, (error, result, output) => (error ? fail(asUsageError(error)) : done({ args: result as unknown as T, output })));
  });
}

/** yargs' own validation errors (`YError`) are usage errors; anything else is passed on as it is. */
function asUsageError(error: Error): Error {
  return error.name === 'YError' && !(error instanceof UsageError) ? new UsageError(error.message) : error;
}
