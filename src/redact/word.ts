/**
 * One word of text to its redacted form: its shape (values.ts), a JWT glued to a prefix, a
 * remembered secret whole or as one piece, a URL, percent-encoding, `name=value` pairs, a
 * `label:value`, base64 that decodes to text, and the token-shape fallback. Decoded layers go
 * back through text.ts, at most MAX_DEPTH deep.
 */
import { isUtf8 } from 'node:buffer';
import { CR, LF, TAB, isDigitCode, AMP, COLON, DOT, EQUALS, HYPHEN, LOWER_E, LOWER_Y, PERCENT, PLUS, SLASH, UNDERSCORE, UPPER_J } from './char-codes.js';
import { hasCredentialPrefix, looksLikeToken } from './entropy.js';
import { isLabelName } from './labels.js';
import { ruleApplies } from './names.js';
import { MAX_DEPTH, type Scope, deeper } from './scope.js';
import { redactText } from './text.js';
import { redactQueryString, redactUrlText } from './url.js';
import { classifyValue, MAX_WORD } from './values.js';

const TRAILING = new Set([46, 44, 58, 63, 33, 59]);
// . , : ? ! ;
const LEADING = new Set([63, 38, 35, 58]);
// ? & # :

/**
 * One word to its redacted form, or null when it needs nothing. Sentence punctuation at the end
 * and query markers at the start are not part of the value.
 */
export function redactWord(raw: string, scope: Scope, noEntropy: boolean): string | null {
  if (raw.length < 6) return null;
  let start = 0;
  let end = raw.length;
  while (end > start && TRAILING.has(raw.charCodeAt(end - 1))) end--;
  while (start < end && LEADING.has(raw.charCodeAt(start))) start++;
  if (end - start < 6) return null;
  const word = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  const replaced = redactCore(word, scope, noEntropy);
  return replaced === null ? null : raw.slice(0, start) + replaced + raw.slice(end);
}

/** Character classes present in a word, as bits, so checks that cannot apply are skipped. */
const S_UPPER = 1;

const S_LOWER = 2;

const S_DIGIT = 4;

const S_COLON = 8;

const S_PERCENT = 16;

const S_EQUALS = 32;

/** Anything outside the base64/base64url alphabet (`.`, `~`, `?`, `&`, `#`, `@`, `:`, `%`). */
const S_NOT_BASE64 = 64;

/** Characters that join pieces a known secret may be one of: `.`, `:`, `=`, `&`. */
const S_PIECES = 128;

function shapeOf(word: string): number {
  let shape = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) shape |= S_LOWER;
    else if (c >= 65 && c <= 90) shape |= S_UPPER;
    else if (isDigitCode(c)) shape |= S_DIGIT;
    else if (c === COLON) shape |= S_COLON | S_NOT_BASE64 | S_PIECES;
    else if (c === PERCENT) shape |= S_PERCENT | S_NOT_BASE64;
    else if (c === EQUALS) shape |= S_EQUALS | S_PIECES;
    else if (c === DOT || c === AMP) shape |= S_PIECES | S_NOT_BASE64;
    else if (c !== HYPHEN && c !== UNDERSCORE && c !== PLUS && c !== SLASH) shape |= S_NOT_BASE64;
  }
  return shape;
}

function redactCore(word: string, scope: Scope, noEntropy: boolean): string | null {
  const { tags } = scope;
  if (word.length > MAX_WORD) return !noEntropy && looksLikeToken(word) ? tags.tag('token', word, scope.place) : null;
  if (tags.issued(word)) return null;
  const detected = classifyValue(word);
  if (detected) return tags.tag(detected.kind, word, scope.place, detected.detail);
  const glued = gluedJwt(word, scope);
  if (glued !== null) return glued;
  const known = tags.recall(word);
  if (known) return tags.tag(known, word, scope.place);
  const shape = shapeOf(word);
  if (shape & S_PIECES && tags.remembersAny) {
    const pieces = recallPieces(word, scope);
    if (pieces !== null) return pieces;
  }
  if ((shape & S_COLON || word.charCodeAt(0) === SLASH) && isUrlLike(word)) {
    const redacted = redactUrlText(word, scope);
    return redacted === word ? null : redacted;
  }
  if (shape & S_PERCENT && scope.depth < MAX_DEPTH) {
    const decoded = safeDecode(word);
    if (decoded !== word) {
      const redacted = redactText(decoded, deeper(scope), noEntropy);
      return redacted === decoded ? null : redacted;
    }
  }
  if (shape & S_EQUALS && isPairs(word)) {
    const redacted = redactQueryString(word, scope, 'query');
    return redacted === word ? null : redacted;
  }
  const colon = shape & S_COLON ? word.indexOf(':') : -1;
  if (colon > 0 && colon < word.length - 1 && isLabelName(word, 0, colon)) {
    const name = word.slice(0, colon);
    const value = word.slice(colon + 1);
    const found = scope.cache.nameRule(name, 'text');
    if (found && ruleApplies(found, value)) {
      const kind = classifyValue(value);
      return `${name}:${tags.tag(kind?.kind ?? found.kind, value, scope.place, kind?.detail)}`;
    }
    const inner = redactCore(value, scope, noEntropy);
    if (inner !== null) return `${name}:${inner}`;
  }
  // Base64 of text has both cases; hex digests and UUIDs (one case) are not worth decoding.
  if (!(shape & S_NOT_BASE64) && (shape & (S_UPPER | S_LOWER)) === (S_UPPER | S_LOWER) && scope.depth < MAX_DEPTH && word.length >= 16 && isBase64Word(word)) {
    const decoded = decodeBase64Text(word);
    if (decoded !== null) {
      const redacted = redactText(decoded, deeper(scope));
      // Encoded text that holds nothing secret stays as it was; one that does is replaced whole.
      return redacted === decoded ? null : tags.tag('encoded', word, scope.place);
    }
  }
  if (!noEntropy && (shape & (S_UPPER | S_LOWER | S_DIGIT)) === (S_UPPER | S_LOWER | S_DIGIT) && looksLikeToken(word))
    return tags.tag('token', word, scope.place);
  if (!noEntropy && shape & S_DIGIT && hasCredentialPrefix(word)) return tags.tag('token', word, scope.place);
  return null;
}

