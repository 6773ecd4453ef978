/**
 * Pairs of synthetic captures, each with one kind of change, through the real pipeline and
 * `diffModels`: the classification (rule) and the level are what a user and a CI gate rely on.
 */
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.js';
import type { ApiModel } from '../../src/model.js';
import { type Call, entries, modelOf, multipartEntry, sseEntry, times, unrecordedBody } from './captures.js';

const item = (i: number, body: Record<string, unknown>, query = ''): Call => ({ path: `/v1/items/${i + 1}${query}`, response: body });
const items = (body: Record<string, unknown>, query = '') => times(3, (i) => item(i, { id: i + 1, ...body }, query));
const bearer = [{ name: 'authorization', value: 'Bearer abc.def' }];

// [case, old entries, new entries, every change expected as `rule level subject`]
const pairs: [string, unknown[], unknown[], string[]][] = [
  ['endpoint added', entries(items({})), entries([...items({}), { path: '/v1/orders', response: [] }]), ['endpoint-added non-breaking ']],
  ['endpoint seen once, gone', entries([...items({}), { path: '/v1/orders', response: [] }]), entries(items({})), ['endpoint-not-observed warning ']],
  [
    'endpoint seen often, gone',
    entries([...items({}), ...times(8, () => ({ path: '/v1/orders', response: [] }))]),
    entries(times(4, () => items({})).flat()),
    ['endpoint-removed breaking '],
  ],
  ['query parameter added (always sent)', entries(items({})), entries(items({}, '?expand=owner')), ['query-parameter-added breaking expand']],
  [
    'query parameter type changed',
    entries(times(3, (i) => item(i, { id: i + 1 }, `?page=${i + 2}`))),
    entries(items({}, '?page=last')),
    ['query-parameter-type-changed breaking page'],
  ],
  [
    'header added',
    entries(items({})),
    entries(items({}).map((c) => ({ ...c, headers: [{ name: 'x-client-version', value: '2' }] }))),
    ['header-added breaking x-client-version'],
  ],
  ['credential added', entries(items({})), entries(items({}).map((c) => ({ ...c, headers: bearer }))), ['auth-added warning bearer header authorization']],
  [
    'request field added',
    entries(times(3, () => ({ method: 'POST', path: '/v1/orders', request: { sku: 'a' } }))),
    entries(times(3, () => ({ method: 'POST', path: '/v1/orders', request: { sku: 'a', qty: 1 } }))),
    ['request-field-added breaking qty'],
  ],
  ['response field removed', entries(items({ name: 'box' })), entries(items({})), ['response-field-removed breaking name']],
  ['response field added', entries(items({})), entries(items({ name: 'box' })), ['response-field-added non-breaking name']],
  ['response field type changed', entries(items({ price: '3' })), entries(items({ price: 3 })), ['response-field-type-changed breaking price']],
  [
    'response field became optional',
    entries(items({ name: 'box' })),
    entries(times(3, (i) => item(i, i === 0 ? { id: 1 } : { id: i + 1, name: 'box' }))),
    ['response-field-became-optional breaking name'],
  ],
  [
    'response field became nullable',
    entries(items({ name: 'box' })),
    entries(times(3, (i) => item(i, { id: i + 1, name: i === 0 ? null : 'box' }))),
    ['response-field-became-nullable breaking name'],
  ],
  [
    'response field format changed',
    entries(items({ ref: '0e8c3f1a-1b2c-4d5e-8f90-123456789abc' })),
    entries(items({ ref: '2025-01-01T10:00:00Z' })),
    ['response-field-format-changed warning ref'],
  ],
  [
    'nested field removed',
    entries(items({ owner: { id: 1, email: 'a' } })),
    entries(items({ owner: { id: 1 } })),
    ['response-field-removed breaking owner.email'],
  ],
  [
    'success status added',
    entries(items({})),
    entries([...items({}), { path: '/v1/items/9', status: 201, response: { id: 9 } }]),
    ['status-added non-breaking 201'],
  ],
  [
    'error status added',
    entries(items({})),
    entries([...items({}), { path: '/v1/items/9', status: 404, response: { error: 'x' } }]),
    ['status-added info 404'],
  ],
  [
    'success status gone',
    entries([...items({}), { path: '/v1/items/9', status: 201, response: { id: 9 } }]),
    entries(items({})),
    ['status-not-observed warning 201'],
  ],
  [
    'response media type changed',
    entries(items({})),
    entries(items({})).map(asText),
    ['response-body-removed breaking application/json', 'response-body-added warning text/plain'],
  ],
  [
    'SSE event kind added',
    [sseEntry('/v1/chat', [{ event: 'delta', data: '{"t":"a"}' }])],
    [
      sseEntry('/v1/chat', [
        { event: 'delta', data: '{"t":"a"}' },
        { event: 'usage', data: '{"n":1}' },
      ]),
    ],
    ['event-added non-breaking usage'],
  ],
  [
    'SSE event kind gone',
    [
      sseEntry('/v1/chat', [
        { event: 'delta', data: '{"t":"a"}' },
        { event: 'usage', data: '{"n":1}' },
      ]),
    ],
    [sseEntry('/v1/chat', [{ event: 'delta', data: '{"t":"a"}' }])],
    ['event-not-observed warning usage'],
  ],
  [
    'SSE event field changed',
    [sseEntry('/v1/chat', [{ event: 'delta', data: '{"t":"a"}' }])],
    [sseEntry('/v1/chat', [{ event: 'delta', data: '{"t":1}' }])],
    ['response-field-type-changed breaking t'],
  ],
  [
    'SSE typed events',
    [sseEntry('/v1/chat', [{ data: '{"type":"start"}' }])],
    [sseEntry('/v1/chat', [{ data: '{"type":"start"}' }, { data: '{"type":"stop"}' }])],
    ['event-added non-breaking message:stop'],
  ],
  [
    'multipart part added',
    times(3, () => multipartEntry('/v1/upload', [{ name: 'file', file: true }])),
    times(3, () => multipartEntry('/v1/upload', [{ name: 'file', file: true }, { name: 'note' }])),
    ['request-field-added breaking note'],
  ],
];

