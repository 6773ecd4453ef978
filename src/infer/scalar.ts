/**
 * Schemas for values that arrive as strings (query parameters, headers, form fields, multipart
 * fields): the narrowest type every observed value fits, a format when every value has it, an
 * enum only with strong evidence (string-format.ts). Values are observed one at a time as
 * exchanges arrive; none is kept but the first non-empty one (the example) and up to
 * `MAX_ENUM_VALUES` enum candidates, each detached from the capture (detach-text.ts).
 *
 * A number or boolean is a claim about values not yet seen, so it needs evidence: an integer
 * or number type needs two distinct values (`?cursor=0` on every first page says nothing about
 * the `cursor=eyJ…` of the second), and integers beyond ±2^53 (64-bit ids such as Discord
 * snowflakes) stay strings, which every client can hold exactly.
 */
import type { JsonSchema, Shown, ShownScalar } from '../model.js';
import { detachText } from './detach-text.js';
import { placeholderKind } from '../redact/placeholders.js';
import { ANY_FORMAT, countEnumValue, type EnumCounts, enumValues, FORMAT_EMAIL, formatName, stringFormats } from './string-format.js';

/** No leading zeros: `02134` (a zip code, a SKU) is a code whose zeros matter, so a string. */
const INTEGER = /^-?(?:0|[1-9]\d{0,15})$/;
const NUMBER = /^-?(?:0|[1-9]\d{0,15})(?:\.\d{1,16})?$/;
/**
 * Characters RFC 3986 reserves; a query value holding them needs `allowReserved` in OpenAPI. A
 * space counts too: forms and many clients send it as a raw `+`.
 */
const RESERVED = /[:/?#[\]@!$&'()*+,;= ]/;

export class ScalarObserver {
  /** The first non-empty value observed: the example. */
  example: string | undefined;
  /** Values observed so far, empty ones included: what `limit` counts. */
  private observed = 0;
  private firstEmpty = false;
  /** Non-empty values observed: the evidence for type, format and enum. */
  private present = 0;
  private booleans = true;
  private integers = true;
  private numbers = true;
  /** Formats every non-placeholder value matched, and how many values spoke to it. */
  private formats = ANY_FORMAT;
  private formatEvidence = 0;
  /** Distinct values with the samples they appeared in, while they could still be an enum; null once ruled out. */
  private words: EnumCounts | null = new Map();
  /** Samples with a non-empty value, and the last one counted. */
  private samples = 0;
  private lastSample = -1;
  /** The first two distinct non-empty values (a number type needs two). */
  private distinct: string[] = [];
  /** Whether some value was empty, or held a character RFC 3986 reserves. */
  emptySeen = false;
  reservedSeen = false;

  /**
   * Values past the first `limit` are ignored. Parameters and multipart parts have always been
   * typed from their first 1000 values; the cap stays so references do not change.
   */
  constructor(private readonly limit = Infinity) {}

  /** @param sample the request (or body) the value came from: values repeated in one count once as enum evidence. */
  add(value: string, sample = this.observed): void {
    if (this.observed >= this.limit) return;
    if (this.observed++ === 0) this.firstEmpty = value === '';
    if (value === '') {
      this.emptySeen = true;
      return;
    }
    this.example ??= detachText(value);
    this.present++;
    if (sample !== this.lastSample) {
      this.lastSample = sample;
      this.samples++;
    }
    if (this.distinct.length < 2 && !this.distinct.includes(value)) this.distinct.push(detachText(value));
    if (!this.reservedSeen && RESERVED.test(value)) this.reservedSeen = true;
    if (this.booleans && value !== 'true' && value !== 'false') this.booleans = false;
    // Every integer is a number, so a number test is needed only once integers are ruled out.
    if (this.integers && !(INTEGER.test(value) && Number.isSafeInteger(Number(value)))) this.integers = false;
    if (!this.integers && this.numbers && !NUMBER.test(value)) this.numbers = false;
    if (this.formats !== 0) this.observeFormat(value);
    if (this.words !== null && !countEnumValue(this.words, value, sample, detachText)) this.words = null;
  }

  /** The first value observed, empty or not. */
  get first(): string | undefined {
    return this.observed === 0 ? undefined : this.firstEmpty ? '' : this.example;
  }

  /** The schema of the values; enum members are shown only as `showEnum` (the gate) lets them. */
  schema(showEnum: (values: readonly string[]) => Shown[] | undefined): JsonSchema {
    if (this.present === 0) return { type: 'string' };
    if (this.booleans) return { type: 'boolean' };
    const twoValues = this.distinct.length >= 2;
    if (this.integers && twoValues) return { type: 'integer' };
    if (this.numbers && twoValues) return { type: 'number' };
    const schema: JsonSchema = { type: 'string' };
    const format = this.formatEvidence > 0 ? formatName(this.formats) : undefined;
    if (format !== undefined) schema.format = format;
    else {
      const values = enumValues(this.words, this.samples);
      const shown = values && showEnum(values);
      if (shown) schema.enum = shown;
    }
    return schema;
  }

  private observeFormat(value: string): void {
    const placeholder = placeholderKind(value);
    if (placeholder !== null && placeholder !== 'email') return;
    this.formatEvidence++;
    this.formats &= placeholder === 'email' ? FORMAT_EMAIL : stringFormats(value);
  }
}

/** A value as the schema's type would have it (`"3"` → `3` for integers). */
export function scalarExample(value: Shown | undefined, schema: JsonSchema): ShownScalar | undefined {
  if (value === undefined) return undefined;
  if (schema.type === 'boolean') return value === 'true';
  if (schema.type === 'integer' || schema.type === 'number') return Number(value);
  return value;
}
