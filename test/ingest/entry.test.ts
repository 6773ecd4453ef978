import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { ingestEntry, isCanonicalTime } from '../../src/ingest/entry.js';

/** A complete HAR 1.2 entry with every field the spec knows, plus creator-specific ones. */
function fullEntry(): Record<string, unknown> {
  return {
    pageref: 'page_1',
    startedDateTime: '2025-01-02T03:04:05.678+01:00',
    time: 12.5,
    request: {
      method: 'POST',
      url: 'https://api.example.com/v1/items?limit=10',
      httpVersion: 'HTTP/2',
      cookies: [{ name: 'theme', value: 'dark' }],
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-Trace', value: 'abc' },
      ],
      queryString: [{ name: 'limit', value: '10' }],
      postData: { mimeType: 'application/json', text: '{"name":"box"}', params: [] },
      headersSize: -1,
      bodySize: 14,
    },
    response: {
      status: 201,
      statusText: 'Created',
      httpVersion: 'HTTP/2',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 9, compression: 0, mimeType: 'application/json', text: 'eyJpZCI6MX0=', encoding: 'base64' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 9,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 10, receive: 2.5, ssl: -1 },
    serverIPAddress: '[::1]',
    connection: '443',
    _resourceType: 'fetch',
    _webSocketMessages: [{ type: 'send', time: 1, opcode: 1, data: '{"op":1}' }],
  };
}

/** Every path to a value in `value`, as key lists. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

function without(path: string[]): Record<string, unknown> {
  const entry = fullEntry();
  let parent = entry as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  delete parent[path.at(-1)!];
  return entry;
}

function withValue(path: string[], value: unknown): Record<string, unknown> {
  const entry = fullEntry();
  let parent = entry as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path.at(-1)!] = value;
  return entry;
}

/** The fields without which an entry cannot describe an API call, and the reason it is skipped. */
const ESSENTIAL: Record<string, string> = {
  request: 'no-request',
  'request.method': 'invalid-method',
  'request.url': 'invalid-url',
};
/** Fields whose absence keeps the entry but says so: a request without a recorded response (status 0). */
const NOTED: Record<string, string> = { response: 'no-response', 'response.status': 'no-response' };

const ingest = (raw: unknown) => {
  const diagnostics: Diagnostic[] = [];
  return { result: ingestEntry(raw, 3, 'x.har', (d) => diagnostics.push(d)), diagnostics };
};

