/**
 * One HAR entry to one `Exchange`, tolerant of what real exporters write (missing `content`,
 * `cookies`, `headers`; status 0 or -1; creator-specific `_` fields) and of what they should not
 * (values of the wrong type, headers as a name → value object, bodies nested absurdly deep). An
 * entry that cannot describe an API call is skipped with a diagnostic; the run goes on. Nothing
 * here throws on any JSON value: every field is type-checked before use.
 */
import type { Diagnostic, Report } from '../diagnostics.js';
import type { Exchange, Message, NameValue, Payload, WebSocketMessage } from '../exchange.js';
import { decodeBody, type RawBody } from './body.js';
import { boundPayloadDepth, MAX_JSON_DEPTH } from './depth.js';
import { isObject } from './har-file.js';
import type { HarParam } from './multipart.js';
import { essence } from './media-type.js';
import { isSocketIoUrl, splitSocketIoFrame } from './socket-io.js';
import { parseRequestUrl } from './url.js';

export type EntryResult = { ok: true; exchange: Exchange } | { ok: false; reason: string };

export function ingestEntry(raw: unknown, entry: number, source: string, report: Report): EntryResult {
  const skip = (reason: string, message: string, pointer: string): EntryResult => {
    report({ severity: 'warning', code: reason, message, place: { file: source, entry, pointer } });
    return { ok: false, reason };
  };
  if (!isObject(raw)) return skip('invalid-entry', 'entry is not an object; skipped', '');
  const request = raw.request;
  if (!isObject(request)) return skip('no-request', 'entry has no request; skipped', '/request');
  const method = typeof request.method === 'string' && request.method.length <= 64 ? request.method.trim().toUpperCase() : '';
  if (!/^[A-Z][A-Z0-9_-]{0,31}$/.test(method)) return skip('invalid-method', 'request has no usable method; skipped', '/request/method');
  const urlText = typeof request.url === 'string' ? request.url : '';
  const parsed = parseRequestUrl(urlText);
  if (!parsed.ok) {
    const what = parsed.reason === 'non-http-url' ? 'is not an http(s) or ws(s) URL' : 'is not an absolute URL';
    return skip(parsed.reason, `request URL ${what}; skipped`, '/request/url');
  }
  // A request-only export (Insomnia, status 0) or a request that failed still documents the
  // call: it is kept with status 0 and no response, and selection judges it by its request.
  const response = isObject(raw.response) ? raw.response : {};
  const readStatusValue = readStatus(response.status);
  const status = readStatusValue >= 100 && readStatusValue <= 599 ? readStatusValue : 0;
  if (status === 0) {
    report({
      severity: 'info',
      code: 'no-response',
      message: 'no response was recorded (status 0, or the request failed); described from its request',
      place: { file: source, entry, pointer: '/response/status' },
    });
  }

  const place = (pointer: string) => ({ file: source, entry, pointer });
  const decode = (body: RawBody, pointer: string): Payload | null => {
    const decoded = decodeBody(body);
    for (const d of decoded.diagnostics) report({ ...d, place: place(pointer) } as Diagnostic);
    if (decoded.payload === null) return null;
    const bounded = boundPayloadDepth(decoded.payload, () => rawText(body));
    if (bounded.cut) {
      report({
        severity: 'warning',
        code: 'body-too-deep',
        message: `body JSON nests deeper than ${MAX_JSON_DEPTH} levels; kept as text`,
        place: place(pointer),
      });
    }
    return bounded.payload;
  };

  const requestHeaders = readPairs(request.headers);
  const requestMessage: Message = {
    headers: requestHeaders,
    cookies: readPairs(request.cookies),
    body: isObject(request.postData) ? decode(readPostData(request.postData, requestHeaders), '/request/postData') : null,
  };
  const content = isObject(response.content) ? response.content : null;
  const responseBody = (content ? decode(readContent(content), '/response/content') : null) ?? declaredOnly(content, readPairs(response.headers));

  return {
    ok: true,
    exchange: {
      source,
      entry,
      startedAt: readDate(raw.startedDateTime),
      method,
      url: parsed.url,
      request: requestMessage,
      response: {
        headers: readPairs(response.headers),
        cookies: readPairs(response.cookies),
        body: responseBody,
        status,
        statusText: typeof response.statusText === 'string' ? response.statusText : '',
        redirectURL: typeof response.redirectURL === 'string' ? response.redirectURL : '',
      },
      resourceType: typeof raw._resourceType === 'string' ? raw._resourceType.toLowerCase() : null,
      webSocket: readWebSocket(raw._webSocketMessages, (body) => decode(body, '/_webSocketMessages'), isSocketIoUrl(parsed.url.path, parsed.url.query)),
    },
  };
}

/**
 * An event stream whose content the recorder did not keep (browsers often keep none) still
 * declared its type (`mimeType`, or the `Content-Type` header): it is still an event stream.
 * Other dropped bodies stay absent, so two recorders of the same call agree.
 */
function declaredOnly(content: Record<string, unknown> | null, headers: NameValue[]): Payload | null {
  const declared = (typeof content?.mimeType === 'string' && content.mimeType) || headers.find((h) => h.name.toLowerCase() === 'content-type')?.value || '';
  const mediaType = essence(declared);
  return mediaType === 'text/event-stream' ? { mediaType, size: 0, content: { kind: 'empty' } } : null;
}

/** HTTP status as a number; some exporters write it as a string. 0 when unusable. */
function readStatus(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 0;
  if (typeof value === 'string' && /^\d{3}$/.test(value.trim())) return Number(value.trim());
  return 0;
}

