/**
 * Typed placeholders that stand in for redacted values: `<jwt:1>`, `<email:2>`, `<cookie:3>`.
 * The same value gets the same tag for the whole run, so a reader can still see that the token
 * sent here is the one received there. Tags are numbered per kind in order of first sight, so the
 * output stays byte-identical across runs and says nothing about the value (not even its
 * length). Values are remembered only as keyed hashes whose key is random per run and never
 * written anywhere.
 */
import { createHmac } from 'node:crypto';

export class Placeholders {
  readonly #key: Uint8Array;
  readonly #tags = new Map<string, string>();
  readonly #next = new Map<string, number>();
  readonly byKind: Record<string, number> = {};
  readonly byPlace: Record<string, number> = {};
  total = 0;

  constructor(key: Uint8Array) {
    this.#key = key;
  }

  /** The placeholder for `value` of `kind`, counted as found at `place`. */
  tag(kind: string, value: string, place: string): string {
    this.total++;
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
    this.byPlace[place] = (this.byPlace[place] ?? 0) + 1;
    const digest = createHmac('sha256', this.#key).update(kind).update('\u0000').update(value).digest('base64');
    let tag = this.#tags.get(digest);
    if (tag === undefined) {
      const n = (this.#next.get(kind) ?? 0) + 1;
      this.#next.set(kind, n);
      tag = `<${kind}:${n}>`;
      this.#tags.set(digest, tag);
    }
    return tag;
  }
}

/** True when a string is already one of our placeholders (so it is never redacted twice). */
export function isPlaceholder(value: string): boolean {
  return /^<[a-z][a-z-]*:\d+>$/.test(value);
}
