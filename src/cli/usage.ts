/**
 * Conventions every subcommand shares: exit codes, how a usage error is signalled (exit 2), how
 * a lone `-` (stdin) survives the argument parser, how list options are split, and the package
 * version. The parser itself is behind the yargs adapter (yargs.ts).
 */
import { readFileSync } from 'node:fs';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake on the command line: reported in one line with a pointer to `--help`, exit 2. */
export class UsageError extends Error {}

export function isUsageError(error: unknown): boolean {
  return error instanceof UsageError;
}

/** The parser drops a lone `-`, so a stdin positional is renamed before parsing and back after. */
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
