/**
 * The cookies of a message as name/value pairs, whichever way the recorder kept them: its own
 * `cookies` list, else the `Cookie` header (request) or the `Set-Cookie` headers (response).
 */
import type { Exchange, NameValue } from '../exchange.js';

export function requestCookies(exchange: Exchange): NameValue[] {
  if (exchange.request.cookies.length > 0) return exchange.request.cookies;
  const header = exchange.request.headers.find((h) => h.name.toLowerCase() === 'cookie');
  if (!header) return [];
  const out: NameValue[] = [];
  for (const pair of header.value.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
  }
  return out;
}

/** Cookies a response set: the recorder's list, else the `Set-Cookie` headers. */
export function responseCookies(exchange: Exchange): NameValue[] {
  if (exchange.response.cookies.length > 0) return exchange.response.cookies;
  const out: NameValue[] = [];
  for (const header of exchange.response.headers) {
    // The length first: most headers are not this one, and need no lower-casing to say so.
    if (header.name.length !== 10 || header.name.toLowerCase() !== 'set-cookie') continue;
    // Some recorders join several Set-Cookie headers with newlines.
    for (const line of header.value.split('\n')) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      if (eq > 0) out.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
    }
  }
  return out;
}
