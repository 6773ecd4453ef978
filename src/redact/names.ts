/**
 * Detection by name: which header, cookie, query, form and JSON key names carry secret or
 * personal values. Names are split into words (`X-Api-Key`, `x_api_key` and `xApiKey` are all
 * `x api key`) and matched on words or on the joined form, never on raw substrings that would
 * catch `author`, `spinner` or `max_tokens`.
 *
 * A rule has a tier: `always` names (passwords, PINs, personal data) are redacted whatever the
 * value; `credential` names (token, key, session …) only when the value could be a credential
 * (8+ characters, no spaces), so `"token": "Hello"` in an LLM log-prob list or
 * `"token_type": "Bearer"` stay readable.
 */

import { isPersonValue, looksLikeProductName, personalByWords } from './key-words.js';

export type NameContext = 'header' | 'query' | 'form' | 'json' | 'text';

export interface NameRule {
  /** Placeholder kind for values under this name (a recognised value shape wins). */
  kind: string;
  /**
   * `always`: whatever the value; `credential`: a one-word value of 8+ characters that is not a
   * URL; `code`: a value with a digit (`"mfa": "totp"` is a method, `"mfa": "482913"` a code);
   * `person`: any value but a role word (`"author": "assistant"`).
   */
  tier: 'always' | 'credential' | 'code' | 'person';
  /** For objects and arrays under the name: redact every leaf (passwords, addresses). */
  subtree: boolean;
}

/** `X-API-Key` → `['x', 'api', 'key']`, `accessToken` → `['access', 'token']`. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  let previous = 0;
  for (let i = 0; i < name.length && i < 128; i++) {
    const c = name.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (!upper && !lower && !digit) {
      if (word) words.push(word);
      word = '';
    } else {
      const prevLower = (previous >= 97 && previous <= 122) || (previous >= 48 && previous <= 57);
      if (upper && prevLower && word) {
        words.push(word);
        word = '';
      }
      word += String.fromCharCode(upper ? c + 32 : c);
    }
    previous = c;
  }
  if (word) words.push(word);
  return words;
}

/** `name`, `Name`, `_name`: the bare key whose meaning depends on its neighbours. Cheap. */
export function isBareName(name: string): boolean {
  if (name.length < 4 || name.length > 6) return false;
  let letters = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters += String.fromCharCode(c);
    else if (c !== 95 && c !== 45 && c !== 127) return false;
  }
  return letters === 'name';
}

/**
 * Keys whose meaning depends on where they are: a bare `name` (a person's next to an email), a
 * bare `id` (a device's under `device`). Cheap, so callers can skip their caches for these only.
 */
export function isContextualKey(name: string): boolean {
  return isBareName(name) || isBareId(name);
}

/** `id`, `_id`, `ID`, `uuid`, `guid`, `identifier`: the bare id of what holds it. */
export function isBareId(name: string): boolean {
  switch (name.length) {
    case 2:
      return (name.charCodeAt(0) | 32) === 105 && (name.charCodeAt(1) | 32) === 100;
    case 3:
      return name.charCodeAt(0) === 95 && (name.charCodeAt(1) | 32) === 105 && (name.charCodeAt(2) | 32) === 100;
    case 4:
    case 10: {
      const lower = name.toLowerCase();
      return lower === 'uuid' || lower === 'guid' || lower === 'identifier';
    }
    default:
      return false;
  }
}

/** `X-API-Key` → `xapikey` */
export function normaliseName(name: string): string {
  return nameWords(name).join('');
}

const rule = (kind: string, tier: NameRule['tier'] = 'always', subtree = tier === 'always'): NameRule => ({ kind, tier, subtree });

/** Joined-form stems that make a name secret wherever they appear in it. */
const ALWAYS_STEMS: [string, NameRule][] = [
  ['password', rule('password')],
  ['passwd', rule('password')],
  ['passphrase', rule('password')],
  ['passcode', rule('password')],
  ['secret', rule('secret')],
  ['privatekey', rule('secret')],
  ['securitycode', rule('pin', 'code', false)],
  ['verificationcode', rule('pin', 'code', false)],
  ['twofactor', rule('pin', 'code', false)],
  ['clientdata', rule('secret')],
];

