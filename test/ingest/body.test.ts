import { describe, expect, it } from 'vitest';
import { decodeBody, type RawBody } from '../../src/ingest/body.js';

const raw = (mimeType: string, text: string | null, extra: Partial<RawBody> = {}): RawBody => ({ mimeType, text, encoding: null, params: null, ...extra });
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('decodeBody', () => {
  it.each([
    ['JSON', raw('application/json; charset=utf-8', '{"a":1}'), { kind: 'json', value: { a: 1 } }],
    ['+json', raw('application/problem+json', '{"title":"x"}'), { kind: 'json', value: { title: 'x' } }],
    ['base64 JSON', raw('application/json', b64('{"a":[1,2]}'), { encoding: 'base64' }), { kind: 'json', value: { a: [1, 2] } }],
    ['JSON served as octet-stream', raw('application/octet-stream', '{"ok":true}'), { kind: 'json', value: { ok: true } }],
    ['JSON behind an anti-XSSI prefix', raw('application/json', ")]}'\n{\"a\":1}"), { kind: 'json', value: { a: 1 } }],
    ['form', raw('application/x-www-form-urlencoded', 'a=1&b=x%20y'), { kind: 'form', fields: [{ name: 'a', value: '1' }, { name: 'b', value: 'x y' }] }],
    ['NDJSON', raw('application/x-ndjson', '{"a":1}\n{"a":2}\n'), { kind: 'ndjson', values: [{ a: 1 }, { a: 2 }] }],
    ['JSONP', raw('text/javascript', 'cb({"a":1});'), { kind: 'jsonp', callback: 'cb', value: { a: 1 } }],
    ['plain text', raw('text/plain', 'hello'), { kind: 'text', text: 'hello' }],
    ['binary image', raw('image/png', b64('\u0089PNG'), { encoding: 'base64' }), { kind: 'binary' }],
    ['undecodable bytes', raw('text/plain', Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'), { encoding: 'base64' }), { kind: 'binary' }],
    ['empty text', raw('application/json', ''), { kind: 'empty' }],
  ])('%s', (_name, input, content) => {
    expect(decodeBody(input).payload?.content).toEqual(content);
  });

  it('reports a body declared JSON that does not parse, and keeps it as text', () => {
    const decoded = decodeBody(raw('application/json', '{"a":'));
    expect(decoded.payload?.content).toEqual({ kind: 'text', text: '{"a":' });
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(['body-not-json']);
  });

  it('returns no payload when nothing was recorded', () => {
    expect(decodeBody(raw('application/json', null)).payload).toBeNull();
  });

  it('splits server-sent events and parses JSON data', () => {
    const content = decodeBody(raw('text/event-stream', 'event: a\ndata: {"x":1}\n\ndata: [DONE]\n\n')).payload?.content;
    expect(content).toEqual({ kind: 'sse', events: [{ event: 'a', data: '{"x":1}', json: { x: 1 } }, { event: null, data: '[DONE]' }] });
  });

  it('reads multipart parts from raw text without keeping file contents', () => {
    const text = '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nBINARY\r\n--XyZ--\r\n';
    const content = decodeBody(raw('multipart/form-data; boundary=XyZ', text)).payload?.content;
    expect(content).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'title', fileName: null, contentType: null, value: 'hello' },
        { name: 'file', fileName: 'a.png', contentType: 'image/png', value: null },
      ],
    });
  });
});
