/**
 * Drops what no output ever shows before an exchange is redacted and described: response
 * headers other than those a client needs (responseHeaderKind), cookie values, the redirect URL, status text, the URL fragment, request headers other
 * than the notable ones (auth, content type, custom `x-` headers) and cookie values (the
 * reference shows cookie names only). What is not carried cannot leak, and redaction is spared
 * rewriting values nobody reads. Secrets are learned from the full exchange before this runs.
 */
import type { Exchange, NameValue } from '../exchange.js';
import { responseCookies } from './cookies.js';
import { headerKind, responseHeaderKind } from './header-kind.js';

/**
 * A minimiser for one run. Whether a header of a name (as sent, any case) is kept is decided once
 * per name: every call sends the same few names. Bounded: past `MAX_NAMES` a name is judged each time.
 */
export function createMinimiser(): (exchange: Exchange) => Exchange {
  const notable = new Map<string, boolean>();
  const forClient = new Map<string, boolean>();
  const notableHeaders = (headers: readonly NameValue[]): NameValue[] => {
    const kept: NameValue[] = [];
    for (const header of headers) if (keeps(notable, header.name, headerKind)) kept.push(header);
    return kept.length === headers.length ? (headers as NameValue[]) : kept;
  };
  const clientHeaders = (headers: readonly NameValue[]): NameValue[] => {
    const kept: NameValue[] = [];
    for (const header of headers) if (keeps(forClient, header.name, responseHeaderKind)) kept.push(header);
    return kept.length === 0 ? NONE : kept;
  };
  return (exchange) => {
    const { request, response } = exchange;
    return {
      ...exchange,
      url: exchange.url.fragment === '' ? exchange.url : { ...exchange.url, fragment: '' },
      request: { headers: notableHeaders(request.headers), cookies: cookieNames(request.cookies), body: request.body },
      response: {
        headers: clientHeaders(response.headers),
        cookies: cookieNames(responseCookies(exchange)),
        body: response.body,
        status: response.status,
        statusText: '',
        redirectURL: '',
      },
    };
  };
}

const NONE: NameValue[] = [];
const MAX_NAMES = 2000;

function keeps(decided: Map<string, boolean>, name: string, kind: (lower: string) => string | null): boolean {
  let kept = decided.get(name);
  if (kept === undefined) {
    kept = kind(name.toLowerCase()) !== null;
    if (decided.size < MAX_NAMES) decided.set(name, kept);
  }
  return kept;
}

function cookieNames(cookies: readonly NameValue[]): NameValue[] {
  return cookies.length === 0 ? NONE : cookies.map((cookie) => ({ name: cookie.name, value: '' }));
}
