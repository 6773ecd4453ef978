import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/exchange.js';
import { GraphqlAccumulator } from '../../src/infer/graphql.js';
import { fed } from '../support/accumulate.js';
import { makeExchange } from '../support/exchange.js';
import { createGate } from '../../src/infer/gate.js';

const operationsOf = (exchanges: Exchange[]) => fed(new GraphqlAccumulator(createGate(null)), exchanges).finish();

describe('GraphqlAccumulator', () => {
  it('lists operations by name with their kind, evidence and variables schema', async () => {
    const operations = await operationsOf([
      makeExchange({
        path: '/graphql',
        requestJson: { operationName: 'GetUser', query: 'query GetUser($id: ID!) { user(id: $id) { name } }', variables: { id: '42' } },
      }),
      makeExchange({
        path: '/graphql',
        requestJson: {
          operationName: 'GetUser',
          query: 'query GetUser($id: ID!, $full: Boolean) { user(id: $id) { name } }',
          variables: { id: '7', full: true },
        },
      }),
      makeExchange({ path: '/graphql', requestJson: { query: 'mutation Rename($name: String!) { rename(name: $name) }', variables: { name: 'x' } } }),
      makeExchange({ path: '/graphql', requestJson: { query: '{ viewer { id } }' } }),
    ]);
    expect(operations?.map((o) => [o.name, o.operation, o.seen])).toEqual([
      ['(anonymous)', 'query', 1],
      ['GetUser', 'query', 2],
      ['Rename', 'mutation', 1],
    ]);
    const getUser = operations![1]!;
    // Two samples: every one had `id`, which is not yet enough to call it required.
    expect(getUser.variables!.required).toEqual([]);
    expect(getUser.variables!.properties!.id!['x-seen']).toBe(2);
    expect(getUser.variables!.properties!.full!['x-seen']).toBe(1);
    expect(JSON.parse(getUser.example!)).toEqual({ id: '7', full: true });
  });

  it('reads batches, skips comments and fragments, and picks the named operation', async () => {
    const query = '# a comment { not this }\nfragment F on User { id }\nquery A { a { ...F } }\nsubscription B { b }';
    const operations = await operationsOf([
      makeExchange({ path: '/graphql', requestJson: [{ operationName: 'B', query }, { query: 'query C { c(arg: "}{") }' }] }),
    ]);
    expect(operations?.map((o) => [o.name, o.operation])).toEqual([
      ['B', 'subscription'],
      ['C', 'query'],
    ]);
  });

  it('recognises persisted queries and GET requests, without reading variables from a URL', async () => {
    const operations = await operationsOf([
      makeExchange({
        path: '/graphql',
        requestJson: { operationName: 'Feed', variables: { first: 10 }, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      }),
      makeExchange({
        method: 'GET',
        path: '/graphql',
        query: [
          { name: 'query', value: 'query Search { s }' },
          { name: 'variables', value: '{"q":"x"}' },
        ],
      }),
    ]);
    expect(operations?.map((o) => [o.name, o.operation, o.variables?.type])).toEqual([
      ['Feed', 'unknown', 'object'],
      ['Search', 'query', undefined],
    ]);
  });

  it('says nothing about endpoints that are not GraphQL', async () => {
    expect(await operationsOf([makeExchange({ path: '/search', requestJson: { query: 'red shoes' } }), makeExchange({ path: '/x' })])).toBeUndefined();
  });
});
