/**
 * The hostile inputs the issue names, each placed where it hurts: JSON nested 100 000 levels
 * deep (in every kind of body and in the HAR document itself), huge strings, `__proto__` and
 * `constructor` keys, odd Unicode, duplicate headers, invalid dates, status 0 and -1, negative
 * timings, fields missing from the document. Each gives a reference or one clear error, never
 * a stack overflow or a TypeError, and the reference is sound Markdown.
 */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/ingest/depth.js';
import { buildOrRefuse, fuzzCapture } from '../support/fuzz-capture.js';

const DEEP = 100_000;
const deepText = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const MARK = '"__HOSTILE__"';

type Capture = ReturnType<typeof fuzzCapture>;
/** Entries are edited freely here, whatever their shape: typed loosely on purpose. */
type Entries = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The capture with `change` applied to a fresh copy, as text; `MARK` anywhere becomes `raw` JSON text. */
function captureWith(change: (capture: Capture, entries: Entries) => void, raw = ''): string {
  const capture = fuzzCapture();
  change(capture, capture.log.entries as Entries);
  return JSON.stringify(capture).split(MARK).join(raw);
}

const okOutcome = async (text: string) => {
  const outcome = await buildOrRefuse(text);
  if (!outcome.ok) throw new Error(`expected a reference, got ${outcome.error.message}`);
  return outcome;
};

describe(`JSON nested ${DEEP} levels deep`, () => {
  const body = (mimeType: string, text: string) => ({ size: text.length, mimeType, text });
  it.each([
    ['a response body', (e: Entries) => (e[0].response.content = body('application/json', '__T__'))],
    ['a request body', (e: Entries) => (e[3].request.postData = { mimeType: 'application/json', text: '__T__' })],
    ['a +json body behind an XSSI prefix', (e: Entries) => (e[0].response.content = body('application/vnd.x+json', ")]}'\n__T__"))],
    ['an NDJSON line', (e: Entries) => (e[7].response.content = body('application/x-ndjson', '{"n":1}\n__T__\n'))],
    ['a JSONP body', (e: Entries) => (e[8].response.content = body('text/javascript', 'cb(__T__);'))],
    ['an event-stream event', (e: Entries) => (e[6].response.content = body('text/event-stream', 'data: {"ok":1}\n\ndata: __T__\n\n'))],
    ['a WebSocket frame', (e: Entries) => (e[12]._webSocketMessages[0].data = '__T__')],
    ['a body served as octet-stream', (e: Entries) => (e[0].response.content = body('application/octet-stream', '__T__'))],
  ])('in %s is kept as text, with a warning', async (_where, change) => {
    const text = captureWith((_c, entries) => change(entries)).replace('__T__', `{\\"a\\":${deepText(DEEP)}}`);
    const outcome = await okOutcome(text);
    expect(outcome.diagnostics.map((d) => d.code)).toContain('body-too-deep');
  });

  it('in a base64 body is kept as text', async () => {
    const encoded = Buffer.from(deepText(DEEP)).toString('base64');
    const outcome = await okOutcome(
      captureWith((_c, e) => (e[0].response.content = { size: 1, mimeType: 'application/json', text: encoded, encoding: 'base64' })),
    );
    expect(outcome.diagnostics.map((d) => d.code)).toContain('body-too-deep');
  });

  it(`just within the bound (${MAX_JSON_DEPTH} levels) is still JSON`, async () => {
    const outcome = await okOutcome(
      captureWith((_c, e) => (e[0].response.content = { size: 1, mimeType: 'application/json', text: deepText(MAX_JSON_DEPTH) })),
    );
    expect(outcome.diagnostics.map((d) => d.code)).not.toContain('body-too-deep');
  });

  it.each([
    ['a creator-specific field of an entry', (_c: Capture, e: Entries) => (e[0]._custom = MARK)],
    ['request.headers', (_c: Capture, e: Entries) => (e[0].request.headers = MARK)],
    ['a header value', (_c: Capture, e: Entries) => (e[0].request.headers[0].value = MARK)],
    ['postData.params', (_c: Capture, e: Entries) => (e[5].request.postData.params = MARK)],
    ['response.content', (_c: Capture, e: Entries) => (e[0].response.content = MARK)],
    ['log.creator', (c: Capture) => ((c.log as Record<string, unknown>).creator = MARK)],
    ['log.pages', (c: Capture) => ((c.log as Record<string, unknown>).pages = MARK)],
    ['an item of log.entries', (_c: Capture, e: Entries) => e.push(MARK)],
  ])('in %s of the HAR document is harmless', async (_where, change) => {
    await okOutcome(captureWith(change, deepText(DEEP)));
  });

  it.each([
    ['as the whole document', deepText(DEEP), 'E_NOT_HAR'],
    ['as "log"', `{"log":${deepText(DEEP)}}`, 'E_NOT_HAR'],
    ['as "log.entries", nested', `{"log":{"entries":${deepText(DEEP)}}}`, null],
  ])('%s gives one clear error or a reference', async (_where, text, code) => {
    const outcome = await buildOrRefuse(text);
    expect(outcome.ok ? null : outcome.error.code).toBe(code);
  });
});

