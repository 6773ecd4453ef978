/**
 * Personal data named by the words of a key: `bank_account_number`, `employeeName`,
 * `full_name_display`, `from_number`, `address_line1`, `zip9`, `gravatar_id`, `x-device-id`,
 * `date_of_birth`. A key is read as words (names.ts splits camelCase, snake and kebab case); a
 * word stands for a concept (a person's name, a phone, an address part, a birth date, a place, a
 * bank or identity number, a device, a picture), common abbreviations included (`fn`, `ln`,
 * `dob`, `addr`, `acct`, `msisdn`), and a few words after it say it describes the value rather
 * than holds it (`phone_verified`, `address_type`). A pure function of the words; names.ts caches.
 */
import type { NameRule } from './names.js';

const always = (kind: string): NameRule => ({ kind, tier: 'always', subtree: false });
/** `author`, `actor`: a person, unless the value is a role word (`"author": "assistant"`). */
const person = (): NameRule => ({ kind: 'name', tier: 'person', subtree: false });

/** Words after which a key describes personal data instead of holding it. */
const DESCRIBING = new Set([
  'type',
  'types',
  'kind',
  'count',
  'counts',
  'length',
  'len',
  'size',
  'max',
  'min',
  'limit',
  'enabled',
  'disabled',
  'required',
  'optional',
  'present',
  'provided',
  'valid',
  'validated',
  'verified',
  'confirmed',
  'status',
  'state',
  'format',
  'formats',
  'pattern',
  'regex',
  'mode',
  'policy',
  'changed',
  'updated',
  'at',
  'label',
  'labels',
  'hint',
  'placeholder',
  'description',
  'title',
  'icon',
  'color',
  'style',
  'visible',
  'visibility',
  'hidden',
  'editable',
  'locked',
  'source',
  'provider',
  'field',
  'fields',
  'key',
  'keys',
  'column',
  'index',
  'error',
  'errors',
  'message',
  'prefix',
  'suffix',
  'mask',
  'masked',
  'template',
  'setting',
  'settings',
  'preference',
  'preferences',
  'privacy',
  'permission',
  'permissions',
  'scope',
  'scopes',
  'option',
  'options',
  'config',
  'schema',
  'lookup',
  'search',
  'sort',
  'order',
  'filter',
  'accuracy',
  'precision',
  'unit',
  'units',
  'country',
  'region',
  'timezone',
  'zone',
  'locale',
  'language',
  'lang',
  'domain',
  'verification',
  'subject',
  'body',
  'notification',
  'notifications',
  'opt',
  'optin',
  'consent',
  'sent',
  'frequency',
  'exists',
  'available',
  'supported',
  'missing',
  'match',
  'matches',
  'mismatch',
]);

/** Words anywhere in a key that make it a flag or a quantity: `is_phone`, `has_address`, `num_devices`. */
const QUANTITY = new Set(['is', 'has', 'can', 'should', 'show', 'hide', 'allow', 'allows', 'require', 'requires', 'use', 'uses', 'num', 'total', 'max', 'min']);

/** Words that name a person's name in front of `name`: `first_name`, `employeeName`, `account_holder_name`. */
const NAME_QUALIFIERS = new Set([
  'first',
  'last',
  'middle',
  'given',
  'family',
  'full',
  'display',
  'real',
  'legal',
  'preferred',
  'user',
  'screen',
  'nick',
  'sur',
  'maiden',
  'birth',
  'employee',
  'customer',
  'author',
  'owner',
  'holder',
  'account',
  'contact',
  'sender',
  'recipient',
  'member',
  'patient',
  'student',
  'person',
  'people',
  'beneficiary',
  'payee',
  'payer',
  'cardholder',
  'billing',
  'shipping',
  'emergency',
  'parent',
  'guardian',
  'spouse',
  'driver',
  'passenger',
  'guest',
  'teacher',
  'doctor',
  'assignee',
  'reviewer',
  'creator',
  'requester',
  'reporter',
  'caller',
  'callee',
  'signer',
  'buyer',
  'seller',
  'father',
  'mother',
  'child',
  'applicant',
  'candidate',
  'attendee',
  'participant',
  'speaker',
  'actor',
  'recipient',
  'addressee',
  'consignee',
  'shipper',
  'subscriber',
  'landlord',
  'rep',
  'representative',
  'manager',
  'supervisor',
  'coach',
  'player',
  'friend',
  'sponsor',
  'witness',
  'victim',
  'officer',
  'physician',
  // People by the role they act in: `operatorName`, `approver_name`, `staff_name`.
  'operator',
  'staff',
  'worker',
  'approver',
  'submitter',
  'uploader',
  'editor',
  'modifier',
  'clerk',
  'cashier',
  'nurse',
  'instructor',
  'tutor',
  'advisor',
  'technician',
  'courier',
  'nurse',
]);

