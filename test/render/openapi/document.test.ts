/**
 * The OpenAPI document from hand-built models: what each model fact becomes, that header values
 * never reach it, and that every document passes the Redocly validator.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel, Endpoint, JsonSchema } from '../../../src/model.js';
import { buildOpenApi, renderOpenApi } from '../../../src/render/openapi/document.js';
import type { OpenApiDocument, Operation, Parameter } from '../../../src/render/openapi/spec.js';
import { lintOpenApi } from '../../support/consumers.js';
import { jsonBody, makeBody, makeEndpoint, makeModel, shown } from '../../support/model.js';

const objectSchema = { type: 'object' as const, properties: { id: { type: 'integer' as const } }, required: ['id'], 'x-samples': 2 };

function operation(document: OpenApiDocument, path: string, method = 'get'): Operation {
  const op = (document.paths[path] as Record<string, Operation> | undefined)?.[method];
  if (!op) throw new Error(`no ${method} ${path} in ${Object.keys(document.paths).join(', ')}`);
  return op;
}

function param(op: Operation, where: Parameter['in'], name: string): Parameter | undefined {
  return op.parameters?.find((p) => p.in === where && p.name === name);
}

async function expectValid(model: ApiModel): Promise<OpenApiDocument> {
  const text = await renderOpenApi(model);
  expect((await lintOpenApi(text)).errors).toEqual([]);
  return JSON.parse(text) as OpenApiDocument;
}

describe('path parameters', () => {
  const endpoint = makeEndpoint({
    path: '/gizmos/{gizmo_id}/items/{item_id}',
    pathParams: [
      {
        name: 'gizmo_id',
        position: 1,
        kind: 'prefixed',
        pattern: 'g-p-<32 hex>',
        regex: '^g-p-[0-9a-f]{32}$',
        distinct: 4,
        example: shown(`g-p-${'a'.repeat(32)}`),
        reason: 'id',
      },
      { name: 'item_id', position: 3, kind: 'integer', pattern: 'integer', regex: '^\\d+$', distinct: 3, example: shown('42'), reason: 'id' },
    ],
  });

  it('are typed, required, with the model regex as pattern and a typed example', async () => {
    const op = operation(await expectValid(makeModel([endpoint])), '/gizmos/{gizmo_id}/items/{item_id}');
    expect(param(op, 'path', 'gizmo_id')).toMatchObject({
      required: true,
      schema: { type: 'string', pattern: '^g-p-[0-9a-f]{32}$' },
      example: shown(`g-p-${'a'.repeat(32)}`),
      'x-distinct': 4,
    });
    expect(param(op, 'path', 'item_id')).toMatchObject({ required: true, schema: { type: 'integer' }, example: 42 });
  });

  it('covers a template name the model has no parameter for', async () => {
    const op = operation(await expectValid(makeModel([makeEndpoint({ path: '/files/{file_id}.json' })])), '/files/{file_id}.json');
    expect(param(op, 'path', 'file_id')).toEqual({ name: 'file_id', in: 'path', required: true, schema: { type: 'string' } });
  });
});

describe('query and header parameters', () => {
  const endpoint = makeEndpoint({
    observed: 4,
    queryParams: [
      { name: 'limit', seen: 4, of: 4, required: true, schema: { type: 'integer' }, example: shown('20') },
      { name: 'cursor', seen: 1, of: 4, required: false, schema: { type: 'string' }, example: shown('abc') },
      { name: 'api_key', seen: 4, of: 4, required: true, schema: { type: 'string' }, example: shown('<secret:1>') },
    ],
    headers: [
      { name: 'authorization', kind: 'auth', seen: 4, of: 4, required: true, schema: { type: 'string' }, example: shown('Bearer <jwt:1>') },
      { name: 'cookie', kind: 'auth', seen: 4, of: 4, required: true, schema: { type: 'string' }, example: shown('session=…') },
      { name: 'content-type', kind: 'content', seen: 4, of: 4, required: true, schema: { type: 'string' }, example: shown('application/json') },
      { name: 'x-csrf-token', kind: 'auth', seen: 3, of: 4, required: false, schema: { type: 'string' }, example: shown('csrf-value-that-must-not-leak') },
      { name: 'x-client-version', kind: 'custom', seen: 4, of: 4, required: true, schema: { type: 'string' }, example: shown('build-7-must-not-leak') },
    ],
    auth: [
      { type: 'bearer', in: 'header', name: 'authorization', seen: 4 },
      { type: 'cookie', in: 'cookie', name: 'session', seen: 4 },
      { type: 'apiKey', in: 'query', name: 'api_key', seen: 4 },
    ],
  });

  it('take required from the evidence and examples typed by their schema', async () => {
    const op = operation(await expectValid(makeModel([endpoint])), '/items');
    expect(param(op, 'query', 'limit')).toMatchObject({ required: true, example: 20, 'x-seen': 4, 'x-of': 4 });
    expect(param(op, 'query', 'cursor')).toMatchObject({ example: shown('abc'), 'x-seen': 1 });
    expect(param(op, 'query', 'cursor')!.required).toBeUndefined();
  });

  it('leave credentials to security schemes and Content-Type to the body', async () => {
    const op = operation(buildOpenApi(makeModel([endpoint])), '/items');
    expect(op.parameters!.map((p) => `${p.in} ${p.name}`)).toEqual(['query limit', 'query cursor', 'header x-csrf-token', 'header x-client-version']);
  });

  it('never copy a header value into the document', async () => {
    const text = await renderOpenApi(makeModel([endpoint]));
    for (const value of ['Bearer', '<jwt:1>', 'session=…', 'csrf-value-that-must-not-leak', 'build-7-must-not-leak']) expect(text).not.toContain(value);
    const op = operation(JSON.parse(text) as OpenApiDocument, '/items');
    expect(param(op, 'header', 'x-client-version')).not.toHaveProperty('example');
    expect(param(op, 'header', 'x-client-version')).not.toHaveProperty('default');
  });
});

describe('security', () => {
  const withAuth = (auth: Endpoint['auth'], observed = 2, headers: Endpoint['headers'] = []) => makeEndpoint({ observed, auth, headers });

  it('turns each credential seen into a scheme without its value', async () => {
    const jwtHeader = {
      name: 'authorization',
      kind: 'auth' as const,
      seen: 2,
      of: 2,
      required: true,
      schema: { type: 'string' as const },
      example: shown('Bearer <jwt:3>'),
    };
    const document = await expectValid(
      makeModel([
        withAuth([{ type: 'bearer', in: 'header', name: 'authorization', seen: 2 }], 2, [jwtHeader]),
        makeEndpoint({ path: '/keys', auth: [{ type: 'apiKey', in: 'header', name: 'X-API-Key', seen: 1 }] }),
        makeEndpoint({
          path: '/me',
          auth: [
            { type: 'cookie', in: 'cookie', name: '__Secure-next-auth.session-token', seen: 1 },
            { type: 'basic', in: 'header', name: 'authorization', seen: 1 },
          ],
        }),
      ]),
    );
    expect(document.components.securitySchemes).toEqual({
      basicAuth: { type: 'http', scheme: 'basic', description: 'Seen on 1 request(s) to 1 endpoint(s).' },
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Seen on 2 request(s) to 1 endpoint(s).' },
      'cookie___Secure-next-auth.session-token': {
        type: 'apiKey',
        in: 'cookie',
        name: '__Secure-next-auth.session-token',
        description: 'Seen on 1 request(s) to 1 endpoint(s).',
      },
      'header_X-API-Key': { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Seen on 1 request(s) to 1 endpoint(s).' },
    });
    expect(operation(document, '/me').security).toEqual([{ 'cookie___Secure-next-auth.session-token': [] }, { basicAuth: [] }]);
  });

  it.each<[string, Endpoint['auth'], number, Operation['security']]>([
    ['none seen: no security', [], 2, []],
    ['on every request: required', [{ type: 'bearer', in: 'header', name: 'authorization', seen: 2 }], 2, [{ bearerAuth: [] }]],
    ['on some requests only: optional', [{ type: 'bearer', in: 'header', name: 'authorization', seen: 1 }], 2, [{ bearerAuth: [] }, {}]],
  ])('%s', async (_, auth, observed, expected) => {
    expect(operation(await expectValid(makeModel([withAuth(auth, observed)])), '/items').security).toEqual(expected);
  });

  const BEARER = { type: 'bearer' as const, in: 'header' as const, name: 'authorization', seen: 3 };
  const KEY = { type: 'apiKey' as const, in: 'header' as const, name: 'x-api-key', seen: 3 };
  it.each<[string, Endpoint['authRequirements'], Operation['security']]>([
    [
      'sent together on every request: one requirement with both',
      [{ schemes: ['header authorization', 'header x-api-key'], seen: 3 }],
      [{ bearerAuth: [], 'header_x-api-key': [] }],
    ],
    [
      'sent apart: alternatives',
      [
        { schemes: ['header authorization'], seen: 2 },
        { schemes: ['header x-api-key'], seen: 1 },
      ],
      [{ bearerAuth: [] }, { 'header_x-api-key': [] }],
    ],
    [
      'together on some requests, none on the others',
      [{ schemes: ['header authorization', 'header x-api-key'], seen: 2 }],
      [{ bearerAuth: [], 'header_x-api-key': [] }, {}],
    ],
  ])('requirements: %s', async (_, authRequirements, expected) => {
    const endpoint = makeEndpoint({ observed: 3, auth: [BEARER, KEY], authRequirements });
    expect(operation(await expectValid(makeModel([endpoint])), '/items').security).toEqual(expected);
  });
});

describe('bodies and responses', () => {
  it('refer to named schemas, require a body sent every time, and parse complete examples', async () => {
    const endpoint = makeEndpoint({
      method: 'POST',
      path: '/api/v1/items',
      observed: 3,
      statusCounts: { '201': 2, '422': 1 },
      requestBodies: [jsonBody(objectSchema, { seen: 3, example: shown('{\n  "id": 1\n}') })],
      responses: [
        { status: 201, seen: 2, bodies: [jsonBody(objectSchema, { seen: 2, example: shown('{\n  "id": 2,\n... (truncated)') })] },
        { status: 422, seen: 1, bodies: [jsonBody({ type: 'object', properties: { error: { type: 'string' } }, required: ['error'] })] },
      ],
    });
    const document = await expectValid(makeModel([endpoint]));
    const op = operation(document, '/api/v1/items', 'post');
    expect(op.operationId).toBe('postItems');
    expect(op.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PostItemsRequest' }, example: { id: 1 } } },
    });
    expect(op.responses['201']!.content!['application/json']).toMatchObject({ schema: { $ref: '#/components/schemas/PostItemsResponse' }, 'x-seen': 2 });
    expect(op.responses['201']!.content!['application/json']).not.toHaveProperty('example');
    expect(op.responses['201']!.description).toBe('Created. Seen 2 of 3 time(s).');
    expect(op.responses['422']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/PostItemsResponse422' });
    expect(Object.keys(document.components.schemas!)).toEqual(['PostItemsRequest', 'PostItemsResponse', 'PostItemsResponse422']);
    expect(document.components.schemas!.PostItemsRequest).toMatchObject({
      ...objectSchema,
      description: 'Request body of `POST api.example.com/api/v1/items` (application/json), inferred from 2 sample(s).',
    });
  });

  it('does not require a body some requests lacked', async () => {
    const op = operation(
      await expectValid(makeModel([makeEndpoint({ method: 'PUT', observed: 2, requestBodies: [jsonBody(objectSchema, { seen: 1 })] })])),
      '/items',
      'put',
    );
    expect(op.requestBody!.required).toBeUndefined();
    expect(op.requestBody!['x-seen']).toBe(1);
  });

  it('describes an event stream with its event kinds as contentSchema', async () => {
    const sse = makeBody({
      mediaType: 'text/event-stream',
      kind: 'sse',
      example: shown('event: tick\ndata: {"n":1}\n'),
      events: [
        { event: 'tick', seen: 2, schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } },
        { event: 'message', type: 'done', seen: 1, schema: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] } },
        { event: 'ping', seen: 3 },
      ],
      sentinels: ['[DONE]'],
    });
    const document = await expectValid(makeModel([makeEndpoint({ path: '/stream', responses: [{ status: 200, seen: 1, bodies: [sse] }] })]));
    const media = operation(document, '/stream').responses['200']!.content!['text/event-stream']!;
    expect(media.schema).toMatchObject({
      type: 'string',
      contentMediaType: 'text/event-stream',
      contentSchema: { $ref: '#/components/schemas/GetStreamEvent' },
    });
    expect(media.example).toBe(sse.example);
    expect(media['x-events']).toEqual([
      { event: 'tick', seen: 2, schema: { $ref: '#/components/schemas/GetStreamTickEvent' } },
      { event: 'message', type: 'done', seen: 1, schema: { $ref: '#/components/schemas/GetStreamDoneEvent' } },
      { event: 'ping', seen: 3, schema: { $ref: '#/components/schemas/GetStreamPingEvent' } },
    ]);
    expect(media['x-sentinels']).toEqual(['[DONE]']);
    expect(document.components.schemas!.GetStreamEvent).toMatchObject({
      anyOf: [
        { $ref: '#/components/schemas/GetStreamTickEvent' },
        { $ref: '#/components/schemas/GetStreamDoneEvent' },
        { $ref: '#/components/schemas/GetStreamPingEvent' },
      ],
    });
    expect(document.components.schemas!.GetStreamPingEvent).toMatchObject({ type: 'string' });
  });

  it('gives bodies without a declared media type one by kind, and types form examples by field', async () => {
    const form = makeBody({
      mediaType: '',
      kind: 'form',
      schema: { type: 'object', properties: { seq: { type: 'integer' }, q: { type: 'string' } }, required: ['q', 'seq'] },
      example: shown('seq=3\nq=x=y'),
    });
    const text = makeBody({ mediaType: 'text/plain', kind: 'text', example: shown('hello') });
    const binary = makeBody({ mediaType: 'image/png', kind: 'binary' });
    const op = operation(
      await expectValid(makeModel([makeEndpoint({ method: 'POST', requestBodies: [form], responses: [{ status: 200, seen: 1, bodies: [binary, text] }] })])),
      '/items',
      'post',
    );
    expect(op.requestBody!.content['application/x-www-form-urlencoded']!.example).toEqual({ seq: 3, q: 'x=y' });
    expect(op.responses['200']!.content).toMatchObject({
      'image/png': { schema: { contentMediaType: 'image/png' } },
      'text/plain': { schema: { type: 'string' }, example: shown('hello') },
    });
  });

  it('describes multipart parts without file contents', async () => {
    const multipart = makeBody({
      mediaType: 'multipart/form-data',
      kind: 'multipart',
      seen: 3,
      parts: [
        { name: 'file', seen: 3, file: true, contentTypes: ['image/png'] },
        { name: 'title', seen: 1, file: false, contentTypes: [], schema: { type: 'string' }, example: shown('Notes') },
      ],
    });
    const op = operation(await expectValid(makeModel([makeEndpoint({ method: 'POST', observed: 3, requestBodies: [multipart] })])), '/items', 'post');
    expect(op.requestBody!.content['multipart/form-data']).toMatchObject({
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary', contentMediaType: 'image/png' }, title: { type: 'string' } },
        required: ['file'],
      },
      encoding: { file: { contentType: 'image/png' } },
    });
  });

  it('keeps parts and form fields named __proto__ or constructor as plain properties', async () => {
    const multipart = makeBody({
      mediaType: 'multipart/form-data',
      kind: 'multipart',
      seen: 3,
      parts: [
        { name: '__proto__', seen: 3, file: false, contentTypes: ['text/plain'], schema: { type: 'string' }, example: shown('hello') },
        { name: 'constructor', seen: 3, file: true, contentTypes: ['image/png'] },
      ],
    });
    const fields = JSON.parse('{"__proto__":{"type":"integer"},"constructor":{"type":"integer"},"toString":{"type":"string"}}') as Record<string, JsonSchema>;
    const form = makeBody({
      mediaType: 'application/x-www-form-urlencoded',
      kind: 'form',
      schema: { type: 'object', properties: fields, required: ['__proto__', 'constructor', 'toString'] },
      example: shown('__proto__=1\nconstructor=2\ntoString=x'),
    });
    // Not linted: Redocly reads a property named `constructor` off the prototype and reports it as malformed.
    const document = JSON.parse(
      await renderOpenApi(
        makeModel([
          makeEndpoint({ method: 'POST', path: '/upload', requestBodies: [multipart] }),
          makeEndpoint({ method: 'POST', path: '/form', requestBodies: [form] }),
        ]),
      ),
    ) as OpenApiDocument;
    const upload = operation(document, '/upload', 'post').requestBody!.content['multipart/form-data']!;
    const schema = upload.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['__proto__', 'constructor']);
    expect(schema.required).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(upload.encoding!)).toEqual(['__proto__', 'constructor']);
    const example = operation(document, '/form', 'post').requestBody!.content['application/x-www-form-urlencoded']!.example as Record<string, unknown>;
    expect(Object.entries(example)).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
      ['toString', 'x'],
    ]);
  });

  it('puts statuses a recorder invented (0) under default', async () => {
    const op = operation(
      await expectValid(
        makeModel([
          makeEndpoint({
            observed: 2,
            statusCounts: { '0': 1, '200': 1 },
            responses: [
              { status: 0, seen: 1, bodies: [] },
              { status: 200, seen: 1, bodies: [] },
            ],
          }),
        ]),
      ),
      '/items',
    );
    expect(Object.keys(op.responses)).toEqual(['200', 'default']);
    expect(op.responses.default!.description).toContain('No valid HTTP status recorded (0)');
  });
});

describe('paths', () => {
  it('merges one method and path on two hosts into one operation with both servers', async () => {
    const a = makeEndpoint({ host: 'a.example.com', path: '/collect', method: 'POST', observed: 2, requestBodies: [jsonBody(objectSchema, { seen: 2 })] });
    const b = makeEndpoint({
      host: 'b.example.com',
      path: '/collect',
      method: 'POST',
      observed: 2,
      requestBodies: [jsonBody({ type: 'object', properties: { v: { type: 'string' } } })],
    });
    const document = await expectValid(makeModel([a, b]));
    const op = operation(document, '/collect', 'post');
    expect(op.servers).toEqual([
      { url: 'https://a.example.com', description: '1 endpoint(s), 2 request(s) observed.' },
      { url: 'https://b.example.com', description: '1 endpoint(s), 2 request(s) observed.' },
    ]);
    expect(op['x-endpoint']).toEqual([a.key, b.key]);
    expect(op['x-observed']).toBe(4);
    expect(op.requestBody!.content['application/json']!.schema).toEqual({
      anyOf: [{ $ref: '#/components/schemas/PostAExampleComCollectRequest' }, { $ref: '#/components/schemas/PostBExampleComCollectRequest' }],
    });
    expect(op.requestBody!.required).toBeUndefined();
  });

  it('gives each operation its host as server, and its host and resource as tag, when there are several hosts', async () => {
    const document = await expectValid(
      makeModel([makeEndpoint({ host: 'a.example.com', observed: 3 }), makeEndpoint({ host: 'b.example.com', path: '/other' })]),
    );
    expect(document.servers!.map((s) => s.url)).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(operation(document, '/other')).toMatchObject({ servers: [{ url: 'https://b.example.com' }], tags: ['b.example.com: other'] });
    expect(document.tags!.map((t) => t.name)).toEqual(['a.example.com: items', 'b.example.com: other']);
  });

  it('tags each operation with its resource, and lists the tags sorted with a description', async () => {
    const document = await expectValid(
      makeModel([
        makeEndpoint({ path: '/users/{user_id}', resource: 'users' }),
        makeEndpoint({ method: 'DELETE', path: '/users/{user_id}', resource: 'users' }),
        makeEndpoint({ path: '/orders', resource: 'orders', observed: 2 }),
        makeEndpoint({ path: '/{id}', resource: '' }),
      ]),
    );
    expect(operation(document, '/users/{user_id}', 'get').tags).toEqual(['users']);
    expect(operation(document, '/users/{user_id}', 'delete').tags).toEqual(['users']);
    expect(operation(document, '/orders').tags).toEqual(['orders']);
    // A model saved before resources were recorded: a path without a literal segment is `(root)`.
    expect(operation(document, '/{id}').tags).toEqual(['(root)']);
    expect(document.tags).toEqual([
      { name: '(root)', description: '1 endpoint(s), 1 request(s) observed.' },
      { name: 'orders', description: '1 endpoint(s), 2 request(s) observed.' },
      { name: 'users', description: '2 endpoint(s), 2 request(s) observed.' },
    ]);
  });

  it('uses one key for templates OpenAPI considers identical, renaming the parameters', async () => {
    const document = await expectValid(makeModel([makeEndpoint({ path: '/users/{user_id}' }), makeEndpoint({ method: 'DELETE', path: '/users/{id}' })]));
    expect(Object.keys(document.paths)).toEqual(['/users/{user_id}']);
    expect(param(operation(document, '/users/{user_id}', 'delete'), 'path', 'user_id')).toBeDefined();
  });

  it('makes a repeated template name unique', async () => {
    const document = await expectValid(makeModel([makeEndpoint({ path: '/a/{id}/b/{id}' })]));
    expect(Object.keys(document.paths)).toEqual(['/a/{id}/b/{id2}']);
  });

  it('escapes a stray percent sign in a literal segment', async () => {
    const document = await expectValid(makeModel([makeEndpoint({ path: '/friends/%@/x%2Fy' })]));
    expect(Object.keys(document.paths)).toEqual(['/friends/%25@/x%2Fy']);
  });

  it('keeps methods OpenAPI 3.1 has no field for as an extension', async () => {
    const document = await expectValid(makeModel([makeEndpoint({ method: 'PROPFIND', path: '/files' })]));
    expect(document.paths['/files']!['x-additional-operations']).toMatchObject({ PROPFIND: { operationId: 'propfindFiles' } });
  });

  it('writes a valid document for a model without endpoints', async () => {
    const document = await expectValid(makeModel([]));
    expect(document).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/' }], paths: {} });
  });
});

describe('the document as a whole', () => {
  const model = makeModel([
    makeEndpoint({ path: '/b', responses: [{ status: 200, seen: 1, bodies: [jsonBody(objectSchema)] }] }),
    makeEndpoint({ method: 'POST', path: '/a', requestBodies: [jsonBody(objectSchema)] }),
  ]);

  it('is deterministic and leaves the model untouched', async () => {
    const before = JSON.stringify(model);
    const first = await renderOpenApi(model);
    expect(await renderOpenApi(model)).toBe(first);
    expect(JSON.stringify(model)).toBe(before);
  });

  it('sorts paths and carries the capture provenance', async () => {
    const document = await expectValid(model);
    expect(Object.keys(document.paths)).toEqual(['/a', '/b']);
    expect(document.info).toMatchObject({ title: 'Example API reference', version: 'captured 2025-01-02' });
    expect(document['x-har2api']).toMatchObject({ sources: model.sources, redaction: { enabled: true, total: 0 } });
  });
});
