/**
 * Request and response headers. Credentials keep their scheme (`Bearer <jwt:1 claims=…>`),
 * cookies go through cookies.ts, URL-valued headers through url.ts (`Location`, `Referer`,
 * HTTP/2 `:path` …), names that carry secrets or personal data (`X-API-Key`, `X-CSRF-Token`,
 * `X-Forwarded-For`, `From`) are replaced whole, `Content-Type` goes through media-type.ts, and
 * every other value is scanned as text.
 * Header names are matched case-insensitively: HTTP/2 exports write them in lower case.
 */
import type { NameValue } from '../exchange.js';
import { redactCookieHeader, redactSetCookie } from './cookies.js';
import { redactMediaType } from './media-type.js';
import { ruleApplies } from './names.js';
import { keptValue } from './rules.js';
import type { Scope } from './scope.js';
import { redactText } from './text.js';
import { redactUrlText } from './url.js';
import { isIdName, tagByRule } from './value.js';
import { classifyValue, credentialKind, splitScheme } from './values.js';

const URL_HEADERS = new Set(['referer', 'origin', 'location', 'content-location', ':path', 'x-original-url', 'x-rewrite-url']);

/**
 * Headers whose values are protocol vocabulary: scanned for shapes (an email in `Via`), but not
 * by the token-shape fallback.
 */
const PROTOCOL_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'content-length',
  'content-type',
  'content-disposition',
  'pragma',
  'expires',
  'age',
  'date',
  'vary',
  'etag',
  'if-none-match',
  'if-match',
  'last-modified',
  'if-modified-since',
  'server',
  'via',
  'user-agent',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-user',
  'x-content-type-options',
  'strict-transport-security',
  'transfer-encoding',
  'upgrade-insecure-requests',
  'dnt',
  'te',
  'priority',
  'x-requested-with',
  ':method',
  ':scheme',
  ':authority',
  ':status',
  'host',
  'traceparent',
  'tracestate',
  'alt-svc',
  'timing-allow-origin',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-allow-credentials',
  'access-control-max-age',
  'access-control-request-method',
  'access-control-request-headers',
  'range',
  'content-range',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'report-to',
  'nel',
  'server-timing',
]);

export function redactHeader(header: NameValue, scope: Scope): NameValue {
  if (header.value === '') return header;
  const name = header.name.toLowerCase();
  const kept = scope.cache.isKept(name);
  const value = scope.tags.memo(name, header.value, scope.place, () => {
    const redacted = redactHeaderValue(name, header.value, scope);
    return kept ? keptValue(header.value, redacted) : redacted;
  });
  return value === header.value ? header : { name: header.name, value };
}

function redactHeaderValue(name: string, value: string, scope: Scope): string {
  if (value === '') return value;
  switch (name) {
    case 'authorization':
    case 'proxy-authorization':
      return redactAuthorization(value, scope);
    case 'cookie':
      return redactCookieHeader(value, scope);
    case 'set-cookie':
      return redactSetCookie(value, scope);
  }
  if (URL_HEADERS.has(name)) return redactUrlText(value, scope);
  if (name === 'content-type') return redactMediaType(value, scope);
  const found = scope.cache.nameRule(name, 'header');
  if (found && ruleApplies(found, value)) return tagByRule(value, found, scope);
  if (found && found.tier === 'credential' && value.includes(' ')) return redactText(value, scope);
  const protocol = PROTOCOL_HEADERS.has(name);
  return redactText(value, scope, protocol || isIdName(name), !protocol);
}

/** `Bearer <token>`, `Basic <base64>`, `Digest …`, or a bare credential: the scheme stays. */
export function redactAuthorization(value: string, scope: Scope): string {
  if (scope.tags.issued(value)) return value;
  const split = splitScheme(value.trim());
  if (split === null || split.credential === '') {
    const bare = value.trim();
    return scope.tags.tagAs(bare, scope.place, () => classifyValue(bare) ?? { kind: 'token' });
  }
  if (scope.tags.issued(split.credential)) return value;
  return `${split.scheme} ${scope.tags.tagAs(split.credential, scope.place, () => credentialKind(split.scheme, split.credential))}`;
}

/** The credential of an authorization value, for the run's known secrets. */
export function authorizationCredential(value: string): string {
  const split = splitScheme(value.trim());
  return split === null ? value.trim() : split.credential;
}
