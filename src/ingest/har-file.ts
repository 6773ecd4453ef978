/**
 * A HAR file as a whole: text to the parsed `log`, with one clear error when the file is not a
 * HAR at all. Entry-level problems are not decided here (see entry.ts).
 */
import { Har2ApiError } from '../errors.js';

export interface HarLog {
  version: string | null;
  creator: string | null;
  /** The raw `log.entries` items, unvalidated. */
  entries: unknown[];
}

/** Parses HAR text (a leading UTF-8 BOM is fine) or throws a `Har2ApiError` naming the file. */
export function parseHarText(text: string, label: string): { log: HarLog; document: unknown } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new Har2ApiError('E_JSON', 'the file is empty, expected a HAR (JSON) capture', label);
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    throw new Har2ApiError('E_JSON', `not valid JSON (${(error as Error).message}); is this a HAR export?`, label);
  }
  return { log: readLog(document, label), document };
}

/** Checks the parsed document has the `log.entries` a HAR must have. */
export function readLog(document: unknown, label: string): HarLog {
  if (!isObject(document) || !('log' in document)) {
    throw new Har2ApiError('E_NOT_HAR', 'JSON but not a HAR: there is no top-level "log" object', label);
  }
  const log = document.log;
  if (!isObject(log)) throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log" is not an object', label);
  if (!Array.isArray(log.entries)) {
    throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log.entries" is missing or not an array', label);
  }
  return { version: readVersion(log.version), creator: readCreator(log.creator), entries: log.entries };
}

export function readVersion(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

export function readCreator(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isObject(value) || typeof value.name !== 'string') return null;
  return typeof value.version === 'string' && value.version ? `${value.name}/${value.version}` : value.name;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