describe('ingestEntry', () => {
  it('reads a complete entry', () => {
    const { result, diagnostics } = ingest(fullEntry());
    expect(diagnostics).toEqual([]);
    expect(result.ok && result.exchange).toMatchObject({
      method: 'POST',
      startedAt: '2025-01-02T02:04:05.678Z',
      url: { host: 'api.example.com', path: '/v1/items', query: [{ name: 'limit', value: '10' }] },
      request: { body: { content: { kind: 'json', value: { name: 'box' } } } },
      response: { status: 201, body: { content: { kind: 'json', value: { id: 1 } } } },
      resourceType: 'fetch',
    });
  });

  const allPaths = paths(fullEntry()).map((path) => [path.join('.'), path] as const);

  it.each(allPaths)('without %s: skipped only when essential, never a throw', (name, path) => {
    const { result, diagnostics } = ingest(without(path));
    const reason = ESSENTIAL[name];
    if (reason) {
      expect(result).toEqual({ ok: false, reason });
      expect(diagnostics).toEqual([expect.objectContaining({ code: reason, place: expect.objectContaining({ file: 'x.har', entry: 3 }) })]);
    } else expect(result.ok).toBe(true);
    if (NOTED[name]) {
      expect(result.ok && result.exchange.response.status).toBe(0);
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: NOTED[name] })]);
    }
  });

  const oddValues: [string, unknown][] = [
    ['null', null],
    ['-1', -1],
    ['a string', 'x'],
    ['an array', [1, [2]]],
    ['an object with toString', { toString: 'x', valueOf: 1, __proto__: { polluted: true } }],
    ['a deep array', JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
  ];
  const fieldsAndValues = allPaths.flatMap(([name, path]) => oddValues.map(([what, value]) => [name, what, path, value] as const));

  it.each(fieldsAndValues)('with %s as %s: never a throw', (_name, _what, path, value) => {
    const { result } = ingest(withValue(path, value));
    expect(typeof result.ok).toBe('boolean');
    if (result.ok) expect(() => JSON.stringify(result.exchange)).not.toThrow();
  });

  it.each([
    ['a number', 200, 200],
    ['a numeric string', ' 404 ', 404],
    // Kept with status 0: a request-only export or a failed call still documents the request.
    ['a fraction', 200.5, 0],
    ['0 (no response)', 0, 0],
    ['-1 (failed request)', -1, 0],
    ['600', 600, 0],
  ])('reads status as %s', (_what, status, expected) => {
    const { result } = ingest(withValue(['response', 'status'], status));
    expect(result.ok ? result.exchange.response.status : null).toBe(expected);
  });

  it.each([
    ['unparseable', 'NaN-NaN-NaNTNaN:NaN:NaN.NaN+NaN:NaN', null],
    ['a number', 1735689600000, null],
    ['out of range', '+275760-09-13T00:00:00.001Z', null],
    ['valid with offset', '2025-01-01T01:00:00+01:00', '2025-01-01T00:00:00.000Z'],
  ])('reads an %s startedDateTime', (_what, value, expected) => {
    const { result } = ingest(withValue(['startedDateTime'], value));
    expect(result.ok && result.exchange.startedAt).toBe(expected);
  });

  it.each([
    ['2025-01-01T10:00:00.123Z', true],
    ['2024-02-29T23:59:59.999Z', true],
    ['2000-02-29T00:00:00.000Z', true],
    ['0000-02-29T00:00:00.000Z', true],
    ['2025-12-31T00:00:00.000Z', true],
    ['2023-02-29T00:00:00.000Z', false],
    ['1900-02-29T00:00:00.000Z', false],
    ['2025-04-31T00:00:00.000Z', false],
    ['2025-13-01T00:00:00.000Z', false],
    ['2025-00-01T00:00:00.000Z', false],
    ['2025-01-00T00:00:00.000Z', false],
    ['2025-01-01T24:00:00.000Z', false],
    ['2025-01-01T10:60:00.000Z', false],
    ['2025-01-01T10:00:60.000Z', false],
    ['2025-01-01T10:00:00Z', false],
    ['2025-01-01T10:00:00.1234Z', false],
    ['2025-01-01T10:00:00.123+00:00', false],
    [' 2025-01-01T10:00:00.123Z', false],
  ])('takes %s as already canonical: %s (and reads it as parsing would)', (value, canonical) => {
    expect(isCanonicalTime(value)).toBe(canonical);
    const time = Date.parse(value.trim());
    const parsed = Number.isNaN(time) ? null : new Date(time).toISOString();
    const { result } = ingest(withValue(['startedDateTime'], value));
    expect(result.ok && result.exchange.startedAt).toBe(canonical ? value : parsed);
    if (canonical) expect(parsed).toBe(value);
  });

  describe.each(['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'])('in the time zone %s', (zone) => {
    const original = process.env.TZ;
    beforeAll(() => void (process.env.TZ = zone));
    afterAll(() => void (original === undefined ? delete process.env.TZ : (process.env.TZ = original)));

    it.each([
      ['ISO without a zone', '2025-01-01T00:00:00', '2025-01-01T00:00:00.000Z'],
      ['ISO without a zone, with a space and microseconds', '2025-07-01 12:30:45.123456', '2025-07-01T12:30:45.123Z'],
      ['ISO without seconds', '2025-07-01T12:30', '2025-07-01T12:30:00.000Z'],
      ['a date', '2025-07-01', '2025-07-01T00:00:00.000Z'],
      ['RFC 2822 without a zone', 'Tue, 01 Jul 2025 12:30:00', '2025-07-01T12:30:00.000Z'],
      ['RFC 2822 in GMT', 'Tue, 01 Jul 2025 12:30:00 GMT', '2025-07-01T12:30:00.000Z'],
      ['ISO with an offset', '2025-07-01T14:30:00+02:00', '2025-07-01T12:30:00.000Z'],
      ['ISO in UTC', '2025-07-01T12:30:00Z', '2025-07-01T12:30:00.000Z'],
    ])('reads %s as the same instant', (_what, value, expected) => {
      expect(process.env.TZ).toBe(zone);
      const { result } = ingest(withValue(['startedDateTime'], value));
      expect(result.ok && result.exchange.startedAt).toBe(expected);
    });
  });

  it('keeps headers and cookies named __proto__ and constructor as plain data', () => {
    const headers = [
      { name: '__proto__', value: 'a' },
      { name: 'constructor', value: 'b' },
      { name: 'x-dup', value: '1' },
      { name: 'x-dup', value: '2' },
    ];
    const { result } = ingest(withValue(['request', 'headers'], headers));
    expect(result.ok && result.exchange.request.headers).toEqual(headers);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads headers written as a name → value object', () => {
    const { result } = ingest(withValue(['request', 'headers'], { 'x-api-key': 'k', 'x-count': 3, 'x-obj': { a: 1 } }));
    expect(result.ok && result.exchange.request.headers).toEqual([
      { name: 'x-api-key', value: 'k' },
      { name: 'x-count', value: '3' },
      { name: 'x-obj', value: '' },
    ]);
  });

  it('keeps a body nested deeper than the bound as text, with a warning', () => {
    const text = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const { result, diagnostics } = ingest(withValue(['response', 'content'], { mimeType: 'application/json', text }));
    expect(result.ok && result.exchange.response.body?.content).toEqual({ kind: 'text', text });
    expect(diagnostics.map((d) => [d.code, d.place?.pointer])).toEqual([['body-too-deep', '/response/content']]);
  });

  it('refuses a method that is not an HTTP token', () => {
    for (const method of ['', 'GET /', 'A'.repeat(100), '\u202eGET', 'G\u0000T']) {
      expect(ingest(withValue(['request', 'method'], method)).result).toEqual({ ok: false, reason: 'invalid-method' });
    }
  });
});
