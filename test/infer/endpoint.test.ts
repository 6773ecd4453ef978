import { describe, expect, it } from 'vitest';
import type { Exchange, NameValue, Payload } from '../../src/exchange.js';
import { createEndpointAccumulator } from '../../src/infer/endpoint.js';
import { CredentialSurvey } from '../../src/normalise/credentials.js';
import type { Endpoint } from '../../src/model.js';
import { makeExchange } from '../support/exchange.js';
import { createGate } from '../../src/infer/gate.js';

const GROUP = { method: 'GET', host: 'api.example.com', path: '/v1/items', pathParams: [] };

const json = (value: unknown): Payload => ({
  mediaType: 'application/json',
  size: JSON.stringify(value).length,
  content: { kind: 'json', value: value as never },
});

interface Spec {
  status?: number;
  query?: NameValue[];
  headers?: NameValue[];
  cookies?: NameValue[];
  request?: Payload | null;
  response?: Payload | null;
}

function exchange(spec: Spec, entry = 0): Exchange {
  const base = makeExchange({ status: spec.status ?? 200, query: spec.query ?? [] }, entry);
  return {
    ...base,
    request: { headers: spec.headers ?? [], cookies: spec.cookies ?? [], body: spec.request ?? null },
    response: { ...base.response, body: spec.response ?? null },
  };
}

/** Credentials are decided over all calls first, as the pipeline does (normalise/credentials.ts). */
async function endpointOf(specs: Spec[]): Promise<Endpoint> {
  const accumulator = createEndpointAccumulator(GROUP, createGate(null));
  const exchanges = specs.map((spec, i) => exchange(spec, i));
  const survey = new CredentialSurvey();
  const sent = exchanges.map((e) => survey.add(e));
  exchanges.forEach((e, i) => accumulator.add(e, survey.credentialsOf(e.url.host, sent[i]!)));
  return accumulator.finish();
}

