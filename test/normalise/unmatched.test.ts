/**
 * Filters and hints that matched nothing are warnings naming them and the nearest endpoints
 * (unmatched.ts): hint matching, nearest-path ranking, and which flags are reported.
 */
import { describe, expect, it } from 'vitest';
import { parseHint } from '../../src/normalise/hints.js';
import { FilterUsage, hintMatches, likeness, nearest } from '../../src/normalise/unmatched.js';
import { resolveOptions } from '../../src/options.js';

describe('hintMatches', () => {
  it.each<[string, string, string, boolean]>([
    ['/post/{post_id}', 'api.example.com', '/post/hello', true],
    ['/post/{post_id}', 'api.example.com', '/post/hello/comments', true],
    ['/post/{post_id}', 'api.example.com', '/post', false],
    ['/post/{post_id}', 'api.example.com', '/posts/hello', false],
    ['/post/new', 'api.example.com', '/post/new/', true],
    ['/*/items/{item}', 'api.example.com', '/v2/items/9', true],
    ['/*/items/{item}', 'api.example.com', '/v2/things/9', false],
    ['api.example.com/repos/{owner}', 'api.example.com', '/repos/x', true],
    ['api.example.com/repos/{owner}', 'other.example.com', '/repos/x', false],
    ['*.example.com/repos/{owner}', 'eu.example.com', '/repos/x', true],
  ])('%s on %s%s = %s', (text, host, path, expected) => {
    const parsed = parseHint(text);
    expect(parsed.hint).toBeDefined();
    expect(hintMatches(parsed.hint!, host, path)).toBe(expected);
  });
});

describe('nearest', () => {
  const endpoints = [
    { host: 'api.example.com', path: '/api/v1/users/{user_id}' },
    { host: 'api.example.com', path: '/api/v1/users/{user_id}/posts' },
    { host: 'api.example.com', path: '/api/v1/orders' },
    { host: 'api.example.com', path: '/health' },
  ];
  it.each<[string, string[]]>([
    ['/api/v2/users/{id}', ['api.example.com/api/v1/users/{user_id}', 'api.example.com/api/v1/users/{user_id}/posts', 'api.example.com/api/v1/orders']],
    ['/users/*/posts', ['api.example.com/api/v1/users/{user_id}/posts', 'api.example.com/api/v1/users/{user_id}']],
    ['/api/v1/order', ['api.example.com/api/v1/orders', 'api.example.com/api/v1/users/{user_id}', 'api.example.com/api/v1/users/{user_id}/posts']],
    ['api.example.com/health/**', ['api.example.com/health']],
    ['/nothing/alike', []],
    ['/api/v1/user/*', ['api.example.com/api/v1/users/{user_id}', 'api.example.com/api/v1/users/{user_id}/posts', 'api.example.com/api/v1/orders']],
    ['/helth', ['api.example.com/health']],
  ])('%s → %j', (written, expected) => {
    expect(nearest(written, endpoints)).toEqual(expected);
  });
});

describe('likeness', () => {
  it.each<[string, string, number]>([
    ['users', 'users', 2],
    ['user', 'users', 1],
    ['widget', 'widgets', 1],
    ['orders', 'order', 1],
    ['abc', 'abd', 0],
    ['items', 'times', 0],
    ['conversation', 'conversations', 1],
    ['conversation', 'conservation', 1],
    ['health', 'wealth', 1],
    ['posts', 'orders', 0],
  ])('%s ~ %s = %i', (a, b, expected) => {
    expect(likeness(a, b)).toBe(expected);
  });
});

describe('FilterUsage', () => {
  const traffic: [string, string][] = [
    ['api.example.com', '/api/v1/users/42'],
    ['api.example.com', '/api/v1/orders'],
    ['cdn.example.com', '/static/app.js'],
  ];
  const endpoints = [
    { host: 'api.example.com', path: '/api/v1/users/{user_id}' },
    { host: 'api.example.com', path: '/api/v1/orders' },
  ];

  function run(options: Parameters<typeof resolveOptions>[0]) {
    const usage = new FilterUsage(resolveOptions(options));
    for (const [host, path] of traffic) {
      usage.observe(host, path);
      if (host === 'api.example.com') usage.observeKept(host, path);
    }
    return usage.finish(endpoints, usage.seenPrefixes());
  }

  it.each<[string, Parameters<typeof resolveOptions>[0], string[]]>([
    ['filters that match say nothing', { hosts: ['*.example.com'], include: ['/api/**'], exclude: ['/static/*'], hints: ['/api/v1/users/{id}'] }, []],
    ['an exclude copied from the reference matches', { exclude: ['/api/v1/users/{user_id}'] }, []],
    ['an unmatched exclude', { exclude: ['/api/v2/users/*'] }, ['filter-unmatched --exclude "/api/v2/users/*"']],
    ['an unmatched include', { include: ['/api/v1/**', '/graphql'] }, ['filter-unmatched --include "/graphql"']],
    ['an unmatched host', { hosts: ['api.example.org'] }, ['filter-unmatched --host "api.example.org"']],
    ['a hint from the README', { hints: ['/post/{post_id}', '/api/v1/orders'] }, ['hint-unmatched --hint "/post/{post_id}"']],
    ['a hint on traffic that selection left out', { hints: ['/static/{file}'] }, ['hint-unmatched --hint "/static/{file}"']],
    ["an unreadable hint is templating's to report", { hints: ['post/{id}'] }, []],
  ])('%s', (_name, options, expected) => {
    expect(run(options).map((d) => `${d.code} ${d.message.slice(0, d.message.indexOf(' matched'))}`)).toEqual(expected);
  });

  it('names the nearest endpoints and the hosts seen', () => {
    const [exclude] = run({ exclude: ['/api/v2/users/*'] });
    expect(exclude!.message).toContain('nearest: api.example.com/api/v1/users/{user_id}');
    const [host] = run({ hosts: ['api.example.org'] });
    expect(host!.message).toContain('hosts in the capture: api.example.com, cdn.example.com');
  });
});

describe('FilterUsage.seenPrefixes: the first two segments of each path', () => {
  it.each<[string, string]>([
    ['/api/v1/users/42', '/api/v1'],
    ['/api/v1/', '/api/v1'],
    ['/api/v1', '/api/v1'],
    ['/api', '/api'],
    ['/', '/'],
    ['', '/'],
    ['//x/y', '//x'],
  ])('%s → %s', (path, prefix) => {
    const usage = new FilterUsage(resolveOptions({}));
    usage.observe('api.example.com', path);
    expect(usage.seenPrefixes()).toEqual([{ host: 'api.example.com', path: prefix }]);
  });
});
