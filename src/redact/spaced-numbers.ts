/**
 * Numbers people write in groups, which the word scanner sees as several words: card numbers
 * (`4242 4242 4242 4242`), phone numbers in international form (`+44 20 7946 0959`,
 * `+1 (415) 555-0197`), in national form from a trunk `0` (`020 7946 0958`, `06 12 34 56 78`)
 * or the bracketed North American form (`(415) 555-0134`), and IBANs
 * (`GB29 NWBK 6016 1331 9268 19`). Each function is called at
 * the first group and returns where the whole number ends, or -1; the joined number must pass
 * the same checks as a number written without spaces (Luhn, a phone's 8–15 digits, the IBAN
 * mod-97 check), so dates, versions, prices and counts are left alone. Each looks at a bounded
 * stretch of text.
 */
import { isCardNumber } from './values.js';

/** `4111 1111 1111 1111`: the end of a card number written in space-separated groups, or -1. */
export function cardGroupEnd(text: string, start: number): number {
  let k = start;
  let digits = 0;
  let groups = 0;
  let lastGroupEnd = -1;
  while (k < text.length && groups < 6) {
    const groupStart = k;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    const size = k - groupStart;
    if (size < 3 || size > 6) break;
    digits += size;
    groups++;
    lastGroupEnd = k;
    if (digits > 19 || text.charCodeAt(k) !== 32) break;
    k++;
  }
  if (groups < 3 || lastGroupEnd === -1) return -1;
  return isCardNumber(text.slice(start, lastGroupEnd)) ? lastGroupEnd : -1;
}

const MAX_PHONE_DIGITS = 15;
const MIN_PHONE_DIGITS = 8;

/**
 * `+44 20 7946 0959`, `+1 415-555-0199`, `+1 (415) 555-0197`, `+1.415.555.0199`: from the `+`,
 * a country code of 1–3 digits, then digit groups joined by one space, dash or dot, or by
 * brackets around an area code, while the digits stay within the 15 of an E.164 number. Dots are not mixed with other joints, so
 * `+20.5 21.3` (readings) is not a phone.
 */
export function phoneGroupEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== 43 || !isDigit(text.charCodeAt(start + 1)) || text.charCodeAt(start + 1) === 48) return -1;
  let k = start + 1;
  let digits = 0;
  let end = -1;
  let dots = false;
  let others = false;
  while (k < text.length) {
    const groupStart = k;
    while (k < text.length && k - groupStart <= MAX_PHONE_DIGITS && isDigit(text.charCodeAt(k))) k++;
    const size = k - groupStart;
    if (size === 0 || digits + size > MAX_PHONE_DIGITS) break;
    // A country code has 1–3 digits; `+2024 01 05` is not a phone (a number without joints is judged whole by values.ts).
    if (digits === 0 && size > 3) return -1;
    digits += size;
    end = k;
    const joint = jointLength(text, k);
    if (joint === 0) break;
    if (text.charCodeAt(k) === 46) dots = true;
    else others = true;
    if (dots && others) break;
    k += joint;
  }
  return end === -1 || digits < MIN_PHONE_DIGITS ? -1 : end;
}

/**
 * `020 7946 0958`, `06 12 34 56 78`, `030-1234-5678`, `090.1234.5678`: a number in national form,
 * from its trunk `0`: 2–5 digits, then groups of 2–8 digits joined by one space, dash or dot (one
 * kind of joint throughout), 9–11 digits in all, at least two joints or a long second group, and
 * no digit or joint right after. Dates (`05.01.2024`: 8 digits) and versions stay.
 */
