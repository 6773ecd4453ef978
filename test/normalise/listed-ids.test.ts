/**
 * One id, one name, from the resource it identifies: a path parameter whose values a collection
 * listed in its responses (`GET /articles` answering `[{"id": …}]`) is named after that
 * collection, wherever it sits (`/bookmarks/{article_id}/`). Table-driven on synthetic exchanges.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, Json } from '../../src/exchange.js';
import { collectionNoun, ListedIds } from '../../src/normalise/listed-ids.js';
import { templatePaths } from '../../src/normalise/templates.js';
import { makeExchange, testContext } from '../support/exchange.js';

const A = ['3f0c9a52-8d41-4e7b-9c2a-1b5e6f7a8d90', '7a1d2e3f-4b5c-4d6e-8f70-9a1b2c3d4e5f', 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f'];
const U = ['9e8d7c6b-5a49-4382-b716-05f4e3d2c1b0', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'];

function get(path: string, responseJson?: Json): Exchange {
  return makeExchange(responseJson === undefined ? { method: 'GET', path } : { method: 'GET', path, responseJson });
}
function post(path: string): Exchange {
  return makeExchange({ method: 'POST', path, requestJson: { ok: true } });
}

function templated(exchanges: Exchange[]): string[] {
  const listed = new ListedIds();
  for (const exchange of exchanges) listed.add(exchange);
  return [...new Set(templatePaths(exchanges, testContext(), listed).groups.map((g) => `${g.method} ${g.path}`))].sort();
}

describe('a parameter is named by the collection that listed its values', () => {
  it.each<[string, Exchange[], string[]]>([
    [
      'article ids listed by GET /articles name /bookmarks/{x}/',
      [
        get(
          '/api/articles/',
          A.map((id) => ({ id, title: 't' })),
        ),
        post(`/api/bookmarks/${A[0]}/`),
        post(`/api/bookmarks/${A[1]}/`),
      ],
      ['GET /api/articles/', 'POST /api/bookmarks/{article_id}/'],
    ],
    [
      'inside an envelope ({"results": [...]})',
      [get('/api/articles', { count: 3, results: A.map((id) => ({ id })) }), post(`/api/bookmarks/${A[2]}`)],
      ['GET /api/articles', 'POST /api/bookmarks/{article_id}'],
    ],
    [
      'two levels down ({"data": {"items": [...]}}), camelCase collection',
      [get('/api/savedArticles', { data: { items: A.map((id) => ({ id })) } }), post(`/api/rate/${A[0]}/up`)],
      ['GET /api/savedArticles', 'POST /api/rate/{saved_article_id}/up'],
    ],
    [
      'the collection with most of the values wins',
      [
        get(
          '/api/articles',
          A.map((id) => ({ id })),
        ),
        get(
          '/api/users',
          [...U, A[0]!].map((id) => ({ id })),
        ),
        post(`/api/bookmarks/${A[1]}`),
        post(`/api/bookmarks/${A[2]}`),
        post(`/api/bookmarks/${A[0]}`),
      ],
      ['GET /api/articles', 'GET /api/users', 'POST /api/bookmarks/{article_id}'],
    ],
    [
      'a parameter already named by its own listed collection keeps its name',
      [
        get(
          '/api/users',
          U.map((id) => ({ id })),
        ),
        get(`/api/users/${U[0]}`),
        get(`/api/users/${U[1]}`),
      ],
      ['GET /api/users', 'GET /api/users/{user_id}'],
    ],
    [
      'small numbers listed are not evidence',
      [get('/api/pages', [{ id: 1 }, { id: 2 }]), get('/api/orders/1'), get('/api/orders/2')],
      ['GET /api/orders/{order_id}', 'GET /api/pages'],
    ],
    [
      'a listing that is not a GET of a plural collection names nothing',
      [makeExchange({ method: 'POST', path: '/api/search', requestJson: {}, responseJson: A.map((id) => ({ id })) }), post(`/api/bookmarks/${A[0]}`)],
      ['POST /api/bookmarks/{bookmark_id}', 'POST /api/search'],
    ],
    [
      'a name taken on the branch is left',
      [
        get(
          '/api/articles',
          A.map((id) => ({ id })),
        ),
        get(`/api/articles/${A[0]}/related/${A[1]}`),
        get(`/api/articles/${A[1]}/related/${A[2]}`),
      ],
      ['GET /api/articles', 'GET /api/articles/{article_id}/related/{related_id}'],
    ],
  ])('%s', (_label, exchanges, expected) => {
    expect(templated(exchanges)).toEqual(expected);
  });
});

describe('collectionNoun', () => {
  it.each([
    ['/api/articles/', 'article'],
    ['/v2/line-items', 'line_item'],
    ['/api/savedArticles', 'saved_article'],
    ['/api/v2', null],
    ['/api/me', null],
    ['/api/articles/42', null],
    ['/', null],
  ])('%s → %s', (path, noun) => {
    expect(collectionNoun(path)).toBe(noun);
  });
});