function asText(entry: unknown): unknown {
  const e = entry as { response: { content: Record<string, unknown>; headers: unknown[] } };
  e.response.headers = [{ name: 'content-type', value: 'text/plain' }];
  e.response.content = { size: 2, mimeType: 'text/plain', text: 'ok' };
  return e;
}

function rules(model: ReturnType<typeof diffModels>): string[] {
  return model.changes.map((c) => `${c.rule} ${c.level} ${c.subject}`);
}

describe('diffModels on pairs of captures', () => {
  it.each(pairs)('%s', async (_name, before, after, expected) => {
    const diff = diffModels(await modelOf(before), await modelOf(after));
    expect(rules(diff)).toEqual(expected);
  });

  it('finds no changes between identical captures', async () => {
    const list = entries([
      ...items({ name: 'box', tags: ['a'] }, '?page=1'),
      { method: 'POST', path: '/v1/orders', request: { sku: 'a' }, response: { ok: true } },
    ]);
    const model = await modelOf(list);
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /v1/items/{item_id}', 'POST /v1/orders']);
    const diff = diffModels(model, await modelOf(list));
    expect(diff.changes).toEqual([]);
    expect(diff.summary).toEqual({ breaking: 0, warning: 0, 'non-breaking': 0, info: 0, ignored: 0 });
  });

  it('does not read a body the recorder dropped as a removed body', async () => {
    const before = await modelOf(entries(items({ name: 'box' })));
    const after = await modelOf(times(3, (i) => unrecordedBody(item(i, {}))));
    expect(after.endpoints[0]!.responses[0]!.bodies).toEqual([]);
    expect(diffModels(before, after).changes).toEqual([]);
  });

  it('reports a renamed path parameter as info and nothing else', async () => {
    const before = await modelOf(entries(items({})));
    const after = renameParam(before, 'item_id', 'id');
    const diff = diffModels(before, after);
    expect(rules(diff)).toEqual(['path-parameter-renamed info id']);
    expect(diff.changes[0]!.endpoint.path).toBe('/v1/items/{id}');
  });

  it('keeps fingerprints when only the parameter name differs, and changes them with the change', async () => {
    const before = await modelOf(entries(items({ name: 'box' })));
    const after = await modelOf(entries(items({})));
    const renamed = renameParam(after, 'item_id', 'id');
    const removed = (d: ReturnType<typeof diffModels>) => d.changes.find((c) => c.rule === 'response-field-removed')!.fingerprint;
    expect(removed(diffModels(before, after))).toBe(removed(diffModels(before, renamed)));
    expect(removed(diffModels(before, after))).toMatch(/^[0-9a-f]{12}$/);
    const other = await modelOf(entries(items({ name: 'box', size: 1 })));
    const fingerprints = diffModels(other, after).changes.map((c) => c.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('leaves out ignored fingerprints and counts them', async () => {
    const before = await modelOf(entries(items({ name: 'box', size: 1 })));
    const after = await modelOf(entries(items({})));
    const all = diffModels(before, after);
    expect(all.changes).toHaveLength(2);
    const ignored = diffModels(before, after, { ignore: [all.changes[0]!.fingerprint.toUpperCase()] });
    expect(ignored.changes.map((c) => c.fingerprint)).toEqual([all.changes[1]!.fingerprint]);
    expect(ignored.summary.ignored).toBe(1);
  });

  it('sorts endpoints with breaking changes first, and gives the same bytes twice', async () => {
    const before = await modelOf(entries([...items({ name: 'box' }), { path: '/v1/accounts', response: { x: 1 } }]));
    const after = await modelOf(entries([...items({}), { path: '/v1/accounts', response: { x: 1, y: 2 } }, { path: '/v1/billing', response: {} }]));
    const diff = diffModels(before, after);
    expect(diff.changes.map((c) => `${c.endpoint.path} ${c.level}`)).toEqual([
      '/v1/items/{item_id} breaking',
      '/v1/accounts non-breaking',
      '/v1/billing non-breaking',
    ]);
    expect(JSON.stringify(diffModels(before, after))).toBe(JSON.stringify(diff));
  });

  it('does not mutate the models', async () => {
    const before = await modelOf(entries(items({ name: 'box' })));
    const after = await modelOf(entries(items({})));
    const copies = [structuredClone(before), structuredClone(after)];
    diffModels(before, after);
    expect([before, after]).toEqual(copies);
  });
});

function renameParam(model: ApiModel, from: string, to: string): ApiModel {
  const copy = structuredClone(model);
  for (const endpoint of copy.endpoints) {
    endpoint.path = endpoint.path.replace(`{${from}}`, `{${to}}`);
    endpoint.key = `${endpoint.method} ${endpoint.host} ${endpoint.path}`;
    for (const p of endpoint.pathParams) if (p.name === from) p.name = to;
  }
  return copy;
}
