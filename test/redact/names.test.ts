import { describe, expect, it } from 'vitest';
import { classifyName, nameWords, ruleApplies } from '../../src/redact/names.js';

describe('nameWords', () => {
  it.each([
    ['X-API-Key', ['x', 'api', 'key']],
    ['x_api_key', ['x', 'api', 'key']],
    ['xApiKey', ['x', 'api', 'key']],
    ['accessToken', ['access', 'token']],
    ['ACCESS_TOKEN', ['access', 'token']],
    ['__Secure-next-auth.session-token', ['secure', 'next', 'auth', 'session', 'token']],
    ['userID', ['user', 'id']],
  ])('%s → %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('classifyName: names that carry secrets or personal data', () => {
  it.each([
    ['password', 'json', 'password', 'always'],
    ['user_password', 'json', 'password', 'always'],
    ['newPasswd', 'json', 'password', 'always'],
    ['client_secret', 'form', 'secret', 'always'],
    ['pin', 'json', 'pin', 'code'],
    ['otp', 'query', 'pin', 'code'],
    ['cvc', 'json', 'pin', 'code'],
    ['AccessToken', 'json', 'token', 'credential'],
    ['access-token', 'json', 'token', 'credential'],
    ['refresh_token', 'form', 'token', 'credential'],
    ['id_token', 'query', 'token', 'credential'],
    ['X-API-Key', 'header', 'api-key', 'credential'],
    ['dd-api-key', 'query', 'api-key', 'credential'],
    ['sentry_key', 'query', 'api-key', 'credential'],
    ['apikey', 'query', 'api-key', 'credential'],
    ['X-CSRF-Token', 'header', 'csrf', 'credential'],
    ['authenticity_token', 'form', 'token', 'credential'],
    ['x-client-data', 'header', 'secret', 'always'],
    ['X-Sentry-Auth', 'header', 'credentials', 'credential'],
    ['session_id', 'json', 'session', 'credential'],
    ['sid', 'query', 'session', 'credential'],
    ['X-Amz-Signature', 'query', 'signature', 'credential'],
    ['X-Amz-Credential', 'query', 'credentials', 'credential'],
    ['sig', 'query', 'signature', 'credential'],
    ['code', 'query', 'token', 'always'],
    ['state', 'query', 'token', 'credential'],
    ['key', 'query', 'api-key', 'credential'],
    ['SAMLResponse', 'form', 'credentials', 'credential'],
    ['email', 'json', 'email', 'always'],
    ['user_email', 'json', 'email', 'always'],
    ['given_name', 'json', 'name', 'always'],
    ['displayName', 'json', 'name', 'always'],
    ['phone', 'json', 'phone', 'always'],
    ['last_login_ip', 'json', 'ip', 'always'],
    ['X-Forwarded-For', 'header', 'ip', 'always'],
    ['From', 'header', 'email', 'always'],
    ['X-User-Name', 'header', 'name', 'always'],
    ['x-username', 'header', 'name', 'always'],
    ['X-User-Email', 'header', 'email', 'always'],
    ['X-Email', 'header', 'email', 'always'],
    ['X-Remote-User', 'header', 'name', 'always'],
    ['X-Forwarded-User', 'header', 'name', 'always'],
    ['X-Auth-Request-Email', 'header', 'email', 'always'],
    ['X-MS-Client-Principal-Name', 'header', 'name', 'always'],
    ['postal_code', 'json', 'address', 'always'],
    ['avatar_url', 'json', 'avatar', 'always'],
    ['latitude', 'json', 'location', 'always'],
    ['card_number', 'json', 'card', 'always'],
  ] as const)('%s in %s → %s (%s)', (name, context, kind, tier) => {
    expect(classifyName(name, context)).toMatchObject({ kind, tier });
  });

  it.each([
    ['token_type', 'json'],
    ['max_tokens', 'json'],
    ['prompt_tokens', 'json'],
    ['expires_in', 'json'],
    ['tokenizer', 'json'],
    ['authority', 'header'],
    ['oauth_provider', 'json'],
    ['keyboard', 'json'],
    ['key', 'json'],
    ['publicKey', 'json'],
    ['idempotency_key', 'header'],
    ['code', 'json'],
    ['state', 'json'],
    ['status', 'json'],
    ['x-request-id', 'header'],
    ['x-user-id', 'header'],
    ['x-user-agent', 'header'],
    ['user', 'query'],
    ['user_id', 'json'],
    ['api_key_id', 'json'],
    ['email_verified', 'json'],
    ['password_policy', 'json'],
    ['mapping', 'json'],
    ['shipping_method', 'json'],
    ['spinner', 'json'],
    ['name', 'json'],
    ['from', 'query'],
    ['theme', 'query'],
    ['page', 'query'],
    ['cookie_consent', 'json'],
  ] as const)('%s in %s says nothing', (name, context) => {
    expect(classifyName(name, context)).toBeNull();
  });

  it('treats `name` as personal next to an email or under a person container', () => {
    expect(classifyName('name', 'json', { personSiblings: true })).toMatchObject({ kind: 'name' });
    expect(classifyName('name', 'json', { parent: 'owner' })).toMatchObject({ kind: 'name' });
    expect(classifyName('name', 'json', { parent: 'model' })).toBeNull();
  });

  it('applies credential names only to credential-shaped values', () => {
    const token = classifyName('token', 'json')!;
    expect(ruleApplies(token, 'Hello')).toBe(false);
    expect(ruleApplies(token, ' world')).toBe(false);
    expect(ruleApplies(token, 'a8Fk2mQ9x')).toBe(true);
    const password = classifyName('password', 'json')!;
    expect(ruleApplies(password, 'abc')).toBe(true);
    expect(ruleApplies(password, '')).toBe(false);
  });
});

describe('classifyName: personal data read from the words of a key', () => {
  it.each([
    ['bank_account_number', 'bank-account'],
    ['bank_account_name', 'name'],
    ['bank_branch_code', 'bank-account'],
    ['sortCode', 'bank-account'],
    ['routing', 'bank-account'],
    ['acct', 'bank-account'],
    ['acctNo', 'bank-account'],
    ['swift_code', 'bank-account'],
    ['bic', 'bank-account'],
    ['vat_number', 'id-number'],
    ['taxId', 'id-number'],
    ['student_registration_number', 'id-number'],
    ['registrationNo', 'id-number'],
    ['passport_no', 'id-number'],
    ['employeeName', 'name'],
    ['operatorName', 'name'],
    ['approver_name', 'name'],
    ['staffName', 'name'],
    ['full_name_display', 'name'],
    ['name_first', 'name'],
    ['fn', 'name'],
    ['ln', 'name'],
    ['fname', 'name'],
    ['contact-person-name', 'name'],
    ['account_holder_name', 'name'],
    ['from_number', 'phone'],
    ['to_number', 'phone'],
    ['callerNo', 'phone'],
    ['msisdn', 'phone'],
    ['whatsapp', 'phone'],
    ['mobile_phone_e164', 'phone'],
    ['line1', 'address'],
    ['address_line2', 'address'],
    ['addr', 'address'],
    ['zip5', 'address'],
    ['zip9', 'address'],
    ['city', 'address'],
    ['house_number', 'address'],
    ['shipping_addr_street', 'address'],
    ['dob', 'birth-date'],
    ['date_of_birth', 'birth-date'],
    ['birthDate', 'birth-date'],
    ['born_at', 'birth-date'],
    ['lat', 'location'],
    ['gps_coords', 'location'],
    ['near', 'location'],
    ['geo', 'location'],
    ['device_id', 'device-id'],
    ['X-Device-Id', 'device-id'],
    ['deviceId', 'device-id'],
    ['installationId', 'device-id'],
    ['identifierForVendor', 'device-id'],
    ['idfa', 'device-id'],
    ['gravatar_id', 'avatar'],
    ['avatar_image_url', 'avatar'],
    ['profile_photo', 'avatar'],
    ['contact_email_primary', 'email'],
    ['email_address', 'email'],
  ] as const)('%s → %s', (name, kind) => {
    expect(classifyName(name, 'json')).toMatchObject({ kind, tier: 'always' });
  });

  it.each(['author', 'actor', 'account_holder', 'created_by', 'assignee', 'payee'])('%s holds a person unless the value is a role', (name) => {
    const found = classifyName(name, 'json')!;
    expect(found).toMatchObject({ kind: 'name', tier: 'person' });
    expect(ruleApplies(found, 'Ada Quist')).toBe(true);
    expect(ruleApplies(found, 'jq42')).toBe(true);
    expect(ruleApplies(found, 'assistant')).toBe(false);
    expect(ruleApplies(found, 'System')).toBe(false);
  });

  it.each([
    'phone_verified',
    'address_type',
    'is_phone',
    'has_address',
    'num_devices',
    'email_subject',
    'server_address',
    'ip_address_count',
    'zip_url',
    'device_type',
    'device_model',
    'name',
    'client_name',
    'bank_name',
    'country',
    'location',
    'image',
    'message_sid',
    'account_sid',
    'next_page_token',
    'sync_token',
    'token_endpoint_auth_methods_supported',
    'id_token_signing_alg_values_supported',
    'check_session_iframe',
    'author_count',
  ])('%s says nothing', (name) => {
    expect(classifyName(name, 'json')).toBeNull();
  });

  it('reads a code name only for values with a digit: "mfa": "totp" is a method', () => {
    const mfa = classifyName('mfa', 'json')!;
    expect(ruleApplies(mfa, 'totp')).toBe(false);
    expect(ruleApplies(mfa, '482913')).toBe(true);
  });

  it('never takes a URL under a credential name for the credential', () => {
    const servers = classifyName('authorization_servers', 'json')!;
    expect(ruleApplies(servers, 'https://auth.example.com/')).toBe(false);
    expect(ruleApplies(servers, 'Xq7Lm2Np9Rs4Tv6W')).toBe(true);
  });

  it('takes private_key_id for the secret it names', () => {
    expect(classifyName('private_key_id', 'json')).toMatchObject({ kind: 'secret' });
    expect(classifyName('sid', 'json')).toMatchObject({ kind: 'session' });
    expect(classifyName('session_sid', 'json')).toMatchObject({ kind: 'session' });
  });
});

describe('classifyName: words that look personal and are not', () => {
  it.each([
    ['first_token_lat', 'token'],
    ['request_lat_ms', null],
    ['lat', 'location'],
    ['home_lat', 'location'],
    ['lat_lng', 'location'],
    ['agent_name', null],
  ] as const)('%s → %s', (name, kind) => {
    const found = classifyName(name, 'json');
    expect(found?.kind ?? null).toBe(kind);
  });

  it('applies person keys to names, not to ids, and name keys not to product names', () => {
    const found = classifyName('approved_by', 'json')!;
    expect(ruleApplies(found, 'b4200e5c-0332-445b-8326-79175b2e670e')).toBe(false);
    expect(ruleApplies(found, '12345')).toBe(false);
    expect(ruleApplies(classifyName('display_name', 'json')!, 'OpenAI Direct')).toBe(false);
    expect(ruleApplies(classifyName('display_name', 'json')!, 'Ada McQuist')).toBe(true);
  });
});
