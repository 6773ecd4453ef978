/** The user's own rules: keys and patterns to redact, keys to keep (never a secret). */
import { describe, expect, it } from 'vitest';
import { Har2ApiError } from '../../src/errors.js';
import { redactHeader } from '../../src/redact/headers.js';
import { redactJson } from '../../src/redact/json.js';
import { Placeholders } from '../../src/redact/placeholders.js';
import { type RedactionRuleOptions, resolveRedactionRules } from '../../src/redact/rules.js';
import { RunCache, type Scope } from '../../src/redact/scope.js';
import { redactQueryString } from '../../src/redact/url.js';

const JWT = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"u1"}').toString('base64url')}.c2lnbmF0dXJlc2ln`;

function scopeWith(options: RedactionRuleOptions): Scope {
  return { tags: new Placeholders(new Uint8Array(32).fill(3)), cache: new RunCache(resolveRedactionRules(options)), place: 'test', depth: 0 };
}

describe('redactKeys', () => {
  it('replaces values under the named keys, matched by their words, in JSON, forms and headers', () => {
    const scope = scopeWith({ redactKeys: ['memberCode'] });
    expect(redactJson({ member_code: 'MX-42', 'Member-Code': { a: 1 } }, scope)).toEqual({
      member_code: '<custom:1>',
      'Member-Code': { a: '<custom:2>' },
    });
    expect(redactQueryString('membercode=abc&x=1', scope, 'form')).toBe('membercode=<custom:3>&x=1');
    expect(redactHeader({ name: 'X-Member-Code', value: 'abc' }, scope).value).toBe('abc');
    expect(redactHeader({ name: 'Member-Code', value: 'abc' }, scope).value).toBe('<custom:3>');
  });
});

describe('redactPatterns', () => {
  it('replaces every match inside any text value', () => {
    const scope = scopeWith({ redactPatterns: ['EMP-\\d{6}'] });
    expect(redactJson({ note: 'ask EMP-123456 or EMP-654321', id: 'EMP-123456' }, scope)).toEqual({
      note: 'ask <custom:1> or <custom:2>',
      id: '<custom:1>',
    });
  });

  it('refuses a pattern that is not a regular expression with a usage error', () => {
    expect(() => resolveRedactionRules({ redactPatterns: ['(unclosed'] })).toThrow(Har2ApiError);
    expect(() => resolveRedactionRules({ redactPatterns: ['(unclosed'] })).toThrow(/redactPatterns: "\(unclosed" is not a valid regular expression/);
  });
});

describe('keepKeys: below the secret rules', () => {
  it('keeps personal-looking values under a kept key', () => {
    const scope = scopeWith({ keepKeys: ['city', 'support_phone', 'X-Forwarded-For'] });
    expect(redactJson({ city: 'Springfield', supportPhone: '+1 415 555 0100', town: 'Shelbyville' }, scope)).toEqual({
      city: 'Springfield',
      supportPhone: '+1 415 555 0100',
      town: '<address:1>',
    });
    expect(redactHeader({ name: 'X-Forwarded-For', value: '81.2.69.142' }, scope).value).toBe('81.2.69.142');
  });

  it('never un-redacts a credential: a token, a JWT, a password or a cookie under a kept key is replaced', () => {
    const scope = scopeWith({ keepKeys: ['city', 'password', 'authorization', 'note'] });
    expect(redactJson({ city: JWT, password: 'hunter2', note: 'token Xq7Lm2Np9Rs4Tv6Wy8Za1Bc3 for Ada' }, scope)).toEqual({
      city: '<jwt:1 claims=sub>',
      password: '<password:1>',
      note: 'token <token:1> for Ada',
    });
    expect(redactHeader({ name: 'Authorization', value: `Bearer ${JWT}` }, scope).value).toBe('Bearer <jwt:1 claims=sub>');
  });
});
