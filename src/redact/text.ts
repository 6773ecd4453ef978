/**
 * Free text: header values, text bodies (HTML, JavaScript, plain), SSE data that is not JSON,
 * multipart values, JSON strings. The text is cut into words in one pass (letters, digits and
 * the characters of URLs, emails, base64 and `name=value` pairs; everything else, escapes
 * `\"`/`\uXXXX` and HTML entities included, separates words), and each word is judged on its own:
 * its shape (values.ts), a known secret of the run, a URL, percent-encoding, `name=value` pairs,
 * base64 that decodes to text, and the token-shape fallback.
 *
 * Around the words, a little context: a label that names a secret (`"password": "…"`,
 * `token=`, `name="csrf-token" content="…"`) marks the next value, `Bearer`/`Basic` mark the next
 * word, groups are joined to test for card, phone and IBAN numbers (spaced-numbers.ts), and PEM
 * private-key blocks are replaced whole. No regular expression ever runs over the whole text, so the cost is linear.
 */
import { isUtf8 } from 'node:buffer';
import { redactCookieHeader } from './cookies.js';
import { csvDelimiter, redactCsvColumns } from './csv.js';
import { hasCredentialPrefix, looksLikeToken } from './entropy.js';
import { internationalEmailAround } from './international-email.js';
import { type NameRule, classifyName, isBareName, ruleApplies } from './names.js';
import { findProseSpans, mayHoldProse } from './prose.js';
import { redactPatterns } from './rules.js';
import { MAX_DEPTH, type Scope, deeper } from './scope.js';
import { redactQueryString, redactUrlText } from './url.js';
import { bracketedPhoneEnd, cardGroupEnd, coordinatePairEnd, ibanGroupEnd, isIbanStart, nationalPhoneEnd, phoneGroupEnd } from './spaced-numbers.js';
import { classifyValue, credentialKind, MAX_WORD } from './values.js';

/**
 * Characters that belong to words (letters, digits and `-._~+/=%@:?&#`), by class, so a word's
 * classes are known when its end is found.
 */
const C_LOWER = 1;
const C_UPPER = 2;
const C_DIGIT = 4;
const C_SYMBOL = 8;
const WORD_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CHAR[c] = C_DIGIT;
for (let c = 65; c <= 90; c++) WORD_CHAR[c] = C_UPPER;
for (let c = 97; c <= 122; c++) WORD_CHAR[c] = C_LOWER;
for (const c of '-._~+/=%@:?&#') WORD_CHAR[c.charCodeAt(0)] = C_SYMBOL;

const MAX_QUOTED = 1024;

/**
 * Whether a text could hold anything this scanner finds. Every shape it looks for has a digit, a
 * symbol (`@ : = % & # ? + / _ ~ - \ <`) or two capitals in one word (base64, a remembered
 * mixed-case value), and every name or address in prose (prose.ts) a capital after a word, a
 * digit or a letter outside ASCII, so lower-case prose is passed over by one native
 * regular-expression scan, linear in the text.
 */
