/**
 * Overlay 1.0 actions on a JSON document, one rule per row: update merges into objects (objects
 * recursively, arrays appended), appends to arrays, replaces scalars; remove takes nodes out
 * (array entries from the last); actions apply in order; the input is never changed; where
 * each action applied is reported, so a stale target can be named.
 */
import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/overlay/apply.js';
import type { OverlayAction } from '../../src/overlay/overlay.js';

const base = () => ({
  info: { title: 't', version: '1' },
  tags: [{ name: 'a' }],
  paths: {
    '/items/{id}': {
      get: {
        summary: 'GET',
        tags: ['x'],
        parameters: [
          { name: 'id', in: 'path' },
          { name: 'q', in: 'query', description: 'old' },
        ],
      },
      delete: { summary: 'DELETE' },
    },
  },
});

describe('applyActions', () => {
  it.each<[string, OverlayAction[], (doc: ReturnType<typeof base>) => void]>([
    [
      'update merges into an object',
      [{ target: "$.paths['/items/{id}'].get", update: { description: 'd' } }],
      (d) => {
        d.paths['/items/{id}'].get = { ...d.paths['/items/{id}'].get, description: 'd' } as never;
      },
    ],
    [
      'update replaces a scalar property',
      [{ target: "$.paths['/items/{id}'].get", update: { summary: 'S' } }],
      (d) => {
        d.paths['/items/{id}'].get.summary = 'S';
      },
    ],
    [
      'update appends an array property',
      [{ target: "$.paths['/items/{id}'].get", update: { tags: ['y'] } }],
      (d) => {
        d.paths['/items/{id}'].get.tags = ['x', 'y'];
      },
    ],
    [
      'update appends to a selected array',
      [{ target: '$.tags', update: { name: 'b' } }],
      (d) => {
        d.tags.push({ name: 'b' });
      },
    ],
    [
      'update merges recursively',
      [{ target: '$', update: { info: { description: 'i' } } }],
      (d) => {
        (d.info as Record<string, string>).description = 'i';
      },
    ],
    [
      'a filter selects by value',
      [{ target: "$.paths.*.get.parameters[?@.name=='q']", update: { description: 'new' } }],
      (d) => {
        d.paths['/items/{id}'].get.parameters[1]!.description = 'new';
      },
    ],
    [
      'a wildcard selects several',
      [{ target: "$.paths['/items/{id}'].*", update: { deprecated: true } }],
      (d) => {
        Object.assign(d.paths['/items/{id}'].get, { deprecated: true });
        Object.assign(d.paths['/items/{id}'].delete, { deprecated: true });
      },
    ],
    [
      'remove takes an object member out',
      [{ target: "$.paths['/items/{id}'].delete", remove: true }],
      (d) => {
        delete (d.paths['/items/{id}'] as Partial<(typeof d.paths)['/items/{id}']>).delete;
      },
    ],
    [
      'remove takes array entries out, from the last',
      [{ target: "$.paths['/items/{id}'].get.parameters[*]", remove: true }],
      (d) => {
        d.paths['/items/{id}'].get.parameters = [];
      },
    ],
    [
      'actions apply in order, each on the result of the last',
      [
        { target: "$.paths['/items/{id}'].get", update: { summary: 'one' } },
        { target: "$.paths['/items/{id}'].get.summary", update: 'two' },
      ],
      (d) => {
        d.paths['/items/{id}'].get.summary = 'two';
      },
    ],
  ])('%s', (_, actions, change) => {
    const input = base();
    const expected = base();
    change(expected);
    const { document, applied } = applyActions(input, actions);
    expect(document).toEqual(expected);
    expect(input).toEqual(base());
    expect(applied.every((a) => a.locations.length > 0)).toBe(true);
  });

  it('reports an action that selects nothing, and changes nothing for it', () => {
    const { document, applied } = applyActions(base(), [
      { target: "$.paths['/gone'].get", update: { summary: 'x' } },
      { target: "$.paths['/items/{id}'].get.parameters[?@.name=='nope']", remove: true },
    ]);
    expect(document).toEqual(base());
    expect(applied.map((a) => [a.index, a.locations])).toEqual([
      [0, []],
      [1, []],
    ]);
  });
});
