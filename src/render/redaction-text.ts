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

/** The stderr line: `har2api: redacted 12 value(s): cookie 8, jwt 4 (in request.header 12)`. */
export function redactionLine(summary: RedactionSummary): string {
  if (summary.total === 0) return 'har2api: redacted 0 values';
  const { kinds, places } = describeRedaction(summary);
  return `har2api: redacted ${summary.total} value(s): ${kinds} (in ${places})`;
}
