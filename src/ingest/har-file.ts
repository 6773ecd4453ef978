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
  const body = unwrapJsonp(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (body.trim() === '') throw new Har2ApiError('E_JSON', 'the file is empty, expected a HAR (JSON) capture', label);
  // A clone without Git LFS holds the pointer (three short lines) where the capture should be.
  if (body.startsWith('version https://git-lfs.github.com/spec/')) {
    throw new Har2ApiError('E_JSON', 'this is a Git LFS pointer, not the capture: run `git lfs pull` to fetch the file', label);
  }
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    throw new Har2ApiError('E_JSON', describeJsonError((error as Error).message, body), label);
  }
  return { log: readLog(document, label), document };
}

/** The start of HAR Viewer's JSONP wrapper, `onInputData({`, in a capture's first 128 characters. */
export const JSONP_HEAD = /^\s*[A-Za-z_$][\w$.]{0,63}\s*\(\s*[{[]/;

/**
 * HAR Viewer's `.harp` files wrap the HAR in a JavaScript call, `onInputData({...});`. The
 * check looks only at the first and last few characters, so it costs nothing on big files.
 * A streamed capture is unwrapped the same way by stream-start.ts.
 */
function unwrapJsonp(text: string): string {
  const head = JSONP_HEAD.exec(text.slice(0, 128));
  if (!head) return text;
  let end = text.length;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  if (text.charAt(end - 1) === ';') end--;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  if (text.charAt(end - 1) !== ')') return text;
  const open = text.indexOf('(');
  return text.slice(open + 1, end - 1);
}

/**
 * A JSON.parse failure as one line a person can act on: where it broke (line and column, never
 * the raw bytes, which may be binary or span lines), and the likely cause: a truncated file, a
 * web page saved instead of the network log, or a damaged file.
 */
export function describeJsonError(message: string, text: string, kind: JsonFileKind = 'har'): string {
  const words = JSON_FILE_WORDS[kind];
  const start = text.length - text.trimStart().length;
  const first = text.charAt(start);
  if (first === '<') return `this is an HTML or XML document, not ${words.expected}`;
  const end = text.trimEnd().length;
  const position = errorPosition(message, text);
  if (/^Unexpected end of JSON input/.test(message) || /^Unterminated string/.test(message) || (position !== null && position >= end)) {
    return `not valid JSON: it ends early, after ${text.length} characters, inside an unfinished value; ${words.truncated}`;
  }
  const where = position === null ? '' : ` at ${lineAndColumn(text, position)}`;
  return `not valid JSON${where} (${errorKind(message)}); ${words.check}`;
}

/** What a JSON file was meant to be, for the advice in its error. */
export type JsonFileKind = 'har' | 'config' | 'model';

const JSON_FILE_WORDS: Record<JsonFileKind, { expected: string; truncated: string; check: string }> = {
  har: {
    expected: 'a HAR (JSON); export the network log as HAR (DevTools: Network, Export HAR)',
    truncated: 'the file is truncated: download or export it again',
    check: 'is this a complete HAR export?',
  },
  config: { expected: 'a JSON config file', truncated: 'the file is truncated', check: 'fix the JSON of the config file' },
  model: {
    expected: 'a model JSON written by --format json',
    truncated: 'the file is truncated: write it again with --format json',
    check: 'is this a model.json written by --format json?',
  },
};

/**
 * The character offset V8 reports, or, for "Unexpected token", finds from the context it quotes:
 * up to 10 characters either side of the token, with `...` where the text was cut.
 */
function errorPosition(message: string, text: string): number | null {
  const at = / at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const quoted = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]{1,40})"(?:\.\.\.)? is not valid JSON$/su.exec(message);
  if (!quoted) return null;
  const [, token, cut, context] = quoted as unknown as [string, string, string | undefined, string];
  const index = text.indexOf(context);
  if (index === -1) return null;
  return index + (cut ? 10 : Math.max(0, context.indexOf(token)));
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** V8's description without its position or quoted context; unprintable characters as U+XXXX. */
function errorKind(message: string): string {
  const token = /^Unexpected token '(.)', /su.exec(message);
  if (token) return `unexpected character ${printable(token[1]!)}`;
  const kind = message.replace(/ in JSON at position \d+.*$/s, '').replace(/[^\x20-\x7e]/g, '?');
  return kind.charAt(0).toLowerCase() + kind.slice(1, 120);
}

function printable(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x21 && code <= 0x7e) return `'${char}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Checks the parsed document has the `log.entries` a HAR must have. */
export function readLog(document: unknown, label: string): HarLog {
  if (!isObject(document) || !('log' in document)) {
    throw new Har2ApiError(
      'E_NOT_HAR',
      `JSON but not a HAR: there is no top-level "log" object (${describeTopLevel(document)}); export the capture as HAR`,
      label,
    );
  }
  const log = document.log;
  if (!isObject(log)) throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log" is not an object; export the capture again as HAR', label);
  if (!Array.isArray(log.entries)) {
    throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log.entries" is missing or not an array; export the capture again as HAR', label);
  }
  return { version: readVersion(log.version), creator: readCreator(log.creator), entries: log.entries };
}

/**
 * What the document is instead, for the error: its top-level keys or its type. An error message
 * is an output too, and is printed before any redaction runs, so only keys that read as plain
 * names are quoted (`info`, `item`, `_postman_id`, `apiVersion`); any other key (an email, a
 * token, a key with digits inside) is only counted.
 */
function describeTopLevel(document: unknown): string {
  if (Array.isArray(document)) return `the top level is an array of ${document.length}`;
  if (!isObject(document)) return `the top level is ${document === null ? 'null' : `a ${typeof document}`}`;
  const keys = Object.keys(document);
  if (keys.length === 0) return 'the top level is an empty object';
  const safe = keys.filter(isPlainKey);
  const shown = safe.slice(0, 5).map((key) => JSON.stringify(key));
  const unshown = keys.length - shown.length;
  if (shown.length === 0) return `the top level is an object of ${keys.length} key(s)`;
  return `top-level keys: ${shown.join(', ')}${unshown > 0 ? ` and ${unshown} more` : ''}`;
}

/**
 * `info`, `item`, `_postman_id`, `$schema`, `apiVersion`, `v2`: words in lower, camel, snake or
 * kebab case with at most a number at the end. Every secret or personal shape redaction knows has
 * an `@`, a `.`, digits inside or a run of random capitals, so none of them reads as this. (The
 * redaction rules themselves run after ingest and are not used here.)
 */
const PLAIN_KEY = /^[_$]{0,2}[a-z]+(?:[_-][a-z]+|[_-]?[A-Z][a-z]*){0,6}[0-9]{0,3}$/;

function isPlainKey(key: string): boolean {
  return key.length <= 32 && PLAIN_KEY.test(key);
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
