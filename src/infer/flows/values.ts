/**
 * The values of one raw exchange that flows can link, each with the place a reader knows it by
 * (a path parameter's name, a query or header name, a cookie name, a JSON field path such as
 * `items[].id`). Reads the original exchange; the values never leave the flows module, only
 * the place names do, and those are kept only when they look like names (not data).
 *
 * Every kept exchange passes through here, so a reader remembers what repeats from one body to
 * the next: whether a key reads as a name, and the printed path of each place in a body (a trie
 * of keys). A body's walk then builds no string and allocates nothing per leaf.
 */
import type { Exchange, Json, NameValue } from '../../exchange.js';
import type { LinkEnd, PathParam } from '../../model.js';
import { isDistinctiveNumber, isDistinctiveString, MAX_LENGTH } from './distinctive.js';

export interface PlacedValue {
  in: LinkEnd['in'];
  name: string;
  value: string;
}

/** Leaves read per body: enough for the ids of a long list, bounded for a huge one. */
const MAX_LEAVES = 5000;
const MAX_DEPTH = 32;
/** Remembered keys and body places: what one API's bodies repeat; keys that are data stop adding. */
const MAX_REMEMBERED = 50_000;
/** Header names whose last value is kept. */
const MAX_NAMES = 1000;

/** Where a value was found; the reader calls `emit` once per distinctive value, in reading order. */
export type Emit = (where: LinkEnd['in'], name: string, value: string) => void;

export interface ValueReader {
  /** Request values in the order a reader meets them: path, query, headers, cookies, body. */
  requestValues(exchange: Exchange, pathParams: readonly PathParam[], cookies: readonly NameValue[]): PlacedValue[];
  /** Response values: headers other than the standard ones, cookies set, JSON bodies and events. */
  responseValues(exchange: Exchange, cookies: readonly NameValue[], emit: Emit): void;
}

/** A header name as flows read it, and the last value it had (a session sends the same token on every request). */
interface HeaderReading {
  /** In lower case. */
  name: string;
  /** `Authorization: Bearer abc` is indexed as `abc`. */
  credential: boolean;
  raw: string | undefined;
  /** What `raw` gave: the value to index, or null. */
  value: string | null;
}

/** A place in a body: its printed path, and the places under it met so far. */
interface BodyPlace {
  /** `items[].id`, or `(body)` for the body itself. */
  name: string;
  path: string;
  keys?: Map<string, BodyPlace>;
  /** The one place all non-name keys (`{key}`) share. */
  dataKey?: BodyPlace;
  items?: BodyPlace;
  /** The first key of this place's object last time, and the key after this one in its parent. */
  firstKey?: string;
  first?: BodyPlace;
  nextKey?: string;
  next?: BodyPlace;
}

/** Headers every client sends or every server returns: they carry no value an API hands out. */
const STANDARD_HEADERS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'referer',
  'origin',
  'content-length',
  'content-type',
  'connection',
  'cache-control',
  'pragma',
  'priority',
  'te',
  'upgrade-insecure-requests',
  'dnt',
  'cookie',
  'set-cookie',
  'date',
  'server',
  'vary',
  'expires',
  'last-modified',
  'content-encoding',
  'transfer-encoding',
  'keep-alive',
  'alt-svc',
  'strict-transport-security',
  'content-security-policy',
  'report-to',
  'nel',
  'age',
  'via',
]);