const CREDENTIAL_STEMS: [string, NameRule][] = [
  ['csrf', rule('csrf', 'credential')],
  ['xsrf', rule('csrf', 'credential')],
  ['apikey', rule('api-key', 'credential')],
  ['accesskey', rule('api-key', 'credential')],
  ['token', rule('token', 'credential')],
  ['jwt', rule('token', 'credential')],
  ['bearer', rule('token', 'credential')],
  ['credential', rule('credentials', 'credential')],
  ['authorization', rule('credentials', 'credential')],
  ['assertion', rule('credentials', 'credential')],
  ['samlrequest', rule('credentials', 'credential')],
  ['samlresponse', rule('credentials', 'credential')],
  ['session', rule('session', 'credential')],
  ['cookie', rule('cookie', 'credential')],
  ['signature', rule('signature', 'credential')],
  ['codeverifier', rule('token', 'credential')],
  ['codechallenge', rule('token', 'credential')],
  ['passkey', rule('secret', 'credential')],
  ['hmac', rule('signature', 'credential')],
];

/** Whole words that make a name secret. */
const WORD_RULES = new Map<string, NameRule>([
  ['pwd', rule('password')],
  ['pass', rule('password')],
  ['pin', rule('pin', 'code', false)],
  ['otp', rule('pin', 'code', false)],
  ['totp', rule('pin', 'code', false)],
  ['mfa', rule('pin', 'code', false)],
  ['cvv', rule('pin', 'code', false)],
  ['cvc', rule('pin', 'code', false)],
  ['cvn', rule('pin', 'code', false)],
  ['ssn', rule('personal')],
  ['auth', rule('credentials', 'credential')],
  ['sid', rule('session', 'credential')],
  ['sig', rule('signature', 'credential')],
  ['nonce', rule('token', 'credential')],
]);

/** Words before a final `key` that make it a credential (`api key`, `secret key`, `sentry key`). */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'auth',
  'client',
  'app',
  'application',
  'master',
  'admin',
  'encryption',
  'signing',
  'license',
  'licence',
  'subscription',
  'session',
  'sentry',
  'dd',
  'write',
  'read',
  'service',
  'account',
  'db',
  'database',
  'priv',
  'server',
  'consumer',
  'integration',
  'partner',
  'developer',
  'publishable',
  'ingest',
  'ingestion',
  'sdk',
  'x',
  'security',
  'shared',
  'hmac',
  'webhook',
  'statsig',
  'mapbox',
  'maps',
  'google',
  'stripe',
]);

/** Exact names that are secret in URLs and forms only (OAuth and signed-URL parameters). */
const URL_NAMES = new Map<string, NameRule>([
  ['code', rule('token')],
  ['state', rule('token', 'credential')],
  ['key', rule('api-key', 'credential')],
  ['policy', rule('signature', 'credential')],
  ['keypairid', rule('credentials', 'credential')],
  ['xamzcredential', rule('credentials', 'credential')],
  ['xgoogcredential', rule('credentials', 'credential')],
  ['ticket', rule('token', 'credential')],
  ['hash', rule('token', 'credential')],
  ['hdnts', rule('token', 'credential')],
]);

