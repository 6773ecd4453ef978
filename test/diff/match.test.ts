import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.js';
import { erasedKey, matchEndpoints } from '../../src/diff/match.js';
import type { Endpoint, IdKind } from '../../src/model.js';
import { modelOfCalls } from './captures.js';

/** An endpoint with a parameter for every `{name}` segment, of the given kind. */
function endpoint(method: string, path: string, kind: IdKind = 'integer', pattern: string = kind): Endpoint {
  const segments = path.split('/').slice(1);
  const pathParams = segments.flatMap((s, position) =>
    s.startsWith('{') ? [{ name: s.slice(1, -1), position, kind, pattern, distinct: 3, reason: 'test' }] : [],
  );
  return {
    key: `${method} api.example.test ${path}`,
    method,
    host: 'api.example.test',
    path,
    observed: 3,
    statusCounts: { 200: 3 },
    pathParams,
    queryParams: [],
    headers: [],
    auth: [],
    requestBodies: [],
    responses: [],
    resource: segments[0] ?? '',
  };
}

const paths = (list: readonly Endpoint[]) => list.map((e) => `${e.method} ${e.path}`);

describe('matchEndpoints', () => {
  it('erases parameter names in the identity', () => {
    expect(erasedKey(endpoint('GET', '/v1/users/{user_id}/posts/{post_id}'))).toBe('GET api.example.test /v1/users/{}/posts/{}');
  });

  it.each([
    ['same template', ['GET /v1/items/{item_id}'], ['GET /v1/items/{item_id}'], [['/v1/items/{item_id}', '/v1/items/{item_id}']], [], []],
    ['renamed parameter', ['GET /v1/items/{item_id}'], ['GET /v1/items/{id}'], [['/v1/items/{item_id}', '/v1/items/{id}']], [], []],
    ['method is part of the identity', ['GET /v1/items'], ['POST /v1/items'], [], ['POST /v1/items'], ['GET /v1/items']],
    [
      'literal sibling stays itself',
      ['GET /v1/items/{item_id}', 'GET /v1/items/recent'],
      ['GET /v1/items/{item_id}'],
      [['/v1/items/{item_id}', '/v1/items/{item_id}']],
      [],
      ['GET /v1/items/recent'],
    ],
    ['different literals do not match', ['GET /v1/a'], ['GET /v1/b'], [], ['GET /v1/b'], ['GET /v1/a']],
    ['a trailing slash is part of the path', ['GET /v1/items/'], ['GET /v1/items/'], [['/v1/items/', '/v1/items/']], [], []],
    ['with and without the slash are two endpoints', ['GET /v1/items/'], ['GET /v1/items'], [], ['GET /v1/items'], ['GET /v1/items/']],
    ['a template with a trailing slash', ['GET /v1/items/{item_id}/'], ['GET /v1/items/{id}/'], [['/v1/items/{item_id}/', '/v1/items/{id}/']], [], []],
  ])('%s', (_name, before, after, pairs, added, missing) => {
    const build = (list: string[]) => list.map((s) => endpoint(s.split(' ')[0]!, s.split(' ')[1]!));
    const match = matchEndpoints(build(before), build(after));
    expect(match.pairs.map((p) => [p.before.path, p.after.path])).toEqual(pairs);
    expect(paths(match.added)).toEqual(added);
    expect(paths(match.missing)).toEqual(missing);
  });

  it('pairs a literal with a template that covers it, when the value fits the parameter', () => {
    const match = matchEndpoints([endpoint('GET', '/v1/users/alice')], [endpoint('GET', '/v1/users/{user_id}', 'word', 'word')]);
    expect(match.pairs.map((p) => [p.before.path, p.after.path])).toEqual([['/v1/users/alice', '/v1/users/{user_id}']]);
  });

  it.each([
    ['me is no integer id', '/v1/users/me', endpoint('GET', '/v1/users/{user_id}', 'integer')],
    ['me is no uuid', '/v1/users/me', endpoint('GET', '/v1/users/{user_id}', 'uuid')],
    ['a prefixed id keeps its prefix', '/v1/gizmos/snorlax', endpoint('GET', '/v1/gizmos/{gizmo_id}', 'prefixed', 'g-p-<32 hex>')],
    ['a room id keeps its sigil', '/v1/rooms/general', endpoint('GET', '/v1/rooms/{room_id}', 'prefixed', '!<opaque>:<server>')],
  ])('does not pair a literal the parameter cannot hold: %s', (_name, literal, template) => {
    const match = matchEndpoints([endpoint('GET', literal)], [template]);
    expect(match.pairs).toEqual([]);
    expect(paths(match.missing)).toEqual([`GET ${literal}`]);
  });

  it.each([
    ['a room id as sent', '/v1/rooms/!AbCdEfGh:example.org/messages'],
    ['a percent-encoded room id', '/v1/rooms/%21AbCdEfGh%3Aexample.org/messages'],
  ])('pairs a sigil id with its template: %s', (_name, literal) => {
    const match = matchEndpoints([endpoint('GET', literal)], [endpoint('GET', '/v1/rooms/{room_id}/messages', 'prefixed', '!<opaque>:<server>')]);
    expect(match.pairs.map((p) => p.before.path)).toEqual([literal]);
  });

  it.each([
    [
      'old template, new literals',
      ['GET /v1/users/{user_id}'],
      ['GET /v1/users/octocat', 'GET /v1/users/torvalds'],
      [['/v1/users/{user_id}', '/v1/users/octocat', '/v1/users/torvalds']],
    ],
    [
      'old literals, new template',
      ['GET /v1/users/defunkt', 'GET /v1/users/octocat', 'GET /v1/users/torvalds'],
      ['GET /v1/users/{user_id}'],
      [['/v1/users/defunkt', '/v1/users/{user_id}', '/v1/users/octocat', '/v1/users/torvalds']],
    ],
    [
      'under a shared parameter',
      ['GET /v1/orgs/{org_id}/repos/{repo_id}'],
      ['GET /v1/orgs/{org_id}/repos/widgets', 'GET /v1/orgs/{id}/repos/gadgets'],
      [['/v1/orgs/{org_id}/repos/{repo_id}', '/v1/orgs/{org_id}/repos/widgets', '/v1/orgs/{id}/repos/gadgets']],
    ],
  ])('lets one template cover several literals on the other side: %s', (_name, before, after, expected) => {
    const build = (list: string[]) => list.map((s) => endpoint(s.split(' ')[0]!, s.split(' ')[1]!, 'word', 'name or slug'));
    const match = matchEndpoints(build(before), build(after));
    expect(match.pairs.map((p) => [p.before.path, p.after.path, ...(p.alsoCovered ?? []).map((e) => e.path)])).toEqual(expected);
    expect(match.added).toEqual([]);
    expect(match.missing).toEqual([]);
  });

  it.each([
    ['a reserved word beside the literals', ['GET /v1/users/{user_id}'], ['GET /v1/users/octocat', 'GET /v1/users/me'], ['GET /v1/users/me'], []],
    ['a literal the parameter cannot hold', ['GET /v1/items/{item_id}'], ['GET /v1/items/7', 'GET /v1/items/recent-ones'], ['GET /v1/items/recent-ones'], []],
    [
      'a literal beside a template on both sides',
      ['GET /v1/users/{user_id}'],
      ['GET /v1/users/{user_id}', 'GET /v1/users/octocat'],
      ['GET /v1/users/octocat'],
      [],
    ],
  ])('does not let a template absorb a distinct endpoint: %s', (_name, before, after, added, missing) => {
    const kind = (path: string): IdKind => (path.includes('items') ? 'integer' : 'word');
    const build = (list: string[]) => list.map((s) => endpoint(s.split(' ')[0]!, s.split(' ')[1]!, kind(s)));
    const match = matchEndpoints(build(before), build(after));
    expect(paths(match.added)).toEqual(added);
    expect(paths(match.missing)).toEqual(missing);
  });

  it('reports a template on one side and its literals on the other as one path change (real pipeline)', async () => {
    const user = { login: 'x', id: 1, bio: 'b' };
    const old = await modelOfCalls(['octocat', 'torvalds', 'defunkt'].map((login) => ({ path: `/users/${login}`, response: user })));
    const now = await modelOfCalls(['octocat', 'torvalds'].map((login) => ({ path: `/users/${login}`, response: user })));
    expect(old.endpoints.map((e) => e.path)).toEqual(['/users/{user_id}']);
    expect(now.endpoints.map((e) => e.path)).toEqual(['/users/octocat', '/users/torvalds']);
    for (const [before, after] of [
      [old, now],
      [now, old],
    ] as const) {
      const diff = diffModels(before, after);
      expect(diff.changes.map((c) => `${c.rule} ${c.level}`)).toEqual(['endpoint-path-changed info']);
      expect(diff.changes[0]!.message).toContain('the template also covers /users/torvalds');
    }
  });
});
