/**
 * Request URLs to their parts. Only absolute http(s)/ws(s) URLs describe an API call; anything
 * else (relative, `data:`, `blob:`, `chrome-extension:`) is reported by the caller and skipped.
 *
 * Most recorded URLs are already in the form the WHATWG parser would write them, and parsing
 * each of a capture's hundreds of thousands with `new URL` costs more than the rest of reading its
 * entry: such a URL is split by a pattern instead, and any other goes to `new URL`. The pattern
 * admits only what the parser leaves as written (test/ingest/url.test.ts compares the two).
 */
import type { ExchangeUrl, NameValue } from '../exchange.js';

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export type UrlResult = { ok: true; url: ExchangeUrl } | { ok: false; reason: 'invalid-url' | 'non-http-url' };

export function parseRequestUrl(text: string): UrlResult {
  return parsePlainUrl(text) ?? parseWhatwgUrl(text);
}

/** Any URL, by the WHATWG parser. */
export function parseWhatwgUrl(text: string): UrlResult {
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

/**
 * A lower-case web scheme; a host of lower-case letters, digits and hyphens whose last label
 * starts with a letter (so it is a name, never an IPv4 number to normalise); a port without
 * leading zeros; a path of characters the parser never escapes; a query and fragment of printable
 * ASCII (the query's escapes decode to the same pairs either way). No user info, no IPv6, no
 * spaces, tabs or line breaks (the parser would drop them), nothing outside ASCII.
 */
const PLAIN_URL =
  /^(https?|wss?):\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?::([1-9][0-9]{0,4}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)?(?:\?([^#\s"<>`\x00-\x1f\x7f-\uffff]*))?(?:#([^\s"<>`\x00-\x1f\x7f-\uffff]*))?$/;
/** A dot segment (`/./`, `/..`) or an escaped dot, which the parser resolves. */
const DOT_SEGMENT = /\/\.\.?(?:\/|$)|%2e/i;
const DEFAULT_PORTS: Record<string, string> = { http: '80', ws: '80', https: '443', wss: '443' };

/** The parts of a URL already written as the parser would write it, or null for any other URL. */
export function parsePlainUrl(text: string): UrlResult | null {
  const match = PLAIN_URL.exec(text);
  if (match === null) return null;
  const [, scheme, name, port, path = '/', query = '', fragment = ''] = match as unknown as [string, string, string, string?, string?, string?, string?];
  if (name.startsWith('xn--') || name.includes('.xn--') || DOT_SEGMENT.test(path)) return null;
  if (port !== undefined && Number(port) > 65535) return null;
  const host = port === undefined || port === DEFAULT_PORTS[scheme] ? name : `${name}:${port}`;
  return { ok: true, url: { scheme, host, path, query: queryPairs(query), fragment } };
}

/** Decodes a query string (`?a=1&b=%20`) into ordered name/value pairs. */
export function parseQuery(search: string): NameValue[] {
  return queryPairs(search.charCodeAt(0) === 63 /* ? */ ? search.slice(1) : search);
}

/** The pairs of a query without its `?`, as `URLSearchParams` decodes them. */
function queryPairs(query: string): NameValue[] {
  const pairs: NameValue[] = [];
  if (query === '') return pairs;
  // Without escapes, `+` or anything outside ASCII, every pair decodes to itself: split it here.
  if (/^[^%+\x80-\uffff]*$/.test(query)) {
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      pairs.push(eq === -1 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) });
    }
    return pairs;
  }
  // `URLSearchParams` would take a leading `?` of the query itself (`??a=1`) as the separator.
  for (const [name, value] of new URLSearchParams(`?${query}`)) pairs.push({ name, value });
  return pairs;
}
