/**
 * Which request headers are notable: auth, content type, and custom ones (`x-…`, `…-token`); and
 * which response headers matter to a client (rate limits, pagination, caching, `Location` …).
 * Minimising an exchange keeps only these (minimise.ts), and inference describes only these
 * (infer/params.ts), so the two always agree on what a reference can show.
 */
import type { HeaderKind } from '../model.js';

const CONTENT_HEADERS = new Set(['content-type']);
const AUTH_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-csrftoken',
]);
/** `x-` headers that every browser or CDN adds; they say nothing about the API. */
const NOISE_HEADERS = new Set(['x-requested-with', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'x-client-data']);

/**
 * `apikey`, `token`, `access_token`: names that may carry a credential, so they are kept and
 * described; whether one does is decided on the values (credentials.ts), and then its kind is
 * `auth` (infer/params.ts).
 */
const MAYBE_CREDENTIAL = /^(?:apikey|token|access[-_]token|auth[-_]token|jwt)$/;

/** The kind of a lower-case header name, or null when the header is not worth describing. */
export function headerKind(name: string): HeaderKind | null {
  if (AUTH_HEADERS.has(name)) return 'auth';
  if (CONTENT_HEADERS.has(name)) return 'content';
  // `sec-websocket-key`, `sec-fetch-mode`: set by the browser per connection or request, never by a client's code.
  if (NOISE_HEADERS.has(name) || name.startsWith(':') || name.startsWith('sec-')) return null;
  if (MAYBE_CREDENTIAL.test(name)) return 'custom';
  if (name.startsWith('x-') || name.startsWith('oai-') || name.endsWith('-token') || name.endsWith('-key')) return 'custom';
  return null;
}

/** What a response header is for, or null when it does not matter to a client. */
export function responseHeaderKind(name: string): string | null {
  if (name === 'retry-after' || /(?:^|-)rate-?limit/.test(name)) return 'rate-limit';
  if (name === 'link' || name === 'content-range' || /^x-(?:total|next|prev|page|per-page|pagination|cursor|has-more)/.test(name)) return 'pagination';
  if (name === 'etag' || name === 'last-modified' || name === 'cache-control' || name === 'expires') return 'caching';
  if (name === 'location' || name === 'content-location') return 'location';
  if (name === 'content-disposition') return 'download';
  return null;
}