export function nationalPhoneEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== 48 || text.charCodeAt(start + 1) === 48 || (start > 0 && isWordBefore(text.charCodeAt(start - 1)))) return -1;
  let k = start;
  let digits = 0;
  let groups = 0;
  let joint = -1;
  let longest = 0;
  while (k < text.length && groups < 6) {
    const groupStart = k;
    while (k < text.length && k - groupStart <= 8 && isDigit(text.charCodeAt(k))) k++;
    const size = k - groupStart;
    if (size < 2 || size > 8 || (groups === 0 && size > 5)) return -1;
    digits += size;
    groups++;
    if (groups > 1) longest = Math.max(longest, size);
    const c = text.charCodeAt(k);
    if ((c !== 32 && c !== 45 && c !== 46) || !isDigit(text.charCodeAt(k + 1)) || (joint !== -1 && c !== joint)) break;
    joint = c;
    k++;
  }
  if (digits < 9 || digits > 11 || groups < 2 || (groups === 2 && longest < 6)) return -1;
  const after = text.charCodeAt(k);
  return isDigit(after) ? -1 : k;
}

/** A letter, digit or `+` right before a number makes it part of something else. */
function isWordBefore(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 46 || c === 45;
}

/**
 * `(415) 555-0134`: a North American number in its national form, from the bracket: an area code
 * and exchange that do not start with 0 or 1, then 4 digits, and no digit after. Without the `+`
 * only this bracketed form is distinctive enough to be a phone.
 */
export function bracketedPhoneEnd(text: string, open: number): number {
  if (text.charCodeAt(open) !== 40 || !isNanpGroup(text, open + 1) || text.charCodeAt(open + 4) !== 41) return -1;
  let k = open + 5;
  if (text.charCodeAt(k) === 32) k++;
  if (!isNanpGroup(text, k)) return -1;
  k += 3;
  const joint = text.charCodeAt(k);
  if (joint !== 45 && joint !== 32 && joint !== 46) return -1;
  k++;
  for (let i = 0; i < 4; i++) if (!isDigit(text.charCodeAt(k + i))) return -1;
  return isDigit(text.charCodeAt(k + 4)) ? -1 : k + 4;
}

/** Three digits, the first 2–9: a NANP area code or exchange. */
function isNanpGroup(text: string, k: number): boolean {
  const first = text.charCodeAt(k);
  return first >= 50 && first <= 57 && isDigit(text.charCodeAt(k + 1)) && isDigit(text.charCodeAt(k + 2));
}

/** Length of what joins two phone groups at `k`: ` `, `-`, `.`, ` (`, `) `, `)-`, `(`, `)`; 0 for none. */
function jointLength(text: string, k: number): number {
  const c = text.charCodeAt(k);
  const next = text.charCodeAt(k + 1);
  if (c === 41 /* ) */) return next === 32 || next === 45 ? (isDigit(text.charCodeAt(k + 2)) ? 2 : 0) : isDigit(next) ? 1 : 0;
  if (c === 32 && next === 40 /* ( */) return isDigit(text.charCodeAt(k + 2)) ? 2 : 0;
  if (c === 32 || c === 45 || c === 46 || c === 40) return isDigit(next) ? 1 : 0;
  return 0;
}

/**
 * `GB29 NWBK 6016 1331 9268 19`: a country code and check digits (the 4-character word at
 * `start`), then groups of 4 capitals or digits and a shorter last group, each after one space,
 * 15–34 characters in all with a valid mod-97 check. The check is carried along group by group,
 * so each character is read once.
 */
export function ibanGroupEnd(text: string, start: number): number {
  let k = start + 4;
  let length = 4;
  let remainder = 0;
  let end = -1;
  while (k < text.length && text.charCodeAt(k) === 32 && length < 34) {
    const groupStart = k + 1;
    let g = groupStart;
    while (g < text.length && g - groupStart < 4 && isIbanChar(text.charCodeAt(g))) remainder = mod97(remainder, text.charCodeAt(g++));
    const size = g - groupStart;
    if (size === 0 || (g < text.length && isIbanChar(text.charCodeAt(g)))) break;
    length += size;
    k = g;
    if (length >= 15 && length <= 34 && withCountry(remainder, text, start) === 1) end = g;
    if (size < 4) break;
  }
  return end;
}

