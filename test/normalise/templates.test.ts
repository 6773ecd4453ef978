import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/exchange.js';
import { templatePaths } from '../../src/normalise/templates.js';

function exchange(method: string, path: string, host = 'api.example.com'): Exchange {
  return {
    source: 't', entry: 0, startedAt: null, method, resourceType: 'fetch', webSocket: [],
    url: { scheme: 'https', host, path, query: [], fragment: '' },
    request: { headers: [], cookies: [], body: null },
    response: { headers: [], cookies: [], body: null, status: 200, statusText: 'OK', redirectURL: '' },
  };
}

function templates(paths: string[]): string[] {
  return [...new Set(templatePaths(paths.map((p) => exchange('GET', p))).map((g) => g.path))].sort();
}

describe('templatePaths', () => {
  it.each([
    ['UUIDs merge into one named parameter', ['/backend-api/conversation/0f8fad5b-d9cb-469f-a165-70867728950e', '/backend-api/conversation/7c9e6679-7425-40de-944b-e07fc1f90ae7'], ['/backend-api/conversation/{conversation_id}']],
    ['integers', ['/users/1/settings', '/users/22/settings'], ['/users/{user_id}/settings']],
    ['prefixed hex ids with a literal sibling', ['/gizmos/g-p-676071f578e48191bb71c4c1757ce2ec/conversations', '/gizmos/g-p-689f1bab49d081918a1a8b99c1dbca96/conversations', '/gizmos/snorlax/sidebar'], ['/gizmos/snorlax/sidebar', '/gizmos/{gizmo_id}/conversations']],
    ['words stay literal', ['/backend-api/me', '/backend-api/settings', '/backend-api/models'], ['/backend-api/me', '/backend-api/models', '/backend-api/settings']],
    ['version segments stay literal', ['/v1/items', '/v2/items'], ['/v1/items', '/v2/items']],
  ])('%s', (_name, paths, expected) => {
    expect(templates(paths)).toEqual(expected);
  });

  it('counts distinct values and records the pattern, not the list of ids', () => {
    const groups = templatePaths(['/gizmos/g-p-676071f578e48191bb71c4c1757ce2ec/x', '/gizmos/g-p-689f1bab49d081918a1a8b99c1dbca96/x', '/gizmos/g-p-676071f578e48191bb71c4c1757ce2ec/x'].map((p) => exchange('GET', p)));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.pathParams).toEqual([expect.objectContaining({ name: 'gizmo_id', pattern: 'g-p-<32 hex>', distinct: 2 })]);
  });
});
