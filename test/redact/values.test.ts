import { describe, expect, it } from 'vitest';
import { readJwt } from '../../src/redact/jwt.js';
import { classifyValue, credentialKind, isCardNumber, luhn, splitScheme } from '../../src/redact/values.js';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: 'u1', email: 'a@b.example', 'https://api.example.com/profile': {} })}.c2lnbmF0dXJlc2lnbmF0dXJl`;

describe('classifyValue: secrets and personal data recognised by shape', () => {
  it.each([
    [jwt, 'jwt'],
    [`${b64('{\n  "alg": "HS256"\n}')}.${b64({ sub: 1 })}.c2ln`, 'jwt'],
    [`${b64({ alg: 'none' })}.${b64({ sub: 1 })}.`, 'jwt'],
    [`gAAAAA${'Qk'.repeat(40)}==`, 'fernet'],
    ['AKIAIOSFODNN7EXAMPL2', 'api-key'],
    ['AKIAQWERTYUIOPASDFGH', 'api-key'],
    [`AIza${'Sy'.repeat(17)}X`, 'api-key'],
    [`ghp_${'a1B2'.repeat(9)}`, 'api-key'],
    [`github_pat_${'x'.repeat(30)}`, 'api-key'],
    [`xoxb-123456789012-123456789012-${'a'.repeat(24)}`, 'api-key'],
    [`sk_live_${'a1'.repeat(12)}`, 'api-key'],
    [`sk-proj-${'a'.repeat(40)}`, 'api-key'],
    [`sk-ant-api03-${'b'.repeat(40)}`, 'api-key'],
    [`npm_${'c'.repeat(36)}`, 'api-key'],
    [`glpat-${'d'.repeat(20)}`, 'api-key'],
    [`SG.${'e'.repeat(22)}.${'f'.repeat(43)}`, 'api-key'],
    [`pub${'0a'.repeat(16)}`, 'api-key'],
    ['secret_Ab3kLm9QpR7tZ8wYc4NbV6hJ2sD5gA1eU0iO9xyzW2', 'api-key'],
    ['sess-Xk29fLm3QpR7tZ8wYc4NbV6hJ2sD5gA1eU0iO9', 'api-key'],
    [`ntn_${'4'.repeat(11)}${'aB3'.repeat(12)}`, 'api-key'],
    ['lin_api_Zk29fLm3QpR7tZ8wYc4NbV6hJ2sD5gA1eU0iO9', 'api-key'],
    ['sntrys_eyJpYXQiOjE2ODQ4MjU5NzMuMjI3MzU1LCJ1cmwiOiJodHRwcz', 'api-key'],
    [`glsa_${'Qm4x'.repeat(8)}_0a1b2c3d`, 'api-key'],
    [`figd_${'Zk2-fLm3_'.repeat(5)}`, 'api-key'],
    [`sbp_${'a1b2c3d4e5'.repeat(4)}`, 'api-key'],
    ['jane.doe+tag@mail.example.co.uk', 'email'],
    ['jürgen.müller@gmx.de', 'email'],
    ['max@bücher.example', 'email'],
    ['81.2.69.142', 'ip'],
    ['81.2.69.142:8443', 'ip'],
    ['10.20.30.40', 'ip'],
    ['@t2_8fk2m9:reddit.example', 'account'],
    ['@ada.quist:matrix.example.org', 'account'],
    ['6F9619FF-8B86-D011-B42D-00C04FC964FF', 'device-id'],
    ['2001:db8::8a2e:370:7334', 'ip'],
    ['fe80::1%eth0', 'ip'],
    ['3c:22:fb:9a:11:7e', 'mac'],
    ['4111111111111111', 'card'],
    ['4111-1111-1111-1111', 'card'],
    ['378282246310005', 'card'],
    ['GB82WEST12345698765432', 'iban'],
    ['+14155550123', 'phone'],
    ['+44 20 7946 0958', 'phone'],
    ['536-22-8841', 'personal'],
  ])('%s → %s', (value, kind) => {
    expect(classifyValue(value)?.kind).toBe(kind);
  });

  it.each([
    'e4c3f2d5-f08a-4497-acbd-444cedb7f254',
    'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
    '2025-01-02T03:04:05.000Z',
    'gpt-4o-mini',
    'finished_successfully',
    '1.2.3',
    '120.0.6099.109',
    '0.0.0.0',
    '142.0.0.0',
    '127.0.0.1',
    '127.0.0.1:8080',
    '192.0.2.10',
    '198.51.100.7',
    '203.0.113.7',
    '::1',
    '12345678-1234-1234-1234-123456789012',
    '@scope/package',
    '1700000000000',
    '4111111111111112',
    '1234567890123456789',
    'welcome.title',
    'user@localhost',
    '@types/node',
    '12:30:45',
    'std::vector',
    'file-6DWaTbWH9v4CUjEy30nk9z',
    'GB82WEST12345698765433',
    'eyJub3QiOiJhIGp3dCJ9',
  ])('%s is not a secret by shape', (value) => {
    expect(classifyValue(value)).toBeNull();
  });

  it('tags JWTs with their claim names only, shortened and sorted', () => {
    expect(classifyValue(jwt)).toEqual({ kind: 'jwt', detail: 'claims=email,profile,sub' });
    expect(readJwt(jwt)!.claims).not.toContain('a@b.example');
  });

  it('checks Luhn and card prefixes', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
    expect(isCardNumber('4242 4242 4242 4242')).toBe(true);
    expect(isCardNumber('1242 4242 4242 4242')).toBe(false);
  });

  it('splits Authorization values and types their credentials', () => {
    expect(splitScheme('Bearer abc')).toEqual({ scheme: 'Bearer', credential: 'abc' });
    expect(splitScheme('abc')).toBeNull();
    expect(credentialKind('Bearer', jwt).kind).toBe('jwt');
    expect(credentialKind('Bearer', 'opaque-token-123').kind).toBe('token');
    expect(credentialKind('Basic', 'dXNlcjpwYXNz').kind).toBe('basic-auth');
    expect(credentialKind('Digest', 'username="a", response="b"').kind).toBe('credentials');
  });
});
