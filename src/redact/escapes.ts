/**
 * What separates words in text besides spaces and punctuation: JSON escapes (`\\"`, `\\u0022`),
 * HTML entities (`&quot;`, `&#34;`), and this run's own placeholders, which are skipped whole.
 * Each look is bounded, so a run of `<` or `&` stays linear.
 */
import { GT, HASH, LF, LOWER_U, LOWER_X, LT, SEMICOLON, UPPER_X, isDigitCode } from './char-codes.js';
import type { Scope } from './scope.js';

/** `\"`, `\n` → 2 characters; `\u0022` → 6. */
export function escapeLength(text: string, i: number): number {
  if (text.charCodeAt(i + 1) === LOWER_U && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return 6;
  return 2;
}

const ENTITIES = ['quot;', 'amp;', 'lt;', 'gt;', 'apos;', 'nbsp;'];

/** Length of an HTML entity at `i` (`&quot;`, `&#34;`, `&#x22;`), or 0. */
export function entityLength(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === HASH) {
    let j = i + 2;
    const hex = text.charCodeAt(j) === LOWER_X || text.charCodeAt(j) === UPPER_X;
    if (hex) j++;
    const digitsStart = j;
    while (j < text.length && j - digitsStart < 7 && isEntityDigit(text.charCodeAt(j), hex)) j++;
    return j > digitsStart && text.charCodeAt(j) === SEMICOLON ? j + 1 - i : 0;
  }
  if (next < 97 || next > 122) return 0;
  for (const entity of ENTITIES) if (text.startsWith(entity, i + 1)) return entity.length + 1;
  return 0;
}

function isEntityDigit(c: number, hex: boolean): boolean {
  return isDigitCode(c) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)));
}

/** Skips a placeholder this run issued (never scanned twice), else just the `<`. */
export function skipPlaceholder(text: string, i: number, scope: Scope): number {
  const first = text.charCodeAt(i + 1);
  if (first < 97 || first > 122) return i + 1;
  // Tags are `<kind:n …>`: look for the `>` only within the longest tag, so `<<<<…` stays linear.
  for (let k = i + 2; k < text.length && k - i < 2048; k++) {
    const c = text.charCodeAt(k);
    if (c === GT) return scope.tags.issued(text.slice(i, k + 1)) ? k + 1 : i + 1;
    if (c === LT || c === LF) return i + 1;
  }
  return i + 1;
}
