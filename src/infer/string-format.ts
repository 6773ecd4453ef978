/**
 * What observed strings say about their field: a JSON Schema `format` that every value matched,
 * and whether the values are few and repeated enough to be an enum. Both are decided over every
 * observed value, never over a subset, so one odd value is enough to withhold a claim.
 *
 * A format is claimed only when a validator would accept every value under it (the conformance
 * test replays traffic through Ajv's full formats): URIs are parsed by the WHATWG URL parser and
 * must use only RFC 3986 characters (so `…/push/{order.id}` templates and `${VAR}` strings are
 * not URIs), dates must exist in the calendar (`2025-02-30` is not a date).
 *
 * Patterns are anchored, guarded by cheap length/character checks, and free of nested
 * quantifiers, so a hostile 10 MB string costs linear time.
 */
import { UUID } from '../id-shapes.js';

export const FORMAT_UUID = 1;
export const FORMAT_DATE_TIME = 2;
export const FORMAT_DATE = 4;
export const FORMAT_EMAIL = 8;
export const FORMAT_URI = 16;
/** Every format still possible: the start value of a running intersection. */
export const ANY_FORMAT = 31;

/** Most specific first; a mask never holds two of them for one value, but be deterministic. */
const FORMAT_NAMES: [number, string][] = [
  [FORMAT_UUID, 'uuid'],
  [FORMAT_DATE_TIME, 'date-time'],
  [FORMAT_DATE, 'date'],
  [FORMAT_EMAIL, 'email'],
  [FORMAT_URI, 'uri'],
];

/** RFC 3339 `date-time`: the offset is required, as JSON Schema validators require it. */
const DATE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/**
 * The local part in the characters Ajv's `email` format accepts, less `/` and `:`, so
 * `https://user@host.com` is a URI, not an email; labels start and end with a letter or digit.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const EMAIL_DOTS = /^\.|\.\.|\.@/;
/** A scheme, `://`, and only RFC 3986 characters after it (unreserved, reserved, `%` escapes). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
/** Enum-like: a short code word (`finished_successfully`, `in-progress`, `gpt-5`), no spaces. */
const ENUM_WORD = /^[A-Za-z][A-Za-z0-9]*(?:[_.:-][A-Za-z0-9]+)*$/;

/** The formats one value matches, as a mask. */
export function stringFormats(value: string): number {
  const length = value.length;
  if (length < 3 || length > 2048) return 0;
  if (length === 36 && UUID.test(value)) return FORMAT_UUID;
  const first = value.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (length === 10) return DATE.test(value) && dayExists(value) ? FORMAT_DATE : 0;
    return length >= 20 && DATE_TIME.test(value) && dayExists(value) ? FORMAT_DATE_TIME : 0;
  }
  if (value.includes('://')) return isUri(value) ? FORMAT_URI : 0;
  if (value.includes('@')) return length <= 254 && EMAIL.test(value) && !EMAIL_DOTS.test(value) ? FORMAT_EMAIL : 0;
  return 0;
}

/** An absolute URI by RFC 3986's characters that the WHATWG URL parser also reads. */
function isUri(value: string): boolean {
  if (!URI.test(value) || BAD_ESCAPE.test(value)) return false;
  return URL.canParse(value);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The `YYYY-MM-DD` at the start of a matched date or date-time is a day of the calendar. */
function dayExists(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** The format name for a running mask, or undefined when none held for every value. */
export function formatName(mask: number): string | undefined {
  for (const [bit, name] of FORMAT_NAMES) if (mask & bit) return name;
  return undefined;
}

/** Whether a value may take part in an enum at all. */
export function isEnumWord(value: string): boolean {
  return value.length <= 40 && ENUM_WORD.test(value);
}

/** Distinct values tracked per field before enum evidence is given up. */
export const MAX_ENUM_VALUES = 8;
/**
 * Independent samples (requests or bodies, not array elements) needed before a set of values
 * counts as an enum. One response listing 461 orders is one sample: its statuses say what that
 * one list held, not what the next request may send.
 */
export const MIN_ENUM_SAMPLES = 8;

/**
 * Per distinct value, the samples it appeared in; `last` is the sample that last counted it, so
 * a value repeated within one sample (every element of one array) counts once.
 */
export type EnumCounts = Map<string, { samples: number; last: number }>;

/** Counts `value` for `sample`; false when the field can no longer be an enum. */
export function countEnumValue(counts: EnumCounts, value: string, sample: number, detach: (value: string) => string): boolean {
  const seen = counts.get(value);
  if (seen !== undefined) {
    if (seen.last !== sample) {
      seen.last = sample;
      seen.samples++;
    }
    return true;
  }
  if (counts.size >= MAX_ENUM_VALUES || !isEnumWord(value)) return false;
  counts.set(detach(value), { samples: 1, last: sample });
  return true;
}

/**
 * The enum a field's values form, or undefined without strong evidence:
 * - at least `MIN_ENUM_SAMPLES` independent samples had a string here, at most 8 distinct values;
 * - at least two distinct values (a constant says nothing about the others);
 * - every value appeared in at least two samples. By the Good-Turing estimate, the chance that
 *   the next sample holds a value never seen is about (values seen in exactly one sample) /
 *   (samples); requiring none keeps that estimate at zero, where one rare value would say "the
 *   set is still open";
 * - every value a short code word.
 */
export function enumValues(counts: EnumCounts | null, samples: number): string[] | undefined {
  if (!counts || samples < MIN_ENUM_SAMPLES) return undefined;
  const distinct = counts.size;
  if (distinct < 2 || distinct > MAX_ENUM_VALUES) return undefined;
  for (const { samples: n } of counts.values()) if (n < 2) return undefined;
  return [...counts.keys()].sort();
}
