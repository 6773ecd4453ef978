/**
 * Adapter for har-validator (the only file that imports it). Real exports often break its
 * schema (Chrome's `[::1]` server address, relative URLs, missing `content.size`), and the
 * library is unmaintained, so every finding is a warning, never a failure.
 *
 * A whole document is checked without its entries, then entry by entry: ajv collects errors over
 * one call in quadratic time (16 findings per entry over 8 000 entries took 3.4 s in one call,
 * 0.08 s entry by entry). Findings stop at `MAX_SCHEMA_FINDINGS` per file: a capture whose every
 * entry lacks `cache` says so in the first few, and the rest would only cost time and memory.
 * For the same reason only the first `MAX_SCHEMA_ENTRIES` entries are checked: one exporter
 * writes every entry the same way, and ingest reports any entry it cannot use on its own.
 */
import type { HarError, HarValidationErrorDetail } from 'har-validator';
import type { Diagnostic } from '../diagnostics.js';

type Validator = typeof import('har-validator')['default'];

// Loaded on the first check, not at start-up: ajv and the schemas cost `--help` and `diff` of
// two model files tens of milliseconds for nothing.
let loading: Promise<Validator> | undefined;
function loadValidator(): Promise<Validator> {
  loading ??= import('har-validator').then((module) => module.default);
  return loading;
}

export const MAX_SCHEMA_FINDINGS = 100;
export const MAX_SCHEMA_ENTRIES = 2000;

/** Validates a parsed HAR document; returns one warning per schema violation, up to the cap. */
export async function validateHarSchema(document: unknown, file: string): Promise<Diagnostic[]> {
  const root = isRecord(document) ? document : null;
  const log = root && isRecord(root.log) ? root.log : null;
  const entries = log && Array.isArray(log.entries) ? log.entries : null;
  if (!root || !log || !entries) return findings((validator) => validator.har(document), file);
  const found = await findings((validator) => validator.har({ ...root, log: { ...log, entries: [] } }), file);
  const checked = Math.min(entries.length, MAX_SCHEMA_ENTRIES);
  for (let entry = 0; entry < checked && found.length < MAX_SCHEMA_FINDINGS; entry++) {
    found.push(...(await validateHarEntry(entries[entry], file, entry)));
  }
  if (found.length >= MAX_SCHEMA_FINDINGS) {
    found.length = MAX_SCHEMA_FINDINGS;
    found.push(schemaCheckStopped(file));
  }
  return found;
}

/** Validates one entry on its own (also for the streaming reader, which never holds the whole log). */
export async function validateHarEntry(entry: unknown, file: string, index: number): Promise<Diagnostic[]> {
  return findings((validator) => validator.entry(entry), file, index);
}

/** Said once when a file's findings reach the cap and checking stops. */
export function schemaCheckStopped(file: string): Diagnostic {
  return { severity: 'info', code: 'har-schema-more', message: `HAR schema check stopped after ${MAX_SCHEMA_FINDINGS} findings`, place: { file } };
}

async function findings(validate: (validator: Validator) => Promise<unknown>, file: string, entry?: number): Promise<Diagnostic[]> {
  const validator = await loadValidator();
  try {
    await validate(validator);
    return [];
  } catch (error) {
    const details = (error as HarError).errors ?? [];
    if (details.length === 0) {
      return [{ severity: 'warning', code: 'har-schema', message: `HAR schema check failed: ${oneLine((error as Error).message)}`, place: { file } }];
    }
    return details.map((detail) => finding(detail, file, entry));
  }
}

function finding(detail: HarValidationErrorDetail, file: string, entry: number | undefined): Diagnostic {
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