/** The account's remainder continued over the country code and check digits, moved to the end. */
function withCountry(remainder: number, text: string, start: number): number {
  let r = remainder;
  for (let i = start; i < start + 4; i++) r = mod97(r, text.charCodeAt(i));
  return r;
}

/** One more character of an IBAN in its mod-97 remainder: letters count as 10–35. */
function mod97(remainder: number, c: number): number {
  const value = c >= 65 ? c - 55 : c - 48;
  return value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
}

/** A 4-character word of two capitals and two digits: how an IBAN written in groups begins. */
export function isIbanStart(text: string, start: number, end: number): boolean {
  if (end - start !== 4) return false;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90 && isDigit(text.charCodeAt(start + 2)) && isDigit(text.charCodeAt(start + 3));
}

function isIbanChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `51.50740,-0.12780`, `35.6812, 139.7671`: a latitude and a longitude, each with 4+ decimals
 * (a place to within about 10 m), joined by a comma and at most one space, in range. Returns
 * the end of the pair, or -1.
 */
export function coordinatePairEnd(text: string, start: number): number {
  const first = readDecimal(text, start);
  if (first === null || Math.abs(first.value) > 90) return -1;
  let k = first.end;
  if (text.charCodeAt(k) !== 44) return -1;
  k++;
  if (text.charCodeAt(k) === 32) k++;
  const second = readDecimal(text, k);
  if (second === null || Math.abs(second.value) > 180) return -1;
  return second.end;
}

/** `-0.12780` at `start` with 4–10 decimals and 1–3 integer digits, not followed by a digit or `.`. */
function readDecimal(text: string, start: number): { value: number; end: number } | null {
  let k = start;
  if (text.charCodeAt(k) === 45) k++;
  const intStart = k;
  while (k < text.length && k - intStart <= 3 && isDigit(text.charCodeAt(k))) k++;
  if (k === intStart || k - intStart > 3 || text.charCodeAt(k) !== 46) return null;
  k++;
  const fracStart = k;
  while (k < text.length && k - fracStart <= 10 && isDigit(text.charCodeAt(k))) k++;
  const decimals = k - fracStart;
  // A `.` right after ends a sentence unless a digit follows (`1.2345.6` is no coordinate).
  if (decimals < 4 || decimals > 10 || isDigit(text.charCodeAt(k)) || (text.charCodeAt(k) === 46 && isDigit(text.charCodeAt(k + 1)))) return null;
  return { value: Number(text.slice(start, k)), end: k };
}

/**
 * A card, phone or IBAN number written in groups that starts with the word at `start` (or the
 * bracket before it, not before `floor`), when it runs past the word (one written without spaces
 * is a single word, judged by values.ts).
 */
export function groupedNumber(text: string, start: number, end: number, c: number, floor: number): { kind: string; start: number; end: number } | null {
  if (c === 43 /* + */) return spanOf('phone', start, end, phoneGroupEnd(text, start));
  if (end - start === 3 && start - 1 >= floor && text.charCodeAt(start - 1) === 40 /* ( */) {
    const phone = spanOf('phone', start - 1, end, bracketedPhoneEnd(text, start - 1));
    if (phone !== null) return phone;
  }
  if (end - start >= 3 && end - start <= 6 && c >= 50 && c <= 54 && isDigitRun(text, start, end)) return spanOf('card', start, end, cardGroupEnd(text, start));
  if ((c === 45 || (c >= 48 && c <= 57)) && start >= floor) {
    const pair = coordinatePairEnd(text, start);
    if (pair !== -1) return { kind: 'location', start, end: pair };
  }
  if (c === 48 /* 0 */ && start >= floor) {
    const national = nationalPhoneEnd(text, start);
    if (national !== -1 && national >= end) return { kind: 'phone', start, end: national };
  }
  if (isIbanStart(text, start, end)) return spanOf('iban', start, end, ibanGroupEnd(text, start));
  return null;
}

function spanOf(kind: string, start: number, wordEnd: number, found: number): { kind: string; start: number; end: number } | null {
  return found > wordEnd ? { kind, start, end: found } : null;
}

function isDigitRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