const MAY_HOLD_ANYTHING = /[0-9@:=%&#?+/_~\\<-]|[A-Z][a-z]*[A-Z]|[a-z.,] [A-Z]|[^\x00-\x7f]/;

/**
 * The text with every secret and personal value in it replaced by a placeholder. `prose: false`
 * skips the scan for names and addresses (protocol headers such as `User-Agent`).
 */
export function redactText(text: string, scope: Scope, noEntropy = false, prose = true): string {
  const patterns = scope.cache.rules.redactPatterns;
  const own = patterns.length === 0 ? text : redactPatterns(text, patterns, (match) => scope.tags.tag('custom', match, scope.place));
  const delimiter = own.length >= 12 ? csvDelimiter(own) : 0;
  const columns = delimiter === 0 ? own : redactCsvColumns(own, delimiter, scope);
  if (columns.length < 6 || !MAY_HOLD_ANYTHING.test(columns)) {
    // Short or plain words: only prose can be in them (`王伟`, `Ada Quist`).
    return prose && columns.length >= 2 && columns.length < 6 && mayHoldProse(columns) ? redactProse(columns, scope) : columns;
  }
  const withoutKeys = columns.includes('-----BEGIN') ? redactPrivateKeys(columns, scope) : columns;
  // The word scan notes on its way whether the text may hold prose, so no second scan is needed.
  const hint = { prose: false };
  const scanned = scanWords(withoutKeys, scope, noEntropy, prose ? hint : null);
  return hint.prose && mayHoldProse(scanned) ? redactProse(scanned, scope) : scanned;
}

/** At a space: whether the characters around it may belong to a name, an address or a date. */
function proseAround(text: string, k: number): boolean {
  const before = text.charCodeAt(k - 1);
  const after = text.charCodeAt(k + 1);
  if (after >= 65 && after <= 90) return (before >= 97 && before <= 122) || before === 46 || before === 44;
  const digitBefore = before >= 48 && before <= 57;
  const digitAfter = after >= 48 && after <= 57;
  const letterAfter = (after >= 97 && after <= 122) || (after >= 65 && after <= 90);
  const letterBefore = (before >= 97 && before <= 122) || (before >= 65 && before <= 90);
  return (digitBefore && letterAfter) || (digitAfter && (letterBefore || before === 58));
}

/** Names, street addresses and birth dates in prose (prose.ts), as placeholders. */
function redactProse(text: string, scope: Scope): string {
  const spans = findProseSpans(text);
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (const span of spans) {
    parts.push(text.slice(copied, span.start), scope.tags.tag(span.kind, text.slice(span.start, span.end), scope.place));
    copied = span.end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

interface Pending {
  rule: NameRule;
  /** A `:` or `=` was seen after the label. */
  sep: boolean;
  /** Words seen since the label without a separator. */
  skipped: number;
  /** The label was `Cookie`: the rest of the line is a cookie header. */
  cookie: boolean;
}

function scanWords(text: string, scope: Scope, noEntropy: boolean, hint: { prose: boolean } | null): string {
  const n = text.length;
  // Created at the first replacement only: most texts need none and allocate nothing here.
  let out: Splice | null = null;
  let pending: Pending | null = null;
  let scheme: string | null = null;
  let personLabels: boolean | null = null;
  let lastEnd = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += escapeLength(text, i);
      continue;
    }
    if (c === 60 /* < */) {
      i = skipPlaceholder(text, i, scope);
      continue;
    }
    if (c >= 128 || WORD_CHAR[c] === 0) {
      if (hint !== null && !hint.prose && (c >= 128 || (c === 32 && i > 0 && proseAround(text, i)))) hint.prose = true;
      i++;
      continue;
    }
    if (c === 38 /* & */) {
      const entity = entityLength(text, i);
      if (entity > 0) {
        i += entity;
        continue;
      }
    }
    let end = i + 1;
    let classes = WORD_CHAR[c]!;
    while (end < n) {
      const d = text.charCodeAt(end);
      const cls = d < 128 ? WORD_CHAR[d]! : 0;
      if (cls === 0 || (d === 38 && entityLength(text, end) > 0)) break;
      classes |= cls;
      end++;
    }
    const start = i;
    const length = end - start;
    i = end;

    if (isSeparatorRun(text, start, end)) {
      if (pending) pending.sep = true;
      continue;
    }
    if (pending?.sep) {
      const found: Pending = pending;
      pending = null;
      if (found.cookie) {
        const lineEnd = findValueEnd(text, start);
        (out ??= new Splice(text)).replace(start, lineEnd, redactCookieHeader(text.slice(start, lineEnd), scope));
        i = lineEnd;
        continue;
      }
      const quoted = quotedEnd(text, start, end);
      // `Author: Ada Quist`: an unquoted name runs over the capitalised words after it.
      const spanEnd = quoted === end && found.rule.kind === 'name' ? capitalisedWordsEnd(text, end) : quoted;
      const value = text.slice(start, spanEnd);
      if (ruleApplies(found.rule, value) && !scope.tags.issued(value)) {
        const detected = classifyValue(value);
        (out ??= new Splice(text)).replace(start, spanEnd, scope.tags.tag(detected?.kind ?? found.rule.kind, value, scope.place, detected?.detail));
        i = spanEnd;
        lastEnd = spanEnd;
        continue;
      }
    }
    if (scheme !== null) {
      const current = scheme;
      scheme = null;
      if (isBlank(text, lastEnd, start) && couldBeSchemeCredential(text, start, end)) {
        const word = text.slice(start, end);
        const kind = credentialKind(current, word);
        (out ??= new Splice(text)).replace(start, end, scope.tags.tag(kind.kind, word, scope.place, kind.detail));
        lastEnd = end;
        continue;
      }
    }
    lastEnd = end;
    const at = classes & C_SYMBOL ? indexOfCode(text, 64 /* @ */, start, end) : -1;
    const email = at === -1 ? null : internationalEmailAround(text, start, end, at, out === null ? 0 : out.copied);
    if (email !== null) {
      (out ??= new Splice(text)).replace(email.start, email.end, scope.tags.tag('email', email.email, scope.place));
      i = email.end;
      lastEnd = email.end;
      continue;
    }
    const grouped = length <= 16 ? groupedNumber(text, start, end, c, out === null ? 0 : out.copied) : null;
    if (grouped !== null) {
      (out ??= new Splice(text)).replace(grouped.start, grouped.end, scope.tags.tag(grouped.kind, text.slice(grouped.start, grouped.end), scope.place));
      i = grouped.end;
      lastEnd = grouped.end;
      continue;
    }
    const label = readLabel(text, start, end);
    if (label !== null) {
      let found = scope.cache.nameRule(label.name, 'text');
      if (found === null && isBareName(label.name)) {
        // Whether the text has any email/phone label at all is worked out once per text.
        personLabels ??= PERSON_LABEL.test(text);
        if (personLabels) found = personNameRule(text, start);
      }
      if (found) {
        pending = { rule: found, sep: label.sep, skipped: 0, cookie: label.name.toLowerCase() === 'cookie' };
        continue;
      }
      if (label.sep && pending) {
        pending.sep = true;
        continue;
      }
    }
    if (pending !== null && ++pending.skipped > 2) pending = null;
    if ((length === 6 || length === 5) && isSchemeWord(text, start, length)) {
      scheme = length === 6 ? 'bearer' : 'basic';
      continue;
    }
    const cookie = scope.tags.remembersAny && scope.cache.cookieNames.size > 0 ? knownCookieValue(text, start, end, scope) : null;
    if (cookie !== null) {
      (out ??= new Splice(text)).replace(cookie[0], cookie[1], scope.tags.tag('cookie', text.slice(cookie[0], cookie[1]), scope.place));
      i = cookie[1];
      continue;
    }
    if (length < 6 || !worthLookingAt(classes, length, scope)) continue;
    const word = text.slice(start, end);
    const replacement = redactWord(word, scope, noEntropy);
    if (replacement !== null) (out ??= new Splice(text)).replace(start, end, replacement);
  }
  return out === null ? text : out.finish();
}

/** The text rebuilt from its unchanged stretches and the replacements, in order. */
class Splice {
  readonly #text: string;
  readonly #parts: string[] = [];
  #copied = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** Where the text is copied up to: nothing before it can be replaced any more. */
  get copied(): number {
    return this.#copied;
  }

  replace(start: number, end: number, replacement: string): void {
    this.#parts.push(this.#text.slice(this.#copied, start), replacement);
    this.#copied = end;
  }

  finish(): string {
    this.#parts.push(this.#text.slice(this.#copied));
    return this.#parts.join('');
  }
}

/**
 * A word of lower-case letters only can be nothing this scanner looks for (every secret shape
 * has a digit, a symbol, a capital, and so does every remembered value); one of capitals only
 * must be long enough for a key id; one in both cases long enough for base64 or as long as a
 * remembered value. Prose costs no more.
 */
function worthLookingAt(classes: number, length: number, scope: Scope): boolean {
  if (classes & (C_DIGIT | C_SYMBOL)) return true;
  // Upper case only: an AWS key id (`AKIA` + 16 of A–Z2–7) may have no digit.
  if (classes === C_UPPER) return length >= 16;
  if (classes === C_LOWER) return false;
  return length >= 16 || scope.tags.mayRecall(length);
}

const TRAILING = new Set([46, 44, 58, 63, 33, 59]); // . , : ? ! ;
const LEADING = new Set([63, 38, 35, 58]); // ? & # :

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
const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const COLON = 8;
const PERCENT = 16;
const EQUALS = 32;
/** Anything outside the base64/base64url alphabet (`.`, `~`, `?`, `&`, `#`, `@`, `:`, `%`). */
const NOT_BASE64 = 64;
/** Characters that join pieces a known secret may be one of: `.`, `:`, `=`, `&`. */
const PIECES = 128;

function shapeOf(word: string): number {
  let shape = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) shape |= LOWER;
    else if (c >= 65 && c <= 90) shape |= UPPER;
    else if (c >= 48 && c <= 57) shape |= DIGIT;
    else if (c === 58) shape |= COLON | NOT_BASE64 | PIECES;
    else if (c === 37) shape |= PERCENT | NOT_BASE64;
    else if (c === 61) shape |= EQUALS | PIECES;
    else if (c === 46 || c === 38) shape |= PIECES | NOT_BASE64;
    else if (c !== 45 && c !== 95 && c !== 43 && c !== 47) shape |= NOT_BASE64;
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
  if (shape & PIECES && tags.remembersAny) {
    const pieces = recallPieces(word, scope);
    if (pieces !== null) return pieces;
  }
  if ((shape & COLON || word.charCodeAt(0) === 47) && isUrlLike(word)) {
    const redacted = redactUrlText(word, scope);
    return redacted === word ? null : redacted;
  }
  if (shape & PERCENT && scope.depth < MAX_DEPTH) {
    const decoded = safeDecode(word);
    if (decoded !== word) {
      const redacted = redactText(decoded, deeper(scope), noEntropy);
      return redacted === decoded ? null : redacted;
    }
  }
  if (shape & EQUALS && isPairs(word)) {
    const redacted = redactQueryString(word, scope, 'query');
    return redacted === word ? null : redacted;
  }
  const colon = shape & COLON ? word.indexOf(':') : -1;
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
  if (!(shape & NOT_BASE64) && (shape & (UPPER | LOWER)) === (UPPER | LOWER) && scope.depth < MAX_DEPTH && word.length >= 16 && isBase64Word(word)) {
    const decoded = decodeBase64Text(word);
    if (decoded !== null) {
      const redacted = redactText(decoded, deeper(scope));
      // Encoded text that holds nothing secret stays as it was; one that does is replaced whole.
      return redacted === decoded ? null : tags.tag('encoded', word, scope.place);
    }
  }
  if (!noEntropy && (shape & (UPPER | LOWER | DIGIT)) === (UPPER | LOWER | DIGIT) && looksLikeToken(word)) return tags.tag('token', word, scope.place);
  if (!noEntropy && shape & DIGIT && hasCredentialPrefix(word)) return tags.tag('token', word, scope.place);
  return null;
}

