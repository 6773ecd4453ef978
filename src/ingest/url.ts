/**
 * Request URLs to their parts. Only absolute http(s)/ws(s) URLs describe an API call; anything
 * else (relative, `data:`, `blob:`, `chrome-extension:`) is reported by the caller and skipped.
 */
import type { ExchangeUrl, NameValue } from '../exchange.js';

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export type UrlResult = { ok: true; url: ExchangeUrl } | { ok: false; reason: 'invalid-url' | 'non-http-url' };

export function parseRequestUrl(text: string): UrlResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (!WEB_SCHEMES.has(url.protocol)) return { ok: false, reason: 'non-http-url' };
  return {
    ok: true,
    url: {
      scheme: url.protocol.slice(0, -1),
      host: url.host.toLowerCase(),
      path: url.pathname || '/',
      query: parseQuery(url.search),
      fragment: url.hash.slice(1),
    },
  };
}

/** Decodes a query string (`?a=1&b=%20`) into ordered name/value pairs. */
export function parseQuery(search: string): NameValue[] {
  const query: NameValue[] = [];
  for (const [name, value] of new URLSearchParams(search)) query.push({ name, value });
  return query;
}
