/**
 * Typed placeholders that stand in for redacted values: `<jwt:1 claims=email,exp,sub>`,
 * `<email:2>`, `<cookie:3>`. The same value gets the same tag for the whole run (whatever kind
 * it was first seen as), so a reader can still see that the token sent here is the one received
 * there. Tags are numbered per kind in order of first sight, so the output stays byte-identical
 * across runs and says nothing about the value (not even its length). Values are remembered only
 * as keyed hashes (keyed-hash.ts) whose key is random per run and never written anywhere.
 *
 * The registry also holds the "known secrets" of the run: values found by name or position
 * (cookies, credentials) are remembered before the bodies are scanned, so the same value echoed
 * in an HTML page or an error message is caught too.
 */
import { type KeyedHash, keyedHash } from './keyed-hash.js';

/** A placeholder as written: kind, number, and for JWTs the claim names. */
export const PLACEHOLDER_PATTERN = '<[a-z][a-z-]*:\\d+(?: claims=[A-Za-z0-9_.,-]*)?>';
const WHOLE = new RegExp(`^${PLACEHOLDER_PATTERN}$`);

/** True when a string is exactly one placeholder shape (issued or not). */
export function isPlaceholder(value: string): boolean {
  return value.length < 2048 && value.charCodeAt(0) === 60 /* < */ && WHOLE.test(value);
}

/** The kind of a placeholder (`jwt` for `<jwt:1 claims=exp,sub>`), or null for any other string. */
export function placeholderKind(value: string): string | null {
  return isPlaceholder(value) ? value.slice(1, value.indexOf(':')) : null;
}

/** Values shorter than this are never remembered as known secrets: they would match words. */
const KNOWN_MIN_LENGTH = 8;
const MAX_KNOWN_LENGTH = 4096;
const MAX_MEMO_LENGTH = 16 * 1024;
const MAX_MEMOS = 100_000;

export class Placeholders {
  readonly #hash: KeyedHash;
  readonly #tags = new Map<number, { tag: string; kind: string }>();
  readonly #issued = new Set<string>();
  readonly #next = new Map<string, number>();
  /** Known secrets: digest → kind, and the lengths worth hashing a word for. */
  readonly #known = new Map<number, string>();
  readonly #knownLengths = new Set<number>();
  readonly #wholes = new Set<number>();
  readonly #memos = new Map<string, Map<number, { output: string; kinds: string[] }>>();
  #memoSize = 0;
  /** Kinds counted while a memoised value is being computed. */
  #journal: string[] | null = null;
  readonly #byKind = new Map<string, number>();
  readonly #byPlace = new Map<string, number>();
  total = 0;

  constructor(key: Uint8Array) {
    this.#hash = keyedHash(key);
  }

  /**
   * The placeholder for `value` of `kind`, counted as found at `place`. `detail` (JWT claim
   * names) is added to the tag the first time the value is seen.
   */
  tag(kind: string, value: string, place: string, detail?: string): string {
    return this.tagAs(value, place, () => ({ kind, ...(detail !== undefined ? { detail } : {}) }));
  }

  /**
   * Like `tag`, but the kind is worked out only for a value not seen before: a session cookie
   * repeated on every request is hashed, not parsed again.
   */
  tagAs(value: string, place: string, describe: () => { kind: string; detail?: string | undefined }): string {
    const digest = this.#hash(value);
    let found = this.#tags.get(digest);
    if (found === undefined) {
      const { kind, detail } = describe();
      const n = (this.#next.get(kind) ?? 0) + 1;
      this.#next.set(kind, n);
      found = { tag: `<${kind}:${n}${detail ? ` ${detail}` : ''}>`, kind };
      this.#tags.set(digest, found);
      this.#issued.add(found.tag);
    }
    this.#count(found.kind, place);
    return found.tag;
  }

  #count(kind: string, place: string): void {
    this.total++;
    this.#byKind.set(kind, (this.#byKind.get(kind) ?? 0) + 1);
    this.#byPlace.set(place, (this.#byPlace.get(place) ?? 0) + 1);
    this.#journal?.push(kind);
  }

  /**
   * `compute()` once per distinct `value` in `namespace` (a header name …); a repeat replays the
   * output and counts its replacements again at `place`. The same `Cookie` header sent with every
   * request of a session is then hashed once per request instead of parsed. Only the digest, the
   * (already redacted) output and the kinds counted are stored.
   */
  memo(namespace: string, value: string, place: string, compute: () => string): string {
    if (value.length > MAX_MEMO_LENGTH) return compute();
    let table = this.#memos.get(namespace);
    if (table === undefined) this.#memos.set(namespace, (table = new Map()));
    const digest = this.#hash(value);
    const hit = table.get(digest);
    if (hit !== undefined) {
      for (const kind of hit.kinds) this.#count(kind, place);
      return hit.output;
    }
    const outer = this.#journal;
    const kinds: string[] = [];
    this.#journal = kinds;
    let output: string;
    try {
      output = compute();
    } finally {
      this.#journal = outer;
    }
    outer?.push(...kinds);
    if (this.#memoSize++ < MAX_MEMOS) table.set(digest, { output, kinds });
    return output;
  }

  /** Replacements per kind, sorted by kind. */
  get byKind(): Record<string, number> {
    return sortedRecord(this.#byKind);
  }

  /** Replacements per place, sorted by place. */
  get byPlace(): Record<string, number> {
    return sortedRecord(this.#byPlace);
  }

  /** True when `text` is a tag this run issued (so scanning it again is pointless). */
  issued(text: string): boolean {
    return text.charCodeAt(0) === 60 && this.#issued.has(text);
  }

  /** Remembers a value found by name or position, so later free text can be checked for it. */
  remember(kind: string, value: string): void {
    if (value.length < KNOWN_MIN_LENGTH || value.length > MAX_KNOWN_LENGTH) return;
    const digest = this.#hash(value);
    if (this.#known.has(digest) || !worthRemembering(value)) return;
    this.#known.set(digest, kind);
    this.#knownLengths.add(value.length);
  }

  /** True the second time a compound value (a whole `Cookie` header) is offered to `remember`. */
  rememberedWhole(value: string): boolean {
    const digest = this.#hash(value);
    if (this.#wholes.has(digest)) return true;
    this.#wholes.add(digest);
    return false;
  }

  /** Whether any value was remembered (so free text is worth checking piece by piece). */
  get remembersAny(): boolean {
    return this.#known.size > 0;
  }

  /** Whether a remembered value has this length: a cheap test before hashing a piece of text. */
  mayRecall(length: number): boolean {
    return this.#knownLengths.has(length);
  }

  /** The kind of a remembered secret equal to `word`, or null. Cheap for most words. */
  recall(word: string): string | null {
    if (this.#known.size === 0 || !this.#knownLengths.has(word.length)) return null;
    return this.#known.get(this.#hash(word)) ?? null;
  }
}

function sortedRecord(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Only values that cannot be ordinary words are remembered: a cookie `theme=dark` must not turn
 * every "dark" in the reference into a placeholder.
 */
function worthRemembering(value: string): boolean {
  if (value.length < KNOWN_MIN_LENGTH || value.length > MAX_KNOWN_LENGTH) return false;
  let digits = false;
  let upper = 0;
  let lower = false;
  let other = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c <= 32) return false;
    else other = true;
  }
  // Letters only need two capitals (`AbCdEfGhIj`): `Hamburger` could be any word in the text.
  return digits || (upper >= 2 && lower) || (other && (upper > 0 || lower));
}