/** A name in one word: `fullname`, `firstName` read as one, `fname`. */
const NAME_WORDS = new Set([
  'firstname',
  'lastname',
  'middlename',
  'fullname',
  'surname',
  'surnames',
  'nickname',
  'username',
  'displayname',
  'givenname',
  'familyname',
  'realname',
  'legalname',
  'maidenname',
  'fname',
  'lname',
  'mname',
  'forename',
  'forenames',
  'patronymic',
  'kana',
]);

/** After `name` (`name_first`, `name_full`): the order some schemas use. */
const NAME_AFTER = new Set(['first', 'last', 'middle', 'given', 'family', 'full', 'display']);

/** Keys that hold a person whatever else they say: `author`, `actor`, `account_holder`, `created_by`. */
const PERSON_WORDS = new Set([
  'author',
  'authors',
  'actor',
  'holder',
  'beneficiary',
  'payee',
  'payer',
  'assignee',
  'assignees',
  'reviewer',
  'requester',
  'reporter',
  'signer',
  'cardholder',
  'addressee',
  'consignee',
  'employee',
  'patient',
  'recipient',
  'sender',
  'attendee',
]);
const BY_VERBS = new Set([
  'created',
  'updated',
  'modified',
  'deleted',
  'edited',
  'approved',
  'submitted',
  'requested',
  'assigned',
  'reviewed',
  'owned',
  'signed',
  'sent',
  'uploaded',
  'written',
  'posted',
  'authored',
  'invited',
  'shared',
]);

const PHONE_WORDS = new Set([
  'phone',
  'phones',
  'mobile',
  'msisdn',
  'tel',
  'telephone',
  'fax',
  'cellphone',
  'whatsapp',
  'landline',
  'phonenumber',
  'mobilenumber',
]);
/** `from_number`, `to_number`, `caller_no`: a number of a call or a message is a phone. */
const PHONE_NUMBER_QUALIFIERS = new Set([
  'from',
  'to',
  'caller',
  'callee',
  'contact',
  'home',
  'work',
  'office',
  'emergency',
  'recipient',
  'sender',
  'sms',
  'forwarding',
  'destination',
  'dial',
  'dialed',
  'called',
  'calling',
  'callback',
  'private',
]);
const NUMBER_WORDS = new Set(['number', 'numbers', 'no', 'nr', 'num', 'nbr']);

const ADDRESS_WORDS = new Set([
  'address',
  'addresses',
  'addr',
  'street',
  'streets',
  'zip',
  'zipcode',
  'postcode',
  'postal',
  'postalcode',
  'city',
  'town',
  'locality',
  'suburb',
  'neighborhood',
  'neighbourhood',
  'apartment',
  'apt',
  'housenumber',
  'streetnumber',
  'premise',
  'thoroughfare',
]);
/** `server_address`, `contract_address`: an address that is no person's. */
const NOT_PERSONAL_ADDRESS = new Set([
  'server',
  'host',
  'bind',
  'listen',
  'proxy',
  'gateway',
  'broker',
  'web',
  'site',
  'contract',
  'token',
  'smtp',
  'relay',
  'node',
  'peer',
  'multicast',
  'broadcast',
  'memory',
  'base',
  'start',
  'end',
  'return',
  'callback',
  'redirect',
  'endpoint',
  'service',
  'api',
  'mac',
  'ip',
  'email',
  'mail',
  'e',
]);
/** `zip_url`, `address_file`: a download or a link, not a place. */
const ADDRESS_NOT_AFTER = new Set(['url', 'uri', 'link', 'href', 'file', 'path', 'archive', 'download', 'book', 'space']);
/** `house_number`, `street_no`: the number of a building. */
const HOUSE_WORDS = new Set(['house', 'street', 'building', 'flat', 'apartment', 'apt', 'door']);
/** `address_line1`, `line2`: numbered lines are address lines. */
const NUMBERED_ADDRESS = new Set(['line', 'address', 'addr', 'street', 'zip']);