/** Personal data, matched on the joined name. */
const PERSONAL_EXACT = new Map<string, NameRule>([
  ['email', rule('email')],
  ['mail', rule('email')],
  ['emailaddress', rule('email')],
  ['firstname', rule('name')],
  ['lastname', rule('name')],
  ['middlename', rule('name')],
  ['givenname', rule('name')],
  ['familyname', rule('name')],
  ['fullname', rule('name')],
  ['displayname', rule('name')],
  ['nickname', rule('name')],
  ['surname', rule('name')],
  ['realname', rule('name')],
  ['legalname', rule('name')],
  ['preferredname', rule('name')],
  ['username', rule('name')],
  ['screenname', rule('name')],
  ['login', rule('name')],
  ['cardholder', rule('name')],
  ['cardholdername', rule('name')],
  ['nameoncard', rule('name')],
  ['billingname', rule('name')],
  ['shippingname', rule('name')],
  ['phone', rule('phone')],
  ['phonenumber', rule('phone')],
  ['mobile', rule('phone')],
  ['mobilenumber', rule('phone')],
  ['telephone', rule('phone')],
  ['tel', rule('phone')],
  ['msisdn', rule('phone')],
  ['fax', rule('phone')],
  ['address', rule('address')],
  ['streetaddress', rule('address')],
  ['street', rule('address')],
  ['addressline1', rule('address')],
  ['addressline2', rule('address')],
  ['billingaddress', rule('address')],
  ['shippingaddress', rule('address')],
  ['homeaddress', rule('address')],
  ['postalcode', rule('address')],
  ['postcode', rule('address')],
  ['zip', rule('address')],
  ['zipcode', rule('address')],
  ['birthdate', rule('birth-date')],
  ['birthday', rule('birth-date')],
  ['dateofbirth', rule('birth-date')],
  ['dob', rule('birth-date')],
  ['nationalid', rule('id-number')],
  ['taxid', rule('id-number')],
  ['passport', rule('id-number')],
  ['passportnumber', rule('id-number')],
  ['driverslicense', rule('id-number')],
  ['iban', rule('bank-account')],
  ['accountnumber', rule('bank-account')],
  ['routingnumber', rule('bank-account')],
  ['cardnumber', rule('card')],
  ['ccnumber', rule('card')],
  ['creditcard', rule('card')],
  ['creditcardnumber', rule('card')],
  ['cardno', rule('card')],
  ['pan', rule('card')],
  ['ip', rule('ip')],
  ['ipaddress', rule('ip')],
  ['clientip', rule('ip')],
  ['remoteip', rule('ip')],
  ['remoteaddr', rule('ip')],
  ['lastloginip', rule('ip')],
  ['xforwardedfor', rule('ip')],
  ['xrealip', rule('ip')],
  ['forwarded', rule('ip')],
  ['cfconnectingip', rule('ip')],
  ['trueclientip', rule('ip')],
  ['xclientip', rule('ip')],
  ['xoriginatingip', rule('ip')],
  ['lat', rule('location')],
  ['lng', rule('location')],
  ['lon', rule('location')],
  ['latitude', rule('location')],
  ['longitude', rule('location')],
  ['geolocation', rule('location')],
  ['coordinates', rule('location')],
  ['avatar', rule('avatar')],
  ['avatarurl', rule('avatar')],
  ['picture', rule('avatar')],
  ['pictureurl', rule('avatar')],
  ['photo', rule('avatar')],
  ['photourl', rule('avatar')],
  ['profileimage', rule('avatar')],
  ['profileimageurl', rule('avatar')],
  ['profilepicture', rule('avatar')],
  ['profilephoto', rule('avatar')],
  ['gravatar', rule('avatar')],
]);

/**
 * Header-only personal names, matched with a leading `X-` dropped: `From` is an email there (a
 * date range start in a query); `X-User-Name`, `X-Remote-User`, `X-Forwarded-User` and
 * `X-MS-Client-Principal-Name` carry the signed-in user, set by a proxy or the app.
 */
const HEADER_PERSONAL = new Map<string, NameRule>([
  ['from', rule('email')],
  ['replyto', rule('email')],
  ['user', rule('name')],
  ['username', rule('name')],
  ['userfullname', rule('name')],
  ['userdisplayname', rule('name')],
  ['userlogin', rule('name')],
  ['remoteuser', rule('name')],
  ['forwardeduser', rule('name')],
  ['forwardedemail', rule('email')],
  ['forwardedpreferredusername', rule('name')],
  ['authuser', rule('name')],
  ['authrequestuser', rule('name')],
  ['authrequestemail', rule('email')],
  ['authrequestpreferredusername', rule('name')],
  ['webauthuser', rule('name')],
  ['consumerusername', rule('name')],
  ['msclientprincipalname', rule('name')],
]);

/** The personal rule of a header name, `X-` prefix or not: `X-User-Name`, `X-Username`, `X-Email`. */
function headerPersonal(words: readonly string[], joined: string): NameRule | undefined {
  const bare = words.length > 1 && words[0] === 'x' ? joined.slice(1) : joined;
  return HEADER_PERSONAL.get(bare) ?? (bare === joined ? undefined : PERSONAL_EXACT.get(bare));
}

/**
 * Last words that say a name describes a secret rather than holds it: `token_type`,
 * `password_policy`, `cookie_domain`, `api_key_id` (but `id_token` is a token).
 */
