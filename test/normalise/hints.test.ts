import { describe, expect, it } from 'vitest';
import { parseHint } from '../../src/normalise/hints.js';

describe('parseHint', () => {
  it.each([
    [
      '/post/{post_id}',
      {
        host: null,
        segments: [
          { type: 'literal', value: 'post' },
          { type: 'param', name: 'post_id' },
        ],
      },
    ],
    [
      '/post/new/',
      {
        host: null,
        segments: [
          { type: 'literal', value: 'post' },
          { type: 'literal', value: 'new' },
        ],
      },
    ],
    [
      'api.example.com/repos/{owner}/{repo}',
      {
        host: 'api.example.com',
        segments: [
          { type: 'literal', value: 'repos' },
          { type: 'param', name: 'owner' },
          { type: 'param', name: 'repo' },
        ],
      },
    ],
    ['*.example.com/*/items', { host: '*.example.com', segments: [{ type: 'any' }, { type: 'literal', value: 'items' }] }],
    ['localhost:3030/wiki/^', { host: 'localhost:3030', segments: [{ type: 'literal', value: 'wiki' }, { type: 'never' }] }],
  ])('%s', (text, expected) => {
    expect(parseHint(text).hint).toMatchObject(expected);
  });

  it.each([
    ['post', 'must be a path'],
    ['post/{id}', 'a path starts with /'],
    ['/', 'has no segments'],
    ['/a//b', 'empty segment'],
    ['/post/{}', 'is not a parameter name'],
    ['/post/{a b}', 'is not a parameter name'],
    ['/post/{id}/x/{id}', 'uses {id} twice'],
    ['/post/id-{id}', 'must be a whole segment'],
  ])('rejects %j in one line', (text, message) => {
    const parsed = parseHint(text);
    expect(parsed.hint).toBeUndefined();
    expect(parsed.error).toContain(message);
    expect(parsed.error).not.toContain('\n');
  });
});
