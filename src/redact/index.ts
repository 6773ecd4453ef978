/**
 * Redaction: the stage right after ingest. It returns new exchanges in which every secret and
 * personal value is a typed placeholder, and a summary of what was replaced where (counts only).
 * No later stage, and so no output, ever sees a raw value.
 */
import type { Content, Exchange, ExchangeUrl, Json, Message, NameValue, Payload } from '../exchange.js';
import type { RedactionSummary } from '../model.js';
import { SAFE_HEADERS, classifyName, classifyValue } from './detect.js';
import { Placeholders, isPlaceholder } from './placeholders.js';

export interface Redacted {
  exchanges: Exchange[];
  summary: RedactionSummary;
}

/** Redacts every exchange. `key` seeds the value → tag map and must be random per run. */
export function redactExchanges(exchanges: readonly Exchange[], key: Uint8Array): Redacted {
  const tags = new Placeholders(key);
  const redacted = exchanges.map((exchange) => redactExchange(exchange, tags));
  return { exchanges: redacted, summary: summarise(tags, true) };
}

/** The summary of a run with redaction turned off. */
export function unredactedSummary(): RedactionSummary {
  return { enabled: false, total: 0, byKind: {}, byPlace: {} };
}

function redactExchange(exchange: Exchange, tags: Placeholders): Exchange {
  return {
    ...exchange,
    url: redactUrl(exchange.url, tags),
    request: redactMessage(exchange.request, 'request', tags),
    response: { ...exchange.response, ...redactMessage(exchange.response, 'response', tags), redirectURL: redactUrlText(exchange.response.redirectURL, 'response.redirect', tags) },
    webSocket: exchange.webSocket.map((m) => ({ ...m, content: redactContent(m.content, 'websocket', tags) })),
  };
}

function redactUrl(url: ExchangeUrl, tags: Placeholders): ExchangeUrl {
  return {
    ...url,
    path: url.path.split('/').map((segment) => redactString(decodeSegment(segment), 'url.path', tags, segment)).join('/'),
    query: url.query.map((p) => redactPair(p, 'url.query', tags)),
    fragment: url.fragment ? tags.tag('fragment', url.fragment, 'url.fragment') : '',
  };
}

function redactUrlText(text: string, place: string, tags: Placeholders): string {
  if (!text) return text;
  const question = text.search(/[?#]/);
  if (question === -1) return text;
  return `${text.slice(0, question)}${text[question]}${tags.tag('url-query', text.slice(question), place)}`;
}

function redactMessage(message: Message, side: 'request' | 'response', tags: Placeholders): Message {
  return {
    headers: message.headers.map((h) => redactHeader(h, side, tags)),
    cookies: message.cookies.map((c) => ({ name: c.name, value: c.value ? tags.tag('cookie', c.value, `${side}.cookie`) : '' })),
    body: message.body && redactPayload(message.body, `${side}.body`, tags),
  };
}

function redactHeader(header: NameValue, side: string, tags: Placeholders): NameValue {
  const name = header.name.toLowerCase();
  const place = `${side}.header`;
  if (SAFE_HEADERS.has(name) || header.value === '') return header;
  if (name === 'cookie') return { name: header.name, value: redactCookieHeader(header.value, place, tags) };
  if (name === 'set-cookie') return { name: header.name, value: header.value.split('\n').map((line) => redactSetCookie(line, place, tags)).join('\n') };
  if (name === 'authorization' || name === 'proxy-authorization') {
    const space = header.value.indexOf(' ');
    const scheme = space === -1 ? '' : header.value.slice(0, space);
    const kind = classifyValue(header.value.slice(space + 1)) ?? 'token';
    return { name: header.name, value: `${scheme ? `${scheme} ` : ''}${tags.tag(kind, header.value.slice(space + 1), place)}` };
  }
  if (name === 'referer' || name === 'origin' || name === 'location' || name === 'content-location') {
    return { name: header.name, value: redactUrlText(header.value, place, tags) };
  }
  return redactPair(header, place, tags);
}

function redactCookieHeader(value: string, place: string, tags: Placeholders): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      return `${pair.slice(0, eq)}=${tags.tag('cookie', pair.slice(eq + 1).trim(), place)}`;
    })
    .join(';');
}

function redactSetCookie(line: string, place: string, tags: Placeholders): string {
  const semicolon = line.indexOf(';');
  const first = semicolon === -1 ? line : line.slice(0, semicolon);
  const eq = first.indexOf('=');
  if (eq === -1) return line;
  return `${first.slice(0, eq)}=${tags.tag('cookie', first.slice(eq + 1), place)}${semicolon === -1 ? '' : line.slice(semicolon)}`;
}

function redactPair(pair: NameValue, place: string, tags: Placeholders): NameValue {
  const verdict = classifyName(pair.name);
  if (verdict && pair.value !== '') return { name: pair.name, value: tags.tag(verdict === 'secret' ? 'secret' : 'personal', pair.value, place) };
  return { name: pair.name, value: redactString(pair.value, place, tags) };
}

function redactString(value: string, place: string, tags: Placeholders, original = value): string {
  if (isPlaceholder(value)) return value;
  const kind = classifyValue(value);
  return kind ? tags.tag(kind, value, place) : original;
}

function redactPayload(payload: Payload, place: string, tags: Placeholders): Payload {
  return { ...payload, content: redactContent(payload.content, place, tags) };
}

function redactContent(content: Content, place: string, tags: Placeholders): Content {
  switch (content.kind) {
    case 'json':
      return { kind: 'json', value: redactJson(content.value, place, tags) };
    case 'jsonp':
      return { ...content, value: redactJson(content.value, place, tags) };
    case 'ndjson':
      return { kind: 'ndjson', values: content.values.map((v) => redactJson(v, place, tags)) };
    case 'form':
      return { kind: 'form', fields: content.fields.map((f) => redactPair(f, place, tags)) };
    case 'multipart':
      return { kind: 'multipart', parts: content.parts.map((p) => ({ ...p, value: p.value === null ? null : redactPair({ name: p.name, value: p.value }, place, tags).value })) };
    case 'sse':
      return {
        kind: 'sse',
        events: content.events.map((e) => {
          if (e.json === undefined) return { ...e, data: redactString(e.data, place, tags) };
          const json = redactJson(e.json, place, tags);
          return { event: e.event, data: JSON.stringify(json), json };
        }),
      };
    case 'text':
      return { kind: 'text', text: redactString(content.text, place, tags) };
    default:
      return content;
  }
}

function redactJson(value: Json, place: string, tags: Placeholders, key?: string): Json {
  if (typeof value === 'string') {
    if (key !== undefined && value !== '' && classifyName(key)) return tags.tag(classifyName(key) === 'secret' ? 'secret' : 'personal', value, place);
    return redactString(value, place, tags);
  }
  if (value === null || typeof value !== 'object') {
    if (key !== undefined && value !== null && typeof value === 'number' && classifyName(key) === 'secret') return tags.tag('secret', String(value), place);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => redactJson(item, place, tags, key));
  // fromEntries defines own properties, so a captured `__proto__` key stays plain data.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactString(k, place, tags), redactJson(v, place, tags, k)]));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function summarise(tags: Placeholders, enabled: boolean): RedactionSummary {
  return { enabled, total: tags.total, byKind: sortRecord(tags.byKind), byPlace: sortRecord(tags.byPlace) };
}

function sortRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
