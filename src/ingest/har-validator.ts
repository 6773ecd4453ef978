/**
 * The HAR 1.2 schema check of har-validator. Real exports often break its schema (Chrome's
 * `[::1]` server address, relative URLs, missing `content.size`), and the library is
 * unmaintained, so every finding is a warning, never a failure.
 *
 * The validators are har-validator's, generated once from its ajv and schemas
 * (scripts/generate-har-schema-check.mjs writes har-schema-check.ts): compiling them with ajv
 * on every run cost about 0.1 s, a tenth of a 10 MB run. Their findings are ajv's, word for word.
 *
 * A whole document is checked without its entries, then entry by entry: ajv collects errors over
 * one call in quadratic time (16 findings per entry over 8 000 entries took 3.4 s in one call,
 * 0.08 s entry by entry). Findings stop at `MAX_SCHEMA_FINDINGS` per file: a capture whose every
 * entry lacks `cache` says so in the first few, and the rest would only cost time and memory.
 * For the same reason only the first `MAX_SCHEMA_ENTRIES` entries are checked: one exporter
 * writes every entry the same way, and ingest reports any entry it cannot use on its own.
 */
import type { Diagnostic } from '../diagnostics.js';
import { entry as entrySchema, har as harSchema, type Validate } from './har-schema-check.js';

export const MAX_SCHEMA_FINDINGS = 100;
export const MAX_SCHEMA_ENTRIES = 2000;

/** Validates a parsed HAR document; returns one warning per schema violation, up to the cap. */
export async function validateHarSchema(document: unknown, file: string): Promise<Diagnostic[]> {
  const root = isRecord(document) ? document : null;
  const log = root && isRecord(root.log) ? root.log : null;
  const entries = log && Array.isArray(log.entries) ? log.entries : null;
  if (!root || !log || !entries) return findings(harSchema, document, file);
  const found = findings(harSchema, { ...root, log: { ...log, entries: [] } }, file);
  const checked = Math.min(entries.length, MAX_SCHEMA_ENTRIES);
  for (let entry = 0; entry < checked && found.length < MAX_SCHEMA_FINDINGS; entry++) {
    found.push(...findings(entrySchema, entries[entry], file, entry));
  }
  if (found.length >= MAX_SCHEMA_FINDINGS) {
    found.length = MAX_SCHEMA_FINDINGS;
    found.push(schemaCheckStopped(file));
  }
  return found;
}

/** Validates one entry on its own (also for the streaming reader, which never holds the whole log). */
export async function validateHarEntry(entry: unknown, file: string, index: number): Promise<Diagnostic[]> {
  return findings(entrySchema, entry, file, index);
}

/** Said once when a file's findings reach the cap and checking stops. */
export function schemaCheckStopped(file: string): Diagnostic {
  return { severity: 'info', code: 'har-schema-more', message: `HAR schema check stopped after ${MAX_SCHEMA_FINDINGS} findings`, place: { file } };
}

function findings(validate: Validate, data: unknown, file: string, entry?: number): Diagnostic[] {
  try {
    // As har-validator calls its validators: a missing (or falsy) document is checked as `{}`.
    if (validate(data || {})) return [];
  } catch (error) {
    return [{ severity: 'warning', code: 'har-schema', message: `HAR schema check failed: ${oneLine((error as Error).message)}`, place: { file } }];
  }
  const details = validate.errors ?? [];
  if (details.length === 0) return [{ severity: 'warning', code: 'har-schema', message: 'HAR schema check failed: validation failed', place: { file } }];
  return details.map((detail) => finding(detail, file, entry));
}

function finding(detail: { dataPath?: string; message?: string }, file: string, entry: number | undefined): Diagnostic {
  const pointer = toPointer(detail.dataPath ?? '');
  const shown = `${entry === undefined ? '' : `/log/entries/${entry}`}${pointer}`;
  return {
    severity: 'warning',
    code: 'har-schema',
    message: `HAR schema: ${shown || '(root)'} ${oneLine(detail.message ?? 'is invalid')}`,
    place: entry === undefined ? { file, pointer } : { file, entry, pointer },
  };
}

/** `.log.entries[0].request` → `/log/entries/0/request`; property names come from the capture, so kept to one line. */
function toPointer(dataPath: string): string {
  return oneLine(
    dataPath
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/\['([^']*)'\]/g, '.$1')
      .split('.')
      .join('/'),
  );
}

function oneLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