const BIRTH_WORDS = new Set(['dob', 'birthdate', 'birthday', 'bday', 'birth', 'born', 'birthplace', 'dateofbirth']);
const LOCATION_WORDS = new Set([
  'lat',
  'lng',
  'lon',
  'latitude',
  'longitude',
  'coords',
  'coordinates',
  'geolocation',
  'gps',
  'latlng',
  'latlon',
  'lnglat',
  'geopoint',
  'geo',
]);
/** Keys that are a place as a whole: `near=51.5,-0.12`, `ll=…` (query conventions for a point). */
const LOCATION_KEYS = new Set(['near', 'll', 'latlng', 'coords']);

/** Whole-word identity and bank numbers. */
const IDENTITY_WORDS = new Set([
  'iban',
  'bic',
  'ssn',
  'nino',
  'nin',
  'tin',
  'vat',
  'vatin',
  'passport',
  'aadhaar',
  'aadhar',
  'pesel',
  'nif',
  'nie',
  'cpf',
  'cnpj',
  'curp',
  'steuernummer',
  'personnummer',
  'bsn',
  'mrn',
  'acct',
]);
/** Words in front of a number that make it a personal or bank number: `account_number`, `vat_number`. */
const NUMBER_QUALIFIERS = new Set([
  'account',
  'acct',
  'bank',
  'routing',
  'sort',
  'branch',
  'registration',
  'student',
  'employee',
  'matriculation',
  'membership',
  'member',
  'customer',
  'insurance',
  'patient',
  'passport',
  'licence',
  'license',
  'vat',
  'tax',
  'social',
  'national',
  'voter',
  'citizen',
  'pension',
  'policy',
  'medical',
  'health',
  'identity',
  'id',
  'card',
  'document',
  'permit',
  'visa',
  'plate',
  'vehicle',
]);
/** Words in front of `id`/`code` that make it personal: `tax_id`, `bank_branch_code`, `national_id`. */
const ID_QUALIFIERS = new Set([
  'tax',
  'vat',
  'national',
  'passport',
  'voter',
  'citizen',
  'registration',
  'social',
  'licence',
  'license',
  'bank',
  'branch',
  'sort',
  'routing',
  'swift',
  'bic',
  'iban',
]);

const DEVICE_WORDS = new Set(['udid', 'idfa', 'idfv', 'gaid', 'adid', 'aaid', 'imei', 'imsi', 'meid', 'deviceid', 'deviceuuid']);
/** `device_id`, `installation_id`, `advertising_id`, `identifierForVendor`. */
const DEVICE_QUALIFIERS = new Set([
  'device',
  'installation',
  'install',
  'advertising',
  'android',
  'vendor',
  'hardware',
  'machine',
  'handset',
  'serial',
  'browser',
  'visitor',
  'anonymous',
  'fingerprint',
]);
const ID_WORDS = new Set(['id', 'ids', 'uuid', 'guid', 'identifier', 'number', 'no', 'serial', 'fingerprint', 'hash']);

const AVATAR_WORDS = new Set(['avatar', 'avatars', 'gravatar', 'headshot', 'selfie']);
/** `profile_image_url`, `profile_photo`: pictures of a person. */
const PICTURE_WORDS = new Set(['picture', 'photo', 'image', 'img', 'pic', 'portrait']);
const PICTURE_OWNERS = new Set(['profile', 'user', 'author', 'member', 'owner', 'account', 'contact', 'person', 'customer', 'employee', 'student', 'patient']);

