/**
 * Bodies of real captures, read in place from ../shared/corpus (skipped, visibly, where the
 * folder is absent): multipart from Chrome, Firefox, Safari and Optic, base64 JSON, invalid
 * JSON, an event stream whose content mitmproxy did not keep, and WebSocket frames from Chrome
 * (Socket.IO) and mitmproxy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/index.js';
import type { Endpoint } from '../../src/model.js';
import { observed } from '../support/observed-schema.js';

const CORPUS = '../shared/corpus';

async function endpointsOf(file: string): Promise<Endpoint[]> {
  const text = readFileSync(`${CORPUS}/${file}`, 'utf8');
  const { model } = await buildModel([{ label: file, text }], { all: true }, { redactionKey: new Uint8Array(32) });
  return model.endpoints;
}

function find(endpoints: Endpoint[], key: string): Endpoint {
  const endpoint = endpoints.find((e) => `${e.method} ${e.path}` === key);
  if (!endpoint) throw new Error(`no ${key} in ${endpoints.map((e) => `${e.method} ${e.path}`).join(', ')}`);
  return endpoint;
}

describe.skipIf(!existsSync(CORPUS))(`bodies of real captures (${CORPUS})`, () => {
  it.each([
    ['gatling__gatling__gatling-recorder__src__test__resources__har__chrome61__multipart.har', 'Chrome 61 (raw text)'],
    ['gatling__gatling__gatling-recorder__src__test__resources__har__firefox56__multipart.har', 'Firefox 56 (raw text, empty params)'],
  ])('multipart from %s: parts, file name and type, no file bytes', async (file) => {
    const body = find(await endpointsOf(file), 'POST /ex/fup.cgi').requestBodies[0]!;
    expect(body.kind).toBe('multipart');
    expect(body.parts?.map((p) => [p.name, p.file, p.contentTypes])).toEqual([
      ['note', false, []],
      ['upfile', true, ['image/gif']],
    ]);
    // File names go through redaction (they can name a person); the extension stays.
    expect(body.parts?.[1]?.example).toMatch(/^<file-name:\d+>\.gif$/);
    expect(JSON.stringify(body)).not.toContain('GIF89a');
  });

  it('multipart from Safari and Optic: plain fields with values', async () => {
    const safari = find(
      await endpointsOf('postmanlabs__har-to-postman__test__data__validHARFiles__formdataParamsSafari.har'),
      'POST /article/formdata/post/user',
    );
    expect(safari.requestBodies[0]!.parts?.map((p) => [p.name, p.example])).toEqual([
      // A surname is personal data, and so is the `name` sent beside it: redaction replaces both.
      ['name', expect.stringMatching(/^<name:\d+>$/)],
      ['surname', expect.stringMatching(/^<name:\d+>$/)],
    ]);
    const optic = find(await endpointsOf('opticdev__optic__projects__optic__src____tests____integration__workspaces__capture__har__har.har'), 'POST /form');
    expect(optic.requestBodies[0]!.parts?.map((p) => p.name)).toEqual(['name', 'surname']);
  });

  it('base64 bodies (Optic): request and response JSON documented by their fields', async () => {
    const endpoints = await endpointsOf('opticdev__optic__projects__optic__src____tests____integration__workspaces__capture__har__har.har');
    const create = find(endpoints, 'POST /books');
    expect(create.requestBodies[0]).toMatchObject({ kind: 'json', mediaType: 'application/json' });
    expect(Object.keys(create.requestBodies[0]!.schema!.properties!).sort()).toEqual(['author_id', 'name']);
    const created = create.responses.find((r) => r.status === 201)!.bodies[0]!;
    // One 201 response: its fields are documented, none is claimed required on one sample.
    expect(Object.keys(created.schema!.properties!)).toEqual(['id', 'name', 'author_id']);
    expect(created.schema!.required).toEqual([]);
    const author = find(endpoints, 'GET /authors/{author_id}').responses[0]!.bodies[0]!;
    expect(author.schema!.properties!.created_at!.format).toBe('date-time');
    const list = find(endpoints, 'GET /books').responses[0]!.bodies[0]!;
    expect(list.schema!.properties!.data!.items!.properties).toHaveProperty('id');
  });

  it('invalid JSON (Chrome): shown as text, not a crash', async () => {
    const endpoint = find(await endpointsOf('jonluca__har-to-openapi__test__data__post-json-invalid.har'), 'POST /api/users/queries/getCurrentUser');
    expect(endpoint.requestBodies[0]).toMatchObject({ kind: 'text', mediaType: 'application/json', example: '{"params":null,"meta":{}' });
  });

  it('event stream without recorded content (mitmproxy): still an event stream', async () => {
    const [endpoint] = await endpointsOf('mitmproxy__mitmproxy__test__mitmproxy__data__flows__event_stream.har');
    expect(endpoint!.responses[0]!.bodies).toEqual([{ mediaType: 'text/event-stream', kind: 'empty', seen: 2, size: { min: 0, max: 0 } }]);
  });

  it('Socket.IO frames (Chrome): message kinds by event name, schemas from the JSON inside', async () => {
    const [endpoint] = await endpointsOf('joffrey-bion__har-parser__src__jvmTest__resources__session-with-websockets.har');
    const stream = endpoint!.websocket!;
    expect(stream.messages).toBe(32);
    const gmsg = stream.events.find((e) => e.type === '/{id} gmsg.out')!;
    expect(gmsg).toMatchObject({ event: 'receive', seen: 5 });
    expect(gmsg.schema!.required).toEqual(expect.arrayContaining(['data', 'msgId', 'type']));
    const open = stream.events.find((e) => e.type === 'open')!;
    // One `open` message: a whole number once is not yet evidence for `integer`.
    expect(observed(open.schema!.properties!.pingInterval!).type).toBe('number');
  });

  it('plain WebSocket frames (mitmproxy): JSON and text kinds per direction', async () => {
    const [endpoint] = await endpointsOf('mitmproxy__mitmproxy__test__mitmproxy__data__flows__websocket.har');
    expect(endpoint!.websocket!.events.map((e) => [e.event, e.seen, e.schema ? 'json' : e.example])).toEqual([
      ['receive', 3, 'json'],
      ['send', 2, 'foo'],
    ]);
  });
});