/** `auth_eyJ…`, `session.eyJ…`: a JWT glued to a short prefix (a cookie name, an SSE event name). */
function gluedJwt(word: string, scope: Scope): string | null {
  if (word.length < 30) return null;
  let at = -1;
  for (let k = 2; k < 25 && at === -1; k++) if (word.charCodeAt(k) === 101 && word.charCodeAt(k + 1) === 121 && word.charCodeAt(k + 2) === 74) at = k;
  if (at === -1) return null;
  const joint = word.charCodeAt(at - 1);
  if (joint !== 95 && joint !== 45 && joint !== 46 && joint !== 58 && joint !== 61) return null;
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
    if (c !== 46 && c !== 58 && c !== 61 && c !== 38) continue;
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

/**
 * `__utmz=173272373.1643.1.1.utmcsr=(direct)|…` in a query value or a script: a cookie of the
 * capture written out as `name=value`, possibly inside another pair (`utmcc=__utmz=…`). The
 * value runs to the next `;`, `&`, quote or space, which may be past the word; it is replaced
 * only when it equals a cookie value seen in the capture. Returns the value's span, or null.
 */
function knownCookieValue(text: string, start: number, end: number, scope: Scope): [number, number] | null {
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
        if (c === 59 || c === 38 || c === 34 || c === 39 || c <= 32 || c === 92) break;
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
  return c === 63 || c === 38 || c === 35 || c === 43;
}

/** `-----BEGIN … PRIVATE KEY-----` … `-----END … -----` blocks, replaced whole (fail closed). */
function redactPrivateKeys(text: string, scope: Scope): string {
  const parts: string[] = [];
  let copied = 0;
  let from = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN', from);
    if (begin === -1) break;
    const headerEnd = text.indexOf('-----', begin + 10);
    if (headerEnd === -1) break;
    const label = text.slice(begin + 10, headerEnd);
    if (label.length > 100 || !label.includes('PRIVATE')) {
      from = headerEnd + 5;
      continue;
    }
    const footer = text.indexOf('-----END', headerEnd + 5);
    const close = footer === -1 ? -1 : text.indexOf('-----', footer + 8);
    const blockEnd = close === -1 ? text.length : close + 5;
    parts.push(text.slice(copied, begin), scope.tags.tag('private-key', text.slice(begin, blockEnd), scope.place));
    copied = blockEnd;
    from = blockEnd;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** `\"`, `\n` → 2 characters; `\u0022` → 6. */
function escapeLength(text: string, i: number): number {
  if (text.charCodeAt(i + 1) === 117 /* u */ && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return 6;
  return 2;
}

const ENTITIES = ['quot;', 'amp;', 'lt;', 'gt;', 'apos;', 'nbsp;'];

/** Length of an HTML entity at `i` (`&quot;`, `&#34;`, `&#x22;`), or 0. */
function entityLength(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === 35 /* # */) {
    let j = i + 2;
    const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
    if (hex) j++;
    const digitsStart = j;
    while (j < text.length && j - digitsStart < 7 && isEntityDigit(text.charCodeAt(j), hex)) j++;
    return j > digitsStart && text.charCodeAt(j) === 59 ? j + 1 - i : 0;
  }
  if (next < 97 || next > 122) return 0;
  for (const entity of ENTITIES) if (text.startsWith(entity, i + 1)) return entity.length + 1;
  return 0;
}

function isEntityDigit(c: number, hex: boolean): boolean {
  return (c >= 48 && c <= 57) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)));
}

