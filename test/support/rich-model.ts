/**
 * A model that reaches every branch of the reference templates: the committed sample model plus
 * an endpoint with the body kinds, GraphQL operations, WebSocket messages, a long field table,
 * an enum, stream sentinels and an empty event stream that the sample may lack.
 */
import { readFileSync } from 'node:fs';
import type { ApiModel, Body, Endpoint } from '../../src/model.js';
import { shown, shownAll } from './model.js';

const body = (kind: Body['kind'], extra: Partial<Body> = {}): Body => ({
  mediaType: `application/${kind}`,
  kind,
  seen: 1,
  size: { min: 1, max: 9 },
  example: shown(`${kind} example`),
  ...extra,
});

/** The committed sample model, plus an endpoint with the body kinds, GraphQL operations and WebSocket messages the sample may lack. */
export function richModel(): ApiModel {
  const model = JSON.parse(readFileSync('out/model.json', 'utf8')) as ApiModel;
  const extra: Endpoint = {
    ...model.endpoints[0]!,
    key: 'PUT other.example /upload',
    method: 'PUT',
    host: model.endpoints[0]!.host,
    path: '/upload/{upload_id}',
    auth: [{ type: 'apiKey', in: 'header', name: 'x-api-key', seen: 1 }],
    headers: [{ name: 'x-api-key', kind: 'auth', seen: 1, of: 1, required: true, schema: { type: 'string' }, example: shown('<secret:1>') }],
    requestBodies: [
      body('multipart', { parts: [{ name: 'file', seen: 1, file: true, contentTypes: ['image/png'] }] }),
      body('form', { schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } }),
    ],
    graphql: [
      {
        name: 'GetItems',
        operation: 'query',
        seen: 2,
        variables: { type: 'object', properties: { first: { type: 'integer' } } },
        example: shown('{\n  "first": 10\n}'),
      },
      { name: 'Anonymous', operation: 'unknown', seen: 1 },
    ],
    websocket: {
      messages: 3,
      events: [
        { event: 'send', type: 'subscribe', seen: 1, schema: { type: 'object', properties: { op: { type: 'string' } } }, example: shown('{"op":"subscribe"}') },
        { event: 'receive', seen: 2, example: shown('plain text frame') },
      ],
    },
    responses: [
      {
        status: 200,
        seen: 1,
        bodies: [
          body('text'),
          body('ndjson', { schema: { type: 'object', properties: { n: { type: 'integer' } } } }),
          body('jsonp'),
          body('binary', { example: undefined } as Partial<Body>),
        ],
      },
    ],
  };
  delete (extra.responses[0]!.bodies[3] as Partial<Body>).example;
  const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, { type: 'string' as const, examples: [shown(`v${i}`)] }]));
  const second: Endpoint = {
    key: 'GET second.example /things/{thing_id}',
    method: 'GET',
    host: 'second.example',
    path: '/things/{thing_id}',
    resource: 'things',
    observed: 5,
    statusCounts: { '200': 3, '404': 1, '500': 1 },
    pathParams: [{ name: 'thing_id', position: 1, kind: 'integer', pattern: 'integer', distinct: 3, example: shown('42'), reason: 'values are identifiers' }],
    queryParams: [
      { name: 'page', seen: 2, of: 4, required: false, schema: { type: 'integer' }, example: shown('2') },
      { name: 'q', seen: 4, of: 4, required: true, schema: { type: 'string' } },
    ],
    headers: [],
    auth: [],
    requestBodies: [],
    responses: [
      {
        status: 200,
        seen: 3,
        bodies: [
          body('json', {
            seen: 2,
            schema: {
              type: 'object',
              'x-samples': 2,
              required: ['state'],
              properties: { ...many, state: { type: 'string', enum: shownAll(['open', 'closed']) }, rare: { type: 'integer', 'x-seen': 1 } },
            },
          }),
          body('json', { mediaType: 'application/vnd.list+json', schema: { type: 'array', items: { type: 'integer' } } }),
          body('sse', {
            mediaType: 'text/event-stream',
            events: [
              { event: 'message', type: 'delta', seen: 4, schema: { type: 'object', properties: { v: { type: 'string' } } }, example: shown('{"v":"x"}') },
            ],
            sentinels: ['[DONE]'],
          }),
          body('text', { mediaType: 'application/json', size: { min: 5, max: 5 } }),
        ],
      },
      { status: 404, seen: 1, bodies: [body('empty', { mediaType: 'text/event-stream', size: { min: 0, max: 0 }, example: undefined } as Partial<Body>)] },
      { status: 500, seen: 1, bodies: [] },
    ],
  };
  delete (second.responses[1]!.bodies[0] as Partial<Body>).example;
  const multipart = extra.requestBodies[0]!;
  multipart.parts!.push({ name: 'note', seen: 0, file: false, contentTypes: [], schema: { type: 'string' }, example: shown('hello') });
  const hosts = [
    ...model.hosts,
    {
      name: 'second.example',
      schemes: ['https'],
      apiRoot: '',
      endpoints: 1,
      observed: 5,
      baseUrl: 'https://second.example',
      auth: { credentials: [], csrf: [], requirements: [] },
    },
  ];
  return { ...model, hosts, endpoints: [...model.endpoints, extra, second] };
}
