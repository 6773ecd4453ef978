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
 * every body is read up to a fixed number of leaves (values.ts). Once the index is full no
 * response can add to it, so responses are no longer read for values at all.
 *
 * Each place (endpoint, in, name) is one record, shared by the index, the counts and the links,
 * so a value costs one map entry and a request's values are counted without building keys.
 */
import { createHash } from 'node:crypto';
import type { Exchange, NameValue } from '../../exchange.js';
import type { CsrfPair, Link, LinkEnd, PathParam } from '../../model.js';
import { compareText } from '../../order.js';
import { readJwt } from '../../redact/jwt.js';
import { requestCookies, responseCookies } from '../../normalise/cookies.js';
import { createValueReader, type Emit, type PlacedValue } from './values.js';

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
/** Recent long values and their digest or JWT reading: a session sends the same token again and again. */
const RECENT = 16;

/** One place of one endpoint: where a value was first seen, or an input that carried values. */
interface Place {
  end: LinkEnd;
  /** Requests whose values at this place were counted. */
  requests: number;
  /** The last request that counted this place, so each request counts it once. */
  countedIn: number;
  /** Producer place → link into this place. */
  links?: Map<Place, Counted<Link>>;
}

/** One endpoint's places, by where they are and then by name. */
type EndpointPlaces = { endpoint: string } & { [where in LinkEnd['in']]: Map<string, Place> };

function placeOf(places: EndpointPlaces, where: LinkEnd['in'], name: string): Place {
  const byName = places[where];
  let place = byName.get(name);
  if (!place) byName.set(name, (place = { end: { endpoint: places.endpoint, in: where, name }, requests: 0, countedIn: -1 }));
  return place;
}

interface Counted<T> {
  value: T;
  countedIn: number;
}

export function createFlowObserver(): FlowObserver {
  const reader = createValueReader();
  /** Value → the response place that gave it first, or null when a request sent it first. */
  const firstSeen = new Map<string, Place | null>();
  /** Endpoint key → its places. */
  const places = new Map<string, EndpointPlaces>();
  const inputs: Place[] = [];
  const credentials = new Map<string, { claims: Set<string>; min?: number; max?: number }>();
  const setCookies = new Map<string, Map<string, number>>();
  const csrf = new Map<string, Map<string, CsrfPair>>();
  const digests = new Map<string, string>();
  const jwts = new Map<string, ReturnType<typeof readJwt>>();
  let request = 0;
  let producer: EndpointPlaces | undefined;

  const placesOf = (endpoint: string): EndpointPlaces => {
    let known = places.get(endpoint);
    if (!known) places.set(endpoint, (known = { endpoint, path: new Map(), query: new Map(), header: new Map(), cookie: new Map(), body: new Map() }));
    return known;
  };

  const indexKey = (value: string): string => {
    if (value.length <= DIGEST_OVER) return value;
    let key = digests.get(value);
    if (key === undefined) {
      key = `#${createHash('sha256').update(value).digest('base64')}`;
      if (digests.size >= RECENT) digests.clear();
      digests.set(value, key);
    }
    return key;
  };

  /** A response value: remembered with its place unless a request or response gave it before. */
  const produced: Emit = (where, name, value) => {
    if (firstSeen.size >= MAX_INDEXED) return;
    const key = indexKey(value);
    if (!firstSeen.has(key)) firstSeen.set(key, placeOf(producer!, where, name));
  };

  return {
    observe(exchange, endpoint) {
      request++;
      const cookiesSent = requestCookies(exchange);
      const sent = reader.requestValues(exchange, endpoint.pathParams, cookiesSent);
      const keys = sent.map((v) => indexKey(v.value));
      consume(sent, keys, endpoint.key);
      for (const key of keys) if (!firstSeen.has(key) && firstSeen.size < MAX_INDEXED) firstSeen.set(key, null);
      noteCredentials(sent);
      noteCsrf(exchange, cookiesSent, endpoint.host);
      const cookiesSet = responseCookies(exchange);
      for (const cookie of cookiesSet) {
        let by = setCookies.get(cookie.name);
        if (!by) {
          if (setCookies.size >= MAX_NAMES) continue;
          setCookies.set(cookie.name, (by = new Map()));
        }
        by.set(endpoint.key, (by.get(endpoint.key) ?? 0) + 1);
      }
      // A full index takes nothing more, and response values are read only to fill it.
      if (firstSeen.size >= MAX_INDEXED) return;
      producer = placesOf(endpoint.key);
      reader.responseValues(exchange, cookiesSet, produced);
    },
    finish() {
      const links: Link[] = [];
      for (const input of inputs) {
        if (!input.links) continue;
        // Copies, so no two links share an end object (a YAML or JSON writer sees plain trees).
        for (const { value: link } of input.links.values()) links.push({ from: { ...link.from }, to: { ...link.to }, seen: link.seen, of: input.requests });
      }
      return {
        links: links.sort(compareLinks),
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
  function consume(sent: readonly PlacedValue[], keys: readonly string[], endpoint: string): void {
    if (sent.length === 0) return;
    const consumer = placesOf(endpoint);
    for (let i = 0; i < sent.length; i++) {
      const v = sent[i]!;
      const input = placeOf(consumer, v.in, v.name);
      if (input.countedIn !== request) {
        if (input.requests === 0) inputs.push(input);
        input.countedIn = request;
        input.requests++;
      }
      const from = firstSeen.get(keys[i]!);
      if (!from) continue;
      const links = (input.links ??= new Map());
      const link = links.get(from);
      if (!link) links.set(from, { value: { from: from.end, to: input.end, seen: 1, of: 0 }, countedIn: request });
      else if (link.countedIn !== request) {
        link.countedIn = request;
        link.value.seen++;
      }
    }
  }

  function noteCredentials(sent: readonly PlacedValue[]): void {
    for (const v of sent) {
      if (v.in !== 'header' && v.in !== 'cookie' && v.in !== 'query') continue;
      const jwt = jwtOf(v.value);
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

  /** `readJwt`, read once for a token sent again and again. */
  function jwtOf(value: string): ReturnType<typeof readJwt> {
    // Not a JWT: readJwt says so from the first two characters, no need to remember it.
    if (value.charCodeAt(0) !== 101 /* e */) return null;
    let jwt = jwts.get(value);
    if (jwt === undefined) {
      jwt = readJwt(value);
      if (jwts.size >= RECENT) jwts.clear();
      jwts.set(value, jwt);
    }
    return jwt;
  }

  /** A request header carrying exactly the value of a cookie sent with it. */
  function noteCsrf(exchange: Exchange, sentCookies: readonly NameValue[], host: string): void {
    const cookies = sentCookies.filter((c) => c.value.length >= 8);
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

function inputKey(end: LinkEnd): string {
  return `${end.endpoint}\u0000${end.in}\u0000${end.name}`;
}

function compareLinks(a: Link, b: Link): number {
  return compareText(inputKey(a.to), inputKey(b.to)) || b.seen - a.seen || compareText(inputKey(a.from), inputKey(b.from));
}
