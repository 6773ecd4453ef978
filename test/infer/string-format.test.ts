import { describe, expect, it } from 'vitest';
import { enumValues, formatName, stringFormats } from '../../src/infer/string-format.js';
import { placeholderKind } from '../../src/redact/placeholders.js';
import { expectCostRatio } from '../support/timing.js';

describe('stringFormats', () => {
  it.each([
    ['11fb836b-a771-4008-ad3a-39a946c75bf4', 'uuid'],
    ['2025-12-22T03:53:19.809000Z', 'date-time'],
    ['2026-06-23T16:54:25.214966+00:00', 'date-time'],
    ['2025-12-30T20:25:20.855573', undefined], // no offset: not RFC 3339
    ['2025-12-30', 'date'],
    ['2025-13-30', undefined],
    ['alex.rivera@example.com', 'email'],
    ['https://user@example.com/x', 'uri'],
    ['chatgpt://image-gen', 'uri'],
    ['https://api.example.com/push/{checkout.order.id}', undefined], // a URI template
    ['https://${HOST}/callback', undefined],
    ['https://example.com/a b', undefined],
    ['https://example.com/%zz', undefined],
    ['2025-02-30', undefined],
    ['2024-02-29', 'date'],
    ['2023-02-29T10:00:00Z', undefined],
    ['.alex@example.com', undefined],
    ['alex..rivera@example.com', undefined],
    ['a"b@example.com', undefined],
    ['https://example.com/abcdefghijk12345', 'uri'], // 36 characters, not a uuid
    ['/relative/path', undefined],
    ['hello world', undefined],
    ['1767132000', undefined],
    ['', undefined],
  ])('%s → %s', (value, format) => {
    expect(formatName(stringFormats(value))).toBe(format);
  });

  // Ten times the input, at most about ten times the time: a backtracking pattern takes a hundred
  // times or more (see test/support/timing.ts for why this holds on a busy machine). The lengths
  // stay under the limits that skip a pattern (2048 characters, 254 for an email) except where
  // the skip itself is what is tested.
  const dashes = (n: number) => `${'1'.repeat(19)}${'-'.repeat(n)}`;
  it.each([
    ['digits, then dashes (the date-time pattern)', dashes, 200],
    ['digits, then 5 MB of dashes (over the length limit)', dashes, 500_000],
    ['an email domain of dots (the email pattern)', (n: number) => `a@${'a.'.repeat(n)}`, 12],
  ])('stays linear on a hostile string: %s', (_label, make, n) => {
    const [small, large] = [make(n), make(10 * n)];
    expectCostRatio(
      () => stringFormats(large),
      () => stringFormats(small),
      40,
    );
  });
});

describe('placeholderKind', () => {
  it.each([
    ['<email:2>', 'email'],
    ['<jwt:1>', 'jwt'],
    ['<jwt:1 claims=email,exp,iat,iss,sub,https_api.example.com_auth>', 'jwt'],
    ['<token-id:12>', 'token-id'],
    ['<not a placeholder>', null],
    ['plain', null],
  ])('%s → %s', (value, kind) => {
    expect(placeholderKind(value)).toBe(kind);
  });
});

describe('enumValues', () => {
  const counts = (entries: [string, number][]) => new Map(entries.map(([value, samples]) => [value, { samples, last: -1 }]));
  it.each([
    [
      'strong evidence',
      counts([
        ['user', 6],
        ['assistant', 5],
        ['system', 2],
      ]),
      12,
      ['assistant', 'system', 'user'],
    ],
    [
      'too few observations',
      counts([
        ['user', 3],
        ['assistant', 3],
      ]),
      6,
      undefined,
    ],
    ['a constant is not an enum', counts([['list', 20]]), 20, undefined],
    [
      'a value seen in one sample only',
      counts([
        ['a', 5],
        ['b', 6],
        ['c', 1],
      ]),
      12,
      undefined,
    ],
    ['ruled out by an odd value', null, 50, undefined],
  ])('%s', (_name, values, observations, expected) => {
    expect(enumValues(values, observations)).toEqual(expected);
  });
});
