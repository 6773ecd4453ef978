/**
 * Which raw values are distinctive enough that meeting the same value again is no coincidence:
 * ids, tokens, cursors, hashes. Flows (observe.ts) link a request value to an earlier response
 * only through such values, so `0`, `true`, `"en"`, `"all"`, a count, a round limit, a date or
 * a word can never make a link, and the index stays small.
 */

const MIN_LENGTH = 6;
/** Longer values are bodies or documents, not values passed between calls. */
export const MAX_LENGTH = 8192;

/** A string worth indexing: id-shaped (letters with digits, long digit runs) or a long mixed-case token. */
export function isDistinctiveString(value: string): boolean {
  const n = value.length;
  if (n < 5 || n > MAX_LENGTH) return false;
  let digits = 0;
  let lower = 0;
  let upper = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32) return false; // free text, never an id
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c === 46) dots++;
  }
  if (digits === n) return isDistinctiveInteger(Number(value), n);
  if (n < MIN_LENGTH) return false;
  // The regular expressions run only on what could match them: most values have no date or version shape.
  if (digits >= 8 && startsWithDate(value)) return false;
  if (dots > 0 && digits + dots + (value.charCodeAt(0) === 118 ? 1 : 0) === n && VERSION.test(value)) return false;
  if (digits > 0 && lower + upper > 0) return n >= 8;
  // No digits: only a long mixed-case run (a base64 token) is more than a word or a slug.
  return n >= 16 && lower > 0 && upper > 0;
}

/** A JSON number worth indexing: an integer id, not a count, a round limit or a timestamp. */
export function isDistinctiveNumber(value: number): boolean {
  return Number.isSafeInteger(value) && isDistinctiveInteger(value, digitCount(Math.abs(value)));
}

/** `String(n).length` for a non-negative safe integer, without making the string. */
function digitCount(n: number): number {
  let digits = 1;
  for (let limit = 10; n >= limit; limit *= 10) digits++;
  return digits;
}

function isDistinctiveInteger(value: number, digits: number): boolean {
  if (digits < 5 || !Number.isFinite(value)) return false;
  if (digits > 15) return true; // snowflakes and other long ids, as strings
  const abs = Math.abs(value);
  if (abs % 100 === 0 || isPowerOfTwo(abs)) return false;
  // Unix time in seconds or milliseconds (2001–2039): every response carries some.
  if ((abs >= 1e9 && abs < 2.2e9) || (abs >= 1e12 && abs < 2.2e12)) return false;
  return true;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isSafeInteger(n) && (n & (n - 1)) === 0 && n < 2 ** 31;
}

/** `^\d{4}-\d{2}-\d{2}`, by character: every id-shaped value is asked. */
function startsWithDate(value: string): boolean {
  if (value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const i of DATE_DIGITS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const VERSION = /^v?\d+(?:\.\d+)+$/;