/** `auth_eyJ…`, `session.eyJ…`: a JWT glued to a short prefix (a cookie name, an SSE event name). */
function gluedJwt(word: string, scope: Scope): string | null {
  if (word.length < 30) return null;
  let at = -1;
  for (let k = 2; k < 25 && at === -1; k++)
    if (word.charCodeAt(k) === LOWER_E && word.charCodeAt(k + 1) === LOWER_Y && word.charCodeAt(k + 2) === UPPER_J) at = k;
  if (at === -1) return null;
  const joint = word.charCodeAt(at - 1);
  if (joint !== UNDERSCORE && joint !== HYPHEN && joint !== DOT && joint !== COLON && joint !== EQUALS) return null;
  const jwt = word.slice(at);
  const detected = classifyValue(jwt);
  return detected?.kind === 'jwt' ? `${word.slice(0, at)}${scope.tags.tag('jwt', jwt, scope.place, detected.detail)}` : null;
}

/**
 * A remembered secret as one piece of a word: the GA client id `2103176288.1643952222` holds a
 * cookie value after the dot. Only pieces whose length a remembered value has are hashed.
 */
function recallPieces(word: string, scope: Scope): string | null {
  let out: string | null = null;
  let from = 0;
  let copied = 0;
  for (let k = 0; k <= word.length; k++) {
    const c = k === word.length ? 46 : word.charCodeAt(k);
    if (c !== DOT && c !== COLON && c !== EQUALS && c !== AMP) continue;
    if (k - from >= 8 && scope.tags.mayRecall(k - from)) {
      const piece = word.slice(from, k);
      const kind = scope.tags.recall(piece);
      if (kind !== null) {
        out = (out ?? '') + word.slice(copied, from) + scope.tags.tag(kind, piece, scope.place);
        copied = k;
      }
    }
    from = k + 1;
  }
  return out === null ? null : out + word.slice(copied);
}

/** `https://…`, `wss://…`, `//host/…`, or a path with a query: `/login?next=…`. */
export function isUrlLike(word: string): boolean {
  const c0 = word.charCodeAt(0);
  if (c0 === SLASH) return word.charCodeAt(1) === SLASH || word.includes('?') || word.includes('#');
  const colon = word.indexOf('://');
  if (colon <= 0 || colon > 16) return false;
  for (let i = 0; i < colon; i++) {
    const c = word.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > 0 && (isDigitCode(c) || c === PLUS || c === HYPHEN || c === DOT));
    if (!ok) return false;
  }
  return true;
}

/** `a=1&b=2`, `token=abc`: `=` inside the word with something after it (not base64 padding). */
function isPairs(word: string): boolean {
  const eq = word.indexOf('=');
  if (eq <= 0 || eq === word.length - 1) return word.includes('&') && eq > 0;
  return word.charCodeAt(eq + 1) !== EQUALS;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isBase64Word(word: string): boolean {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) === EQUALS) end--;
  if (word.length - end > 2 || end % 4 === 1) return false;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigitCode(c) || c === PLUS || c === SLASH || c === HYPHEN || c === UNDERSCORE;
    if (!ok) return false;
  }
  return true;
}

/** Base64 (standard or URL-safe) that decodes to printable UTF-8 text, or null. */
export function decodeBase64Text(word: string): string | null {
  const bytes = Buffer.from(word, word.includes('-') || word.includes('_') ? 'base64url' : 'base64');
  // Random bytes are almost never valid UTF-8: most tokens stop here, without an exception.
  if (bytes.length < 8 || !isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== TAB && c !== LF && c !== CR) || c === 127 || c === 0xfffd) return null;
  }
  return text;
}