const EMAIL_AFTER = new Set([
  'address',
  'addr',
  'display',
  'value',
  'primary',
  'secondary',
  'raw',
  'normalized',
  'original',
  'hash',
  'lower',
  'lowercase',
  'md5',
  'sha256',
  'work',
  'personal',
  'contact',
]);

/** The rule the words of a key give, or null. `words` are lower case (names.ts `nameWords`). */
export function personalByWords(words: readonly string[]): NameRule | null {
  const n = words.length;
  if (n === 0 || n > 8) return null;
  for (const word of words) if (QUANTITY.has(word)) return null;
  // Trailing describing words end the personal part: `phone_verified`, `address_type`.
  const end = n;
  const base = (i: number): string => stripDigits(words[i]!);
  const last = base(end - 1);
  if ((last === 'at' || last === 'on') && words.some((w) => BIRTH_WORDS.has(w))) return always('birth-date');
  if (DESCRIBING.has(words[end - 1]!)) return null;

  if (n === 1 && (words[0] === 'fn' || words[0] === 'ln' || words[0] === 'mn')) return always('name');
  if (n === 1 && LOCATION_KEYS.has(words[0]!)) return always('location');
  if (n === 2 && BY_VERBS.has(words[0]!) && words[1] === 'by') return person();

  // A name first: `bank_account_name` is the holder's name, not the account.
  if ((last === 'name' || last === 'names') && end > 1 && NAME_QUALIFIERS.has(words[end - 2]!)) return always('name');
  for (let i = 0; i < end; i++) {
    const word = words[i]!;
    const stem = base(i);
    const previous = i > 0 ? words[i - 1]! : '';
    const next = i + 1 < end ? words[i + 1]! : '';
    if (NAME_WORDS.has(word)) return always('name');
    if ((word === 'name' || word === 'names') && (NAME_QUALIFIERS.has(previous) || NAME_AFTER.has(next))) return always('name');
    if (BIRTH_WORDS.has(word)) return always('birth-date');
    if (DEVICE_WORDS.has(word)) return always('device-id');
    if (DEVICE_QUALIFIERS.has(word) && (ID_WORDS.has(next) || (next === 'for' && words[i + 2] === 'vendor'))) return always('device-id');
    if (word === 'identifier' && next === 'for') return always('device-id');
    if (IDENTITY_WORDS.has(word)) return always(word === 'iban' || word === 'bic' || word === 'swift' || word === 'acct' ? 'bank-account' : 'id-number');
    if (NUMBER_WORDS.has(stem) && i > 0) {
      if (PHONE_NUMBER_QUALIFIERS.has(previous) || PHONE_WORDS.has(previous)) return always('phone');
      if (NUMBER_QUALIFIERS.has(previous)) return always(isBank(words) ? 'bank-account' : 'id-number');
      if (HOUSE_WORDS.has(previous)) return always('address');
    }
    if ((word === 'id' || word === 'code') && ID_QUALIFIERS.has(previous)) return always(isBank(words) ? 'bank-account' : 'id-number');
    if (word === 'bank' && (next === 'account' || next === 'branch' || next === 'routing' || next === 'code' || next === 'details'))
      return always('bank-account');
    if (word === 'sort' && next === 'code') return always('bank-account');
    if (word === 'routing' && i === n - 1) return always('bank-account');
    if (PHONE_WORDS.has(word)) return always('phone');
    if (LOCATION_WORDS.has(word) && isPlace(words, i)) return always('location');
    if (AVATAR_WORDS.has(word)) return always('avatar');
    if (word === 'wallet' && !DESCRIBING.has(next)) return always('account');
    if (PICTURE_WORDS.has(word) && PICTURE_OWNERS.has(previous)) return always('avatar');
    if ((word === 'email' || word === 'emails' || word === 'mail') && (i === end - 1 || EMAIL_AFTER.has(next))) return always('email');
    if ((word === 'address' || word === 'addr') && (previous === 'ip' || previous === 'mac')) return always(previous);
    if (ADDRESS_WORDS.has(stem) && !NOT_PERSONAL_ADDRESS.has(previous) && !ADDRESS_NOT_AFTER.has(next)) {
      if ((stem === 'address' || stem === 'addr') && (previous === 'email' || previous === 'mail' || previous === 'e')) return always('email');
      return always('address');
    }
    if (NUMBERED_ADDRESS.has(stem) && stem !== word && (i === end - 1 || words[i + 1] === 'address')) return always('address');
    if (word === 'line' && /^\d$/.test(next) && i + 2 === end) return always('address');
  }
  if (PERSON_WORDS.has(last) && !(n > 1 && NOT_A_PERSON.has(words[0]!))) return person();
  return null;
}

