/**
 * The fallback for opaque values under innocent names: does this string look like a random
 * token? Calibrated on generated samples (test/redact/entropy.test.ts measures the rates below):
 * 20+ characters from a token alphabet,
 * upper case, lower case and digits, Shannon entropy at least 0.8·log2(min(n, 64)) and a
 * character-class transition rate of at least 0.45. That flags 93–99 % of random base64url
 * tokens of 20–43 characters and 0.3 % of camelCase identifiers, and never a UUID, a hex hash, a
 * timestamp, a slug or a semver string. Hex and lower-case session ids cannot be told from
 * hashes: they are left to the rules by position (cookies, credential headers) unless a prefix
 * names them (`sess-9f8a…`, hasCredentialPrefix).
 *
 * Prefixed identifiers (`file-AbC123…`, `cus_…`, `g-p-…`) are ids, not secrets: the provider key
 * formats that look like them (`sk_live_`, `ghp_`) are matched before this runs. A prefix that
 * announces a credential (`sess-`, `secret_`, `lin_api_`) never makes an id, nor does a mixed-case
 * tail of 32 or more characters: real ids keep theirs to 24 or so (`file-` 22–24, `cus_` 14,
 * `user-` 24 in the samples and corpus), generated credentials run to 32–64.
 */

const MIN_LENGTH = 20;
/** Only this many characters are looked at, so a 10 MB run costs no more than a short one. */
const SAMPLE = 4096;

/** Character classes: 1 upper, 2 lower, 3 digit, 4 symbol allowed in tokens, 0 not allowed. */
const CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLASS[c] = 1;
for (let c = 97; c <= 122; c++) CLASS[c] = 2;
for (let c = 48; c <= 57; c++) CLASS[c] = 3;
for (const c of '_-+=~./') CLASS[c.charCodeAt(0)] = 4;

export function looksLikeToken(value: string): boolean {
  const n = Math.min(value.length, SAMPLE);
  if (n < MIN_LENGTH) return false;
  let upper = false;
  let lower = false;
  let digit = false;
  let transitions = 0;
  let previous = 0;
  const counts = new Uint16Array(128);
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const cls = c < 128 ? CLASS[c]! : 0;
    if (cls === 0) return false;
    if (cls === 1) upper = true;
    else if (cls === 2) lower = true;
    else if (cls === 3) digit = true;
    if (i > 0 && cls !== previous) transitions++;
    previous = cls;
    counts[c]!++;
  }
  if (!upper || !lower || !digit) return false;
  if (transitions / (n - 1) < 0.45) return false;
  if (hasIdPrefix(value)) return false;
  let entropy = 0;
  for (let c = 0; c < 128; c++) {
    const count = counts[c]!;
    if (count === 0) continue;
    const p = count / n;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 0.8 * Math.log2(Math.min(n, 64));
}

/**
 * `file-…`, `cus_…`, `g-p-…`, `user-…`: a short lower-case prefix ending in `-` or `_` in front
 * of an alphanumeric identifier marks an id of some kind, unless a word of the prefix names a
 * credential or the identifier is a long run in both cases.
 */
export function hasIdPrefix(value: string): boolean {
  const prefix = readPrefix(value);
  return prefix !== null && !prefix.named && prefix.letters >= 2 && !isLongMixedCase(value, prefix.tail);
}

/**
 * `sess-9f8a7b6c…`, `tok_3c1d…`: a prefix naming a credential, then an alphanumeric tail of 16 or
 * more characters with a digit in it. A one-case tail (hex, lower case) is no random token to the
 * entropy test, which cannot tell it from a hash; the prefix says what it is.
 */
export function hasCredentialPrefix(value: string): boolean {
  const prefix = readPrefix(value);
  return prefix?.named === true && value.length - prefix.tail >= MIN_PREFIXED_TAIL && hasDigit(value, prefix.tail);
}

interface Prefix {
  /** Where the alphanumeric tail starts. */
  tail: number;
  /** Letters in the prefix words. */
  letters: number;
  /** A prefix word names a credential (`sess`, `secret`, `api` …). */
  named: boolean;
}

/**
 * Up to three lower-case words, each followed by `-` or `_`, before an alphanumeric run of 8 or
 * more characters to the end (`g-p-`, `lin_api_`); null when the value is not shaped so.
 */
function readPrefix(value: string): Prefix | null {
  let i = 0;
  let letters = 0;
  let named = false;
  for (let groups = 1; groups <= 3; groups++) {
    const start = i;
    while (i < value.length && i - start < 12 && value.charCodeAt(i) >= 97 && value.charCodeAt(i) <= 122) i++;
    if (i === start) return null;
    if (SECRET_PREFIX_WORDS.has(value.slice(start, i))) named = true;
    letters += i - start;
    const sep = value.charCodeAt(i);
    if (sep !== 45 && sep !== 95) return null;
    i++;
    // A run to the end holds no separator, so no later word could follow it.
    if (isAlphanumericRun(value, i)) return { tail: i, letters, named };
  }
  return null;
}

const MIN_PREFIXED_TAIL = 16;

function hasDigit(value: string, start: number): boolean {
  const end = Math.min(value.length, start + SAMPLE);
  for (let i = start; i < end; i++) if (CLASS[value.charCodeAt(i)] === 3) return true;
  return false;
}

/** Prefix words of credentials: `sess-`, `secret_`, `lin_api_`, `pat_`, `sk_live_`, `auth_`. */
const SECRET_PREFIX_WORDS = new Set([
  'sess',
  'session',
  'secret',
  'token',
  'tok',
  'key',
  'keys',
  'apikey',
  'api',
  'pat',
  'live',
  'priv',
  'private',
  'auth',
  'access',
  'refresh',
  'bearer',
  'sk',
  'rk',
  'cred',
  'creds',
  'credential',
  'credentials',
  'pass',
  'pwd',
  'password',
  'sig',
  'signature',
  'otp',
  'csrf',
  'xsrf',
  'jwt',
  'oauth',
  'nonce',
]);

/** Ids have tails of 24 characters or fewer; a credential's is longer. */
const MAX_MIXED_CASE_ID_TAIL = 31;

/** The tail from `start` is longer than any id's and has both capitals and small letters. */
function isLongMixedCase(value: string, start: number): boolean {
  if (value.length - start <= MAX_MIXED_CASE_ID_TAIL) return false;
  let upper = false;
  let lower = false;
  const end = Math.min(value.length, start + SAMPLE);
  for (let i = start; i < end && !(upper && lower); i++) {
    const cls = CLASS[value.charCodeAt(i)];
    if (cls === 1) upper = true;
    else if (cls === 2) lower = true;
  }
  return upper && lower;
}

/** At least 8 characters from `start` on, all ASCII letters or digits (first 4 KB checked). */
function isAlphanumericRun(value: string, start: number): boolean {
  const end = Math.min(value.length, start + SAMPLE);
  if (value.length - start < 8) return false;
  for (let i = start; i < end; i++) {
    const cls = CLASS[value.charCodeAt(i)] ?? 0;
    if (cls === 0 || cls === 4) return false;
  }
  return true;
}
