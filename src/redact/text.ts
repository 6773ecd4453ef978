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
 *
 * Split by concern: word.ts judges one word, labels.ts reads what names a value, escapes.ts
 * skips JSON escapes, HTML entities and placeholders, spaced-numbers.ts joins grouped numbers,
 * known-cookies.ts and private-keys.ts find those, prose.ts finds names and addresses, csv.ts
 * reads CSV columns; character codes are named in char-codes.ts.
 */
import {
  AMP,
  BACKSLASH,
  COLON,
  COMMA,
  DIGIT_0,
  DIGIT_9,
  DOT,
  LOWER_A,
  LOWER_Z,
  LT,
  NON_ASCII,
  SPACE,
  UPPER_A,
  UPPER_Z,
  indexOfCode,
  isDigitCode,
  isLowerCode,
  isUpperCode,
} from './char-codes.js';
import { redactCookieHeader } from './cookies.js';
import { csvDelimiter, redactCsvColumns } from './csv.js';
import { entityLength, escapeLength, skipPlaceholder } from './escapes.js';
import { internationalEmailAround } from './international-email.js';
import { knownCookieValue } from './known-cookies.js';
import {
  capitalisedWordsEnd,
  couldBeSchemeCredential,
  findValueEnd,
  isBlank,
  isSchemeWord,
  isSeparatorRun,
  PERSON_LABEL,
  personNameRule,
  quotedEnd,
  readLabel,
} from './labels.js';
import { type NameRule, isBareName, ruleApplies } from './names.js';
import { redactPrivateKeys } from './private-keys.js';
import { redactPhrases } from './phrases.js';
import { findProseSpans, mayHoldProse } from './prose.js';
import { redactPatterns } from './rules.js';
import type { Scope } from './scope.js';
import { groupedNumber } from './spaced-numbers.js';
import { Splice } from './splice.js';
import { classifyValue, credentialKind } from './values.js';
import { redactWord } from './word.js';

export { decodeBase64Text, isUrlLike, redactWord, safeDecode } from './word.js';

/**
 * Characters that belong to words (letters, digits and `-._~+/=%@:?&#`), by class, so a word's
 * classes are known when its end is found.
 */
const C_LOWER = 1;

const C_UPPER = 2;

const C_DIGIT = 4;

const C_SYMBOL = 8;

const WORD_CHAR = new Uint8Array(128);

for (let c = DIGIT_0; c <= DIGIT_9; c++) WORD_CHAR[c] = C_DIGIT;

for (let c = UPPER_A; c <= UPPER_Z; c++) WORD_CHAR[c] = C_UPPER;

for (let c = LOWER_A; c <= LOWER_Z; c++) WORD_CHAR[c] = C_LOWER;

for (const c of '-._~+/=%@:?&#') WORD_CHAR[c.charCodeAt(0)] = C_SYMBOL;

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
  const custom = patterns.length === 0 ? text : redactPatterns(text, patterns, (match) => scope.tags.tag('custom', match, scope.place));
  // Personal values found elsewhere in the capture (phrases.ts), before anything else reads the words.
  const own = scope.tags.remembersPhrases ? redactPhrases(custom, scope) : custom;
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
  if (isUpperCode(after)) return isLowerCode(before) || before === DOT || before === COMMA;
  const digitBefore = isDigitCode(before);
  const digitAfter = isDigitCode(after);
  const letterAfter = isLowerCode(after) || isUpperCode(after);
  const letterBefore = isLowerCode(before) || isUpperCode(before);
  return (digitBefore && letterAfter) || (digitAfter && (letterBefore || before === COLON));
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
    if (c === BACKSLASH) {
      i += escapeLength(text, i);
      continue;
    }
    if (c === LT) {
      i = skipPlaceholder(text, i, scope);
      continue;
    }
    if (c >= NON_ASCII || WORD_CHAR[c] === 0) {
      if (hint !== null && !hint.prose && (c >= NON_ASCII || (c === SPACE && i > 0 && proseAround(text, i)))) hint.prose = true;
      i++;
      continue;
    }
    if (c === AMP) {
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
      if (cls === 0 || (d === AMP && entityLength(text, end) > 0)) break;
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
