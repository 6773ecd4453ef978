/**
 * Auth schemes are read from redacted exchanges: a query parameter named `key` or `token` is a
 * credential only when redaction found one under it, and a cookie name redaction replaced says
 * nothing about sessions.
 */
import { describe, expect, it } from 'vitest';
import type { NameValue } from '../../src/exchange.js';
import { AuthAccumulator } from '../../src/infer/params.js';
import { makeExchange } from '../support/exchange.js';

function schemesOf(query: NameValue[], cookies: NameValue[] = []) {
  const accumulator = new AuthAccumulator();
  const exchange = makeExchange({ path: '/v1/prefs', query });
  accumulator.add({ ...exchange, request: { ...exchange.request, cookies } });
  return accumulator.finish().map((s) => `${s.type} ${s.in} ${s.name}`);
}

describe('AuthAccumulator: query credentials', () => {
  it.each<[string, NameValue[], string[]]>([
    ['a preference name under `key`', [{ name: 'key', value: 'theme' }], []],
    ['a word under `token`', [{ name: 'token', value: 'next' }], []],
    ['a redacted API key under `key`', [{ name: 'key', value: '<api-key:1>' }], ['apiKey query key']],
    ['a redacted token under `token`', [{ name: 'token', value: '<token:3>' }], ['apiKey query token']],
    ['`api_key`, whatever its value', [{ name: 'api_key', value: 'demo' }], ['apiKey query api_key']],
    ['`access_token`', [{ name: 'access_token', value: '<token:1>' }], ['apiKey query access_token']],
    ['an empty `api_key`', [{ name: 'api_key', value: '' }], []],
  ])('%s', (_label, query, expected) => {
    expect(schemesOf(query)).toEqual(expected);
  });
});

describe('AuthAccumulator: session cookies', () => {
  it.each<[string, string, string[]]>([
    ['a session cookie', 'sessionid', ['cookie cookie sessionid']],
    ['a name redaction replaced with a token tag', '<token:1>', []],
    ['a name holding a redacted email', 'CognitoIdentityServiceProvider.abc.<email:1>.idToken', []],
    ['a plain preference', 'theme', []],
  ])('%s', (_label, name, expected) => {
    expect(schemesOf([], [{ name, value: '<cookie:1>' }])).toEqual(expected);
  });
});
