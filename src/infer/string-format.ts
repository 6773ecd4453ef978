/**
 * What observed strings say about their field: a JSON Schema `format` that every value matched,
 * and whether the values are few and repeated enough to be an enum. Both are decided over every
 * observed value, never over a subset, so one odd value is enough to withhold a claim.
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
/** No `/` or `:` in the local part, so `https://user@host.com` is a URI, not an email. */
const EMAIL = /^[^\s@/:<>]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s]+$/;
/** Enum-like: a short code word (`finished_successfully`, `in-progress`, `gpt-5`), no spaces. */
const ENUM_WORD = /^[A-Za-z][A-Za-z0-9]*(?:[_.:-][A-Za-z0-9]+)*$/;

/** The formats one value matches, as a mask. */
export function stringFormats(value: string): number {
  const length = value.length;
  if (length < 3 || length > 2048) return 0;
  if (length === 36 && UUID.test(value)) return FORMAT_UUID;
  const first = value.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (length === 10) return DATE.test(value) ? FORMAT_DATE : 0;
    return length >= 20 && DATE_TIME.test(value) ? FORMAT_DATE_TIME : 0;
  }
  if (value.includes('://')) return URI.test(value) ? FORMAT_URI : 0;
  if (value.includes('@')) return EMAIL.test(value) ? FORMAT_EMAIL : 0;
  return 0;
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
/** Observations needed before a set of values counts as an enum. */
export const MIN_ENUM_OBSERVATIONS = 8;

/**
 * The enum a field's values form, or undefined without strong evidence: enough observations,
 * at least two distinct values, each value seen three times on average, and every value a
 * short code word. A constant is not an enum (one value says nothing about the others).
 */
export function enumValues(counts: ReadonlyMap<string, number> | null, observations: number): string[] | undefined {
  if (!counts || observations < MIN_ENUM_OBSERVATIONS) return undefined;
  const distinct = counts.size;
  if (distinct < 2 || distinct > MAX_ENUM_VALUES || distinct * 3 > observations) return undefined;
  return [...counts.keys()].sort();
}
