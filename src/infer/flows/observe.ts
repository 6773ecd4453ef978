/**
 * Flows between calls: which request values first appeared in an earlier response of the
 * capture. The observer reads the original exchanges in capture order (before redaction: a
 * placeholder would hide that two values are equal) and keeps, per distinctive value, only
 * where it was first seen; what it returns holds names and counts, never a value.
 *
 * A value first seen in a request (an id the client made up) links nothing, even when a later
 * response echoes it. Besides links it gathers what the Authentication section needs and only
 * raw values show: a JWT credential's claim names and lifetime, the cookies each response set,
 * and request headers that echo a cookie (CSRF double submit).
 *
 * Memory is bounded: at most `MAX_INDEXED` values are remembered (long ones as a digest), and
 * every body is read up to a fixed number of leaves (values.ts).
 */
import { createHash } from 'node:crypto';
import type { Exchange } from '../../exchange.js';
import type { CsrfPair, Link, LinkEnd, PathParam } from '../../model.js';
import { compareText } from '../../order.js';
import { readJwt } from '../../redact/jwt.js';
import { requestCookies, responseCookies } from '../../normalise/cookies.js';
import { type PlacedValue, requestValues, responseValues } from './values.js';

export interface FlowEndpoint {
  key: string;
  host: string;
  pathParams: readonly PathParam[];
}

/** What the capture showed about one credential name (`header authorization`, `cookie session`). */
export interface CredentialFacts {
  claims: string[];
  lifetime?: { min: number; max: number };
}

export interface FlowFacts {
  links: Link[];
  /** By `in name` with the name in lower case for headers. */
  credentials: Map<string, CredentialFacts>;
  /** Cookie name → endpoint key → times set. */
  setCookies: Map<string, Map<string, number>>;
  /** Host → pairs. */
  csrf: Map<string, CsrfPair[]>;
}

export interface FlowObserver {
  observe(exchange: Exchange, endpoint: FlowEndpoint): void;
  finish(): FlowFacts;
}

const MAX_INDEXED = 200_000;
/** Values longer than this are remembered by digest, so a JWT costs as much as a UUID. */
const DIGEST_OVER = 64;
const MAX_NAMES = 1000;

export function createFlowObserver(): FlowObserver {
  /** Value → the response place that gave it first, or null when a request sent it first. */
  const firstSeen = new Map<string, LinkEnd | null>();
  const links = new Map<string, Link>();
  const inputs = new Map<string, number>();
  const credentials = new Map<string, { claims: Set<string>; min?: number; max?: number }>();
  const setCookies = new Map<string, Map<string, number>>();
  const csrf = new Map<string, Map<string, CsrfPair>>();

  const remember = (value: string, origin: LinkEnd | null): void => {
    const key = indexKey(value);
    if (!firstSeen.has(key) && firstSeen.size < MAX_INDEXED) firstSeen.set(key, origin);
  };

  return {
    observe(exchange, endpoint) {
      const sent = requestValues(exchange, endpoint.pathParams);
      consume(sent, endpoint.key);
      for (const v of sent) remember(v.value, null);
      noteCredentials(sent);
      noteCsrf(exchange, endpoint.host);
      for (const cookie of responseCookies(exchange)) {
        let by = setCookies.get(cookie.name);
        if (!by) {
          if (setCookies.size >= MAX_NAMES) continue;
          setCookies.set(cookie.name, (by = new Map()));
        }
        by.set(endpoint.key, (by.get(endpoint.key) ?? 0) + 1);
      }
      for (const v of responseValues(exchange)) remember(v.value, { endpoint: endpoint.key, in: v.in, name: v.name });
    },
    finish() {
      for (const link of links.values()) link.of = inputs.get(inputKey(link.to)) ?? link.seen;
      return {
        links: [...links.values()].sort(compareLinks),
        credentials: new Map(
          [...credentials].map(([key, c]) => [
            key,
            { claims: [...c.claims].sort(compareText), ...(c.min !== undefined ? { lifetime: { min: c.min, max: c.max! } } : {}) },
          ]),
        ),
        setCookies,
        csrf: new Map(
          [...csrf].map(([host, pairs]) => [host, [...pairs.values()].sort((a, b) => compareText(a.header, b.header) || compareText(a.cookie, b.cookie))]),
        ),
      };
    },
  };

  /** Counts, once per request, each input carrying a value and each producer it came from. */
  function consume(sent: readonly PlacedValue[], consumer: string): void {
    const counted = new Set<string>();
    for (const v of sent) {
      const to: LinkEnd = { endpoint: consumer, in: v.in, name: v.name };
      const input = inputKey(to);
      if (!counted.has(input)) {
        counted.add(input);
        inputs.set(input, (inputs.get(input) ?? 0) + 1);
      }
      const from = firstSeen.get(indexKey(v.value));
      if (!from) continue;
      const key = `${input}\u0000${inputKey(from)}`;
      if (counted.has(key)) continue;
      counted.add(key);
      const link = links.get(key);
      if (link) link.seen++;
      else links.set(key, { from, to, seen: 1, of: 0 });
    }
  }

  function noteCredentials(sent: readonly PlacedValue[]): void {
    for (const v of sent) {
      if (v.in !== 'header' && v.in !== 'cookie' && v.in !== 'query') continue;
      const jwt = readJwt(v.value);
      if (!jwt) continue;
      const key = `${v.in} ${v.in === 'header' ? v.name.toLowerCase() : v.name}`;
      let facts = credentials.get(key);
      if (!facts) {
        if (credentials.size >= MAX_NAMES) continue;
        credentials.set(key, (facts = { claims: new Set() }));
      }
      for (const claim of jwt.claims) facts.claims.add(claim);
      if (jwt.lifetime !== undefined) {
        facts.min = Math.min(facts.min ?? jwt.lifetime, jwt.lifetime);
        facts.max = Math.max(facts.max ?? jwt.lifetime, jwt.lifetime);
      }
    }
  }

  /** A request header carrying exactly the value of a cookie sent with it. */
  function noteCsrf(exchange: Exchange, host: string): void {
    const cookies = requestCookies(exchange).filter((c) => c.value.length >= 8);
    if (cookies.length === 0) return;
    for (const header of exchange.request.headers) {
      const name = header.name.toLowerCase();
      if (name === 'cookie' || header.value.length < 8) continue;
      const cookie = cookies.find((c) => c.value === header.value);
      if (!cookie) continue;
      let pairs = csrf.get(host);
      if (!pairs) csrf.set(host, (pairs = new Map()));
      const key = `${name}\u0000${cookie.name}`;
      const pair = pairs.get(key);
      if (pair) pair.seen++;
      else if (pairs.size < MAX_NAMES) pairs.set(key, { header: name, cookie: cookie.name, seen: 1 });
    }
  }
}

function indexKey(value: string): string {
  return value.length > DIGEST_OVER ? `#${createHash('sha256').update(value).digest('base64')}` : value;
}

function inputKey(end: LinkEnd): string {
  return `${end.endpoint}\u0000${end.in}\u0000${end.name}`;
}

function compareLinks(a: Link, b: Link): number {
  return compareText(inputKey(a.to), inputKey(b.to)) || b.seen - a.seen || compareText(inputKey(a.from), inputKey(b.from));
}
