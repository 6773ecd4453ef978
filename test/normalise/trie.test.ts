/** Which exchanges' response shapes templating reads: the first four of each host and path. */
import { describe, expect, it } from 'vitest';
import { ShapeNeeds } from '../../src/normalise/trie.js';

describe('ShapeNeeds', () => {
  it.each<[string, [string, string][], boolean[]]>([
    ['the first four of a path', Array.from({ length: 6 }, () => ['a.example', '/x'] as [string, string]), [true, true, true, true, false, false]],
    [
      'each path and host counted apart',
      [
        ['a.example', '/x'],
        ['a.example', '/y'],
        ['b.example', '/x'],
        ['a.example', '/x'],
      ],
      [true, true, true, true],
    ],
  ])('%s', (_name, calls, expected) => {
    const needs = new ShapeNeeds();
    expect(calls.map(([host, path]) => needs.needsShape(host, path))).toEqual(expected);
  });
});
