/**
 * One real request per endpoint, for runnable examples: the first successful one, else the
 * first. Read from the original exchange and shown through the gate: the concrete path (its
 * parameter segments redacted as path examples are), query values, the notable headers (auth,
 * content type, custom), the names of the cookies and a body up to a bound (JSON on one line,
 * form fields one by one, short text). Bodies that cannot be replayed from the capture
 * (multipart: file contents are never kept; binary) are left out.
 */
import type { Exchange } from '../exchange.js';
import type { RequestExample } from '../model.js';
import { requestCookies } from '../normalise/cookies.js';
import { headerKind } from '../normalise/header-kind.js';
import type { ShownGroup } from './endpoint.js';
import type { Gate } from './gate.js';

/** Bodies longer than this are not kept: an example is for reading and pasting. */
const MAX_BODY = 16 * 1024;
/**
 * A request with a longer URL or more query pairs or form fields is no example to paste: another
 * request of the endpoint is taken, or none. This also bounds the work per exchange.
 */
const MAX_URL = 8 * 1024;
const MAX_PAIRS = 64;

export class RequestExampleAccumulator {
  private example: RequestExample | null = null;
  private successful = false;

  constructor(
    private readonly group: Pick<ShownGroup, 'path' | 'pathParams'>,
    private readonly gate: Gate,
    private readonly cookies: CookieContents = new CookieContents(),
  ) {}

  add(exchange: Exchange): void {
    const status = exchange.response.status;
    const ok = status >= 200 && status <= 399;
    if (this.example !== null && (this.successful || !ok)) return;
    if (!pasteable(exchange)) return;
    this.example = this.exampleOf(exchange);
    this.successful = ok;
  }

  finish(): RequestExample | undefined {
    return this.example ?? undefined;
  }

  private exampleOf(exchange: Exchange): RequestExample {
    const gate = this.gate;
    const headers: RequestExample['headers'] = [];
    for (const h of exchange.request.headers) {
      const name = h.name.toLowerCase();
      // A header too long to paste is left out rather than cut (a cut secret may not be recognised).
      if (name === 'cookie' || headerKind(name) === null || h.value.length > MAX_BODY) continue;
      headers.push({ name, value: gate.header(name, h.value) });
    }
    // A value the capture also sent inside a cookie (a tracker's `id=<uuid>` cookie echoed as
    // `?vtid=<uuid>`) is that cookie's content: left out of the example, as cookie values are.
    this.cookies.remember(exchange);
    const query = exchange.url.query.filter((q) => !this.cookies.has(q.value));
    const body = this.bodyOf(exchange);
    return {
      status: exchange.response.status,
      path: gate.requestPath(exchange.url.path, this.group.path, this.group.pathParams),
      query: query.map((q) => ({ name: gate.name(q.name, 'url.query'), value: gate.value(q.value, q.name, 'query', query, 'url.query') })),
      headers,
      cookies: [...new Set(requestCookies(exchange).map((c) => gate.cookieName(c.name)))],
      ...(body ? { body } : {}),
    };
  }

  private bodyOf(exchange: Exchange): RequestExample['body'] | undefined {
    const body = exchange.request.body;
    if (body === null || body.size > MAX_BODY) return undefined;
    const { content, mediaType } = body;
    const gate = this.gate;
    if (content.kind === 'json') return { mediaType: mediaType || 'application/json', text: gate.compact(gate.json(content.value, 'request.body')) };
    if (content.kind === 'form') {
      const fields = content.fields;
      return {
        mediaType: mediaType || 'application/x-www-form-urlencoded',
        fields: content.fields.map((f) => ({ name: gate.name(f.name, 'request.body'), value: gate.value(f.value, f.name, 'form', fields, 'request.body') })),
      };
    }
    if (content.kind === 'text') return { mediaType: mediaType || 'text/plain', text: gate.text(content.text, 'request.body') };
    return undefined;
  }
}

/** Cookie contents remembered at most; a capture with more is judged on the first ones. */
const MAX_COOKIE_CONTENTS = 100_000;

/**
 * The values sent inside cookies so far in the capture (one per run, shared by every endpoint):
 * whole, and as the parts of `k=v:k2=v2` or `a&b` values; 8+ characters. Read from original
 * exchanges; never shown, only asked whether a value is one.
 */
export class CookieContents {
  private readonly values = new Set<string>();

  remember(exchange: Exchange): void {
    for (const cookie of requestCookies(exchange)) {
      if (cookie.value.length > MAX_URL) continue;
      for (const part of [cookie.value, ...cookie.value.split(/[:&|;,]/).map((p) => p.slice(p.indexOf('=') + 1))])
        if (part.length >= 8 && this.values.size < MAX_COOKIE_CONTENTS) this.values.add(part);
    }
  }

  has(value: string): boolean {
    return this.values.has(value);
  }
}

function pasteable(exchange: Exchange): boolean {
  const { url } = exchange;
  const body = exchange.request.body;
  if (url.query.length > MAX_PAIRS || url.path.length > MAX_URL) return false;
  let length = url.path.length;
  for (const q of url.query) length += q.name.length + q.value.length + 2;
  if (length > MAX_URL) return false;
  return !(body?.content.kind === 'form' && body.content.fields.length > MAX_PAIRS);
}
