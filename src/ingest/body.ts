/**
 * Bodies as recorded (text, maybe base64, maybe only form params) to a structured `Payload`:
 * JSON, form fields, multipart parts, server-sent events, NDJSON, JSONP, text, or just "binary,
 * N bytes". Every JSON body is parsed here, once; later stages reuse the value.
 */
import { looksBinary } from './sniff.js';
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics.js';
import type { Content, Json, NameValue, Payload } from '../exchange.js';
import { essence, isBinaryType, isJavascriptType, isJsonType, isNdjsonType } from './media-type.js';
import { type HarParam, partsFromParams, partsFromText } from './multipart.js';
import { parseEventStream } from './sse.js';

export interface RawBody {
  /** Declared media type, with parameters (multipart needs its boundary). */
  mimeType: string;
  text: string | null;
  /** `base64` when `text` holds base64 bytes. */
  encoding: string | null;
  /** HAR `postData.params`, for form and multipart requests. */
  params: HarParam[] | null;
}

export interface DecodedBody {
  payload: Payload | null;
  diagnostics: Omit<Diagnostic, 'place'>[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one body. Returns a null payload when nothing was recorded at all. */
export function decodeBody(raw: RawBody): DecodedBody {
  const mediaType = essence(raw.mimeType);
  const diagnostics: Omit<Diagnostic, 'place'>[] = [];
  const hasParams = raw.params !== null && raw.params.length > 0;
  if ((raw.text === null || raw.text === '') && !hasParams) {
    return { payload: raw.text === '' ? { mediaType, size: 0, content: { kind: 'empty' } } : null, diagnostics };
  }

  // Every `multipart/*` (form-data, related, mixed …) goes through the parts path, so no file
  // contents are ever read as a text body; a body recorded as base64 is decoded first.
  if (mediaType.startsWith('multipart/') || (hasParams && raw.params!.some((p) => typeof p.fileName === 'string' && p.fileName))) {
    const parts = hasParams ? partsFromParams(raw.params!) : partsFromText(multipartText(raw), raw.mimeType);
    return { payload: { mediaType: mediaType || 'multipart/form-data', size: byteSize(raw), content: { kind: 'multipart', parts } }, diagnostics };
  }
  if (hasParams && (raw.text === null || raw.text === '')) {
    const fields = raw.params!.map((p) => ({ name: String(p.name ?? ''), value: typeof p.value === 'string' ? p.value : '' }));
    return { payload: { mediaType: mediaType || 'application/x-www-form-urlencoded', size: 0, content: { kind: 'form', fields } }, diagnostics };
  }

  const bytes = raw.encoding === 'base64' ? Buffer.from(raw.text ?? '', 'base64') : null;
  const size = bytes ? bytes.length : Buffer.byteLength(raw.text ?? '');
  if (isBinaryType(mediaType) && !sniffsAsJson(bytes, raw.text)) {
    return { payload: { mediaType, size, content: { kind: 'binary' } }, diagnostics };
  }
  const text = bytes ? decodeUtf8(bytes) : raw.text;
  if (text === null || looksBinary(text)) return { payload: { mediaType, size, content: { kind: 'binary' } }, diagnostics };

  const content = decodeText(text, mediaType, diagnostics);
  return { payload: { mediaType, size, content }, diagnostics };
}

function decodeText(text: string, mediaType: string, diagnostics: Omit<Diagnostic, 'place'>[]): Content {
  if (text.trim() === '') return { kind: 'empty' };
  if (mediaType === 'text/event-stream') return { kind: 'sse', events: parseEventStream(text) };
  if (mediaType === 'application/x-www-form-urlencoded') return { kind: 'form', fields: parseForm(text) };
  if (isNdjsonType(mediaType)) {
    const values = parseLines(text);
    if (values) return { kind: 'ndjson', values };
    diagnostics.push({ severity: 'warning', code: 'body-not-ndjson', message: `body declared ${mediaType} has a line that is not JSON; shown as text` });
    return { kind: 'text', text };
  }
  if (isJsonType(mediaType)) {
    const value = parseJson(stripXssiPrefix(text));
    if (value !== undefined) return { kind: 'json', value };
    diagnostics.push({ severity: 'warning', code: 'body-not-json', message: `body declared ${mediaType} is not valid JSON; shown as text` });
    return { kind: 'text', text };
  }
  if (isJavascriptType(mediaType)) {
    const jsonp = parseJsonp(text);
    if (jsonp) return jsonp;
    return { kind: 'text', text };
  }
  // Undeclared, text/plain or octet-stream bodies that are JSON are documented as JSON.
  if (mediaType === '' || mediaType === 'text/plain' || mediaType === 'application/octet-stream') {
    const first = text.trimStart().charAt(0);
    if (first === '{' || first === '[') {
      const value = parseJson(text);
      if (value !== undefined) return { kind: 'json', value };
    }
  }
  return { kind: 'text', text };
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** Angular-style anti-XSSI prefixes in front of JSON: `)]}'` and `while(1);`. */
function stripXssiPrefix(text: string): string {
  if (text.startsWith(")]}'")) return text.slice(text.indexOf('\n') + 1);
  if (text.startsWith('while(1);')) return text.slice(9);
  return text;
}

function parseLines(text: string): Json[] | null {
  const values: Json[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/^\u001e/, '').trim();
    if (trimmed === '') continue;
    const value = parseJson(trimmed);
    if (value === undefined) return null;
    values.push(value);
  }
  return values;
}

/** `callback({...});` → the callback name and the JSON value. */
function parseJsonp(text: string): Content | null {
  let body = text.trim();
  if (body.startsWith('/**/')) body = body.slice(4).trimStart();
  const open = body.indexOf('(');
  const close = body.lastIndexOf(')');
  if (open <= 0 || close < open) return null;
  const callback = body.slice(0, open).trim();
  if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(callback)) return null;
  const tail = body.slice(close + 1).trim();
  if (tail !== '' && tail !== ';') return null;
  const value = parseJson(body.slice(open + 1, close));
  return value === undefined ? null : { kind: 'jsonp', callback, value };
}

export function parseForm(text: string): NameValue[] {
  const fields: NameValue[] = [];
  for (const [name, value] of new URLSearchParams(text)) fields.push({ name, value });
  return fields;
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A JSON body served as `application/octet-stream` is still JSON. */
function sniffsAsJson(bytes: Buffer | null, text: string | null): boolean {
  const head = bytes ? bytes.subarray(0, 64).toString('latin1') : (text ?? '').slice(0, 64);
  const first = head.trimStart().charAt(0);
  return first === '{' || first === '[';
}

/**
 * Multipart text as recorded. Base64 is decoded as UTF-8 when it is (field values stay
 * readable), else as Latin-1, so file bytes that are not text still leave the boundaries intact.
 */
function multipartText(raw: RawBody): string {
  if (raw.text === null) return '';
  if (raw.encoding !== 'base64') return raw.text;
  const bytes = Buffer.from(raw.text, 'base64');
  return bytes.toString(isUtf8(bytes) ? 'utf8' : 'latin1');
}

function byteSize(raw: RawBody): number {
  if (raw.text === null) return 0;
  return raw.encoding === 'base64' ? Buffer.from(raw.text, 'base64').length : Buffer.byteLength(raw.text);
}