/**
 * Headers, cookies and params: keep pairs with a string name; scalar values become strings,
 * anything else empty. A name → value object (written by some hand-made tools) is read too.
 */
function readPairs(value: unknown): NameValue[] {
  if (isObject(value)) return Object.entries(value).map(([name, v]) => ({ name, value: scalarText(v) }));
  if (!Array.isArray(value)) return [];
  const pairs: NameValue[] = [];
  for (const item of value) {
    if (!isObject(item) || typeof item.name !== 'string') continue;
    pairs.push({ name: item.name, value: scalarText(item.value) });
  }
  return pairs;
}

/** A JSON scalar as text. Never `String(object)`: an object with a `toString` key would throw. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** The recorded text of a body, decoded from base64 when so marked; null when there is none. */
function rawText(body: RawBody): string | null {
  if (body.text === null) return null;
  return body.encoding === 'base64' ? Buffer.from(body.text, 'base64').toString('utf8') : body.text;
}

/**
 * The request's media type is its `Content-Type` header when one was sent: that is what the server
 * received. `postData.mimeType` is the recorder's label and can differ (Insomnia writes its editor
 * mode, `application/graphql`, for a body it sends as `application/json`).
 */
function readPostData(postData: Record<string, unknown>, headers: readonly { name: string; value: string }[]): RawBody {
  const sent = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  return {
    mimeType: sent || (typeof postData.mimeType === 'string' ? postData.mimeType : ''),
    text: typeof postData.text === 'string' ? postData.text : null,
    encoding: typeof postData.encoding === 'string' ? postData.encoding : null,
    params: Array.isArray(postData.params) ? postData.params.filter(isObject).map(readParam) : null,
  };
}

/** A `postData.params` item with only the scalar fields the body decoder reads. */
function readParam(param: Record<string, unknown>): HarParam {
  const field = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : scalarText(value));
  return { name: field(param.name), value: field(param.value), fileName: field(param.fileName), contentType: field(param.contentType) };
}

function readContent(content: Record<string, unknown>): RawBody {
  return {
    mimeType: typeof content.mimeType === 'string' ? content.mimeType : '',
    text: typeof content.text === 'string' ? content.text : null,
    encoding: typeof content.encoding === 'string' ? content.encoding : null,
    params: null,
  };
}

function readDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (isCanonicalTime(value)) return value;
  const time = parseTime(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** `2025-01-01T10:00:00.123Z`, as `toISOString` writes it (and Chrome records it). */
const CANONICAL_TIME = /^\d{4}-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * True when `value` is a real time written as `toISOString` writes it, so reading it would give
 * it back unchanged: most recorders write every entry's time so, and parsing each is not free.
 */
export function isCanonicalTime(value: string): boolean {
  const match = CANONICAL_TIME.exec(value);
  if (match === null) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(Number(value.slice(0, 4)), month);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO 8601 date and time with no zone (`2025-01-01T10:00:00.123`; some exporters write a space for `T`). */
const ZONELESS_ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;
const ISO_DATE = /^\d{4}(?:-\d{2}){0,2}$/;
/** A zone in the other formats `Date.parse` reads: `GMT`, `UTC`, `EST`, `+0100`, `-05:00`, `…00Z`. */
const ZONE = /\b(?:GMT|UTC|UT|[ECMP][SD]T)\b|(?:^|[\s\d])[+-]\d{2}:?\d{2}\b|\dZ\b/i;

/**
 * Milliseconds since the epoch. A time written without a zone is read as UTC: JavaScript would
 * read it in the machine's zone, and then the same capture would give another capture window,
 * and another reference, depending on where it is processed.
 */
function parseTime(value: string): number {
  const iso = ZONELESS_ISO.exec(value);
  if (iso) return Date.parse(`${iso[1]}T${iso[2]}Z`);
  const time = Date.parse(value);
  // Date-only ISO forms are UTC already; anything else with its zone stated needs nothing either.
  if (Number.isNaN(time) || ISO_DATE.test(value) || ZONE.test(value)) return time;
  // `Wed, 01 Jan 2025 10:00:00` was read in local time: its wall-clock fields, taken as UTC.
  const local = new Date(time);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds());
}

/** Chrome's `_webSocketMessages`: `{type: send|receive, opcode, data}`; opcode 2 is base64 binary. */
function readWebSocket(value: unknown, decode: (body: RawBody) => Payload | null, socketIo: boolean): WebSocketMessage[] {
  if (!Array.isArray(value)) return [];
  const messages: WebSocketMessage[] = [];
  for (const item of value) {
    if (!isObject(item) || (item.type !== 'send' && item.type !== 'receive')) continue;
    const opcode = typeof item.opcode === 'number' ? item.opcode : 1;
    if (opcode !== 1 && opcode !== 2) continue;
    const data = typeof item.data === 'string' ? item.data : '';
    const frame = socketIo && opcode === 1 ? splitSocketIoFrame(data) : null;
    if (frame) {
      const payload = decode({ mimeType: 'application/json', text: frame.payload, encoding: null, params: null });
      messages.push({ direction: item.type, opcode, frame: frame.prefix, content: payload?.content ?? { kind: 'empty' } });
      continue;
    }
    const payload = decode({ mimeType: opcode === 2 ? 'application/octet-stream' : '', text: data, encoding: opcode === 2 ? 'base64' : null, params: null });
    messages.push({ direction: item.type, opcode, content: payload?.content ?? { kind: 'empty' } });
  }
  return messages;
}
