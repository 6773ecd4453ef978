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
    ['JSON behind an anti-XSSI prefix', raw('application/json', ')]}\'\n{"a":1}'), { kind: 'json', value: { a: 1 } }],
    [
      'form',
      raw('application/x-www-form-urlencoded', 'a=1&b=x%20y'),
      {
        kind: 'form',
        fields: [
          { name: 'a', value: '1' },
          { name: 'b', value: 'x y' },
        ],
      },
    ],
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
    expect(content).toEqual({
      kind: 'sse',
      events: [
        { event: 'a', data: '{"x":1}', json: { x: 1 } },
        { event: null, data: '[DONE]' },
      ],
    });
  });

  it.each<[string, RawBody, { name: string; fileName: string | null; contentType: string | null; value: string | null }[]]>([
    [
      'an RFC 5987 filename*',
      raw(
        'multipart/form-data; boundary=XyZ',
        `--XyZ\r\nContent-Disposition: form-data; name="doc"; filename*=UTF-8''Jane%20Roe%20passport.txt\r\nContent-Type: text/plain\r\n\r\nPASSPORT NO K1234567\r\n--XyZ--\r\n`,
      ),
      [{ name: 'doc', fileName: 'Jane Roe passport.txt', contentType: 'text/plain', value: null }],
    ],
    [
      'filename* in ISO-8859-1, preferred over filename',
      raw(
        'multipart/form-data; boundary=XyZ',
        `--XyZ\r\nContent-Disposition: form-data; name="doc"; filename="a.txt"; filename*=iso-8859-1'en'M%FCller.txt\r\n\r\nx\r\n--XyZ--\r\n`,
      ),
      [{ name: 'doc', fileName: 'Müller.txt', contentType: null, value: null }],
    ],
    [
      'a part with a type that is not text and no file name',
      raw(
        'multipart/form-data; boundary=XyZ',
        `--XyZ\r\nContent-Disposition: form-data; name="scan"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 SECRET\r\n--XyZ\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n--XyZ--\r\n`,
      ),
      [
        { name: 'scan', fileName: '', contentType: 'application/pdf', value: null },
        { name: 'meta', fileName: null, contentType: 'application/json', value: '{"a":1}' },
      ],
    ],
    [
      'multipart/related: the JSON root is a field, the media a file',
      raw(
        'multipart/related; boundary=B1',
        `--B1\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{"name":"scan.txt"}\r\n--B1\r\nContent-Type: text/plain\r\n\r\nCONFIDENTIAL NOTE\r\n--B1--\r\n`,
      ),
      [
        { name: '(part 1)', fileName: null, contentType: 'application/json; charset=UTF-8', value: '{"name":"scan.txt"}' },
        { name: '(part 2)', fileName: '', contentType: 'text/plain', value: null },
      ],
    ],
    [
      'multipart/mixed: unnamed parts are content',
      raw('multipart/mixed; boundary=B2', `--B2\r\nContent-Type: application/http\r\n\r\nGET /v1/me HTTP/1.1\r\nAuthorization: Bearer abc\r\n--B2--\r\n`),
      [{ name: '(part 1)', fileName: '', contentType: 'application/http', value: null }],
    ],
    [
      'a base64 body, decoded before it is split',
      raw(
        'multipart/form-data; boundary=XyZ',
        b64(
          '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nGrüße\r\n--XyZ\r\nContent-Disposition: form-data; name="f"; filename="n.txt"\r\nContent-Type: text/plain\r\n\r\nTOPSECRET\r\n--XyZ--\r\n',
        ),
        { encoding: 'base64' },
      ),
      [
        { name: 'title', fileName: null, contentType: null, value: 'Grüße' },
        { name: 'f', fileName: 'n.txt', contentType: 'text/plain', value: null },
      ],
    ],
    [
      'params with a type that is not text and no file name',
      raw('multipart/form-data; boundary=XyZ', null, {
        params: [
          { name: 'scan', value: '%PDF-1.4 SECRET', contentType: 'application/pdf' },
          { name: 'note', value: 'hi', contentType: 'text/plain' },
        ],
      }),
      [
        { name: 'scan', fileName: '', contentType: 'application/pdf', value: null },
        { name: 'note', fileName: null, contentType: 'text/plain', value: 'hi' },
      ],
    ],
  ])('multipart: %s', (_label, input, parts) => {
    expect(decodeBody(input).payload?.content).toEqual({ kind: 'multipart', parts });
  });

  it('reads multipart parts from raw text without keeping file contents', () => {
    const text =
      '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nBINARY\r\n--XyZ--\r\n';
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

describe('decodeBody: binary under a text label is never parsed', () => {
  const protobuf = '\u0008\u0096\u0001\u0012\u000aAda Quist\u0012\u0004\u0000\u0001\u0002\u0003';
  it.each([
    ['protobuf labelled as a form', raw('application/x-www-form-urlencoded', protobuf)],
    ['protobuf labelled as a form, with params', raw('application/x-www-form-urlencoded', protobuf, { params: [{ name: '\u0008\u0096', value: 'x' }] })],
    ['bytes labelled as text', raw('text/plain', 'GIF89a\u0001\u0000\u0001\u0000\u0080\u0000')],
    ['protobuf labelled as JSON', raw('application/json', protobuf)],
  ])('%s', (_label, body) => {
    expect(decodeBody(body).payload?.content).toEqual({ kind: 'binary' });
  });

  it.each([
    ['text with a tab and line breaks', raw('text/plain', 'a\tb\r\nc\n')],
    ['a form with one stray control character in a long value', raw('application/x-www-form-urlencoded', `a=${'x'.repeat(300)}\u0007`)],
    ['Japanese text', raw('text/plain', '担当は佐藤さんです')],
  ])('%s stays text', (_label, body) => {
    expect(decodeBody(body).payload?.content.kind).not.toBe('binary');
  });
});
