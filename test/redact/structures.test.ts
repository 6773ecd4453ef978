/**
 * Where values hide: cookies (all four carriers, names too), headers, JSON (keys, nesting,
 * numbers, stringified and base64 layers), every body kind and Socket.IO frames.
 */
import { describe, expect, it } from 'vitest';
import type { Content, Json } from '../../src/exchange.js';
import { redactContent } from '../../src/redact/content.js';
import { redactCookie, redactCookieHeader, redactSetCookie } from '../../src/redact/cookies.js';
import { redactExchange } from '../../src/redact/exchange.js';
import { redactHeader } from '../../src/redact/headers.js';
import { redactJson } from '../../src/redact/json.js';
import { makeExchange } from '../support/exchange.js';
import { freshScope } from './fresh-scope.js';

const TOKEN = 'Xq7Lm2Np9Rs4Tv6Wy8Za1Bc3';
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'u1', exp: 1 })}.c2lnbmF0dXJl`;

describe('cookies', () => {
  it('replaces every value whatever its name, keeps names and attributes', () => {
    const scope = freshScope();
    expect(redactCookieHeader(`theme=dark; sid=abc; token=${JWT}`, scope)).toBe('theme=<cookie:1>; sid=<cookie:2>; token=<jwt:1 claims=exp,sub>');
    expect(redactSetCookie('a=1; Path=/; HttpOnly\nb="two"; Secure', scope)).toBe('a=<cookie:3>; Path=/; HttpOnly\nb="<cookie:4>"; Secure');
    expect(redactCookie({ name: 'sid', value: 'abc' }, scope)).toEqual({ name: 'sid', value: '<cookie:2>' });
  });

  it('replaces a cookie name that is itself a token', () => {
    expect(redactCookieHeader(`${TOKEN}=1`, freshScope())).toBe('<cookie-name:1>=<cookie:1>');
  });

  it.each([
    ['a percent-encoded email in a Cognito name', 'CognitoIdentityServiceProvider.4f7k2n9q1x.jane.doe%40example.com.idToken', '<email:1>'],
    ['an email too long for the shape rule', `CognitoIdentityServiceProvider.${'a1b2c3d4e5'.repeat(4)}.jane.doe%40example.com.idToken`, '<cookie-name:1>'],
    ['an email after a prefix', 'sess_jane.doe@example.com', '<email:1>'],
    ['a JWT after a credential prefix', `auth_${JWT}`, '<cookie-name:1>'],
    ['a JWT after a prefix', 'auth_eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlc2lnbmF0dXJl', 'auth_<jwt:1 claims=sub>'],
  ])('scans cookie names like values: %s', (_label, name, expected) => {
    const scope = freshScope();
    expect(redactCookieHeader(`${name}=1; theme=dark`, scope)).toBe(`${expected}=<cookie:1>; theme=<cookie:2>`);
    // The same name in `request.cookies[]` gets the same placeholder.
    expect(redactCookie({ name, value: '1' }, scope).name).toBe(expected);
  });

  it.each(['sessionid', '__Secure-next-auth.session-token', '_ga_ABC123XYZ9', 'ajs_anonymous_id', 'AMP_MKTG_8f1ede8e9c'])(
    'keeps the cookie name %s',
    (name) => {
      expect(redactCookie({ name, value: '1' }, freshScope()).name).toBe(name);
    },
  );
});

describe('headers', () => {
  it.each([
    ['authorization', `Bearer ${JWT}`, 'Bearer <jwt:1 claims=exp,sub>'],
    ['Authorization', 'Basic dXNlcjpwYXNz', 'Basic <basic-auth:1>'],
    ['authorization', TOKEN, '<token:1>'],
    ['Proxy-Authorization', 'Digest username="a", response="b"', 'Digest <credentials:1>'],
    ['X-API-Key', 'k-1234567890', '<api-key:1>'],
    ['x-csrf-token', 'abcdefgh12', '<csrf:1>'],
    ['X-Forwarded-For', '203.0.113.7, 198.51.100.2', '<ip:1>'],
    ['From', 'jane@example.org', '<email:1>'],
    ['Location', `/login?token=${TOKEN}`, '/login?token=<token:1>'],
    [':path', '/v1/me?dd-api-key=pub0123456789abcdef0123456789abcdef', '/v1/me?dd-api-key=<api-key:1>'],
    ['Referer', `https://app.example/?ref=x#access_token=${TOKEN}`, 'https://app.example/?ref=x#access_token=<token:1>'],
    ['X-Acme-Ctx', TOKEN, '<token:1>'],
    ['Content-Type', `text/plain; note=${TOKEN}`, 'text/plain; note=<token:1>'],
    ['Content-Type', 'application/pdf; name="Jane_Roe_Medical.pdf"', 'application/pdf; name="<file-name:1>.pdf"'],
    ['Content-Type', 'application/json; x-owner=jane.doe@example.com', 'application/json; x-owner=<email:1>'],
    ['X-User-Name', 'Jane Doe', '<name:1>'],
    ['X-Remote-User', 'jdoe', '<name:1>'],
    ['Link', `<https://a.example/p?access_token=${TOKEN}>; rel="next"`, '<https://a.example/p?access_token=<token:1>>; rel="next"'],
  ])('%s: %s', (name, value, expected) => {
    expect(redactHeader({ name, value }, freshScope()).value).toBe(expected);
  });

  it.each([
    ['x-request-id', 'e4c3f2d5-f08a-4497-acbd-444cedb7f254'],
    ['content-type', 'application/json; charset=utf-8'],
    ['content-type', 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW'],
    ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.0.0'],
    ['etag', '"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"'],
    ['oai-language', 'en-US'],
    ['accept', 'text/html,application/xhtml+xml;q=0.9'],
  ])('%s keeps its value', (name, value) => {
    const header = { name, value };
    expect(redactHeader(header, freshScope())).toBe(header);
  });

  it('counts a repeated header value each time it is seen', () => {
    const scope = freshScope('request.header');
    redactHeader({ name: 'cookie', value: 'a=1; b=2' }, scope);
    redactHeader({ name: 'cookie', value: 'a=1; b=2' }, scope);
    expect(scope.tags.total).toBe(4);
    expect(scope.tags.byPlace).toEqual({ 'request.header': 4 });
  });
});