describe('createEndpointAccumulator', () => {
  it('counts statuses and describes the bodies of each status apart', async () => {
    const endpoint = await endpointOf([
      { response: json({ id: 1 }) },
      { status: 404, response: json({ error: 'x' }) },
      { response: json({ id: 2, name: 'b' }) },
      { response: json({ id: 3 }) },
    ]);
    expect(endpoint).toMatchObject({ key: 'GET api.example.com /v1/items', observed: 4, statusCounts: { 200: 3, 404: 1 } });
    expect(endpoint.responses.map((r) => [r.status, r.seen, r.bodies.map((b) => [b.kind, b.seen, b.schema?.required])])).toEqual([
      [200, 3, [['json', 3, ['id']]]],
      [404, 1, [['json', 1, []]]],
    ]);
  });

  it.each<[string, (Payload | null)[], string[]]>([
    ['absent bodies', [null, null], []],
    ['an empty body with no media type', [{ mediaType: '', size: 0, content: { kind: 'empty' } }], []],
    ['an empty event stream', [{ mediaType: 'text/event-stream', size: 0, content: { kind: 'empty' } }], ['text/event-stream empty']],
    [
      'JSON and text apart',
      [json({ a: 1 }), { mediaType: 'text/plain', size: 2, content: { kind: 'text', text: 'hi' } }, json({ a: 2 })],
      ['application/json json', 'text/plain text'],
    ],
  ])('request bodies: %s', async (_, bodies, expected) => {
    const endpoint = await endpointOf(bodies.map((request) => ({ request })));
    expect(endpoint.requestBodies.map((b) => `${b.mediaType} ${b.kind}`)).toEqual(expected);
  });

  it('counts a query parameter once per request, over the requests of the endpoint; a repeated one is a list', async () => {
    const endpoint = await endpointOf([
      {
        query: [
          { name: 'limit', value: '10' },
          { name: 'limit', value: '20' },
        ],
      },
      {
        query: [
          { name: 'limit', value: '5' },
          { name: 'mode', value: 'full' },
        ],
      },
      { query: [] },
    ]);
    expect(endpoint.queryParams).toEqual([
      { name: 'limit', seen: 2, of: 3, required: false, schema: { type: 'array', items: { type: 'integer' } }, example: '10' },
      { name: 'mode', seen: 1, of: 3, required: false, schema: { type: 'string' }, example: 'full' },
    ]);
  });

  it('observes the first 1000 values of a parameter, and counts every request', async () => {
    const specs: Spec[] = Array.from({ length: 1001 }, (_, i) => ({ query: [{ name: 'page', value: i < 1000 ? String(i) : 'last' }] }));
    const [page] = (await endpointOf(specs)).queryParams;
    expect(page).toMatchObject({ seen: 1001, of: 1001, required: true, schema: { type: 'integer' } });
  });

  it('keeps notable request headers only, a cookie shown by its names', async () => {
    const headers = [
      { name: 'User-Agent', value: 'test' },
      { name: 'X-Trace', value: '' },
      { name: 'Cookie', value: 'theme=dark; sid=<secret:1>' },
    ];
    const trace = { headers: [{ name: 'x-trace', value: 'b' }] };
    const endpoint = await endpointOf([{ headers }, trace, trace]);
    expect(endpoint.headers).toEqual([
      { name: 'cookie', seen: 1, of: 3, required: false, schema: { type: 'string' }, example: 'theme=…; sid=…', kind: 'auth' },
      { name: 'x-trace', seen: 3, of: 3, required: true, schema: { type: 'string' }, example: 'b', kind: 'custom' },
    ]);
  });

  it('counts an auth scheme once per request, wherever it is named', async () => {
    const bearer = { name: 'Authorization', value: 'Bearer Zx9Qa7LmP2vB8nK4rT6yW1cE3hJ5' };
    const endpoint = await endpointOf([
      {
        headers: [bearer, { ...bearer, name: 'authorization' }],
        cookies: [
          { name: 'sessionid', value: 'k3j4h5g6f7d8s9a0' },
          { name: 'sessionid', value: 'k3j4h5g6f7d8s9a1' },
        ],
      },
      { headers: [bearer], query: [{ name: 'api_key', value: 'q8W3e5R7t9Y1u2I4' }] },
      { headers: [{ name: 'Cookie', value: 'theme=dark; auth_token=p0O9i8U7y6T5r4E3' }] },
    ]);
    expect(endpoint.auth).toEqual([
      { type: 'apiKey', in: 'query', name: 'api_key', seen: 1 },
      { type: 'bearer', in: 'header', name: 'authorization', seen: 2 },
      { type: 'cookie', in: 'cookie', name: 'auth_token', seen: 1 },
      { type: 'cookie', in: 'cookie', name: 'sessionid', seen: 1 },
    ]);
    expect(endpoint.authRequirements).toEqual([
      { schemes: ['cookie auth_token'], seen: 1 },
      { schemes: ['cookie sessionid', 'header authorization'], seen: 1 },
      { schemes: ['header authorization', 'query api_key'], seen: 1 },
    ]);
  });

  it('adds GraphQL operations and WebSocket messages only where there are some', async () => {
    const plain = await endpointOf([{ request: json({ a: 1 }) }]);
    expect(plain).not.toHaveProperty('graphql');
    expect(plain).not.toHaveProperty('websocket');
    const accumulator = createEndpointAccumulator(GROUP, createGate(null));
    accumulator.add({
      ...exchange({ request: json({ query: 'query Q { q }' }) }),
      webSocket: [{ direction: 'send', opcode: 1, content: { kind: 'text', text: 'hi' } }],
    });
    const both = await accumulator.finish();
    expect(both.graphql?.map((o) => [o.name, o.seen])).toEqual([['Q', 1]]);
    expect(both.websocket?.messages).toBe(1);
  });
});