/** Skips a placeholder this run issued (never scanned twice), else just the `<`. */
function skipPlaceholder(text: string, i: number, scope: Scope): number {
  const first = text.charCodeAt(i + 1);
  if (first < 97 || first > 122) return i + 1;
  // Tags are `<kind:n …>`: look for the `>` only within the longest tag, so `<<<<…` stays linear.
  for (let k = i + 2; k < text.length && k - i < 2048; k++) {
    const c = text.charCodeAt(k);
    if (c === 62) return scope.tags.issued(text.slice(i, k + 1)) ? k + 1 : i + 1;
    if (c === 60 || c === 10) return i + 1;
  }
  return i + 1;
}

/** A word made only of `:` and `=`: the separator between a label and its value. */
function isSeparatorRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 58 && c !== 61) return false;
  }
  return true;
}

/** `Bearer` (6 letters) or `Basic` (5), in any case. */
function isSchemeWord(text: string, start: number, length: number): boolean {
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
function readLabel(text: string, start: number, end: number): Label | null {
  let nameEnd = end;
  while (nameEnd > start && (text.charCodeAt(nameEnd - 1) === 58 || text.charCodeAt(nameEnd - 1) === 61)) nameEnd--;
  const ownSep = nameEnd < end;
  const sep = ownSep || followedBySeparator(text, end);
  if (!sep && !isAttributeValue(text, start)) return null;
  let nameStart = start;
  while (nameStart < nameEnd && (text.charCodeAt(nameStart) === 63 || text.charCodeAt(nameStart) === 38 || text.charCodeAt(nameStart) === 35)) nameStart++;
  if (nameEnd - nameStart < 2 || nameEnd - nameStart > 64 || !isLabelName(text, nameStart, nameEnd)) return null;
  return { name: text.slice(nameStart, nameEnd), sep };
}

const PERSON_LABEL = /(?:^|[^A-Za-z])(?:e-?mail|phone|user_?name|given_?name|family_?name|first_?name|last_?name)["'\\]{0,2}\s{0,3}[:=]/i;

/**
 * `"name": "…"` in text that is not parsed JSON (an invalid body, a script) is a person's name
 * when its object also has an email, phone or user name: the same rule as for parsed JSON,
 * looked for within the enclosing braces (at most 256 characters each way).
 */
function personNameRule(text: string, start: number): NameRule | null {
  let from = start;
  while (from > 0 && start - from < 256 && text.charCodeAt(from - 1) !== 123) from--;
  let to = start;
  while (to < text.length && to - start < 256 && text.charCodeAt(to) !== 125) to++;
  return PERSON_LABEL.test(text.slice(from, to)) ? classifyName('name', 'text', { personSiblings: true }) : null;
}

/** `[A-Za-z_][A-Za-z0-9_.-]*` between `start` and `end`. */
function isLabelName(word: string, start: number, end: number): boolean {
  const first = word.charCodeAt(start);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return false;
  for (let i = start + 1; i < end; i++) {
    const c = word.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
    if (!ok) return false;
  }
  return true;
}

/** The label is followed, after quotes (`"`, `&quot;`), spaces or backslashes, by `:` or `=`. */
function followedBySeparator(text: string, end: number): boolean {
  for (let k = end; k < end + 12 && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 58 || c === 61) return true;
    if (c === 38) {
      const entity = entityLength(text, k);
      if (entity === 0) return false;
      k += entity - 1;
      continue;
    }
    if (c !== 34 && c !== 39 && c !== 32 && c !== 9 && c !== 92) return false;
  }
  return false;
}

/** `name="csrf-token"`: the word is the value of an HTML `name` attribute. */
function isAttributeValue(text: string, start: number): boolean {
  const quote = text.charCodeAt(start - 1);
  if (quote !== 34 && quote !== 39) return false;
  return text.startsWith('name=', start - 6) || text.startsWith('property=', start - 10);
}

/** For a value that opened with a quote, the index of the closing quote; else the word's end. */
function quotedEnd(text: string, start: number, wordEnd: number): number {
  if (text.startsWith('&quot;', start - 6)) {
    const close = text.indexOf('&quot;', start);
    return close !== -1 && close - start <= MAX_QUOTED && !hasLineBreak(text, start, close) ? close : wordEnd;
  }
  const quote = text.charCodeAt(start - 1);
  if (quote !== 34 && quote !== 39) return wordEnd;
  for (let k = start; k < text.length && k - start <= MAX_QUOTED; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return wordEnd;
    if (c === quote) return text.charCodeAt(k - 1) === 92 ? k - 1 : k;
  }
  return wordEnd;
}

/** After a name's first word: the end of up to three more capitalised words after single spaces. */
function capitalisedWordsEnd(text: string, end: number): number {
  let k = end;
  for (let words = 0; words < 3; words++) {
    if (text.charCodeAt(k) !== 32) break;
    const first = text.charCodeAt(k + 1);
    if (first < 65 || first > 90) break;
    let j = k + 2;
    while (j < text.length && j - k < 40) {
      const c = text.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || c === 39 || c === 45 || c >= 0xc0)) break;
      j++;
    }
    if (j === k + 2) break;
    k = j;
  }
  return k;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return true;
  return false;
}