describe('JSON', () => {
  it.each<[string, Json, Json]>([
    ['secrets by key name at any depth', { user: { credentials: { password: 'x' } } }, { user: { credentials: { password: '<password:1>' } } }],
    ['numbers under always-secret names', { pin: 482913, count: 3 }, { pin: '<pin:1>', count: 3 }],
    ['personal objects leaf by leaf', { address: { street: '1 Main St', zip: 12345 } }, { address: { street: '<address:1>', zip: '<address:2>' } }],
    ['a name next to an email', { name: 'Jane Doe', email: 'jane@example.org' }, { name: '<name:1>', email: '<email:1>' }],
    ['a model name stays', { name: 'gpt-4o', type: 'model' }, { name: 'gpt-4o', type: 'model' }],
    ['a name next to a surname', { name: 'Jane', surname: 'Doe' }, { name: '<name:1>', surname: '<name:2>' }],
    ['a name next to a login', { name: 'Jane Doe', login: 'jdoe' }, { name: '<name:1>', login: '<name:2>' }],
    [
      'emails and tokens as keys',
      { byEmail: { 'jane@example.org': 1 }, sessions: { [TOKEN]: true } },
      { byEmail: { '<email:1>': 1 }, sessions: { '<token:1>': true } },
    ],
    ['stringified JSON', { payload: '{"apiSecret":"s3cr3tvalue"}' }, { payload: '{"apiSecret":"<secret:1>"}' }],
    [
      'doubly stringified JSON',
      { nested: JSON.stringify(JSON.stringify({ token: TOKEN })) },
      { nested: JSON.stringify(JSON.stringify({ token: '<token:1>' })) },
    ],
    ['base64 JSON in a string', { blob: Buffer.from('{"password":"hunter22"}').toString('base64') }, { blob: '<encoded:1>' }],
    ['a card number as a number', { cc: 4111111111111111, id: 4111111111111111 }, { cc: '<card:1>', id: 4111111111111111 }],
    [
      'LLM token fields stay',
      { token: 'Hello', logprob: -0.1, token_type: 'Bearer', max_tokens: 4096 },
      { token: 'Hello', logprob: -0.1, token_type: 'Bearer', max_tokens: 4096 },
    ],
    [
      'a credential prefix before a hex tail',
      { ref: 'sess-9f8a7b6c5d4e3f2a1b0c', file: 'file-9f8a7b6c5d4e3f2a1b0c' },
      { ref: '<token:1>', file: 'file-9f8a7b6c5d4e3f2a1b0c' },
    ],
    [
      'ids stay',
      { user_id: 'user-iHx6NeJJYMzRfPJYqmBELK3I', conversation_id: 'e4c3f2d5-f08a-4497-acbd-444cedb7f254' },
      { user_id: 'user-iHx6NeJJYMzRfPJYqmBELK3I', conversation_id: 'e4c3f2d5-f08a-4497-acbd-444cedb7f254' },
    ],
  ])('%s', (_label, input, expected) => {
    expect(redactJson(input, freshScope())).toEqual(expected);
  });

  it('returns the same object when nothing changed and never modifies its input', () => {
    const clean = { a: [1, { b: 'c' }] };
    expect(redactJson(clean, freshScope())).toBe(clean);
    const dirty = { a: { password: 'x' }, b: { c: 1 } };
    const redacted = redactJson(dirty, freshScope()) as typeof dirty;
    expect(dirty.a.password).toBe('x');
    expect(redacted.b).toBe(dirty.b);
  });

  it('keeps a captured __proto__ key as plain data', () => {
    const input = JSON.parse('{"__proto__": {"password": "x"}}') as Json;
    const redacted = redactJson(input, freshScope()) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"password":"<password:1>"}}');
  });

  it('replaces a subtree nested deeper than its bound rather than walking it', () => {
    let deep: Json = { password: 'x' };
    for (let i = 0; i < 400; i++) deep = { d: deep };
    expect(JSON.stringify(redactJson(deep, freshScope()))).not.toContain('"x"');
  });
});

