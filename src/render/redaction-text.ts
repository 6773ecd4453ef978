/**
 * The model's redaction summary in words, for the reference's overview and the CLI's one line on
 * stderr: counts per kind and per place, never a value. It reads only the model, so it lives with
 * the renderers rather than with redaction.
 */
import type { RedactionSummary } from '../model.js';

export interface RedactionText {
  /** `cookie 12, jwt 3` */
  kinds: string;
  /** `request.header 10, response.body 5` */
  places: string;
}

export function describeRedaction(summary: RedactionSummary): RedactionText {
  const list = (record: Record<string, number>): string =>
    Object.entries(record)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
  return { kinds: list(summary.byKind), places: list(summary.byPlace) };
}

/**
 * `--redaction-report`: one line per place, key path and kind, with the count, for a person to
 * review before publishing (`redaction: response.body  user.email  email ×3`). Never a value.
 */
export function redactionReport(summary: RedactionSummary): string {
  if (!summary.enabled) return 'redaction report: redaction is off (--no-redact)\n';
  if (summary.report.length === 0) return 'redaction report: nothing redacted\n';
  const width = (key: 'place' | 'path' | 'kind') => Math.max(...summary.report.map((f) => f[key].length));
  const [place, path, kind] = [width('place'), width('path'), width('kind')];
  const lines = summary.report.map((f) => `  ${f.place.padEnd(place)}  ${f.path.padEnd(path)}  ${f.kind.padEnd(kind)}  ×${f.count}`);
  return `redaction report (place, key path, kind, values replaced):\n${lines.join('\n')}\n`;
}

/** The stderr line: `har2api: redacted 12 value(s): cookie 8, jwt 4 (in request.header 12)`. */
export function redactionLine(summary: RedactionSummary): string {
  if (summary.total === 0) return 'har2api: redacted 0 values';
  const { kinds, places } = describeRedaction(summary);
  return `har2api: redacted ${summary.total} value(s): ${kinds} (in ${places})`;
}
