/**
 * Query parameters, notable request headers and auth schemes of one endpoint, with evidence:
 * in how many of its requests each appeared. Gathered one exchange at a time; per name only a
 * count and a `ScalarObserver` are kept (named-values.ts; the first 1000 values observed).
 */
import type { Exchange } from '../exchange.js';
import type { AuthScheme, HeaderParam, Param } from '../model.js';
import { headerKind } from '../normalise/header-kind.js';
import { isPlaceholder } from '../redact/index.js';
import { NamedValues } from './named-values.js';

/** Values observed per name; later ones only count towards presence. */
const MAX_VALUES_PER_NAME = 1000;

export class QueryParamsAccumulator {
  private readonly named = new NamedValues(MAX_VALUES_PER_NAME);

  add(exchange: Exchange): void {
    this.named.addSample(exchange.url.query);
  }

  finish(): Param[] {
    const of = this.named.samples;
    const params: Param[] = [];
    for (const { name, seen, values } of this.named.entries())
      params.push(withExample({ name, seen, of, required: seen === of, schema: values.schema() }, values.example));
    return params.sort(byName);
  }
}

/** Notable request headers only: the others are never shown, so their values are not observed. */
export class HeadersAccumulator {
  private readonly named = new NamedValues(MAX_VALUES_PER_NAME, (name) => headerKind(name) !== null);

  add(exchange: Exchange): void {
    this.named.addSample(exchange.request.headers, true);
  }

  finish(): HeaderParam[] {
    const of = this.named.samples;
    const headers: HeaderParam[] = [];
    for (const { name, seen, values } of this.named.entries()) {
      const kind = headerKind(name)!;
      const example = name === 'cookie' ? cookieNames(values.first ?? '') : undefined;
      const param = withExample({ name, seen, of, required: seen === of, schema: { type: 'string' } }, values.example);
      headers.push({ ...param, ...(example !== undefined ? { example } : {}), kind });
    }
    return headers.sort(byName);
  }
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
/** Query names that say "credential" on their own. */
const API_KEY_QUERY = new Set(['api_key', 'apikey', 'access_token']);
/**
 * Query names that are credentials only when redaction found a credential under them:
 * `?key=AIza…` is an API key, `/prefs?key=theme` a preference name.
 */
const MAYBE_KEY_QUERY = new Set(['key', 'token']);
const SESSION_COOKIE = /sess|sid|token|auth|jwt|login/i;

export class AuthAccumulator {
  private readonly schemes = new Map<string, { scheme: AuthScheme; counted: number }>();
  private exchanges = 0;

  add(exchange: Exchange): void {
    const current = ++this.exchanges;
    for (const header of exchange.request.headers) {
      const name = header.name.toLowerCase();
      if (name === 'authorization') {
        const scheme = header.value.split(' ')[0]!.toLowerCase();
        if (scheme === 'bearer') this.count('bearer', 'header', name, current);
        else if (scheme === 'basic') this.count('basic', 'header', name, current);
        else this.count('apiKey', 'header', name, current);
      } else if (API_KEY_HEADERS.has(name)) this.count('apiKey', 'header', name, current);
    }
    // A name redaction replaced (`<email:1>`, `<token:2>`) says nothing about sessions: only names as redaction left them are read.
    for (const cookie of cookiesOf(exchange)) if (!hasPlaceholder(cookie) && SESSION_COOKIE.test(cookie)) this.count('cookie', 'cookie', cookie, current);
    for (const param of exchange.url.query) if (isCredentialParam(param.name, param.value)) this.count('apiKey', 'query', param.name, current);
  }

  finish(): AuthScheme[] {
    return [...this.schemes.values()].map(({ scheme }) => scheme).sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
  }

  /** A scheme counts once per exchange, however often the exchange names it. */
  private count(type: AuthScheme['type'], where: AuthScheme['in'], name: string, exchange: number): void {
    const key = `${type} ${where} ${name}`;
    const found = this.schemes.get(key);
    if (!found) this.schemes.set(key, { scheme: { type, in: where, name, seen: 1 }, counted: exchange });
    else if (found.counted !== exchange) {
      found.counted = exchange;
      found.scheme.seen++;
    }
  }
}

function isCredentialParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (API_KEY_QUERY.has(lower)) return value !== '';
  return MAYBE_KEY_QUERY.has(lower) && isPlaceholder(value);
}

/** `<email:1>.idToken`: a cookie name with a placeholder in it. */
function hasPlaceholder(name: string): boolean {
  const open = name.indexOf('<');
  return open !== -1 && name.indexOf('>', open) !== -1;
}

function cookiesOf(exchange: Exchange): string[] {
  if (exchange.request.cookies.length > 0) return exchange.request.cookies.map((c) => c.name);
  const header = exchange.request.headers.find((h) => h.name.toLowerCase() === 'cookie');
  return header
    ? header.value
        .split(';')
        .map((p) => p.trim().split('=')[0]!)
        .filter(Boolean)
    : [];
}

function withExample<T extends Param>(param: T, example: string | undefined): T {
  return example === undefined ? param : { ...param, example };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