describe('huge strings', () => {
  const MB = 1 << 20;
  it.each([
    ['a header value', (e: Entries) => e[0].request.headers.push({ name: 'x-huge', value: 'h'.repeat(4 * MB) })],
    ['a cookie', (e: Entries) => e[0].request.headers.push({ name: 'cookie', value: `a=${'c'.repeat(2 * MB)}; ${'b=1; '.repeat(100_000)}` })],
    ['a URL path segment', (e: Entries) => (e[0].request.url = `https://api.example.com/v1/${'s'.repeat(2 * MB)}/x`)],
    ['a path segment shaped like an email', (e: Entries) => (e[0].request.url = `https://api.example.com/v1/a@${'b.'.repeat(MB)}@`)],
    ['a query value', (e: Entries) => (e[0].request.url = `https://api.example.com/v1/items/1?q=${'q'.repeat(2 * MB)}`)],
    ['many query parameters', (e: Entries) => (e[0].request.url = `https://api.example.com/v1/items/1?${'a=1&'.repeat(200_000)}`)],
    ['a JSON string value', (e: Entries) => (e[0].response.content.text = JSON.stringify({ s: 'j'.repeat(4 * MB) }))],
    ['a JSON key', (e: Entries) => (e[0].response.content.text = JSON.stringify({ ['k'.repeat(MB)]: 1 }))],
    ['a text body of backticks', (e: Entries) => (e[9].response.content.text = '`'.repeat(4 * MB))],
    ['a multipart text part', (e: Entries) => (e[5].request.postData.params[1].value = 'm'.repeat(2 * MB))],
    ['an event-stream body', (e: Entries) => (e[6].response.content.text = 'data: {"a":1}\n\n'.repeat(200_000))],
  ])('in %s keep the reference small', async (_where, change) => {
    const outcome = await okOutcome(captureWith((_c, entries) => change(entries)));
    expect(outcome.markdown.length).toBeLessThan(300_000);
  });
});

