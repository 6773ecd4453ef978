/** Resource groups: first meaningful segment after the API root; deeper when a host shares one. */
import { describe, expect, it } from 'vitest';
import { assignResources } from '../../src/infer/resource.js';
import { createGate } from '../../src/infer/gate.js';
import { ResponseHeadersAccumulator } from '../../src/infer/response-headers.js';
import { makeExchange } from '../support/exchange.js';

describe('assignResources', () => {
  it.each<[string, string, string[], string[]]>([
    [
      'after the API root',
      '/backend-api',
      ['/backend-api/conversation/{id}', '/backend-api/conversations', '/backend-api/me'],
      ['conversation', 'conversations', 'me'],
    ],
    [
      'skips versions, one-letter and parameter segments',
      '',
      ['/api/v9/channels/{id}/messages', '/v1/users', '/f/conversation'],
      ['channels', 'users', 'conversation'],
    ],
    [
      'looks deeper when every path shares the first segment',
      '/api',
      ['/api/organizations/{org_id}/chat_conversations/{id}', '/api/organizations/{org_id}/projects', '/api/organizations/{org_id}'],
      ['chat_conversations', 'projects', 'organizations'],
    ],
    ['a path with no literal segment', '', ['/{id}', '/items'], ['(root)', 'items']],
  ])('%s', (_label, root, paths, expected) => {
    expect(
      assignResources(
        paths.map((path) => ({ host: 'h', path })),
        { h: root },
      ),
    ).toEqual(expected);
  });
});

describe('response headers that matter', () => {
  it.each<[string, string, string | null, string | undefined]>([
    ['rate limit', 'x-ratelimit-remaining', 'rate-limit', '42'],
    ['retry', 'retry-after', 'rate-limit', '42'],
    ['a redirect keeps query names, not values', 'location', 'location', 'https://a.example/cb?code=…&state=…&page=2'],
    ['pagination link', 'link', 'pagination', '<https://a.example/items?cursor=…&page=2>; rel="next"'],
    ['caching', 'etag', 'caching', '42'],
    ['a download', 'content-disposition', 'download', '42'],
    ['not one a client needs', 'server', null, undefined],
  ])('%s', (_label, name, kind, example) => {
    const value =
      {
        location: 'https://a.example/cb?code=9f8a7b6c5d&state=xyz&page=2',
        link: '<https://a.example/items?cursor=Zx81Qp02&page=2>; rel="next"',
      }[name as 'location' | 'link'] ?? '42';
    const exchange = makeExchange();
    const accumulator = new ResponseHeadersAccumulator(createGate(null));
    accumulator.add({ ...exchange, response: { ...exchange.response, headers: [{ name, value }] } });
    const headers = accumulator.finish().headers ?? [];
    expect(headers.map((h) => [h.kind, h.example])).toEqual(kind === null ? [] : [[kind, example]]);
  });
});
