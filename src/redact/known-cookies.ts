/**
 * A cookie of the capture written out as `name=value` in text (a script, a query value, another
 * cookie's value): found by the cookie names the run has seen, replaced only when the value is
 * one the run remembers.
 */
import { AMP, APOS, BACKSLASH, HASH, PLUS, QUESTION, QUOTE, SEMICOLON, indexOfCode } from './char-codes.js';
import type { Scope } from './scope.js';

/**
 * `__utmz=173272373.1643.1.1.utmcsr=(direct)|…` in a query value or a script: a cookie of the
 * capture written out as `name=value`, possibly inside another pair (`utmcc=__utmz=…`). The
 * value runs to the next `;`, `&`, quote or space, which may be past the word; it is replaced
 * only when it equals a cookie value seen in the capture. Returns the value's span, or null.
 */
export function knownCookieValue(text: string, start: number, end: number, scope: Scope): [number, number] | null {
  let nameStart = start;
  for (let guard = 0; guard < 8 && nameStart < end; guard++) {
    while (nameStart < end && isPairJoint(text.charCodeAt(nameStart))) nameStart++;
    // Only within the word: `indexOf` would run to the end of the text for every word.
    const eq = indexOfCode(text, 61 /* = */, nameStart, end);
    if (eq === -1 || eq >= end - 1) return null;
    if (eq - nameStart >= 2 && scope.cache.cookieNames.has(text.slice(nameStart, eq))) {
      let valueEnd = eq + 1;
      while (valueEnd < text.length && valueEnd - eq <= 4096) {
        const c = text.charCodeAt(valueEnd);
        if (c === SEMICOLON || c === AMP || c === QUOTE || c === APOS || c <= 32 || c === BACKSLASH) break;
        valueEnd++;
      }
      if (scope.tags.recall(text.slice(eq + 1, valueEnd)) !== null) return [eq + 1, valueEnd];
    }
    nameStart = eq + 1;
  }
  return null;
}

/** `?`, `&`, `#`, `+` (an encoded space): what may stand between pairs. */
function isPairJoint(c: number): boolean {
  return c === QUESTION || c === AMP || c === HASH || c === PLUS;
}
