/**
 * Credential detection per host, on original values: a credential-shaped value under a name that
 * says credential, or under any name when it is sent on most calls to the host and reused; never
 * a CSRF token, a nonce, a tracker cookie or base64 of readable text. Values are synthetic,
 * built here.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, NameValue } from '../../src/exchange.js';
import { CredentialSurvey, isCredentialShaped } from '../../src/normalise/credentials.js';
import { makeExchange } from '../support/exchange.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'synthetic', role: 'anon' })}.c2lnbmF0dXJlLXN5bnRoZXRpYw`;
const TOKEN = 'Zx9Qa7LmP2vB8nK4rT6yW1cE3hJ5';
/** A different random-looking token per call: a nonce. */
const nonce = (i: number) => `Q${i}w8Er5Ty2Ui9Op${i}As4Df7Gh1Jk`;

function call(headers: NameValue[], cookies: NameValue[] = [], query: NameValue[] = []): Exchange {
  const exchange = makeExchange({ path: '/api/items', query });
  return { ...exchange, request: { ...exchange.request, headers, cookies } };
}

/** The credentials of the first call, after all calls to the host were counted. */
function credentialsOf(calls: Exchange[]): string[] {
  const survey = new CredentialSurvey();
  const sent = calls.map((c) => survey.add(c));
  const found = new Set<string>();
  sent.forEach((s, i) => {
    for (const c of survey.credentialsOf(calls[i]!.url.host, s)) found.add(`${c.type} ${c.in} ${c.name}`);
  });
  return [...found].sort();
}

const times = (n: number, make: (i: number) => Exchange) => Array.from({ length: n }, (_, i) => make(i));

describe('credential detection', () => {
  it.each<[string, Exchange[], string[]]>([
    ['a bearer Authorization header', [call([{ name: 'Authorization', value: `Bearer ${JWT}` }])], ['bearer header authorization']],
    ['a basic Authorization header', [call([{ name: 'authorization', value: 'Basic dXNlcjpwYXNz' }])], ['basic header authorization']],
    ['a Supabase-style `apikey` header with a JWT on every call', times(4, () => call([{ name: 'apikey', value: JWT }])), ['apiKey header apikey']],
    ['a `token` header', times(3, () => call([{ name: 'token', value: JWT }])), ['apiKey header token']],
    ['an `x-admin-key` header', times(3, () => call([{ name: 'x-admin-key', value: 'admin-secret-7f3a' }])), ['apiKey header x-admin-key']],
    [
      'bearer and x-api-key sent together',
      times(3, () =>
        call([
          { name: 'authorization', value: `Bearer ${JWT}` },
          { name: 'x-api-key', value: TOKEN },
        ]),
      ),
      ['apiKey header x-api-key', 'bearer header authorization'],
    ],
    ['an unnamed header with a reused token on most calls', times(4, () => call([{ name: 'x-app-pass', value: TOKEN }])), ['apiKey header x-app-pass']],
    ['an unnamed header with a token on one call in four', [call([{ name: 'x-app-pass', value: TOKEN }]), ...times(3, () => call([]))], []],
    ['a header whose value changes on every call (a nonce)', times(4, (i) => call([{ name: 'x-app-pass', value: nonce(i) }])), []],
    ['a named header whose value changes on every call', times(4, (i) => call([{ name: 'x-auth-token', value: nonce(i) }])), []],
    ['a signature header', times(4, () => call([{ name: 'x-signature', value: TOKEN }])), []],
    ['a CSRF header', times(3, () => call([{ name: 'x-csrftoken', value: TOKEN }])), []],
    ['sec-websocket-key', times(3, () => call([{ name: 'sec-websocket-key', value: TOKEN }])), []],
    [
      'base64 of readable JSON (x-super-properties)',
      times(3, () => call([{ name: 'x-super-properties', value: b64({ os: 'Linux', browser: 'Chrome', release: 'stable' }) }])),
      [],
    ],
    ['a device id header', times(3, () => call([{ name: 'oai-device-id', value: '0c5f4a3e-9d1b-4b7a-8f2e-6a1d3c5b7e90' }])), []],
    [
      'the session cookie, not the CSRF cookie',
      times(3, () =>
        call(
          [],
          [
            { name: 'jwt', value: JWT },
            { name: '__Host-app.x-csrf-token', value: TOKEN },
          ],
        ),
      ),
      ['cookie cookie jwt'],
    ],
    ['a Django session cookie', times(2, () => call([], [{ name: 'sessionid', value: 'k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8' }])), ['cookie cookie sessionid']],
    [
      'cookies from the Cookie header',
      times(2, () => call([{ name: 'cookie', value: `theme=dark; sessionid=k3j4h5g6f7d8s9a0` }])),
      ['cookie cookie sessionid'],
    ],
    ['a preference cookie', times(3, () => call([], [{ name: 'theme', value: 'dark-mode' }])), []],
    [
      'an analytics cookie',
      times(3, () =>
        call(
          [],
          [
            { name: '_ga', value: 'GA1.1.1234567890.1700000000' },
            { name: '__cf_bm', value: TOKEN },
          ],
        ),
      ),
      [],
    ],
    ['a query `token` with a JWT', [call([], [], [{ name: 'token', value: JWT }])], ['apiKey query token']],
    ['a query `key` naming a preference', [call([], [], [{ name: 'key', value: 'theme' }])], []],
    ['a query `key` naming a config word with a number', [call([], [], [{ name: 'key', value: 'sticker2' }])], []],
    // Anti-bot proofs: minted per request by a challenge script, sent beside the session; no client can copy one.
    ['an anti-bot proof header reused on every call', times(4, () => call([{ name: 'openai-sentinel-proof-token', value: TOKEN }])), []],
    ['a sentinel requirements token', times(4, () => call([{ name: 'x-sentinel-requirements-token', value: TOKEN }])), []],
    ['a turnstile token', times(4, () => call([{ name: 'cf-turnstile-response', value: TOKEN }])), []],
    ['a challenge answer', times(4, () => call([{ name: 'x-challenge-token', value: TOKEN }])), []],
    ['an attestation token', times(4, () => call([{ name: 'x-app-attestation', value: TOKEN }])), []],
    ['an empty `api_key`', [call([], [], [{ name: 'api_key', value: '' }])], []],
  ])('%s', (_label, calls, expected) => {
    expect(credentialsOf(calls)).toEqual(expected);
  });

  it('decides per host: a header common on one host is not a credential on another', () => {
    const other = (e: Exchange): Exchange => ({ ...e, url: { ...e.url, host: 'cdn.example.com' } });
    const calls = [
      ...times(3, () => call([{ name: 'x-app-pass', value: TOKEN }])),
      ...times(1, () => other(call([{ name: 'x-app-pass', value: TOKEN }]))),
      ...times(3, () => other(call([]))),
    ];
    const survey = new CredentialSurvey();
    const sent = calls.map((c) => survey.add(c));
    expect(survey.credentialsOf('api.example.com', sent[0]!).map((c) => c.name)).toEqual(['x-app-pass']);
    expect(survey.credentialsOf('cdn.example.com', sent[3]!)).toEqual([]);
  });
});

describe('credential shape', () => {
  it.each<[string, boolean]>([
    [JWT, true],
    [TOKEN, true],
    ['k3j4h5g6f7d8s9a0', true],
    ['12345678', false],
    ['true', false],
    ['dark-mode-enabled', false],
    ['sticker2', false],
    ['page-10', false],
    ['k3j4h5g6', true],
    ['two words here', false],
    ['short', false],
  ])('%s → %s', (value, expected) => {
    expect(isCredentialShaped(value)).toBe(expected);
  });
});
