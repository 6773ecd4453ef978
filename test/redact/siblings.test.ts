/** Records: siblings shaped like a redacted phone, name or address are redacted as the same kind. */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/exchange.js';
import { redactJson } from '../../src/redact/json.js';
import { valueShape } from '../../src/redact/siblings.js';
import { freshScope } from './fresh-scope.js';

describe('valueShape', () => {
  it.each([
    ['+1 415 555 0100', '+1 3 3 4'],
    ['Ada Quist', 'Aa Aa'],
    ['4155550123', '#10'],
    ['Active', null],
    ['42', null],
    ['Ünal Çelik', 'La La'],
  ])('%s → %s', (value, shape) => {
    expect(valueShape(value)).toBe(shape);
  });
});

describe('a record holding a redacted personal value', () => {
  it.each<[string, Json, string[], string[]]>([
    ['a phone beside a redacted one', { to_number: '+1 415 555 0100', relay: '+1 650 555 0199', status: 'queued' }, ['+1 650 555 0199'], ['queued']],
    ['a national phone beside a redacted one', { msisdn: '4155550123', alt: '6505550199', segments: '1' }, ['6505550199'], []],
    ['a name beside a redacted one', { first_name: 'Ada', full_name: 'Ada Quist', spouse: 'Bo Quist', type: 'Home Owner' }, ['Bo Quist'], ['Home Owner']],
    ['an address part', { street: '12 Rue Lemaire', street_b: '14 Rue Lemaire', zip: 'AB1 2CD' }, ['14 Rue Lemaire'], []],
  ])('%s', (_label, record, redacted, kept) => {
    const out = JSON.stringify(redactJson(record, freshScope()));
    for (const value of redacted) expect(out).not.toContain(value);
    for (const value of kept) expect(out).toContain(value);
  });

  it('leaves records with no personal value as they are', () => {
    const record = { title: 'Bo Quist', note: 'Seen Twice', code: 'A 12 B' };
    expect(redactJson(record, freshScope())).toBe(record);
  });
});
