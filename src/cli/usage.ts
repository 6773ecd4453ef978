/**
 * Conventions every subcommand's parser shares: how a usage error is signalled (exit 2), how a
 * lone `-` (stdin) survives yargs, how list options are split, and the package version.
 */
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake on the command line: reported in one line with a pointer to `--help`, exit 2. */
export class UsageError extends Error {}

export function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || (error as Error | undefined)?.name === 'YError';
}

/** yargs drops a lone `-`, so a stdin positional is renamed before parsing and back after. */
export const STDIN_TOKEN = '\u0000stdin';

export function markStdin(argv: readonly string[], valueFlags: ReadonlySet<string>): string[] {
  return argv.map((arg, i) => (arg === '-' && !valueFlags.has(argv[i - 1] ?? '') ? STDIN_TOKEN : arg));
}

export function unmarkStdin(arg: string): string {
  return arg === STDIN_TOKEN ? '-' : arg;
}

/** `--x a,b --x c` → `[a, b, c]`. */
export function listOption(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * What every subcommand's parser ends with: help, version, and failures as `UsageError`s
 * returned to `runCli`, never a process exit.
 */
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

/**
 * Parses `argv` with a parser built by yargs. Resolves with the parsed arguments, or with the
 * text yargs printed for `--help` / `--version`; rejects with the usage error.
 */
export function parseArgs<T>(parser: Argv, argv: readonly string[]): Promise<{ args: T; output: string }> {
  return new Promise((done, fail) => {
    parser.parse([...argv], {}, (error, result, output) => (error ? fail(error) : done({ args: result as unknown as T, output })));
  });
}
