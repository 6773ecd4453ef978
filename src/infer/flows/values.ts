/**
 * The values of one raw exchange that flows can link, each with the place a reader knows it by
 * (a path parameter's name, a query or header name, a cookie name, a JSON field path such as
 * `items[].id`). Reads the original exchange; the values never leave the flows module, only
 * the place names do, and those are kept only when they look like names (not data).
 */
import type { Exchange, Json } from '../../exchange.js';
import type { LinkEnd, PathParam } from '../../model.js';
import { requestCookies, responseCookies } from '../../normalise/cookies.js';
import { isDistinctiveNumber, isDistinctiveString } from './distinctive.js';

export interface PlacedValue {
  in: LinkEnd['in'];
  name: string;
  value: string;
}

/** Leaves read per body: enough for the ids of a long list, bounded for a huge one. */
const MAX_LEAVES = 5000;
const MAX_DEPTH = 32;

/** Headers every client sends or every server returns: they carry no value an API hands out. */
const STANDARD_HEADERS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'referer',
  'origin',
  'content-length',
  'content-type',
  'connection',
  'cache-control',
  'pragma',
  'priority',
  'te',
  'upgrade-insecure-requests',
  'dnt',
  'cookie',
  'set-cookie',
  'date',
  'server',
  'vary',
  'expires',
  'last-modified',
  'content-encoding',
  'transfer-encoding',
  'keep-alive',
  'alt-svc',
  'strict-transport-security',
  'content-security-policy',
  'report-to',
  'nel',
  'age',
  'via',
]);

/** Request values in the order a reader meets them: path, query, headers, cookies, body. */
export function requestValues(exchange: Exchange, pathParams: readonly PathParam[]): PlacedValue[] {
  const out: PlacedValue[] = [];
  if (pathParams.length > 0) {
    const segments = exchange.url.path.split('/');
    for (const param of pathParams) {
      const raw = segments[param.position + 1];
      if (raw !== undefined) pushString(out, 'path', param.name, decodeSegment(raw));
    }
  }
  for (const q of exchange.url.query) if (isNameLike(q.name)) pushString(out, 'query', q.name, q.value);
  for (const header of exchange.request.headers) {
    const name = header.name.toLowerCase();
    if (STANDARD_HEADERS.has(name) || name.startsWith(':') || name.startsWith('sec-')) continue;
    if (!isNameLike(name)) continue;
    pushString(out, 'header', name, name === 'authorization' || name === 'proxy-authorization' ? credentialOf(header.value) : header.value);
  }
  for (const cookie of requestCookies(exchange)) if (isNameLike(cookie.name)) pushString(out, 'cookie', cookie.name, cookie.value);
  const body = exchange.request.body;
  if (body) {
    const content = body.content;
    if (content.kind === 'json') pushJson(out, 'body', content.value);
    else if (content.kind === 'form') {
      for (const f of content.fields) if (isNameLike(f.name)) pushString(out, 'body', f.name, f.value);
    } else if (content.kind === 'multipart') {
      for (const part of content.parts)
        if (part.value !== null && part.fileName === null && isNameLike(part.name)) pushString(out, 'body', part.name, part.value);
    }
  }
  return out;
}

/** Response values: headers other than the standard ones, cookies set, JSON bodies and events. */
export function responseValues(exchange: Exchange): PlacedValue[] {
  const out: PlacedValue[] = [];
  for (const header of exchange.response.headers) {
    const name = header.name.toLowerCase();
    if (STANDARD_HEADERS.has(name) || name.startsWith(':') || !isNameLike(name)) continue;
    pushString(out, 'header', name, header.value);
  }
  for (const cookie of responseCookies(exchange)) if (isNameLike(cookie.name)) pushString(out, 'cookie', cookie.name, cookie.value);
  const body = exchange.response.body;
  if (body) {
    const content = body.content;
    if (content.kind === 'json' || content.kind === 'jsonp') pushJson(out, 'body', content.value);
    else if (content.kind === 'ndjson') for (const value of content.values) pushJson(out, 'body', value);
    else if (content.kind === 'sse') for (const event of content.events) if (event.json !== undefined) pushJson(out, 'body', event.json);
  }
  return out;
}

/** `Bearer abc` → `abc`: the token is what an earlier response handed out. */
function credentialOf(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 && space < 16 ? value.slice(space + 1).trim() : value;
}

function pushString(out: PlacedValue[], where: LinkEnd['in'], name: string, value: string): void {
  if (isDistinctiveString(value)) out.push({ in: where, name, value });
}

function pushJson(out: PlacedValue[], where: LinkEnd['in'], root: Json): void {
  let leaves = 0;
  const walk = (value: Json, path: string, depth: number): void => {
    if (leaves >= MAX_LEAVES || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      leaves++;
      if (isDistinctiveString(value)) out.push({ in: where, name: path || '(body)', value });
    } else if (typeof value === 'number') {
      leaves++;
      if (isDistinctiveNumber(value)) out.push({ in: where, name: path || '(body)', value: String(value) });
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, `${path}[]`, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${keyName(key)}` : keyName(key), depth + 1);
    }
  };
  walk(root, '', 0);
}

/** A key that is data (an id, an email, free text) is shown as `{key}`, as in field tables. */
function keyName(key: string): string {
  return isNameLike(key) ? key : '{key}';
}

/** Names are printed, so only what reads as a name is: no ids, no free text, nothing long. */
export function isNameLike(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$.-]{0,63}$/.test(name) && !isDistinctiveString(name);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
