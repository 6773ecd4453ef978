/**
 * Diagnostics on stderr, as every subcommand prints them: errors only with --quiet (and the
 * warnings about the safety of the output, which --quiet never hides), every one with
 * --verbose, otherwise warnings and errors folded by code.
 */
import { type Diagnostic, formatDiagnostic, summariseDiagnostics } from '../diagnostics.js';
import type { Io } from './io.js';

/** Warnings shown even with --quiet: the output holds unredacted values. */
const ALWAYS_SHOWN = new Set(['redaction-off']);

export function printDiagnostics(diagnostics: readonly Diagnostic[], flags: { quiet: boolean; verbose: boolean }, io: Io): void {
  const shown = flags.quiet
    ? diagnostics.filter((d) => d.severity === 'error' || ALWAYS_SHOWN.has(d.code))
    : diagnostics.filter((d) => flags.verbose || d.severity !== 'info');
  for (const d of flags.verbose ? shown : summariseDiagnostics(shown)) io.stderr(`${asOneLine(formatDiagnostic(d))}\n`);
}

/**
 * Messages can quote captured or library text (a JSON parser's excerpt of the file, a property
 * name); on the terminal each stays one line, with control characters as spaces.
 */
export function asOneLine(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
