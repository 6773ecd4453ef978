/**
 * The ids a collection lists: `GET /articles` answering `[{"id": "…"}, …]` (or the list inside an
 * envelope, `{"results": […]}`, `{"data": {"items": […]}}`) says those values are articles. A
 * path parameter elsewhere holding the same values (`/bookmarks/{x}/`) identifies articles too,
 * and is named `{article_id}` (templates.ts, one id one name). Gathered in the shape pass over
 * every kept exchange, from the original response values (a redaction guess names nothing).
 *
 * Bounded: the first ids of each listing, a fixed number of values per collection and of
 * collections per run. Only distinctive values count (uuids, tokens, long numbers); `1` listed by
 * `/pages` and `1` in `/orders/1` are not the same thing.
 */
import type { Json } from '../exchange.js';
import { isPlural, singular } from './plural.js';
import { classifySegment, splitExtension } from './segments.js';
import { isApiWord, isVersionSegment } from './vocabulary.js';

const IDS_PER_LISTING = 200;
const IDS_PER_COLLECTION = 2000;
const MAX_COLLECTIONS = 500;
const MAX_NOUNS = 10_000;
const MAX_PLAIN = 10_000;
/** Record keys whose value is the record's own id. */
const ID_KEYS = ['id', 'uuid', '_id', 'guid'];

export interface ListingSample {
  method: string;
  url: { host: string; path: string };
  response: { status: number; body: { content: { kind: string; value?: Json } } | null };
}

export class ListedIds {
  /** `host noun` → ids listed. */
  readonly #ids = new Map<string, Set<string>>();
  /** The noun of a path's last segment, by segment (the same collections are listed again and again). */
  readonly #nouns = new Map<string, string | null>();
  /** Ids found not distinctive (small numbers, words), so a listing answered again needs no classifying. */
  readonly #plain = new Set<string>();

  /** Reads one exchange: a successful GET of a plural collection with a JSON list of records. */
  add(exchange: ListingSample): void {
    const { status, body } = exchange.response;
    if (exchange.method !== 'GET' || status < 200 || status > 299 || body?.content.kind !== 'json' || body.content.value === undefined) return;
    const value = body.content.value;
    if (value === null || typeof value !== 'object') return;
    const noun = this.#nounOf(exchange.url.path);
    if (noun === null) return;
    const records = recordsOf(value);
    if (records === null) return;
    const key = `${exchange.url.host} ${noun}`;
    let ids = this.#ids.get(key);
    if (ids === undefined) {
      if (this.#ids.size >= MAX_COLLECTIONS) return;
      this.#ids.set(key, (ids = new Set()));
    }
    const n = Math.min(records.length, IDS_PER_LISTING);
    for (let i = 0; i < n && ids.size < IDS_PER_COLLECTION; i++) {
      const id = ownId(records[i]!);
      if (id === null || ids.has(id) || this.#plain.has(id)) continue;
      if (isDistinctiveId(id)) ids.add(id);
      else if (this.#plain.size < MAX_PLAIN) this.#plain.add(id);
    }
  }

  #nounOf(path: string): string | null {
    const end = path.length > 1 && path.charCodeAt(path.length - 1) === 47 ? path.length - 1 : path.length;
    const last = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
    let noun = this.#nouns.get(last);
    if (noun === undefined) {
      noun = collectionNoun(`/${last}`);
      if (this.#nouns.size < MAX_NOUNS) this.#nouns.set(last, noun);
    }
    return noun;
  }

  /** The nouns of the collections of `host` that listed `value` (`article` for `/articles`). */
  nounsOf(host: string, value: string): string[] {
    const nouns: string[] = [];
    for (const [key, ids] of this.#ids) if (ids.has(value) && key.startsWith(`${host} `)) nouns.push(key.slice(host.length + 1));
    return nouns;
  }

  get empty(): boolean {
    return this.#ids.size === 0;
  }
}

/** The singular noun of the path's last segment when it is a plural word (`/api/articles/` → `article`). */
export function collectionNoun(path: string): string | null {
  const segments = path.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last === undefined) return null;
  const stem = splitExtension(last)[0];
  if (!/^[A-Za-z][A-Za-z_-]{2,40}$/.test(stem) || isApiWord(stem) || isVersionSegment(stem, null) || !isPlural(stem)) return null;
  return singular(stem.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/-/g, '_')).toLowerCase();
}

/** The list of records a listing answers: the body, or the one list inside an envelope (two levels at most). */
function recordsOf(value: Json, depth = 0): Json[] | null {
  if (Array.isArray(value)) return value.length > 0 && isRecord(value[0]!) ? value : null;
  if (!isRecord(value) || depth >= 2) return null;
  let found: Json[] | null = null;
  for (const key in value) {
    const inner = value[key]!;
    if (inner === null || typeof inner !== 'object') continue;
    const records = recordsOf(inner, depth + 1);
    if (records === null) continue;
    // Two lists in one envelope: which one the collection names is not known.
    if (found !== null) return null;
    found = records;
  }
  return found;
}

function ownId(record: Json): string | null {
  if (!isRecord(record)) return null;
  for (const key of ID_KEYS) {
    const id = record[key];
    if (typeof id === 'string' && id.length <= 200) return id;
    if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  }
  return null;
}

function isRecord(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value that identifies one thing wherever it appears: not a small number, a word or a date. */
export function isDistinctiveId(value: string): boolean {
  const cls = classifySegment(value);
  if (cls.kind === 'integer') return value.length >= 6;
  return cls.kind !== 'word' && cls.kind !== 'date' && cls.kind !== 'datetime' && cls.noun === undefined;
}