describe('__proto__ and constructor', () => {
  const keys = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"hasOwnProperty":1,"toString":"x","valueOf":{}}');

  it('as JSON keys in bodies are fields like any other', async () => {
    const outcome = await okOutcome(
      captureWith((_c, e) => {
        e[0].response.content.text = JSON.stringify(keys);
        e[3].request.postData.text = JSON.stringify([keys, keys]);
      }),
    );
    const endpoint = outcome.model.endpoints.find((x) => x.method === 'GET' && x.path.startsWith('/v1/items'))!;
    const schema = endpoint.responses.find((r) => r.status === 200)!.bodies[0]!.schema!;
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']));
    expect(outcome.markdown).toContain('| `__proto__` |');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('as header, cookie, query, form, part and event names', async () => {
    const outcome = await okOutcome(
      captureWith((_c, e) => {
        e[0].request.headers.push({ name: '__proto__', value: 'a' }, { name: 'constructor', value: 'b' }, { name: 'x-__proto__', value: 'c' });
        e[0].request.cookies.push({ name: '__proto__', value: 'd' });
        e[0].request.url = 'https://api.example.com/v1/items/101?__proto__=1&constructor=2&toString=3';
        e[4].request.postData = { mimeType: 'application/x-www-form-urlencoded', text: '__proto__=1&constructor=2' };
        e[5].request.postData.params.push({ name: '__proto__', value: 'x' });
        e[6].response.content.text = 'event: __proto__\ndata: {"type":"constructor"}\n\n';
      }),
    );
    const items = outcome.model.endpoints.find((x) => x.method === 'GET' && x.path.startsWith('/v1/items/'))!;
    expect(items.queryParams.map((p) => p.name)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('odd Unicode', () => {
  const INVISIBLE =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  it('(lone surrogates, RTL overrides, zero-width characters, NUL) never reaches the Markdown raw', async () => {
    const odd = 'a\u202eb\u200bc\ud800d\u0000e\ufeff';
    const outcome = await okOutcome(
      captureWith((c, e) => {
        c.log.creator = { name: odd, version: odd };
        e[0].request.url = 'https://api.example.com/v1/items/%E2%80%AE%F0%9F%98%80?%E2%80%AE=%E2%80%8B';
        e[0].request.headers.push({ name: `x-${odd}`, value: odd });
        e[0].response.content.text = JSON.stringify({ [odd]: odd, emoji: '😀', rtl: 'مرحبا' });
        e[9].response.content.text = `${odd}\n${odd}`;
        e[6].response.content.text = `event: ${odd}\ndata: ${odd}\n\n`;
      }),
    );
    expect(outcome.markdown).not.toMatch(INVISIBLE);
    expect(outcome.markdown).toContain('😀');
  });
});

describe('duplicates', () => {
  it('of headers, query parameters and JSON keys are counted once per request', async () => {
    const outcome = await okOutcome(
      captureWith((_c, e) => {
        for (let i = 0; i < 1000; i++) e[0].request.headers.push({ name: i % 2 ? 'X-Dup' : 'x-dup', value: String(i) });
        e[0].request.url = 'https://api.example.com/v1/items/101?a=1&a=2&a=3';
        e[0].response.content.text = '{"a":1,"a":"two","b":2}';
      }),
    );
    const items = outcome.model.endpoints.find((x) => x.method === 'GET' && x.path.startsWith('/v1/items/'))!;
    expect(items.headers.filter((h) => h.name === 'x-dup')).toEqual([expect.objectContaining({ seen: 1, of: 3 })]);
    expect(items.queryParams.filter((p) => p.name === 'a')).toEqual([expect.objectContaining({ seen: 1 })]);
  });
});

describe('timing and status oddities', () => {
  it('invalid dates, status 0 and -1, negative and missing timings', async () => {
    const outcome = await okOutcome(
      captureWith((_c, e) => {
        e[0].startedDateTime = 'NaN-NaN-NaNTNaN:NaN:NaN.NaN+NaN:NaN';
        e[1].startedDateTime = '2025-02-30T25:61:00Z';
        e[2].response.status = 0;
        e[3].response.status = -1;
        e[4].time = -1;
        e[4].timings = { send: -5, wait: -1, receive: -1 };
        delete e[5].timings;
        e[6].response.status = '200';
      }),
    );
    // Status 0 and -1: no response recorded; the calls are described from their requests.
    expect(outcome.model.traffic.skipped['no-response']).toBeUndefined();
    expect(outcome.diagnostics.filter((d) => d.code === 'no-response')).toHaveLength(2);
    expect(outcome.model.window.start).toBe('2025-03-04T05:06:07.000Z');
  });

  it('a capture where no entry has a response (a request-only export) documents the requests', async () => {
    const outcome = await okOutcome(captureWith((_c, e) => e.forEach((entry: Entries) => (entry.response.status = 0))));
    expect(outcome.model.endpoints.length).toBeGreaterThan(0);
    for (const endpoint of outcome.model.endpoints) expect([endpoint.statusCounts, endpoint.responses]).toEqual([{}, []]);
    expect(outcome.diagnostics.map((d) => d.code)).toContain('no-response');
  });
});

describe('fields missing from the HAR document', () => {
  it.each([
    ['log.version', (c: Capture) => delete (c.log as Partial<Capture['log']>).version, null],
    ['log.creator', (c: Capture) => delete (c.log as Partial<Capture['log']>).creator, null],
    ['log.entries', (c: Capture) => delete (c.log as Partial<Capture['log']>).entries, 'E_NOT_HAR'],
    ['log', (c: Capture) => delete (c as Partial<Capture>).log, 'E_NOT_HAR'],
    ['every entry', (c: Capture) => (c.log.entries = []), 'E_EMPTY'],
  ])('without %s', async (_what, change, code) => {
    const outcome = await buildOrRefuse(captureWith((c) => change(c)));
    expect(outcome.ok ? null : outcome.error.code).toBe(code);
  });
});
