/**
 * Names with their values over samples (the exchanges of an endpoint, the bodies of a form):
 * in how many samples each name appeared, a name repeated within one sample counting once, and a
 * `ScalarObserver` of its values. Query parameters, headers, form fields and multipart parts are
 * all such names. Values are not kept (scalar.ts); names are detached when first seen.
 */
import type { NameValue } from '../exchange.js';
import type { JsonSchema, Shown } from '../model.js';
import { detachText } from './detach-text.js';
import { ScalarObserver } from './scalar.js';

export interface NamedEvidence {
  name: string;
  /** Samples that had the name at least once. */
  seen: number;
  /** The sample that last counted towards `seen`. */
  counted: number;
  /** Whether some sample had the name more than once (`?id=3&id=9`): its values are a list. */
  repeated: boolean;
  values: ScalarObserver;
  /** The first non-empty value as the gate showed it, with the names sent beside it. */
  example?: Shown;
}

/** Shows a value through the gate, given the pairs sent with it (its siblings). */
export type ShowValue = (pair: NameValue, pairs: readonly NameValue[]) => Shown;

/** A name sent more than once in one sample (`?id=3&id=9`) takes a list of its values. */
export function valuesSchema(evidence: NamedEvidence, showEnum: (values: readonly string[]) => Shown[] | undefined): JsonSchema {
  const schema = evidence.values.schema(showEnum);
  return evidence.repeated ? { type: 'array', items: schema } : schema;
}

export class NamedValues {
  /** Samples started so far. */
  samples = 0;
  /** Null for a name `keep` turned down, so it is asked once per name. */
  private readonly found = new Map<string, NamedEvidence | null>();

  /**
   * @param limit values observed per name; later ones only count towards presence.
   * @param keep which names to gather at all: the others are never shown.
   */
  constructor(
    private readonly limit = Infinity,
    private readonly keep: (name: string) => boolean = () => true,
  ) {}

  /** Starts the next sample. */
  next(): void {
    this.samples++;
  }

  /** Counts a name in the current sample; undefined when it is not kept. */
  count(name: string): NamedEvidence | undefined {
    let entry = this.found.get(name);
    if (entry === undefined) {
      entry = this.keep(name) ? { name: detachText(name), seen: 0, counted: 0, repeated: false, values: new ScalarObserver(this.limit) } : null;
      this.found.set(entry?.name ?? name, entry);
    }
    if (entry === null) return undefined;
    if (entry.counted !== this.samples) {
      entry.counted = this.samples;
      entry.seen++;
    } else entry.repeated = true;
    return entry;
  }

  /**
   * One sample of name/value pairs (names lower-cased for headers). `show` makes the example of
   * a name from its first non-empty value, while the pairs sent with it are at hand.
   */
  addSample(pairs: readonly NameValue[], lowerCase = false, show?: ShowValue): void {
    this.next();
    for (const pair of pairs) {
      const entry = this.count(lowerCase ? pair.name.toLowerCase() : pair.name);
      if (entry === undefined) continue;
      entry.values.add(pair.value, this.samples);
      if (show && entry.example === undefined && pair.value !== '') entry.example = show(pair, pairs);
    }
  }

  /** Every kept name, in first-seen order. */
  *entries(): Generator<NamedEvidence> {
    for (const entry of this.found.values()) if (entry !== null) yield entry;
  }
}
