import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/load/templates.js';
import { Anchors, anchorOf } from '../../src/render/anchors.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { makeEndpoint, makeModel } from '../support/model.js';
import { parseStructure } from '../support/markdown-structure.js';

describe('Anchors', () => {
  it.each([
    ['a heading as GitHub spells it', ['GET /api/v1/items/{item_id}'], ['get-apiv1itemsitem_id']],
    ['repeats numbered in document order', ['GET /a', 'GET /a', 'GET /a'], ['get-a', 'get-a-1', 'get-a-2']],
    ['a numbered anchor that is taken counts on', ['foo', 'foo', 'foo 1'], ['foo', 'foo-1', 'foo-1-1']],
  ])('%s', (_, headings, anchors) => {
    const claimed = new Anchors();
    expect(headings.map((h) => claimed.claim(h))).toEqual(anchors);
    expect(anchorOf(headings[0]!)).toBe(anchors[0]);
  });
});

describe('reference index links', () => {
  const links = (markdown: string) => [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);

  it('lead to distinct headings when the same METHOD /path is on two hosts', () => {
    const model = makeModel([makeEndpoint({ host: 'a.example.com', path: '/api/config' }), makeEndpoint({ host: 'b.example.com', path: '/api/config' })]);
    const markdown = renderMarkdown(model, loadTemplates());
    expect(links(markdown)).toEqual(['api', 'get-apiconfig', 'api-1', 'get-apiconfig-1']);
    const headings = parseStructure(markdown).headings.map((h) => h.text);
    expect(headings.filter((h) => h === 'GET /api/config')).toHaveLength(2);
  });

  it('skip an anchor the title already takes', () => {
    const markdown = renderMarkdown(makeModel([makeEndpoint({ path: '/items' })], { title: 'GET /items' }), loadTemplates());
    expect(links(markdown)).toEqual(['items', 'get-items-1']);
  });

  it('land on a heading each: resources and their endpoints, one host or several', () => {
    const model = makeModel([
      makeEndpoint({ path: '/users/{user_id}', resource: 'users' }),
      makeEndpoint({ method: 'DELETE', path: '/users/{user_id}', resource: 'users' }),
      makeEndpoint({ path: '/orders', resource: 'orders' }),
      makeEndpoint({ host: 'b.example.com', path: '/users', resource: 'users' }),
      makeEndpoint({ path: '/flow', resource: 'flow' }),
    ]);
    const markdown = renderMarkdown(model, loadTemplates());
    const claimed = new Anchors();
    const anchors = parseStructure(markdown).headings.map((h) => claimed.claim(h.text));
    expect(links(markdown).length).toBe(model.endpoints.length + 4);
    for (const link of links(markdown)) expect(anchors).toContain(link);
  });
});