const METADATA_WORDS = new Set([
  'type',
  'types',
  'count',
  'counts',
  'length',
  'len',
  'size',
  'max',
  'min',
  'limit',
  'limits',
  'total',
  'expires',
  'expiry',
  'expiration',
  'expire',
  'expired',
  'exp',
  'ttl',
  'timeout',
  'lifetime',
  'age',
  'url',
  'uri',
  'endpoint',
  'path',
  'enabled',
  'required',
  'present',
  'provided',
  'valid',
  'status',
  'format',
  'name',
  'names',
  'kind',
  'mode',
  'policy',
  'policies',
  'strength',
  'changed',
  'updated',
  'created',
  'at',
  'last',
  'rules',
  'requirements',
  'verified',
  'usage',
  'used',
  'remaining',
  'estimate',
  'estimated',
  'budget',
  'per',
  'prompt',
  'completion',
  'input',
  'output',
  'reasoning',
  'cached',
  'num',
  'version',
  'algorithm',
  'alg',
  'scheme',
  'header',
  'field',
  'param',
  'location',
  'domain',
  'secure',
  'samesite',
  'httponly',
  'consent',
  'preferences',
  'template',
  'frequency',
  'country',
  'region',
  'city',
  'zone',
  'id',
  'ids',
  'uuid',
  'index',
  'is',
  'has',
  'can',
  'should',
  'show',
  'hide',
  'hidden',
  'visible',
  'prefix',
  'suffix',
  'label',
  'hint',
  'placeholder',
  'description',
  'title',
  'icon',
  'color',
  'style',
  'method',
  'methods',
  'provider',
  'providers',
  'duration',
  'interval',
  'period',
  'date',
  'time',
  'timestamp',
  'reset',
  'refreshed',
  'rotated',
  'issued',
  'source',
  'origin',
  'host',
  'port',
  'supported',
  'values',
  'iframe',
  'hint',
  'hints',
]);

/** Words that make a name a quantity wherever they stand: `max_tokens`, `prompt_tokens`, `has_password`. */
const QUANTITY_WORDS = new Set([
  'max',
  'min',
  'num',
  'count',
  'total',
  'remaining',
  'used',
  'cached',
  'prompt',
  'completion',
  'input',
  'output',
  'reasoning',
  'estimate',
  'estimated',
  'budget',
  'per',
  'is',
  'has',
  'can',
  'should',
  'show',
  'hide',
  'limit',
]);

/** Containers whose `name` field is a person's name. */
const PERSON_PARENTS = new Set([
  'user',
  'users',
  'owner',
  'author',
  'creator',
  'member',
  'members',
  'profile',
  'account',
  'customer',
  'person',
  'people',
  'contact',
  'contacts',
  'sender',
  'recipient',
  'recipients',
  'me',
  'viewer',
  'assignee',
  'reviewer',
  'employee',
  'patient',
  'student',
  'billing',
  'shipping',
  'cardholder',
]);

/**
 * Keys that make a sibling `name` a person's name: any key naming a person's name, email or
 * phone (`surname`, `mobile` …), and a picture of them.
 */
const PERSON_SIBLING_KINDS = new Set(['name', 'email', 'phone']);
const PERSON_PICTURES = new Set(['avatar', 'picture']);

const NAME_RULE = rule('name');

export interface NameScope {
  /** The object holding this key has a person's email/phone next to it. */
  personSiblings?: boolean;
  /** Name of the key holding this object (`user`, `owner` …). */
  parent?: string | null;
}

/**
 * The rule for values under `name` in `context`, or null when the name says nothing. Pure in
 * its arguments; the caller may cache results per name.
 */
export function classifyName(name: string, context: NameContext, scope: NameScope = {}): NameRule | null {
  const words = nameWords(name);
  if (words.length === 0) return null;
  const joined = words.join('');
  const personal = PERSONAL_EXACT.get(joined) ?? (context === 'header' ? headerPersonal(words, joined) : undefined);
  if (personal) return personal;
  if (joined === 'name' && (scope.personSiblings || (scope.parent != null && PERSON_PARENTS.has(normaliseName(scope.parent))))) return NAME_RULE;
  // `device.id`, `installation.uuid`: the id of what its container names.
  if (scope.parent != null && (joined === 'id' || joined === 'uuid' || joined === 'guid' || joined === 'identifier')) {
    const found = personalByWords([...nameWords(scope.parent), 'id']);
    if (found?.kind === 'device-id') return found;
  }
  if (context !== 'json' && context !== 'text') {
    const url = URL_NAMES.get(joined);
    if (url) return url;
  }
  const last = words[words.length - 1]!;
  const secretStem = ALWAYS_STEMS.find(([stem]) => joined.includes(stem));
  if (secretStem === undefined) {
    const personal = personalByWords(words);
    if (personal) return personal;
  }
  const describes = (METADATA_WORDS.has(last) || words.some((w) => QUANTITY_WORDS.has(w))) && !isIdentifierOf(words);
  if (describes) return null;
  if (secretStem) return secretStem[1];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const found = WORD_RULES.get(word);
    // `message_sid`, `account_sid`: the id of a message or an account, not a session.
    if (found && word === 'sid' && i > 0 && !SESSION_WORDS.has(words[i - 1]!)) continue;
    if (found) return found;
  }
  if (isCursor(words)) return null;
  if ((last === 'key' || last === 'keys') && words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]!)) return rule('api-key', 'credential');
  for (const [stem, found] of CREDENTIAL_STEMS) if (joined.includes(stem) && !joined.includes('tokeniz')) return found;
  if (isPersonalCompound(words)) return personalCompound(words);
  return null;
}

