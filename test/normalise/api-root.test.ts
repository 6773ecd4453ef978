import { describe, expect, it } from 'vitest';
import { detectApiRoot } from '../../src/normalise/api-root.js';
import { splitPath } from '../../src/normalise/templates.js';
import { addPath, emptyNode } from '../../src/normalise/trie.js';
import { line } from '../support/exchange.js';

function root(paths: string[]): string {
  const trie = emptyNode();
  for (const path of paths) addPath(trie, splitPath(path), line(`GET ${path}`));
  const segments = detectApiRoot(trie);
  return segments.length > 0 ? `/${segments.join('/')}` : '';
}

describe('detectApiRoot', () => {
  it.each<[string, string[], string]>([
    ['ChatGPT backend', ['/backend-api/me', '/backend-api/models', '/backend-api/conversation/1', '/backend-api/gizmos/g/sidebar'], '/backend-api'],
    ['a majority is enough', ['/backend-api/me', '/backend-api/models', '/backend-api/conversations', '/ces/v1/t'], '/backend-api'],
    ['api and version', ['/api/v2/users/1', '/api/v2/orders', '/api/v2/items/3'], '/api/v2'],
    ['Shopify admin', ['/admin/api/2024-01/orders.json', '/admin/api/2024-01/products/1.json'], '/admin/api/2024-01'],
    ['Salesforce', ['/services/data/v58.0/sobjects/Account', '/services/data/v58.0/query'], '/services/data/v58.0'],
    ['API Gateway stage', ['/prod/kudos/receivers', '/prod/kudos/givers'], '/prod'],
    ['a number after api is a version', ['/api/3/action/package_show', '/api/3/action/package_list'], '/api/3'],
    ['a number after a gateway word is an id', ['/services/7/status', '/services/7/logs'], '/services'],
    ['one path under /api', ['/api/users/2'], '/api'],
    ['a shared resource is not a root', ['/users/1/settings', '/users/2/settings'], ''],
    ['no majority', ['/authors/1', '/books/2', '/form'], ''],
    ['an endpoint called api', ['/api', '/health'], ''],
    ['a version alone', ['/v1/charges', '/v1/customers/cus_1'], '/v1'],
  ])('%s', (_name, paths, expected) => {
    expect(root(paths)).toBe(expected);
  });
});
