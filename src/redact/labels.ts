/**
 * Words in text that name the value after them: `password:`, `token=`, `"apiKey" :`, an HTML
 * `name="csrf-token"` attribute, `Bearer`/`Basic`; and where that value ends (a quoted string,
 * a line, a run of capitalised words after a name label). Used by text.ts while it scans words.
 */
import {
  CLOSE_BRACE,
  OPEN_BRACE,
  CR,
  EQUALS,
  HASH,
  AMP,
  LF,
  QUESTION,
  QUOTE,
  APOS,
  SPACE,
  TAB,
  BACKSLASH,
  COLON,
  LOWER_N,
  LOWER_R,
  UNDERSCORE,
  HYPHEN,
  DOT,
  isDigitCode,
} from './char-codes.js';
import { entityLength } from './escapes.js';
import { type NameRule, classifyName } from './names.js';

const MAX_QUOTED = 1024;

/** A word made only of `:` and `=`: the separator between a label and its value. */
export function isSeparatorRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== COLON && c !== EQUALS) return false;
  }
  return true;
}

/** `Bearer` (6 letters) or `Basic` (5), in any case. */
export function isSchemeWord(text: string, start: number, length: number): boolean {
  const word = length === 6 ? 'bearer' : 'basic';
  for (let k = 0; k < length; k++) if ((text.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

interface Label {
  name: string;
  /** The label carried its own `:`/`=` or is followed by one. */
  sep: boolean;
}

/**
 * A word that names what follows: `password:`, `token=`, `"apiKey" :`, or an HTML `name="…"`
 * attribute value. Words not followed by a separator are not looked up, which keeps prose cheap.
 */
export function readLabel(text: string, start: number, end: number): Label | null {
  let nameEnd = end;
  while (nameEnd > start && (text.charCodeAt(nameEnd - 1) === COLON || text.charCodeAt(nameEnd - 1) === EQUALS)) nameEnd--;
  const ownSep = nameEnd < end;
  const sep = ownSep || followedBySeparator(text, end);
  if (!sep && !isAttributeValue(text, start)) return null;
  let nameStart = start;
  while (nameStart < nameEnd && (text.charCodeAt(nameStart) === QUESTION || text.charCodeAt(nameStart) === AMP || text.charCodeAt(nameStart) === HASH))
    nameStart++;
  if (nameEnd - nameStart < 2 || nameEnd - nameStart > 64 || !isLabelName(text, nameStart, nameEnd)) return null;
  return { name: text.slice(nameStart, nameEnd), sep };
}

export const PERSON_LABEL = /(?:^|[^A-Za-z])(?:e-?mail|phone|user_?name|given_?name|family_?name|first_?name|last_?name)["'\\]{0,2}\s{0,3}[:=]/i;

/**
 * `"name": "…"` in text that is not parsed JSON (an invalid body, a script) is a person's name
 * when its object also has an email, phone or user name: the same rule as for parsed JSON,
 * looked for within the enclosing braces (at most 256 characters each way).
 */
export function personNameRule(text: string, start: number): NameRule | null {
  let from = start;
  while (from > 0 && start - from < 256 && text.charCodeAt(from - 1) !== OPEN_BRACE) from--;
  let to = start;
  while (to < text.length && to - start < 256 && text.charCodeAt(to) !== CLOSE_BRACE) to++;
  return PERSON_LABEL.test(text.slice(from, to)) ? classifyName('name', 'text', { personSiblings: true }) : null;
}

/** `[A-Za-z_][A-Za-z0-9_.-]*` between `start` and `end`. */
export function isLabelName(word: string, start: number, end: number): boolean {
  const first = word.charCodeAt(start);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === UNDERSCORE)) return false;
  for (let i = start + 1; i < end; i++) {
    const c = word.charCodeAt(i);
    const ok = isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE || c === HYPHEN || c === DOT;
    if (!ok) return false;
  }
  return true;
}

/** The label is followed, after quotes (`"`, `&quot;`), spaces or backslashes, by `:` or `=`. */
function followedBySeparator(text: string, end: number): boolean {
  for (let k = end; k < end + 12 && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === COLON || c === EQUALS) return true;
    if (c === AMP) {
      const entity = entityLength(text, k);
      if (entity === 0) return false;
      k += entity - 1;
      continue;
    }
    if (c !== QUOTE && c !== APOS && c !== SPACE && c !== TAB && c !== BACKSLASH) return false;
  }
  return false;
}

/** `name="csrf-token"`: the word is the value of an HTML `name` attribute. */
function isAttributeValue(text: string, start: number): boolean {
  const quote = text.charCodeAt(start - 1);
  if (quote !== QUOTE && quote !== APOS) return false;
  return text.startsWith('name=', start - 6) || text.startsWith('property=', start - 10);
}

/** For a value that opened with a quote, the index of the closing quote; else the word's end. */
export function quotedEnd(text: string, start: number, wordEnd: number): number {
  if (text.startsWith('&quot;', start - 6)) {
    const close = text.indexOf('&quot;', start);
    return close !== -1 && close - start <= MAX_QUOTED && !hasLineBreak(text, start, close) ? close : wordEnd;
  }
  const quote = text.charCodeAt(start - 1);
  if (quote !== QUOTE && quote !== APOS) return wordEnd;
  for (let k = start; k < text.length && k - start <= MAX_QUOTED; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || c === CR) return wordEnd;
    if (c === quote) return text.charCodeAt(k - 1) === BACKSLASH ? k - 1 : k;
  }
  return wordEnd;
}

/** After a name's first word: the end of up to three more capitalised words after single spaces. */
export function capitalisedWordsEnd(text: string, end: number): number {
  let k = end;
  for (let words = 0; words < 3; words++) {
    if (text.charCodeAt(k) !== SPACE) break;
    const first = text.charCodeAt(k + 1);
    if (first < 65 || first > 90) break;
    let j = k + 2;
    while (j < text.length && j - k < 40) {
      const c = text.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || c === APOS || c === HYPHEN || c >= 0xc0)) break;
      j++;
    }
    if (j === k + 2) break;
    k = j;
  }
  return k;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === LF || text.charCodeAt(k) === CR) return true;
  return false;
}

/** End of a header-like value: the end of the line or of the enclosing quoted string. */
export function findValueEnd(text: string, start: number): number {
  for (let k = start; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (
      c === LF ||
      c === CR ||
      c === QUOTE ||
      (c === BACKSLASH && (text.charCodeAt(k + 1) === LOWER_N || text.charCodeAt(k + 1) === LOWER_R || text.charCodeAt(k + 1) === QUOTE))
    )
      return k;
  }
  return text.length;
}

export function isBlank(text: string, from: number, to: number): boolean {
  if (from < 0 || to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** After `Bearer`/`Basic`: a credential has 8+ characters with a digit, mixed case or a symbol. */
export function couldBeSchemeCredential(text: string, start: number, end: number): boolean {
  if (end - start < 8) return false;
  let upper = false;
  let lower = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) return true;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else return true;
  }
  return upper && lower;
}