const SESSION_WORDS = new Set(['session', 'sess', 'auth', 'login', 'user', 'cookie', 'connect', 'php', 'asp', 'jsession', 'x']);

/**
 * `session_id`, `sessionId`, `auth_token_id`: the id of a session is the session; so is the id of
 * a private key (`private_key_id` names the key in a service-account file).
 */
function isIdentifierOf(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last !== 'id' && last !== 'ids') return false;
  const before = words.slice(0, -1);
  if (before.join('').endsWith('privatekey')) return true;
  return before.some((w) => w === 'session' || w === 'sid' || w === 'sess' || w === 'token');
}

/** Words before `token` that make it a position in a list, not a credential: `next_page_token`, `sync_token`. */
const CURSOR_WORDS = new Set([
  'page',
  'sync',
  'cursor',
  'continuation',
  'pagination',
  'batch',
  'next',
  'prev',
  'previous',
  'resume',
  'change',
  'changes',
  'delta',
]);

function isCursor(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last !== 'token' && last !== 'cursor') return false;
  return words.slice(0, -1).some((w) => CURSOR_WORDS.has(w));
}

/** `user_email`, `contactPhone`, `billing_address`, `client_ip`: a personal word at the end. */
function isPersonalCompound(words: readonly string[]): boolean {
  const last = words[words.length - 1]!;
  return PERSONAL_LAST.has(last);
}

const PERSONAL_LAST = new Map<string, string>([
  ['email', 'email'],
  ['emails', 'email'],
  ['phone', 'phone'],
  ['ip', 'ip'],
  ['firstname', 'name'],
  ['lastname', 'name'],
  ['avatar', 'avatar'],
]);

/**
 * `user_email`, `billing_phone`: the value is personal, but an object under such a name is a map
 * (`byEmail: {"a@b.c": 1}`) whose keys and values are judged on their own.
 */
function personalCompound(words: readonly string[]): NameRule {
  return rule(PERSONAL_LAST.get(words[words.length - 1]!)!, 'always', false);
}

/** Whether `name` is one of the keys that make a sibling `name` personal. */
export function isPersonSibling(name: string): boolean {
  const joined = normaliseName(name);
  const kind = PERSONAL_EXACT.get(joined)?.kind;
  return (kind !== undefined && PERSON_SIBLING_KINDS.has(kind)) || PERSON_PICTURES.has(joined);
}

/** True when a value may be a credential: long enough and one word. */
export function couldBeCredential(value: string): boolean {
  if (value.length < 8) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) <= 32) return false;
  return true;
}

/**
 * A word, also with a short number (`theme`, `dark-mode`, `sticker2`, `page-10`): under a
 * `key` or `token` name it is a setting, and only the name calls it a secret.
 */
export function isWordValue(value: string): boolean {
  return value.length <= 64 && /^[a-z]+(?:[-_][a-z]+)*[-_]?\d{0,3}$/.test(value);
}

/** Whether a name rule applies to this value (see `NameRule.tier`). */
export function ruleApplies(found: NameRule, value: string): boolean {
  if (value === '') return false;
  // A person's name never looks like a product's (`"display_name": "OpenAI Direct"`).
  if (found.kind === 'name' && value.length <= 64 && looksLikeProductName(value)) return false;
  switch (found.tier) {
    case 'always':
      return true;
    case 'code':
      return hasDigit(value);
    case 'person':
      return isPersonValue(value);
    case 'credential':
      // A URL under a credential name (`authorization_servers`, `check_session_iframe`) is a
      // link: it is scanned as a URL, whose query and userinfo are redacted by their own rules.
      return couldBeCredential(value) && !isHttpUrl(value);
  }
}

function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isHttpUrl(value: string): boolean {
  return (value.startsWith('https://') || value.startsWith('http://')) && value.length > 10;
}
