/**
 * Diagnostics are values. Stages report them through `ctx.report`; the library returns them with
 * the model and the CLI decides how to print them. A bad entry is a diagnostic, never a crash.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Place {
  /** Capture label (file name or `-`). */
  file?: string;
  /** Index in `log.entries`. */
  entry?: number;
  /** JSON pointer into the entry or file, e.g. `/request/url`. */
  pointer?: string;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, kebab-case: `invalid-url`, `har-schema`, `body-not-json`. */
  code: string;
  message: string;
  place?: Place;
}

export type Report = (diagnostic: Diagnostic) => void;

/** Formats one diagnostic as a single line for stderr: `file#3/request/url: warning: … [code]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d.place);
  return `${where ? `${where}: ` : ''}${d.severity}: ${d.message} [${d.code}]`;
}

function formatPlace(place: Place | undefined): string {
  if (!place) return '';
  let text = place.file ?? '';
  if (place.entry !== undefined) text += `#entries/${place.entry}`;
  if (place.pointer) text += place.entry !== undefined ? place.pointer : `#${place.pointer}`;
  return text;
}

/**
 * Folds diagnostics that share a code and severity into one line each, so a capture with 4 000
 * skipped entries prints one warning with a count, not 4 000 lines. The first place is kept as
 * an example. Errors (an input that could not be used) are never folded: each names its file.
 */
export function summariseDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, { first: Diagnostic; count: number }>();
  for (const [i, d] of diagnostics.entries()) {
    const key = d.severity === 'error' ? `error\u0000${i}` : `${d.severity}\u0000${d.code}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: d, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => (count === 1 ? first : { ...first, message: `${first.message} (and ${count - 1} more like it)` }));
}
