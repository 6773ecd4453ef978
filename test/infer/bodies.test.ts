import { describe, expect, it } from 'vitest';
import type { Payload } from '../../src/exchange.js';
import { BodiesAccumulator } from '../../src/infer/bodies.js';
import { decodeBody, type RawBody } from '../../src/ingest/body.js';
import { fed } from '../support/accumulate.js';
import { createGate } from '../../src/infer/gate.js';
import { observed } from '../support/observed-schema.js';

const bodiesOf = (payloads: Payload[]) => fed(new BodiesAccumulator({ gate: createGate(null), place: 'response.body' }), payloads).finish();

const payload = (mimeType: string, text: string, extra: Partial<RawBody> = {}): Payload => {
  const decoded = decodeBody({ mimeType, text, encoding: null, params: null, ...extra }).payload;
  if (!decoded) throw new Error('no payload');
  return decoded;
};

/** A ChatGPT-style conversation stream, written for this test. */
const STREAM = [
  'event: delta_encoding\ndata: "v1"\n',
  'data: {"type":"resume_conversation_token","token":"<secret:1>","conversation_id":"11fb836b-a771-4008-ad3a-39a946c75bf4"}\n',
  'event: delta\ndata: {"p":"","o":"add","v":{"message":{"id":"m1","status":"in_progress"}},"c":0}\n',
  'event: delta\ndata: {"v":"Hello"}\n',
  'event: delta\ndata: {"p":"/message/status","o":"replace","v":"finished_successfully"}\n',
  'data: {"type":"message_stream_complete","conversation_id":"11fb836b-a771-4008-ad3a-39a946c75bf4"}\n',
  'data: [DONE]\n',
].join('\n');

