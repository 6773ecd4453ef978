/**
 * What counts as secret or personal: by name (headers, cookies, query and JSON keys) and by
 * value (JWTs, bearer tokens, emails …). Names are normalised so `X-Api-Key`, `x_api_key` and
 * `xApiKey` are one name.
 */

/** `X-API-Key` → `xapikey` */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SECRET_NAME = /(passw|passwd|pwd|secret|token|apikey|accesskey|privatekey|credential|session|cookie|signature|csrf|xsrf|jwt|bearer|otp|auth)/;
const SECRET_EXACT = new Set(['key', 'sig', 'pin', 'code', 'state', 'sid', 'nonce', 'assertion', 'cvv', 'cvc', 'ddapikey', 'sentrykey', 'k']);
const PERSONAL_EXACT = new Set(['email', 'mail', 'emailaddress', 'username', 'firstname', 'lastname', 'givenname', 'familyname', 'fullname', 'displayname', 'nickname', 'phone', 'phonenumber', 'mobile', 'address', 'ip', 'ipaddress', 'avatar', 'avatarurl', 'picture', 'photo', 'userid', 'sub']);

export type NameVerdict = 'secret' | 'personal' | null;

export function classifyName(name: string): NameVerdict {
  const n = normaliseName(name);
  if (SECRET_EXACT.has(n) || SECRET_NAME.test(n)) return 'secret';
  if (PERSONAL_EXACT.has(n)) return 'personal';
  return null;
}

/** Headers whose values are safe to show as observed. */
export const SAFE_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-language', 'cache-control', 'connection', 'content-encoding',
  'content-language', 'content-length', 'content-type', 'pragma', 'expires', 'age', 'date', 'vary',
  'last-modified', 'server', 'via', 'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site',
  'sec-fetch-user', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'x-content-type-options',
  'transfer-encoding', 'upgrade-insecure-requests', 'dnt', 'te', 'priority', 'x-requested-with',
]);

const JWT = /^(?:Bearer\s+)?eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const EMAIL = /^[^\s@<>"]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** The kind of a secret recognisable from the value alone, or null. */
export function classifyValue(value: string): string | null {
  if (value.length < 6) return null;
  if (JWT.test(value)) return 'jwt';
  if (/^Bearer\s+\S+$/i.test(value)) return 'bearer';
  if (/^Basic\s+[A-Za-z0-9+/=]+$/i.test(value)) return 'basic';
  if (EMAIL.test(value)) return 'email';
  if (/^gAAAAA[A-Za-z0-9_-]{40,}={0,2}$/.test(value)) return 'fernet';
  return null;
}
