/**
 * Diagnostics on stderr, as every subcommand prints them: errors only with --quiet, every one
 * with --verbose, otherwise warnings and errors folded by code.
 */
import { type Diagnostic, formatDiagnostic, summariseDiagnostics } from '../diagnostics.js';
import type { Io } from './io.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[], flags: { quiet: boolean; verbose: boolean }, io: Io): void {
  const shown = flags.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics.filter((d) => flags.verbose || d.severity !== 'info');
  for (const d of flags.verbose ? shown : summariseDiagnostics(shown)) io.stderr(`${formatDiagnostic(d)}\n`);
}
