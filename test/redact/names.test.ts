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
    ['pin', 'json', 'pin', 'always'],
    ['otp', 'query', 'pin', 'always'],
    ['cvc', 'json', 'pin', 'always'],
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
    ['author', 'json'],
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