export function createValueReader(): ValueReader {
  const nameLike = new Map<string, boolean>();
  const rootPlace: BodyPlace = { name: '(body)', path: '' };
  let remembered = 0;

  const isName = (name: string): boolean => {
    let known = nameLike.get(name);
    if (known === undefined) {
      known = isNameLike(name);
      if (remembered < MAX_REMEMBERED) {
        nameLike.set(name, known);
        remembered++;
      }
    }
    return known;
  };

  /** How a header name is read, or null for one that carries nothing a flow uses. */
  const headerReading = (cache: Map<string, HeaderReading | null>, raw: string, sent: boolean): HeaderReading | null => {
    let reading = cache.get(raw);
    if (reading === undefined) {
      const name = raw.toLowerCase();
      const skip = STANDARD_HEADERS.has(name) || name.startsWith(':') || (sent && name.startsWith('sec-')) || !isName(name);
      reading = skip ? null : { name, credential: sent && (name === 'authorization' || name === 'proxy-authorization'), raw: undefined, value: null };
      if (remembered < MAX_REMEMBERED) {
        cache.set(raw, reading);
        remembered++;
      }
    }
    return reading;
  };
  let lastValues = 0;
  /** The value of a header worth indexing, or null; the same value as last time is not read again. */
  const headerValue = (reading: HeaderReading, raw: string): string | null => {
    if (raw === reading.raw) return reading.value;
    const value = reading.credential ? credentialOf(raw) : raw;
    const distinctive = isDistinctiveString(value) ? value : null;
    if (raw.length <= MAX_LENGTH && (reading.raw !== undefined || lastValues < MAX_NAMES)) {
      if (reading.raw === undefined) lastValues++;
      reading.raw = raw;
      reading.value = distinctive;
    }
    return distinctive;
  };
  const sentHeaders = new Map<string, HeaderReading | null>();
  const receivedHeaders = new Map<string, HeaderReading | null>();

  const newPlace = (path: string): BodyPlace => ({ name: path || '(body)', path });

  /** The place of `key` under `parent`: one per name, one shared by every key that is data. */
  const keyPlace = (parent: BodyPlace, key: string): BodyPlace => {
    const known = parent.keys?.get(key);
    if (known) return known;
    let place: BodyPlace;
    if (isName(key)) place = newPlace(parent.path ? `${parent.path}.${key}` : key);
    else place = parent.dataKey ??= newPlace(parent.path ? `${parent.path}.{key}` : '{key}');
    if (remembered < MAX_REMEMBERED) {
      (parent.keys ??= new Map()).set(key, place);
      remembered++;
    }
    return place;
  };

  const pushJson = (where: LinkEnd['in'], json: Json, emit: Emit): void => {
    let leaves = 0;
    const walk = (value: Json, place: BodyPlace, depth: number): void => {
      if (leaves >= MAX_LEAVES || depth > MAX_DEPTH) return;
      if (typeof value === 'string') {
        leaves++;
        if (isDistinctiveString(value)) emit(where, place.name, value);
      } else if (typeof value === 'number') {
        leaves++;
        if (isDistinctiveNumber(value)) emit(where, place.name, String(value));
      } else if (typeof value === 'object' && value !== null) {
        if (Array.isArray(value)) {
          if (value.length === 0) return;
          const items = (place.items ??= newPlace(`${place.path}[]`));
          for (let i = 0; i < value.length; i++) walk(value[i]!, items, depth + 1);
        } else {
          // Own keys in Object.keys order: parsed JSON inherits no enumerable key, and for-in makes no array.
          // Objects of one shape list their keys in one order: the key after the last one is
          // checked first (an identity test on parsed keys) before the map of all keys.
          let before: BodyPlace | null = null;
          for (const key in value) {
            let child: BodyPlace | undefined =
              before === null ? (place.firstKey === key ? place.first : undefined) : before.nextKey === key ? before.next : undefined;
            if (child === undefined) {
              child = keyPlace(place, key);
              if (before === null) {
                place.firstKey = key;
                place.first = child;
              } else {
                before.nextKey = key;
                before.next = child;
              }
            }
            walk(value[key]!, child, depth + 1);
            before = child;
          }
        }
      }
    };
    walk(json, rootPlace, 0);
  };

  return {
    requestValues(exchange, pathParams, cookies) {
      const out: PlacedValue[] = [];
      const push: Emit = (where, name, value) => {
        out.push({ in: where, name, value });
      };
      if (pathParams.length > 0) {
        const segments = exchange.url.path.split('/');
        for (const param of pathParams) {
          const raw = segments[param.position + 1];
          if (raw !== undefined) pushString(push, 'path', param.name, decodeSegment(raw));
        }
      }
      for (const q of exchange.url.query) if (isName(q.name)) pushString(push, 'query', q.name, q.value);
      for (const header of exchange.request.headers) {
        const reading = headerReading(sentHeaders, header.name, true);
        const value = reading && headerValue(reading, header.value);
        if (value) out.push({ in: 'header', name: reading.name, value });
      }
      for (const cookie of cookies) if (isName(cookie.name)) pushString(push, 'cookie', cookie.name, cookie.value);
      const body = exchange.request.body;
      if (body) {
        const content = body.content;
        if (content.kind === 'json') pushJson('body', content.value, push);
        else if (content.kind === 'form') {
          for (const f of content.fields) if (isName(f.name)) pushString(push, 'body', f.name, f.value);
        } else if (content.kind === 'multipart') {
          for (const part of content.parts)
            if (part.value !== null && part.fileName === null && isName(part.name)) pushString(push, 'body', part.name, part.value);
        }
      }
      return out;
    },
    responseValues(exchange, cookies, emit) {
      for (const header of exchange.response.headers) {
        const reading = headerReading(receivedHeaders, header.name, false);
        const value = reading && headerValue(reading, header.value);
        if (value) emit('header', reading.name, value);
      }
      for (const cookie of cookies) if (isName(cookie.name)) pushString(emit, 'cookie', cookie.name, cookie.value);
      const body = exchange.response.body;
      if (body) {
        const content = body.content;
        if (content.kind === 'json' || content.kind === 'jsonp') pushJson('body', content.value, emit);
        else if (content.kind === 'ndjson') for (const value of content.values) pushJson('body', value, emit);
        else if (content.kind === 'sse') for (const event of content.events) if (event.json !== undefined) pushJson('body', event.json, emit);
      }
    },
  };
}

/** `Bearer abc` → `abc`: the token is what an earlier response handed out. */
function credentialOf(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 && space < 16 ? value.slice(space + 1).trim() : value;
}

function pushString(emit: Emit, where: LinkEnd['in'], name: string, value: string): void {
  if (isDistinctiveString(value)) emit(where, name, value);
}

/** Names are printed, so only what reads as a name is: no ids, no free text, nothing long. */
export function isNameLike(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$.-]{0,63}$/.test(name) && !isDistinctiveString(name);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
