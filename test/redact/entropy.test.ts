/**
 * The token-shape fallback, measured on generated samples (2 000 per shape, a seeded generator):
 * random base64url tokens are flagged at the rates below, identifiers of every common shape
 * (UUIDs, hex digests, timestamps, slugs, camelCase, prefixed ids) at most 0.5 % of the time.
 */
import { describe, expect, it } from 'vitest';
import { hasCredentialPrefix, hasIdPrefix, looksLikeToken } from '../../src/redact/entropy.js';
import { seeded } from '../support/random.js';
import { expectCostRatio } from '../support/timing.js';

const random = seeded(42).next;
const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const rate = (samples: string[]) => samples.filter(looksLikeToken).length / samples.length;
const many = (f: () => string) => Array.from({ length: 2000 }, f);

describe('looksLikeToken', () => {
  it.each([
    [20, 0.85],
    [24, 0.9],
    [32, 0.95],
    [43, 0.97],
  ])('flags random base64url tokens of %i characters (≥ %f)', (length, minimum) => {
    expect(rate(many(() => pick(B64URL, length)))).toBeGreaterThanOrEqual(minimum);
  });

  it.each([
    [
      'UUIDs',
      () =>
        `${pick('0123456789abcdef', 8)}-${pick('0123456789abcdef', 4)}-4${pick('0123456789abcdef', 3)}-a${pick('0123456789abcdef', 3)}-${pick('0123456789abcdef', 12)}`,
    ],
    ['hex digests', () => pick('0123456789abcdef', 64)],
    ['timestamps', () => new Date(1.6e12 + Math.floor(random() * 1e11)).toISOString()],
    ['slugs', () => `${pick('abcdefghijklmnop', 8)}-${pick('abcdefghijklmnop', 6)}-${pick('abcdefghijklmnop', 7)}`],
    ['camelCase identifiers', () => `get${pick('ABCDEFGH', 1)}${pick('abcdefgh', 6)}${pick('ABCDEFGH', 1)}${pick('abcdefgh', 7)}Handler2`],
    ['prefixed ids', () => `file-${pick(B64URL.slice(0, 62), 24)}`],
  ])('leaves %s alone', (_label, make) => {
    expect(rate(many(make))).toBeLessThanOrEqual(0.005);
  });

  it('reads only a bounded sample of a huge value', () => {
    const huge = pick(B64URL, 64).repeat(200_000);
    expect(looksLikeToken(huge)).toBe(true);
    // 12.8 MB costs about what 8 KB does; reading all of it would cost over a thousand times more.
    expectCostRatio(
      () => looksLikeToken(huge),
      () => looksLikeToken(huge.slice(0, 8192)),
      10,
    );
  });
});

describe('hasCredentialPrefix', () => {
  it.each([
    ['sess-9f8a7b6c5d4e3f2a1b0c', true],
    ['tok_9f8a7b6c5d4e3f2a1b0c', true],
    ['lin_api_0123456789abcdef0123', true],
    ['secret_abcdefghijklmnop1', true],
    // Too short, no digit, no credential word, or not one alphanumeric tail.
    ['sess-9f8a7b6c5d4e', false],
    ['token_authenticationmanager', false],
    ['file-9f8a7b6c5d4e3f2a1b0c', false],
    ['api_v1_0123456789abcdef0123', false],
    ['session-2024-01-01-0123456789', false],
  ])('%s → %s', (value, expected) => {
    expect(hasCredentialPrefix(value)).toBe(expected);
  });
});

describe('hasIdPrefix', () => {
  it.each([
    ['file-6DWaTbWH9v4CUjEy30nk9z', true],
    ['cus_NffrFeUfNV2Hib', true],
    ['g-p-0f3a9c2b7d1e4f5a6b7c8d9e0f1a2b3c', true],
    ['x-AbC123dEf456', false],
    ['AbC-xyz12345678', false],
    ['sk_live_abc', false],
    ['user-iHx6NeJJYMzRfPJYqmBELK3I', true],
    ['asst_Ab3dEf9hKzQ2Lm8NpR4sT6vW', true],
    // A prefix word that names a credential never makes an id.
    ['sess-Xk29fLm3QpR7tZ8wYc4NbV6hJ2sD5gA1eU0iO9', false],
    ['secret_Ab3kLm9QpR7tZ8wYc4NbV6hJ2sD5gA1eU0iO9xyzW2', false],
    ['lin_api_Zk29fLm3QpR7tZ8wYc4NbV6hJ2sD5gA1eU0iO9', false],
    ['auth_Zk29fLm3QpR7tZ8w', false],
    ['tok-Xk29fLm3QpR7tZ8wYc4NbV6hJ2', false],
    // A mixed-case tail of 32+ is a credential's, whatever the prefix; a hex one stays an id.
    ['file-Zk29fLm3QpR7tZ8wYc4NbV6hJ2sD5gA1eU0', false],
    ['doc_Ab3dEf9hKzQ2Lm8NpR4sT6vWxY7z', true],
    ['g-p-0f3a9c2b7d1e4f5a6b7c8d9e0f1a2b3c4d5e6f7a', true],
  ])('%s → %s', (value, expected) => {
    expect(hasIdPrefix(value)).toBe(expected);
  });

  it.each([
    [
      'credential prefixes',
      () => `${['sess-', 'secret_', 'lin_api_', 'auth_', 'key-', 'pat_'][Math.floor(random() * 6)]}${pick(B64URL.slice(0, 62), 40)}`,
      0.95,
    ],
    ['ids with long random tails', () => `file-${pick(B64URL.slice(0, 62), 40)}`, 0.95],
  ])('lets the token shape flag %s', (_label, make, minimum) => {
    expect(rate(many(make))).toBeGreaterThanOrEqual(minimum);
  });
});
