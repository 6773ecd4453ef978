/**
 * The redaction gate (src/infer/gate.ts): each value is judged with its context, as it was in the
 * capture (key path, siblings, name, parent segment); placeholders shown under a schema fit it;
 * the report counts kinds by place and key path, never a value.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/exchange.js';
import { createGate } from '../../src/infer/gate.js';
import type { JsonSchema } from '../../src/model.js';
import { createRedactor } from '../../src/redact/index.js';

const gate = () => createGate(createRedactor(new Uint8Array(32)));
const EMAIL = ['jane.roe', 'example.org'].join('@');

describe('the gate judges a JSON value with its context', () => {
  it.each<[string, string, string[], string[], boolean]>([
    ['a bare `name` beside an email is a person', 'Jane Roe', ['user', 'name'], ['name', 'email'], true],
    ['a bare `name` alone is a label', 'Settings', ['menu', 'name'], ['name', 'icon'], false],
    ['a leaf under a personal parent is replaced whole', 'Elm Street 5', ['billing_address', 'line'], ['line'], true],
    ['an array element under a personal key', EMAIL, ['emails', '[]'], [], true],
    ['a status word stays', 'finished', ['status'], ['status'], false],
  ])('%s', (_label, value, keyPath, siblings, replaced) => {
    const shown = gate().jsonLeaf(value, 'response.body', keyPath, Object.fromEntries(siblings.map((k) => [k, null])));
    expect(shown !== value).toBe(replaced);
  });

  // A field shown on its own (not in the representative sample) is judged with its record's values.
  it.each<[string, string, string[], Record<string, Json>, boolean]>([
    ['a phone beside a redacted phone', '650 555 0199', ['relay'], { to_number: '415 555 0100', status: 'queued' }, true],
    ['a national number beside a redacted msisdn', '6505550199', ['alt'], { msisdn: '4155550123' }, true],
    ['a name beside a redacted full name', 'Bo Quist', ['spouse'], { full_name: 'Ada Quist', type: 'Home Owner' }, true],
    ['an address line beside a redacted street', 'Kade 14', ['line_b'], { street: 'Kade 12' }, true],
    ['a describing key keeps its value', 'Home Owner', ['type'], { full_name: 'Ada Quist' }, false],
    ['an id keeps its value', '4155550123', ['order_id'], { msisdn: '4155550199' }, false],
    ['a different shape stays', 'queued', ['status'], { to_number: '+1 415 555 0100' }, false],
    ['no personal sibling: nothing to compare', 'Bo Quist', ['title'], { note: 'Seen Twice' }, false],
  ])('%s', (_label, value, keyPath, siblings, replaced) => {
    const shown = gate().jsonLeaf(value, 'response.body', keyPath, siblings);
    expect(shown !== value).toBe(replaced);
  });

  it.each<[string, string, string, { name: string; value?: string }[], boolean]>([
    ['a query value beside a redacted phone', '415 555 0172', 'relay', [{ name: 'to_number', value: '415 555 0199' }], true],
    [
      'a form field beside a redacted name',
      'Bo Quist',
      'spouse',
      [
        { name: 'first_name', value: 'Ada' },
        { name: 'full_name', value: 'Ada Quist' },
      ],
      true,
    ],
    ['a sibling without its value says nothing', 'Bo Quist', 'spouse', [{ name: 'full_name' }], false],
  ])('%s', (_label, value, name, siblings, replaced) => {
    const shown = gate().value(value, name, 'form', [{ name, value }, ...siblings], 'request.body');
    expect(shown !== value).toBe(replaced);
  });

  it('redacts a whole sample with every key in context, and keeps unchanged subtrees as they are', () => {
    const sample: Json = { user: { name: 'Jane Roe', email: EMAIL }, meta: { page: 1 } };
    const shown = gate().json(sample, 'response.body') as unknown as { user: Record<string, string>; meta: unknown };
    expect(JSON.stringify(shown)).not.toContain('Jane');
    expect(JSON.stringify(shown)).not.toContain(EMAIL);
    expect(shown.meta).toBe((sample as { meta: unknown }).meta);
  });

  it('drops an enum whose member it would replace, keeps one it would not', () => {
    const g = gate();
    expect(g.jsonEnum(['asc', 'desc'], 'response.body', ['order'], {})).toEqual(['asc', 'desc']);
    expect(g.jsonEnum([EMAIL, 'asc'], 'response.body', ['order'], {})).toBeUndefined();
  });

  it('shows a key that is data through the gate', () => {
    expect(gate().key(EMAIL, 'response.body')).not.toBe(EMAIL);
    expect(gate().key('created_at', 'response.body')).toBe('created_at');
  });
});

describe('placeholders fit their schema', () => {
  it.each<[string, JsonSchema, unknown]>([
    ['an email under format email', { type: 'string', format: 'email' }, 'email-1@example.com'],
    ['a URI under format uri', { type: 'string', format: 'uri' }, 'https://example.com/email-1'],
    ['a UUID under format uuid', { type: 'string', format: 'uuid' }, '00000000-0000-0000-0000-000000000001'],
    ['a date', { type: 'string', format: 'date' }, '1970-01-01'],
    ['a string without format keeps the placeholder', { type: 'string' }, '<email:1>'],
    ['an integer stays an integer', { type: 'integer' }, 0],
    ['a nullable number', { type: ['number', 'null'] }, 0],
  ])('%s', (_label, schema, expected) => {
    const g = gate();
    const shown = g.jsonLeaf(EMAIL, 'response.body', ['contact'], {});
    expect(shown).toBe('<email:1>');
    expect(g.fit(shown, schema)).toEqual(expected);
  });

  it('keeps what was not redacted of a URL and makes it valid', () => {
    const g = gate();
    const url = `https://files.example.net/doc.pdf?user=${EMAIL}&v=2`;
    const fitted = g.fit(g.jsonLeaf(url, 'response.body', ['download_url'], {}), { type: 'string', format: 'uri' });
    expect(fitted).toMatch(/^https:\/\/files\.example\.net\/doc\.pdf\?user=email-1&v=2$/);
  });

  it('prints a JSON example whose placeholders fit the schema at their position', () => {
    const g = gate();
    const schema: JsonSchema = { type: 'object', properties: { pin: { type: 'integer' }, mail: { type: 'string', format: 'email' } } };
    const text = g.printJson(g.json({ pin: 482913, mail: EMAIL }, 'request.body'), schema);
    expect(JSON.parse(text)).toEqual({ pin: 0, mail: 'email-1@example.com' });
  });

  it('fits a path parameter example to its kind and pattern, or leaves it out', () => {
    const g = gate();
    expect(g.pathExample(EMAIL, 'users', { kind: 'email' })).toBe('email-1@example.com');
    expect(g.pathExample('auth_x8Kq2LmZ9vR4tY7uW1pN3sB6', 'vaults', { kind: 'prefixed', regex: '^auth_[A-Za-z0-9]+$' })).toBeUndefined();
    expect(g.pathExample('42', 'items', { kind: 'integer', regex: '^\\d+$' })).toBe('42');
  });
});

describe('named values, headers, text', () => {
  it('judges a value by its name and the names sent with it', () => {
    const g = gate();
    expect(g.value('Jane Roe', 'name', 'form', [{ name: 'name' }, { name: 'email' }], 'request.body')).not.toBe('Jane Roe');
    expect(g.value('Settings', 'name', 'form', [{ name: 'name' }, { name: 'icon' }], 'request.body')).toBe('Settings');
  });

  it('keeps an authorization scheme and shows cookie headers by name only', () => {
    const g = gate();
    expect(g.header('Authorization', 'Bearer x8Kq2LmZ9vR4tY7uW1pN3sB6x8Kq2LmZ9vR4')).toMatch(/^Bearer <token:1>$/);
    expect(g.cookieNames('session=abc123def456ghi789; theme=dark')).toBe('session=…; theme=…');
  });

  it('redacts a text example before cutting it, so no half secret is left', () => {
    // The raw email straddles the cut at 1000 characters; its placeholder does not.
    const text = `${'word '.repeat(197)}${EMAIL} and more`;
    const shown = gate().textExample(text, 'response.body', 1000, 20)!;
    expect(shown).not.toContain('jane.roe');
    expect(shown).toContain('<email:1>');
  });

  it('shows every value as it is with redaction off', () => {
    const open = createGate(null);
    expect(open.jsonLeaf(EMAIL, 'response.body', ['email'], {})).toBe(EMAIL);
    expect(open.value(EMAIL, 'email', 'query', [], 'url.query')).toBe(EMAIL);
    expect(open.report()).toEqual([]);
  });
});

describe('the redaction report', () => {
  it('counts kinds by place and key path, arrays collapsed, never a value', () => {
    const g = gate();
    g.json({ users: [{ email: EMAIL }, { email: ['other', 'example.org'].join('@') }] }, 'response.body');
    g.header('Authorization', 'Bearer x8Kq2LmZ9vR4tY7uW1pN3sB6x8Kq2LmZ9vR4');
    const report = g.report();
    expect(report).toEqual([
      { place: 'request.header', path: 'header.authorization', kind: 'token', count: 1 },
      { place: 'response.body', path: 'users[].email', kind: 'email', count: 2 },
    ]);
    expect(JSON.stringify(report)).not.toContain('example.org');
  });
});
