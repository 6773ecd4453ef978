/**
 * Emails with letters outside ASCII (`jürgen.müller@gmx.de`, `max@bücher.example`). The word
 * scanner (text.ts) splits text at every non-ASCII character, which keeps a token glued to CJK
 * text findable, but cuts such an email into pieces. When a word with an `@` touches a
 * non-ASCII letter (or a `\uXXXX` escape of one), this widens it over the letters and ASCII
 * address characters on both sides, at most the length of an address, and decodes the escapes,
 * so the whole address can be judged as one.
 */
import { isEmail } from './values.js';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;
const LETTER = /^[\p{L}\p{M}]$/u;

export interface EmailSpan {
  start: number;
  end: number;
  /** The address with escapes decoded. */
  email: string;
}

/**
 * The email around the word `[start, end)` (which holds the `@` at `at`), not reaching before
 * `floor`; null when the word touches no non-ASCII letter or the widened text is no email.
 */
export function internationalEmailAround(text: string, start: number, end: number, at: number, floor: number): EmailSpan | null {
  if (!touchesLetter(text, start - 1, true) && !touchesLetter(text, end, false)) return null;
  let from = at;
  while (from > floor && at - from < MAX_LOCAL * 6) {
    const step = stepBack(text, from, LOCAL_ASCII);
    if (step === 0) break;
    from -= step;
  }
  let to = at + 1;
  while (to < text.length && to - at < MAX_DOMAIN * 6) {
    const step = stepForward(text, to, DOMAIN_ASCII);
    if (step === 0) break;
    to += step;
  }
  while (to > at + 1 && (text.charCodeAt(to - 1) === 46 || text.charCodeAt(to - 1) === 45)) to--;
  const email = decodeEscapes(text.slice(from, to));
  return email.length <= MAX_LOCAL + 1 + MAX_DOMAIN && isEmail(email) ? { start: from, end: to, email } : null;
}

const LOCAL_ASCII = new Uint8Array(128);
const DOMAIN_ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) LOCAL_ASCII[c] = DOMAIN_ASCII[c] = 1;
for (let c = 65; c <= 90; c++) LOCAL_ASCII[c] = DOMAIN_ASCII[c] = 1;
for (let c = 97; c <= 122; c++) LOCAL_ASCII[c] = DOMAIN_ASCII[c] = 1;
for (const c of "._%+'-") LOCAL_ASCII[c.charCodeAt(0)] = 1;
for (const c of '.-') DOMAIN_ASCII[c.charCodeAt(0)] = 1;

/** Characters taken before `k`: an allowed ASCII character, a letter, or a `\uXXXX` letter escape. */
function stepBack(text: string, k: number, ascii: Uint8Array): number {
  const c = text.charCodeAt(k - 1);
  if (c < 128) {
    if (k >= 6 && text.charCodeAt(k - 6) === 92 && text.charCodeAt(k - 5) === 117 && isLetterEscape(text, k - 6)) return 6;
    return ascii[c] === 1 ? 1 : 0;
  }
  // A letter outside the basic plane is a surrogate pair: take both halves.
  if (c >= 0xdc00 && c <= 0xdfff && k >= 2) return LETTER.test(text.slice(k - 2, k)) ? 2 : 0;
  return LETTER.test(text.charAt(k - 1)) ? 1 : 0;
}

function stepForward(text: string, k: number, ascii: Uint8Array): number {
  const c = text.charCodeAt(k);
  if (c < 128) {
    if (c === 92 && text.charCodeAt(k + 1) === 117 && isLetterEscape(text, k)) return 6;
    return ascii[c] === 1 ? 1 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(k, k + 2)) ? 2 : 0;
  return LETTER.test(text.charAt(k)) ? 1 : 0;
}

/** A letter right before (or at) `k`, written as itself or as a `\uXXXX` escape. */
function touchesLetter(text: string, k: number, before: boolean): boolean {
  if (k < 0 || k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (c >= 128) return LETTER.test(text.charAt(k)) || (c >= 0xd800 && c <= 0xdfff);
  if (before) return k >= 5 && text.charCodeAt(k - 5) === 92 && text.charCodeAt(k - 4) === 117 && isLetterEscape(text, k - 5);
  return c === 92 && text.charCodeAt(k + 1) === 117 && isLetterEscape(text, k);
}

/** `\u00fc` at `k`: an escaped non-ASCII letter. */
function isLetterEscape(text: string, k: number): boolean {
  const hex = text.slice(k + 2, k + 6);
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return false;
  const code = parseInt(hex, 16);
  return code >= 128 && LETTER.test(String.fromCharCode(code));
}

function decodeEscapes(text: string): string {
  return text.includes('\\u') ? text.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