describe('WebSocket frames', () => {
  it.each([
    ['an email namespace', '42/user-jane.doe@example.org,', '42/<email:1>,'],
    ['a phone namespace with an ack id', '42/+44 20 7946 0959,17', '42/<phone:1>,17'],
    ['a token namespace', `40/${TOKEN},`, '40/<token:1>,'],
    ['a plain namespace', '42/chat,', '42/chat,'],
    ['no namespace', '42', '42'],
  ])('redacts the Socket.IO namespace: %s', (_label, frame, expected) => {
    const exchange = makeExchange({ path: '/socket.io/', webSocket: [{ direction: 'send', opcode: 1, frame, content: { kind: 'json', value: ['hello'] } }] });
    expect(redactExchange(exchange, freshScope()).webSocket[0]!.frame).toBe(expected);
  });
});

describe('bodies', () => {
  it.each<[string, Content, Content]>([
    [
      'a form name next to a surname',
      {
        kind: 'form',
        fields: [
          { name: 'name', value: 'Jane' },
          { name: 'surname', value: 'Doe' },
        ],
      },
      {
        kind: 'form',
        fields: [
          { name: 'name', value: '<name:1>' },
          { name: 'surname', value: '<name:2>' },
        ],
      },
    ],
    [
      'a form name alone stays',
      {
        kind: 'form',
        fields: [
          { name: 'name', value: 'my-project' },
          { name: 'visibility', value: 'private' },
        ],
      },
      {
        kind: 'form',
        fields: [
          { name: 'name', value: 'my-project' },
          { name: 'visibility', value: 'private' },
        ],
      },
    ],
    [
      'a multipart name next to an email',
      {
        kind: 'multipart',
        parts: [
          { name: 'name', fileName: null, contentType: null, value: 'Jane Doe' },
          { name: 'email', fileName: null, contentType: null, value: 'jane@example.org' },
        ],
      },
      {
        kind: 'multipart',
        parts: [
          { name: 'name', fileName: null, contentType: null, value: '<name:1>' },
          { name: 'email', fileName: null, contentType: null, value: '<email:1>' },
        ],
      },
    ],
    [
      'form fields',
      {
        kind: 'form',
        fields: [
          { name: 'password', value: 'p@ss' },
          { name: 'grant_type', value: 'refresh_token' },
        ],
      },
      {
        kind: 'form',
        fields: [
          { name: 'password', value: '<password:1>' },
          { name: 'grant_type', value: 'refresh_token' },
        ],
      },
    ],
    [
      'multipart values and file names',
      {
        kind: 'multipart',
        parts: [
          { name: 'client_secret', fileName: null, contentType: null, value: 'abcdefgh1' },
          { name: 'file', fileName: 'Jane Doe passport.pdf', contentType: 'application/pdf', value: null },
        ],
      },
      {
        kind: 'multipart',
        parts: [
          { name: 'client_secret', fileName: null, contentType: null, value: '<secret:1>' },
          { name: 'file', fileName: '<file-name:1>.pdf', contentType: 'application/pdf', value: null },
        ],
      },
    ],
    [
      'SSE JSON and text events',
      {
        kind: 'sse',
        events: [
          { event: null, data: `{"token":"${TOKEN}"}`, json: { token: TOKEN } },
          { event: 'x', data: `Bearer ${TOKEN}` },
        ],
      },
      {
        kind: 'sse',
        events: [
          { event: null, data: '{"token":"<token:1>"}', json: { token: '<token:1>' } },
          { event: 'x', data: 'Bearer <token:1>' },
        ],
      },
    ],
    ['NDJSON lines', { kind: 'ndjson', values: [{ email: 'a@b.example' }] }, { kind: 'ndjson', values: [{ email: '<email:1>' }] }],
    ['JSONP', { kind: 'jsonp', callback: 'cb', value: { token: TOKEN } }, { kind: 'jsonp', callback: 'cb', value: { token: '<token:1>' } }],
    ['a token-shaped JSONP callback', { kind: 'jsonp', callback: TOKEN, value: { ok: true } }, { kind: 'jsonp', callback: '<token:1>', value: { ok: true } }],
    [
      'SSE event names',
      {
        kind: 'sse',
        events: [
          { event: 'user:jane@example.org', data: '{"a":1}', json: { a: 1 } },
          { event: TOKEN, data: 'hi' },
          { event: 'thread.message.delta', data: '{}', json: {} },
        ],
      },
      {
        kind: 'sse',
        events: [
          { event: 'user:<email:1>', data: '{"a":1}', json: { a: 1 } },
          { event: '<token:1>', data: 'hi' },
          { event: 'thread.message.delta', data: '{}', json: {} },
        ],
      },
    ],
    [
      'multipart part types: essence and protocol parameters stay, file names and data do not',
      {
        kind: 'multipart',
        parts: [
          { name: 'doc', fileName: '', contentType: 'application/pdf; name="Jane_Roe.pdf"', value: null },
          { name: 'meta', fileName: null, contentType: 'application/json; charset=utf-8; x-owner=jane@example.org', value: '{}' },
        ],
      },
      {
        kind: 'multipart',
        parts: [
          { name: 'doc', fileName: '', contentType: 'application/pdf; name="<file-name:1>.pdf"', value: null },
          { name: 'meta', fileName: null, contentType: 'application/json; charset=utf-8; x-owner=<email:1>', value: '{}' },
        ],
      },
    ],
    ['text', { kind: 'text', text: `key ${TOKEN}` }, { kind: 'text', text: 'key <token:1>' }],
    ['binary', { kind: 'binary' }, { kind: 'binary' }],
  ])('%s', (_label, input, expected) => {
    expect(redactContent(input, freshScope())).toEqual(expected);
  });
});
