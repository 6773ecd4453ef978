/**
 * Auth schemes and requirements of one endpoint from the credentials each request sent:
 * credentials sent together are one requirement (AND), different sets are alternatives (OR).
 */
import { describe, expect, it } from 'vitest';
import { createGate } from '../../src/infer/gate.js';
import { AuthAccumulator } from '../../src/infer/params.js';
import { createRedactor } from '../../src/redact/index.js';
import type { Credential } from '../../src/normalise/credentials.js';

const BEARER: Credential = { type: 'bearer', in: 'header', name: 'authorization' };
const KEY: Credential = { type: 'apiKey', in: 'header', name: 'x-api-key' };
const SESSION: Credential = { type: 'cookie', in: 'cookie', name: 'sessionid' };

function requirementsOf(requests: Credential[][]) {
  const accumulator = new AuthAccumulator(createGate(null));
  for (const sent of requests) accumulator.add(sent);
  const { auth, authRequirements } = accumulator.finish();
  return {
    schemes: auth.map((a) => `${a.type} ${a.in} ${a.name} ${a.seen}`),
    requirements: authRequirements.map((r) => `${r.schemes.join(' + ')} ×${r.seen}`),
  };
}

describe('AuthAccumulator: requirements', () => {
  it.each<[string, Credential[][], string[]]>([
    [
      'two credentials always sent together are one requirement',
      [
        [BEARER, KEY],
        [KEY, BEARER],
        [BEARER, KEY],
      ],
      ['header authorization + header x-api-key ×3'],
    ],
    ['different credentials on different requests are alternatives', [[BEARER], [SESSION], [BEARER]], ['header authorization ×2', 'cookie sessionid ×1']],
    ['a request without credentials adds no requirement', [[BEARER], []], ['header authorization ×1']],
    ['a credential named twice on one request counts once', [[BEARER, BEARER]], ['header authorization ×1']],
    ['no credentials at all', [[], []], []],
  ])('%s', (_label, requests, expected) => {
    expect(requirementsOf(requests).requirements).toEqual(expected);
  });

  it('counts each scheme once per request', () => {
    expect(requirementsOf([[BEARER, KEY], [BEARER]]).schemes).toEqual(['apiKey header x-api-key 1', 'bearer header authorization 2']);
  });
});

describe('AuthAccumulator: names through the gate', () => {
  it('shows a credential name that holds data as the gate does, and still counts it', () => {
    const accumulator = new AuthAccumulator(createGate(createRedactor(new Uint8Array(32))));
    const email = ['some', 'one@example.org'].join('');
    accumulator.add([{ type: 'cookie', in: 'cookie', name: `CognitoIdentityServiceProvider.abc.${email}.idToken` }, SESSION]);
    const { auth, authRequirements } = accumulator.finish();
    expect(JSON.stringify({ auth, authRequirements })).not.toContain(email);
    expect(auth.map((a) => a.name)).toContain('sessionid');
    expect(auth).toHaveLength(2);
    expect(authRequirements[0]!.schemes).toHaveLength(2);
  });
});
