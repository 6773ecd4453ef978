/**
 * Detection by value: what a single word is, whatever name it is under. JWTs (claim names kept
 * for the tag), Fernet tokens, provider key formats, emails (in any script), IP and MAC
 * addresses, Luhn-valid card numbers, IBANs, phone numbers in international form,
 * `Bearer`/`Basic` credentials.
 *
 * Every check starts with a cheap look at the first characters or the length, and every regular
 * expression is anchored with bounded repeats, so a 10 MB word costs a few comparisons.
 */
import { readJwt } from './jwt.js';

export interface Detected {
  kind: string;
  /** Extra tag text: `claims=email,exp,sub` for JWTs. */
  detail?: string;
}

/** Words longer than this are only looked at by the token-shape fallback. */
export const MAX_WORD = 8192;

/** Provider key formats (gitleaks / trufflehog rules, research §4.1), by first two letters. */
const PROVIDER_KEYS: [string, RegExp][] = [
  ['AK', /^AKIA[A-Z2-7]{16}$/],
  ['AS', /^ASIA[A-Z2-7]{16}$/],
  ['AB', /^ABIA[A-Z2-7]{16}$/],
  ['AC', /^ACCA[A-Z2-7]{16}$/],
  ['A3', /^A3T[A-Z0-9][A-Z2-7]{16}$/],
  ['AI', /^AIza[\w-]{35}$/],
  ['gh', /^gh[pousr]_[A-Za-z0-9]{30,255}$/],
  ['gi', /^github_pat_\w{22,255}$/],
  ['gl', /^gl(?:pat|ptt|dt|rt|soat|cbt|imt|agent|oas)-[\w-]{20,255}$/],
  ['gl', /^gl(?:sa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|c_[A-Za-z0-9+/]{32,400}={0,3})$/],
  ['xo', /^xox[abposre]-[A-Za-z0-9-]{10,255}$/],
  ['xa', /^xapp-\d-[A-Za-z0-9-]{10,255}$/],
  ['sk', /^sk(?:-ant-[\w-]{20,255}|-(?:proj|svcacct|admin)-[\w-]{20,255}|-[A-Za-z0-9]{20,255}|_(?:test|live|prod)_[A-Za-z0-9]{10,255})$/],
  ['rk', /^rk_(?:test|live|prod)_[A-Za-z0-9]{10,255}$/],
  ['pk', /^pk_(?:test|live|prod)_[A-Za-z0-9]{10,255}$/],
  ['wh', /^whsec_[A-Za-z0-9+/=]{20,255}$/],
  ['np', /^npm_[A-Za-z0-9]{36}$/],
  ['hf', /^hf_[A-Za-z]{30,64}$/],
  ['sh', /^shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}$/],
  ['SG', /^SG\.[\w-]{16,32}\.[\w-]{16,64}$/],
  ['SK', /^SK[0-9a-fA-F]{32}$/],
  ['AC', /^AC[0-9a-f]{32}$/],
  ['ya', /^ya29\.[\w-]{20,2048}$/],
  ['cf', /^cf(?:k|ut|at)_[A-Za-z0-9]{20,255}$/],
  ['pu', /^pub[0-9a-f]{32}$/],
  ['cl', /^client-[A-Za-z0-9]{20,64}$/],
  ['se', /^secret-[A-Za-z0-9]{20,64}$/],
  ['se', /^secret_[A-Za-z0-9]{30,64}$/],
  ['se', /^sess-[A-Za-z0-9]{30,64}$/],
  ['nt', /^ntn_[A-Za-z0-9]{40,64}$/],
  ['li', /^lin_(?:api|oauth)_[A-Za-z0-9]{32,64}$/],
  ['sn', /^sntry[su]_[A-Za-z0-9+/=_]{40,400}$/],
  ['fi', /^figd_[\w-]{30,80}$/],
  ['sb', /^sb[ps]_[a-f0-9]{40}$/],
  ['ke', /^key-[0-9a-f]{32}$/],
  ['sq', /^sq0(?:atp|csp)-[\w-]{22,64}$/],
  ['dp', /^dp\.(?:pt|st|ct|scim)\.[\w-]{20,128}$/],
  ['EA', /^EAA[A-Za-z0-9]{30,255}$/],
];