/** End of a header-like value: the end of the line or of the enclosing quoted string. */
function findValueEnd(text: string, start: number): number {
  for (let k = start; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13 || c === 34 || (c === 92 && (text.charCodeAt(k + 1) === 110 || text.charCodeAt(k + 1) === 114 || text.charCodeAt(k + 1) === 34)))
      return k;
  }
  return text.length;
}

function isBlank(text: string, from: number, to: number): boolean {
  if (from < 0 || to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** After `Bearer`/`Basic`: a credential has 8+ characters with a digit, mixed case or a symbol. */
function couldBeSchemeCredential(text: string, start: number, end: number): boolean {
  if (end - start < 8) return false;
  let upper = false;
  let lower = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else return true;
  }
  return upper && lower;
}

/**
 * A card, phone or IBAN number written in groups that starts with the word at `start` (or the
 * bracket before it, not before `floor`), when it runs past the word (one written without spaces
 * is a single word, judged by values.ts).
 */
function groupedNumber(text: string, start: number, end: number, c: number, floor: number): { kind: string; start: number; end: number } | null {
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

/** `text.indexOf` bounded to `[start, end)`. */
function indexOfCode(text: string, code: number, start: number, end: number): number {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

function isDigitRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `https://…`, `wss://…`, `//host/…`, or a path with a query: `/login?next=…`. */
export function isUrlLike(word: string): boolean {
  const c0 = word.charCodeAt(0);
  if (c0 === 47 /* / */) return word.charCodeAt(1) === 47 || word.includes('?') || word.includes('#');
  const colon = word.indexOf('://');
  if (colon <= 0 || colon > 16) return false;
  for (let i = 0; i < colon; i++) {
    const c = word.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46));
    if (!ok) return false;
  }
  return true;
}

/** `a=1&b=2`, `token=abc`: `=` inside the word with something after it (not base64 padding). */
function isPairs(word: string): boolean {
  const eq = word.indexOf('=');
  if (eq <= 0 || eq === word.length - 1) return word.includes('&') && eq > 0;
  return word.charCodeAt(eq + 1) !== 61;
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
  while (end > 0 && word.charCodeAt(end - 1) === 61) end--;
  if (word.length - end > 2 || end % 4 === 1) return false;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 45 || c === 95;
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
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || c === 0xfffd) return null;
  }
  return text;
}
