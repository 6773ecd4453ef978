/**
 * Captures as replayable traffic, for the conformance test: which entries the reference
 * documents (the ones the traffic filter keeps), a capture cut down to some of them, and each
 * entry as the request a client sent and the response it got, ready for a validator. Reads the
 * capture in memory only; nothing read here is written anywhere.
 */
import { decodeBody } from '../../src/ingest/body.js';
import { openCapture } from '../../src/ingest/index.js';
import { isJsonType } from '../../src/ingest/media-type.js';
import { createTrafficFilter } from '../../src/normalise/traffic.js';
import { resolveOptions } from '../../src/options.js';
import type { ReplayExchange } from './openapi-validator.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type HarEntry = {
  request: {
    method: string;
    url: string;
    headers?: { name: string; value: string }[];
    postData?: { mimeType?: string; text?: string; encoding?: string; params?: { name: string; value?: string; fileName?: string }[] };
  };
  response: { status: number; headers?: { name: string; value: string }[]; content?: { mimeType?: string; text?: string; encoding?: string } };
};

/** Indices (in `log.entries`) of the entries the reference documents, in capture order. */
export async function documentedEntries(text: string, label: string): Promise<number[]> {
  const options = resolveOptions({});
  const keep = createTrafficFilter(options);
  const capture = openCapture({ label, text }, { options, report: () => {} });
  const indices: number[] = [];
  for await (const exchange of capture.exchanges()) if (keep(exchange) === null) indices.push(exchange.entry);
  return indices;
}

/** The capture's `log.entries`, parsed. */
export function harEntries(text: string): HarEntry[] {
  return ((JSON.parse(text) as { log: { entries: HarEntry[] } }).log.entries ?? []) as HarEntry[];
}

/** The capture with only the given entries (in the given order), as HAR text. */
export function harWithEntries(text: string, indices: readonly number[]): string {
  const har = JSON.parse(text) as { log: { entries: unknown[] } };
  const entries = har.log.entries;
  return JSON.stringify({ ...har, log: { ...har.log, entries: indices.map((i) => entries[i]) } });
}

/** Headers a client library sets itself, or that describe the connection rather than the request. */
const CONNECTION_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
]);

/**
 * An entry as the request that was sent and the response that came back; null when it cannot
 * be replayed faithfully (a method fetch refuses, a multipart body recorded only as params).
 */
export function replayExchange(entry: HarEntry): ReplayExchange | null {
  const { request, response } = entry;
  const method = request.method.toUpperCase();
  if (method === 'CONNECT' || method === 'TRACE' || method === 'TRACK') return null;
  // fetch cannot send a body with GET or HEAD; such a recorded request cannot be replayed as sent.
  if ((method === 'GET' || method === 'HEAD') && (request.postData?.text || request.postData?.params?.length)) return null;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  const headers: [string, string][] = [];
  for (const { name, value } of request.headers ?? []) {
    const lower = name.toLowerCase();
    if (lower.startsWith(':') || CONNECTION_HEADERS.has(lower) || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) continue;
    if (!/^[\t\u0020-\u007e\u0080-\u00ff]*$/.test(value)) continue;
    headers.push([lower, value]);
  }
  let body: Uint8Array | undefined;
  const post = request.postData;
  if (post) {
    if (typeof post.text === 'string' && post.text !== '') body = Buffer.from(post.text, post.encoding === 'base64' ? 'base64' : 'utf8');
    else if (post.params && post.params.length > 0) {
      if (post.params.some((p) => typeof p.fileName === 'string')) return null;
      body = Buffer.from(new URLSearchParams(post.params.map((p): [string, string] => [p.name, p.value ?? ''])).toString());
    }
    // Exporters that keep no headers (Insomnia, Postman) state the body's type here.
    if (body !== undefined && post.mimeType && !headers.some(([name]) => name === 'content-type')) headers.push(['content-type', post.mimeType]);
  }
  const content = response.content ?? {};
  const contentType = content.mimeType ?? response.headers?.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  const decoded = decodeBody({ mimeType: contentType, text: content.text ?? null, encoding: content.encoding ?? null, params: null });
  const payload = decoded.payload;
  const hasJson = payload !== null && payload.content.kind === 'json' && isJsonType(payload.mediaType);
  return {
    method,
    target: `${url.pathname}${url.search}`,
    headers,
    ...(body !== undefined ? { body } : {}),
    response: {
      status: response.status,
      contentType: hasJson ? contentType : '',
      ...(hasJson ? { json: (payload!.content as { value: Json }).value } : {}),
      hasJson,
    },
  };
}

/** The request body as JSON, when the request sent a JSON media type and the body parses. */
export function requestJson(exchange: ReplayExchange): Json | undefined {
  const type = exchange.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
  if (exchange.body === undefined || !/^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) return undefined;
  try {
    return JSON.parse(Buffer.from(exchange.body).toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

/**
 * A copy of a JSON value with the `n`-th field (depth first, object properties only, nulls
 * skipped) changed to another JSON type: a string becomes a number, anything else a string.
 * Undefined when there is no such field.
 */
export function mutateField(value: Json, n: number): { value: Json; path: string } | undefined {
  let seen = 0;
  let path = '';
  const walk = (node: Json, where: string): Json => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${where}[${i}]`));
    const out: { [key: string]: Json } = {};
    for (const [key, child] of Object.entries(node)) {
      if (child !== null && seen++ === n) {
        path = `${where}.${key}`;
        out[key] = typeof child === 'string' ? 12345 : 'mutant';
      } else out[key] = walk(child, `${where}.${key}`);
    }
    return out;
  };
  const mutated = walk(value, '');
  return path === '' ? undefined : { value: mutated, path };
}

/** How many fields `mutateField` can change. */
export function fieldCount(value: Json): number {
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + fieldCount(item), 0);
  let n = 0;
  for (const child of Object.values(value)) if (child !== null) n += 1 + fieldCount(child);
  return n;
}