/** `repository_owner`? no: keys that name a system, not a person, in front of a person word. */
const NOT_A_PERSON = new Set(['default', 'system', 'event', 'message', 'email', 'notification', 'webhook', 'request', 'response']);

/** `lat` is a latitude alone, beside `lng`, or after a place (`home_lat`); `first_token_lat` is a latency. */
const SHORT_COORDINATES = new Set(['lat', 'lng', 'lon']);
const PLACES = new Set([
  'home',
  'user',
  'center',
  'centre',
  'start',
  'end',
  'origin',
  'destination',
  'pickup',
  'dropoff',
  'current',
  'last',
  'device',
  'geo',
  'gps',
  'location',
  'position',
  'map',
  'my',
  'address',
  'place',
  'store',
  'shop',
  'delivery',
  'shipping',
  'billing',
]);

function isPlace(words: readonly string[], i: number): boolean {
  if (!SHORT_COORDINATES.has(words[i]!) || words.length === 1) return true;
  for (const word of words) if (PLACES.has(word) || (word !== words[i] && (SHORT_COORDINATES.has(word) || word === 'long'))) return true;
  return false;
}

function isBank(words: readonly string[]): boolean {
  for (const word of words)
    if (
      word === 'bank' ||
      word === 'account' ||
      word === 'acct' ||
      word === 'routing' ||
      word === 'sort' ||
      word === 'branch' ||
      word === 'iban' ||
      word === 'swift' ||
      word === 'bic'
    )
      return true;
  return false;
}

/** `zip5` → `zip`, `line1` → `line`. */
function stripDigits(word: string): string {
  let end = word.length;
  while (end > 1 && word.charCodeAt(end - 1) >= 48 && word.charCodeAt(end - 1) <= 57) end--;
  return end === word.length ? word : word.slice(0, end);
}

/**
 * Values a person-named key holds that are roles, not people: `"author": "assistant"`,
 * `"actor": "system"`, `"created_by": "user"`.
 */
const ROLE_WORDS = new Set([
  'user',
  'users',
  'assistant',
  'system',
  'tool',
  'function',
  'bot',
  'admin',
  'administrator',
  'moderator',
  'owner',
  'member',
  'guest',
  'anonymous',
  'unknown',
  'none',
  'null',
  'self',
  'me',
  'you',
  'customer',
  'agent',
  'support',
  'service',
  'developer',
  'model',
  'human',
  'ai',
  'app',
  'application',
  'server',
  'client',
  'internal',
  'external',
  'automation',
  'workflow',
  'api',
  'webhook',
  'integration',
  'everyone',
  'all',
  'public',
  'private',
  'team',
  'organization',
  'org',
  'staff',
  'sender',
  'recipient',
  'author',
  'editor',
  'viewer',
  'reader',
  'writer',
  'critic',
  'judge',
]);

/** Whether a person-tier rule applies: any value but a role word or an id (`"approved_by": "<uuid>"`). */
export function isPersonValue(value: string): boolean {
  if (value.length > 32) return !ID_SHAPE.test(value);
  return !ROLE_WORDS.has(value.toLowerCase()) && !ID_SHAPE.test(value);
}

/** UUIDs, hex, digits: an id in a person's field, which the id itself does not name. */
const ID_SHAPE = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{16,64}|\d{1,20})$/;

/**
 * `OpenAI Direct`: a run of capitals after a small letter inside a word (`OpenAI`, `iOS`) is
 * a product's or company's name, never a person's (`McDonald`, `DeShawn` have one capital each).
 */
export function looksLikeProductName(value: string): boolean {
  return PRODUCT.test(value);
}

const PRODUCT = /[a-z][A-Z]{2}/;
