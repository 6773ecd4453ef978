/**
 * Query parameters, notable request headers and auth schemes of one endpoint, with evidence:
 * in how many of its requests each appeared.
 */
import type { Exchange, NameValue } from '../exchange.js';
import type { AuthScheme, HeaderKind, HeaderParam, Param } from '../model.js';
import { scalarSchema } from './scalar.js';

/** Collects name → values over exchanges; a name counts once per exchange. */
function collect(exchanges: readonly Exchange[], pick: (e: Exchange) => NameValue[], normalise: (name: string) => string): Map<string, { name: string; seen: number; values: string[] }> {
  const found = new Map<string, { name: string; seen: number; values: string[] }>();
  for (const exchange of exchanges) {
    const counted = new Set<string>();
    for (const pair of pick(exchange)) {
      const key = normalise(pair.name);
      let entry = found.get(key);
      if (!entry) found.set(key, (entry = { name: key, seen: 0, values: [] }));
      if (!counted.has(key)) {
        counted.add(key);
        entry.seen++;
      }
      if (entry.values.length < 1000) entry.values.push(pair.value);
    }
  }
  return found;
}

export function inferQueryParams(exchanges: readonly Exchange[]): Param[] {
  const of = exchanges.length;
  return [...collect(exchanges, (e) => e.url.query, (n) => n).values()]
    .map(({ name, seen, values }) => withExample({ name, seen, of, required: seen === of, schema: scalarSchema(values) }, values))
    .sort(byName);
}

const CONTENT_HEADERS = new Set(['content-type']);
const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token', 'x-csrf-token', 'x-xsrf-token', 'x-csrftoken']);
/** `x-` headers that every browser or CDN adds; they say nothing about the API. */
const NOISE_HEADERS = new Set(['x-requested-with', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'x-client-data']);

export function headerKind(name: string): HeaderKind | null {
  if (AUTH_HEADERS.has(name)) return 'auth';
  if (CONTENT_HEADERS.has(name)) return 'content';
  if (NOISE_HEADERS.has(name) || name.startsWith(':')) return null;
  if (name.startsWith('x-') || name.startsWith('oai-') || name.endsWith('-token') || name.endsWith('-key')) return 'custom';
  return null;
}

export function inferHeaders(exchanges: readonly Exchange[]): HeaderParam[] {
  const of = exchanges.length;
  const headers: HeaderParam[] = [];
  for (const { name, seen, values } of collect(exchanges, (e) => e.request.headers, (n) => n.toLowerCase()).values()) {
    const kind = headerKind(name);
    if (kind === null) continue;
    const example = name === 'cookie' ? cookieNames(values[0] ?? '') : undefined;
    const param = withExample({ name, seen, of, required: seen === of, schema: { type: 'string' } }, values);
    headers.push({ ...param, ...(example !== undefined ? { example } : {}), kind });
  }
  return headers.sort(byName);
}

/** A Cookie header is shown by its cookie names only: `session=…; theme=…`. */
function cookieNames(value: string): string {
  return value
    .split(';')
    .map((pair) => pair.trim().split('=')[0])
    .filter(Boolean)
    .map((name) => `${name}=…`)
    .join('; ');
}

const API_KEY_HEADERS = new Set(['x-api-key', 'api-key', 'x-auth-token', 'x-access-token', 'apikey']);
const API_KEY_QUERY = new Set(['api_key', 'apikey', 'key', 'access_token', 'token']);
const SESSION_COOKIE = /sess|sid|token|auth|jwt|login/i;

export function inferAuth(exchanges: readonly Exchange[]): AuthScheme[] {
  const schemes = new Map<string, AuthScheme>();
  const add = (scheme: Omit<AuthScheme, 'seen'>): void => {
    const key = `${scheme.type} ${scheme.in} ${scheme.name}`;
    const found = schemes.get(key);
    if (found) found.seen++;
    else schemes.set(key, { ...scheme, seen: 1 });
  };
  for (const exchange of exchanges) {
    const seen = new Set<string>();
    const once = (scheme: Omit<AuthScheme, 'seen'>): void => {
      const key = `${scheme.type} ${scheme.in} ${scheme.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        add(scheme);
      }
    };
    for (const header of exchange.request.headers) {
      const name = header.name.toLowerCase();
      if (name === 'authorization') {
        const scheme = header.value.split(' ')[0]!.toLowerCase();
        if (scheme === 'bearer') once({ type: 'bearer', in: 'header', name });
        else if (scheme === 'basic') once({ type: 'basic', in: 'header', name });
        else once({ type: 'apiKey', in: 'header', name });
      } else if (API_KEY_HEADERS.has(name)) once({ type: 'apiKey', in: 'header', name });
    }
    for (const cookie of cookiesOf(exchange)) if (SESSION_COOKIE.test(cookie)) once({ type: 'cookie', in: 'cookie', name: cookie });
    for (const param of exchange.url.query) if (API_KEY_QUERY.has(param.name.toLowerCase())) once({ type: 'apiKey', in: 'query', name: param.name });
  }
  return [...schemes.values()].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
}

function cookiesOf(exchange: Exchange): string[] {
  if (exchange.request.cookies.length > 0) return exchange.request.cookies.map((c) => c.name);
  const header = exchange.request.headers.find((h) => h.name.toLowerCase() === 'cookie');
  return header ? header.value.split(';').map((p) => p.trim().split('=')[0]!).filter(Boolean) : [];
}

function withExample<T extends Param>(param: T, values: readonly string[]): T {
  const example = values.find((v) => v !== '');
  return example === undefined ? param : { ...param, example };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