/** The provider patterns by their first two characters (as one number, so no string is cut). */
const PROVIDERS_BY_PREFIX = new Map<number, RegExp[]>();
for (const [prefix, pattern] of PROVIDER_KEYS) {
  const key = prefix.charCodeAt(0) * 65536 + prefix.charCodeAt(1);
  PROVIDERS_BY_PREFIX.set(key, [...(PROVIDERS_BY_PREFIX.get(key) ?? []), pattern]);
}

const EMAIL = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}$/;
/** The same shape with letters of any script, for `jürgen.müller@gmx.de` and `max@bücher.example`. */
const INTERNATIONAL_EMAIL =
  /^[\p{L}\p{M}\p{N}._%+'-]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,62}[\p{L}\p{M}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,62}[\p{L}\p{M}\p{N}])?){0,8}\.(?:\p{L}[\p{L}\p{M}]{1,23}|xn--[a-z0-9-]{1,59})$/u;
const NON_ASCII = /[^\x00-\x7f]/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::\d{1,5}|\/\d{1,2})?$/;
const MAC = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}$/;
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const PHONE = /^\+[1-9][0-9 ().-]{6,22}[0-9]$/;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
/** `415-555-0123`: a North American number, area code and exchange not starting with 0 or 1. */
const NANP_PHONE = /^[2-9]\d{2}-[2-9]\d{2}-\d{4}$/;
const FERNET = /^gAAAAA[A-Za-z0-9_-]{40,}={0,2}$/;
/** `@jane:matrix.example.org`, `@t2_1a2b3c:server`: a Matrix (or Reddit chat) account id. */
const MATRIX_ID = /^@[a-z0-9._=/+-]{1,255}:[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;
/** `0x52908400098527886E0F7030069857D2E4169EE7`: an Ethereum-style wallet (40 hex after `0x`). */
const WALLET = /^0x[0-9a-fA-F]{40}$/;
const UPPER_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/**
 * `6F9619FF-8B86-D011-B42D-00C04FC964FF`: a UUID in capitals is what iOS and Windows give a device
 * or an install (`identifierForVendor`, advertising ids); ids that services mint are lower case.
 */
function isUpperUuid(word: string): boolean {
  return UPPER_UUID.test(word) && /[A-F]/.test(word);
}

/**
 * Addresses that identify nobody: `0.0.0.0`, loopback (`127.x`), the documentation ranges
 * (`192.0.2.x`, `198.51.100.x`, `203.0.113.x`), and `x.0.0.0`, which is a browser version in a
 * reduced user agent (`Chrome/142.0.0.0`), never a host.
 */
function isPublicAddress(octets: readonly number[]): boolean {
  const [a, b, c, d] = octets as [number, number, number, number];
  if (b === 0 && c === 0 && d === 0) return true;
  if (a === 127) return true;
  return (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
}

/** The kind of a secret or personal value recognisable from the word alone, or null. */
export function classifyValue(word: string): Detected | null {
  const length = word.length;
  if (length < 6 || length > MAX_WORD) return null;
  const c0 = word.charCodeAt(0);
  if (c0 === 101 /* e */) {
    const jwt = readJwt(word);
    if (jwt) return jwt.claims.length > 0 ? { kind: 'jwt', detail: `claims=${jwt.claims.join(',')}` } : { kind: 'jwt' };
  }
  if (c0 === 103 /* g */ && word.startsWith('gAAAAA') && FERNET.test(word)) return { kind: 'fernet' };
  const providers = PROVIDERS_BY_PREFIX.get(c0 * 65536 + word.charCodeAt(1));
  if (providers) for (const pattern of providers) if (pattern.test(word)) return { kind: 'api-key' };
  if (word.includes('@') && isEmail(word)) return { kind: 'email' };
  if (c0 >= 48 && c0 <= 57) {
    const numeric = classifyNumeric(word);
    if (numeric) return numeric;
  }
  if (c0 === 43 /* + */ && PHONE.test(word) && digitCount(word) >= 8 && digitCount(word) <= 15) return { kind: 'phone' };
  if (word.includes(':') && isIpv6(word) && word !== '::1' && word !== '[::1]') return { kind: 'ip' };
  if (c0 === 64 /* @ */ && MATRIX_ID.test(word)) return { kind: 'account' };
  if (length === 42 && c0 === 48 && WALLET.test(word)) return { kind: 'account' };
  if (length === 36 && isUpperUuid(word)) return { kind: 'device-id' };
  if (c0 >= 65 && c0 <= 90 && isIban(word)) return { kind: 'iban' };
  if (length === 17 && MAC.test(word)) return { kind: 'mac' };
  return null;
}

/** An email address, in ASCII or with letters of any script. */
export function isEmail(word: string): boolean {
  return EMAIL.test(word) || (word.length <= 400 && NON_ASCII.test(word) && INTERNATIONAL_EMAIL.test(word));
}

function classifyNumeric(word: string): Detected | null {
  const ipv4 = IPV4.exec(word);
  if (ipv4) {
    const octets = ipv4.slice(1, 5).map(Number);
    if (octets.every((o) => o <= 255) && !isPublicAddress(octets)) return { kind: 'ip' };
  }
  if (word.length === 17 && MAC.test(word)) return { kind: 'mac' };
  if (word.length === 11 && SSN.test(word)) return { kind: 'personal' };
  if (word.length === 12 && NANP_PHONE.test(word)) return { kind: 'phone' };
  if (isCardNumber(word)) return { kind: 'card' };
  return null;
}

/**
 * 13–19 digits, optionally in groups split by spaces or dashes, with a card network's prefix and
 * a valid Luhn check digit. Prefixes keep 18–19 digit snowflake ids (which start with 1) out.
 */
export function isCardNumber(text: string): boolean {
  if (text.length < 13 || text.length > 23) return false;
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (c !== 32 && c !== 45) return false;
  }
  if (digits.length < 13 || digits.length > 19) return false;
  if (!hasCardPrefix(digits)) return false;
  return luhn(digits);
}

function hasCardPrefix(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  const n = digits.length;
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19;
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return n === 16;
  if (two === 34 || two === 37) return n === 15;
  if (two === 36 || two === 38 || (four >= 3000 && four <= 3059)) return n >= 14 && n <= 19;
  if (four >= 3528 && four <= 3589) return n >= 16 && n <= 19;
  if (four === 6011 || two === 65 || (four >= 6440 && four <= 6499) || two === 62) return n >= 16 && n <= 19;
  return false;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function isIpv6(word: string): boolean {
  // Hex digits, `:`, and the `.`, `%`, `/`, `[]` of embedded IPv4, zones and prefixes only; a
  // timestamp (`T`, `-`, `Z`) is turned away before anything is split.
  const percent = word.indexOf('%');
  const checked = percent === -1 ? word.length : percent;
  if (checked > 49) return false;
  for (let i = 0; i < checked; i++) {
    const c = word.charCodeAt(i);
    const ok = (c >= 48 && c <= 58) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 46 || c === 47 || c === 91 || c === 93;
    if (!ok) return false;
  }
  let text = word;
  const slash = text.indexOf('/');
  if (slash !== -1) text = text.slice(0, slash);
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.length < 3 || text.length > 45) return false;
  const double = text.indexOf('::');
  if (double !== -1 && text.indexOf('::', double + 1) !== -1) return false;
  const groups = text.split(':');
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g === '') continue;
    if (i === groups.length - 1 && g.includes('.')) {
      if (!IPV4.test(g)) return false;
      count += 2;
      continue;
    }
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return false;
    count++;
  }
  return double === -1 ? count === 8 : count < 8 && count >= 1;
}

/** `GB82WEST12345698765432`: country, check digits and account, with a valid mod-97 check. */
function isIban(word: string): boolean {
  return word.length >= 15 && word.length <= 34 && IBAN.test(word) && ibanChecks(word);
}

function ibanChecks(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

function digitCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 48 && word.charCodeAt(i) <= 57) n++;
  return n;
}

/**
 * The credential of an `Authorization`-style value (`Bearer x`, `Basic x`, `Token x`) with the
 * scheme word kept, or null when the value has no scheme.
 */
export function splitScheme(value: string): { scheme: string; credential: string } | null {
  const space = value.indexOf(' ');
  if (space <= 0 || space > 40) return null;
  const scheme = value.slice(0, space);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(scheme)) return null;
  return { scheme, credential: value.slice(space + 1).trim() };
}

/** The placeholder kind for a credential under an `Authorization` scheme. */
export function credentialKind(scheme: string, credential: string): Detected {
  const known = classifyValue(credential);
  if (known) return known;
  const lower = scheme.toLowerCase();
  if (lower === 'basic') return { kind: 'basic-auth' };
  if (lower === 'bearer' || lower === 'token') return { kind: 'token' };
  return { kind: 'credentials' };
}
