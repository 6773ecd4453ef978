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
  /** Known values that are only a name's guess (a word under `key`): never shown changed in a path template. */
  readonly #guesses = new Set<number>();
  #strict = false;
  /** Personal values (phrases.ts): digest → kind, and per first-word digest the phrase lengths. */
  readonly #phrases = new Map<number, string>();
  readonly #heads = new Map<number, Set<number>>();
  readonly #headLengths = new Set<number>();
  /** Lengths of personal values in scripts written without spaces (`陈静怡`). */
  readonly #joinedLengths = new Set<number>();
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

  /**
   * Remembers a value found by name or position, so later free text can be checked for it.
   * `guess`: only the name said so (a word under a `key` name, names.ts `isWordValue`), not the value's shape.
   */
  remember(kind: string, value: string, guess = false): void {
    if (value.length < KNOWN_MIN_LENGTH || value.length > MAX_KNOWN_LENGTH) return;
    const digest = this.#hash(value);
    if (this.#known.has(digest)) {
      if (!guess) this.#guesses.delete(digest);
      return;
    }
    if (!worthRemembering(value)) return;
    this.#known.set(digest, kind);
    this.#knownLengths.add(value.length);
    if (guess) this.#guesses.add(digest);
  }

  /**
   * `show()` with guesses forgotten: a path template's literal segments are shown as templating
   * decided them, never changed by a value that only a parameter's name made a secret.
   */
  strictly<T>(show: () => T): T {
    const outer = this.#strict;
    this.#strict = true;
    try {
      return show();
    } finally {
      this.#strict = outer;
    }
  }

  /**
   * Remembers a personal value (a name, phone, address … found by its key, its record or its
   * shape) as a phrase of one or more words, so it is redacted wherever it recurs (phrases.ts).
   * Returns whether it was remembered (values too short or too plain to recognise are not).
   */
  rememberPhrase(kind: string, value: string): boolean {
    const phrase = value.trim();
    if (phrase.length > MAX_PHRASE) return false;
    const digest = this.#hash(phrase);
    if (this.#phrases.has(digest)) return true;
    if (!worthRememberingAsPhrase(phrase)) return false;
    if (this.#phrases.size >= MAX_PHRASES) return false;
    this.#phrases.set(digest, kind);
    if (isJoinedScript(phrase)) {
      this.#joinedLengths.add(phrase.length);
      return true;
    }
    const space = firstSpace(phrase);
    const head = space === -1 ? phrase : phrase.slice(0, space);
    const headDigest = this.#hash(head);
    let lengths = this.#heads.get(headDigest);
    if (lengths === undefined) this.#heads.set(headDigest, (lengths = new Set()));
    lengths.add(phrase.length);
    this.#headLengths.add(head.length);
    if (head.length > this.maxHeadLength) this.maxHeadLength = head.length;
    return true;
  }

  /** The longest first word of a remembered phrase. */
  maxHeadLength = 0;

  /** Whether any personal phrase was remembered (so text is worth checking for them). */
  get remembersPhrases(): boolean {
    return this.#phrases.size > 0;
  }

  /** Whether a remembered phrase starts with a word of this length: a cheap test before hashing. */
  mayStartPhrase(headLength: number): boolean {
    return this.#headLengths.has(headLength);
  }

  /** The lengths of remembered phrases whose first word is `head`, or undefined. */
  phraseLengths(head: string): ReadonlySet<number> | undefined {
    return this.#heads.get(this.#hash(head));
  }

  /** Lengths of remembered phrases in scripts written without spaces. */
  get joinedLengths(): ReadonlySet<number> {
    return this.#joinedLengths;
  }

  /** The kind of a remembered phrase equal to `text`, or null. */
  recallPhrase(text: string): string | null {
    return this.#phrases.get(this.#hash(text)) ?? null;
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
    const digest = this.#hash(word);
    if (this.#strict && this.#guesses.has(digest)) return null;
    return this.#known.get(digest) ?? null;
  }
}

const MAX_PHRASES = 200_000;
const MIN_PHRASE = 5;
const MAX_PHRASE = 200;

/**
 * Personal values worth looking for elsewhere: long enough, and not a word of the language (a
 * lower-case word such as `support` under `username` would match every sentence): a value with
 * a digit, a capital, a space between words or a letter outside ASCII. Runs of digits need 6.
 */
function worthRememberingAsPhrase(value: string): boolean {
  if (value.length > MAX_PHRASE) return false;
  if (isJoinedScript(value)) return value.length >= 2;
  if (value.length < MIN_PHRASE) return false;
  let digits = 0;
  let upper = false;
  let space = false;
  let letters = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) {
      upper = true;
      letters++;
    } else if ((c >= 97 && c <= 122) || c >= 128) letters++;
    else if (c === 32) space = true;
    else if (c < 32) return false;
  }
  if (letters === 0) return digits >= 6;
  return digits > 0 || upper || space || /[^\x00-\x7f]/.test(value);
}

/** Han, Kana, Hangul, Thai: scripts that write names inside a run of text without spaces. */
const JOINED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u30fc\u00b7\u30fb]+$/u;

export function isJoinedScript(value: string): boolean {
  return value.length <= 32 && value.charCodeAt(0) >= 0x0e00 && JOINED.test(value);
}

function firstSpace(value: string): number {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) <= 32) return i;
  return -1;
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