describe('BodiesAccumulator', () => {
  it('merges JSON bodies into one schema and picks the richest as the example', async () => {
    const [body] = await bodiesOf([
      payload('application/json', '{"id":1}'),
      payload('application/json; charset=utf-8', '{"id":2,"name":"x"}'),
      payload('application/json', '{"id":3}'),
    ]);
    expect(body).toMatchObject({ mediaType: 'application/json', kind: 'json', seen: 3, size: { min: 8, max: 19 } });
    expect(body!.schema!.required).toEqual(['id']);
    expect(JSON.parse(body!.example!)).toEqual({ id: 2, name: 'x' });
  });

  it('keeps media types apart, sorted', async () => {
    const bodies = await bodiesOf([payload('application/problem+json', '{"title":"x"}'), payload('application/json', '{"a":1}')]);
    expect(bodies.map((b) => b.mediaType)).toEqual(['application/json', 'application/problem+json']);
  });

  it('documents a JSON body stored base64 by its JSON', async () => {
    const [body] = await bodiesOf([payload('application/json', Buffer.from('{"ok":true}').toString('base64'), { encoding: 'base64' })]);
    expect(body!.kind).toBe('json');
    expect(observed(body!.schema!.properties!.ok!).type).toBe('boolean');
  });

  it('describes form fields with types, presence and examples', async () => {
    const form = (text: string) => payload('application/x-www-form-urlencoded', text);
    const [body] = await bodiesOf([form('step=1&name=a'), form('step=2'), form('step=3&tag=a&tag=b')]);
    expect(body!.kind).toBe('form');
    expect(body!.schema!.required).toEqual(['step']);
    expect(body!.schema!.properties!.step).toMatchObject({ type: 'integer', examples: [1], 'x-seen': 3 });
    expect(body!.schema!.properties!.tag).toMatchObject({ type: 'array', items: { type: 'string' }, 'x-seen': 1 });
    expect(body!.schema!.properties!.name).toMatchObject({ type: 'string', examples: ['a'], 'x-seen': 1 });
  });

  it('lists multipart parts with names, file names and types, never file contents', async () => {
    const text =
      '--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--B\r\nContent-Disposition: form-data; name="upfile"; filename="small.gif"\r\nContent-Type: image/gif\r\n\r\nGIF89a-SECRET-BYTES\r\n--B--\r\n';
    const [body] = await bodiesOf([
      payload('multipart/form-data; boundary=B', text),
      payload('multipart/form-data; boundary=B', text.replace('hello', 'again')),
    ]);
    expect(body!.parts).toEqual([
      { name: 'note', seen: 2, file: false, contentTypes: [], schema: { type: 'string' }, example: 'hello' },
      { name: 'upfile', seen: 2, file: true, contentTypes: ['image/gif'], example: 'small.gif' },
    ]);
    expect(JSON.stringify(body)).not.toContain('SECRET-BYTES');
  });

  it('shows a part content type by its essence, and a file sent without a name without an example', async () => {
    const text = '--B\r\nContent-Disposition: form-data; name="doc"\r\nContent-Type: application/pdf; name="Jane_Roe.pdf"\r\n\r\n%PDF-1.4 SECRET\r\n--B--\r\n';
    const [body] = await bodiesOf([payload('multipart/form-data; boundary=B', text)]);
    expect(body!.parts).toEqual([{ name: 'doc', seen: 1, file: true, contentTypes: ['application/pdf'] }]);
    expect(JSON.stringify(body)).not.toMatch(/Jane|SECRET/);
  });

  it('splits an event stream into kinds by event name and type, with sentinels', async () => {
    const [body] = await bodiesOf([payload('text/event-stream', STREAM)]);
    expect(body!.kind).toBe('sse');
    expect(body!.sentinels).toEqual(['[DONE]']);
    expect(body!.events!.map((e) => [e.event, e.type, e.seen])).toEqual([
      ['delta', undefined, 3],
      ['delta_encoding', undefined, 1],
      ['message', 'message_stream_complete', 1],
      ['message', 'resume_conversation_token', 1],
    ]);
    const delta = body!.events![0]!;
    expect(delta.schema!.required).toEqual(['v']);
    expect(delta.schema!.properties!.o!['x-seen']).toBe(2);
    expect(JSON.parse(delta.example!)).toMatchObject({ o: 'add', c: 0 });
    expect(body!.example).toContain('data: [DONE]');
  });

  it('keeps many distinct types under one name together', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `data: {"type":"t${i}"}\n`).join('\n');
    const [body] = await bodiesOf([payload('text/event-stream', text)]);
    expect(body!.events).toHaveLength(1);
    expect(body!.events![0]!.seen).toBe(40);
  });

  it('gives NDJSON one schema per line', async () => {
    const [body] = await bodiesOf([payload('application/x-ndjson', '{"a":1}\n{"a":2,"b":true}\n{"a":3}\n')]);
    expect(body!.kind).toBe('ndjson');
    expect(body!.schema!.required).toEqual(['a']);
  });

  it('documents JSONP by the JSON inside', async () => {
    const [body] = await bodiesOf([payload('text/javascript', 'cb({"a":[1]});')]);
    expect(body!.kind).toBe('jsonp');
    expect(observed(body!.schema!.properties!.a!).type).toBe('array');
  });

  it('shows a body declared JSON that does not parse as text', async () => {
    const [body] = await bodiesOf([payload('application/json', '{"params":null,"meta":{}')]);
    expect(body).toMatchObject({ kind: 'text', mediaType: 'application/json', example: '{"params":null,"meta":{}' });
  });

  it('summarises text by its first lines and binary by type and size only', async () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const [text] = await bodiesOf([payload('text/plain', long)]);
    expect(text!.example!.split('\n')).toHaveLength(21);
    expect(text!.example).toMatch(/\.\.\. \(truncated\)$/);
    const [binary] = await bodiesOf([payload('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'), { encoding: 'base64' })]);
    expect(binary).toEqual({ mediaType: 'image/png', kind: 'binary', seen: 1, size: { min: 4, max: 4 } });
  });

  it('gives no example for text that is mostly control characters', async () => {
    const [body] = await bodiesOf([payload('text/plain', 'GIF89a\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007')]);
    expect(body!.example).toBeUndefined();
  });
});
