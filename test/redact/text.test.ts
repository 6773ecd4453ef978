import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/redact/text.js';
import { freshScope } from './fresh-scope.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const TOKEN = 'Xq7Lm2Np9Rs4Tv6Wy8Za1Bc3';
const EMAIL = 'jane.doe@example.org';

describe('redactText: secrets inside free text', () => {
  it.each([
    ['an email in prose', `Contact ${EMAIL}.`, `Contact <email:1>.`],
    ['a mailto link', `mailto:${EMAIL}`, 'mailto:<email:1>'],
    ['a Bearer credential', `Authorization: Bearer ${TOKEN}`, 'Authorization: Bearer <token:1>'],
    ['a quoted JSON value under a secret label', `{"password": "correct horse"}`, '{"password": "<password:1>"}'],
    ['a JSON-escaped secret label', `{\\"api_key\\":\\"${TOKEN}\\"}`, '{\\"api_key\\":\\"<api-key:1>\\"}'],
    ['an HTML meta tag', `<meta name="csrf-token" content="${TOKEN}">`, '<meta name="csrf-token" content="<csrf:1>">'],
    ['a hidden input', `<input type="hidden" name="authenticity_token" value="${TOKEN}">`, '<input type="hidden" name="authenticity_token" value="<token:1>">'],
    ['HTML-entity-encoded JSON', `{&quot;secret&quot;:&quot;abc&quot;}`, '{&quot;secret&quot;:&quot;<secret:1>&quot;}'],
    ['a query string', `/login?next=%2F&token=${TOKEN}`, '/login?next=%2F&token=<token:1>'],
    ['URL userinfo', `https://admin:hunter22@db.example.org/x`, 'https://<credentials:1>@db.example.org/x'],
    ['a percent-encoded email', `user=jane.doe%40example.org`, 'user=<email:1>'],
    ['base64 text holding a secret', `payload ${b64('{"password":"hunter22"}')} end`, 'payload <encoded:1> end'],
    ['a card number in groups', 'card 4242 4242 4242 4242 ok', 'card <card:1> ok'],
    ['a random token', `ctx ${TOKEN} end`, 'ctx <token:1> end'],
    ['an AWS key id without digits', 'key AKIAQWERTYUIOPASDFGH set', 'key <api-key:1> set'],
    ['a raw Cookie header line', 'Cookie: a=1; b=two\nHost: x', 'Cookie: a=<cookie:1>; b=<cookie:2>\nHost: x'],
    ['a PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\nafter', '<private-key:1>\nafter'],
    ['a name next to an email in unparsed JSON', '{"id":1,"name":"Luis Example","email":"l@example.org"}', '{"id":1,"name":"<name:1>","email":"<email:1>"}'],
    ['a GraphQL inline literal', 'login(email: "a@b.example", password: "p4ss w0rd")', 'login(email: "<email:1>", password: "<password:1>")'],
    ['a phone in groups', '+44 20 7946 0959', '<phone:1>'],
    ['a phone with dashes', 'tel +1 415-555-0199.', 'tel <phone:1>.'],
    ['a phone with an area code in brackets', 'call +1 (415) 555-0197 now', 'call <phone:1> now'],
    ['a phone with dots', '+1.415.555.0199', '<phone:1>'],
    ['a North American phone with brackets', 'call (415) 555-0134 today', 'call <phone:1> today'],
    ['a North American phone with dashes', 'call me at 415-555-0123 or not', 'call me at <phone:1> or not'],
    ['an IBAN in groups', 'GB29 NWBK 6016 1331 9268 19', '<iban:1>'],
    ['an IBAN in groups in prose', 'refund to DE89 3704 0044 0532 0130 00, thanks', 'refund to <iban:1>, thanks'],
    ['an IBAN whose last group has 4 characters', 'BE68 5390 0754 7034 EUR', '<iban:1> EUR'],
    ['an email with non-ASCII letters', 'write to jürgen.müller@gmx.de today', 'write to <email:1> today'],
    ['an email with a non-ASCII domain', 'max@bücher.example', '<email:1>'],
    ['an email with escaped non-ASCII letters', '{"to":"j\\u00fcrgen.m\\u00fcller@gmx.de"}', '{"to":"<email:1>"}'],
    ['an email in another script', 'иван@почта.рф', '<email:1>'],
    ['a token next to CJK text', `令牌${TOKEN}完成`, '令牌<token:1>完成'],
    ['a JWT glued to a prefix', 'event session.eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl', 'event session.<jwt:1 claims=sub>'],
  ])('%s', (_label, input, expected) => {
    expect(redactText(input, freshScope())).toBe(expected);
  });

  it.each([
    'The quick brown fox jumps over the lazy dog.',
    'Basic usage of the API, bearer of bad news.',
    'status: in_progress, model: gpt-4o-mini, at 2025-01-02T03:04:05Z',
    'request e4c3f2d5-f08a-4497-acbd-444cedb7f254 took 12ms',
    'sha256 ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36',
    '{"token_type": "Bearer", "max_tokens": 4096, "key": "welcome.title"}',
    '<div class="card"><a href="/items?page=2&sort=asc">next</a></div>',
    'eyJub3QiOiJhIHNlY3JldCJ9 is base64 of harmless JSON',
    'the token expired',
    '{"name":"gpt-4o","owned_by":"system"}',
    'v1.2.3 released 2025 01 02, +30 days trial, price +5.99 USD',
    'readings +20.5 21.3 22.1 23.4 and offset +0100',
    'build 20240105 1200, order 1234 5678 9012, 4 242 items',
    'ref AB12 CDEF GHIJ KLMN OPQR',
    'GB29 NWBK 6016 1331 9268 18 fails its check',
    '+2024 01 05 12',
    'see (123) 456-7890 and (415) 555-01234 and 115-555-0123',
    'Grüße an alle @ Müller',
  ])('leaves %j alone', (input) => {
    expect(redactText(input, freshScope())).toBe(input);
  });

  it('gives the same value the same tag and never rescans a placeholder', () => {
    const scope = freshScope();
    expect(redactText(`${EMAIL} and ${EMAIL}`, scope)).toBe('<email:1> and <email:1>');
    expect(redactText('<email:1> token:<email:1>', scope)).toBe('<email:1> token:<email:1>');
  });

  it('recognises a remembered secret echoed in text, even as part of a word', () => {
    const scope = freshScope();
    scope.tags.remember('cookie', '9f2c41d07a6b');
    scope.cache.cookieNames.add('__utmz');
    expect(redactText('session 9f2c41d07a6b closed', scope)).toBe('session <cookie:1> closed');
    expect(redactText('id 2103176288.9f2c41d07a6b', scope)).toBe('id 2103176288.<cookie:1>');
    scope.tags.remember('cookie', '1234.5.utmcsr=(direct)|utmcmd=(none)');
    expect(redactText('utmcc=__utmz=1234.5.utmcsr=(direct)|utmcmd=(none);', scope)).toBe('utmcc=__utmz=<cookie:2>;');
  });
});

describe('redactText: numbers people write in groups', () => {
  it.each([
    ['call 020 7946 0958 today', 'call <phone:1> today'],
    ['tel. 06 12 34 56 78.', 'tel. <phone:1>.'],
    ['Fax: 030-1234-5678', 'Fax: <phone:1>'],
    ['携帯 090-1234-5678 まで', '携帯 <phone:1> まで'],
    ['meet at 51.50740,-0.12780 now', 'meet at <location:1> now'],
    ['pin 35.6812, 139.7671', 'pin <location:1>'],
  ])('%s', (text, expected) => {
    expect(redactText(text, freshScope())).toBe(expected);
  });

  it.each(['on 05.01.2024 at 10', 'version 0.12.4', 'ratio 0.5, 0.25', 'build 2024 11 05', 'order 0123 4567', 'pi 3.14159, e 2.71828 and 200.1234, 7.0001'])(
    '%s stays',
    (text) => {
      expect(redactText(text, freshScope())).toBe(text);
    },
  );
});
