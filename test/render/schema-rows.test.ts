import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/model.js';
import { schemaRows, typeLabel } from '../../src/render/schema-rows.js';
import { shown, shownAll } from '../support/model.js';

const schema: JsonSchema = {
  type: 'object',
  'x-samples': 4,
  required: ['id', 'mapping'],
  properties: {
    id: { type: 'string', format: 'uuid', examples: [shown('11fb836b-a771-4008-ad3a-39a946c75bf4')], 'x-seen': 4 },
    note: { type: ['string', 'null'], examples: [shown('hi')], 'x-seen': 1 },
    role: { type: 'string', enum: shownAll(['assistant', 'user']), 'x-seen': 4 },
    mapping: {
      type: 'object',
      'x-seen': 4,
      additionalProperties: { type: 'object', 'x-samples': 9, required: ['id'], properties: { id: { type: 'integer', examples: [3], 'x-seen': 9 } } },
    },
    v: {
      'x-seen': 4,
      anyOf: [
        { type: 'object', 'x-samples': 2, required: [], properties: { a: { type: 'boolean', examples: [false], 'x-seen': 1 } } },
        { type: 'string', examples: [shown('x')] },
      ],
    },
  },
};

describe('schemaRows', () => {
  it('flattens a schema into sorted rows with presence evidence and examples', () => {
    const { rows, more } = schemaRows(schema);
    expect(more).toBe(0);
    expect(rows).toEqual([
      { path: 'id', type: 'string (uuid)', required: true, seen: { n: 4, of: 4 }, example: shown('11fb836b-a771-4008-ad3a-39a946c75bf4') },
      { path: 'mapping', type: 'map of object', required: true, seen: { n: 4, of: 4 } },
      { path: 'mapping.{key}.id', type: 'integer', required: true, seen: { n: 9, of: 9 }, example: shown('3') },
      { path: 'note', type: 'string | null', required: false, seen: { n: 1, of: 4 }, example: shown('hi') },
      { path: 'role', type: 'string enum', required: false, seen: { n: 4, of: 4 }, enum: shownAll(['assistant', 'user']) },
      { path: 'v', type: 'object | string', required: false, seen: { n: 4, of: 4 }, example: shown('x') },
      { path: 'v.a', type: 'boolean', required: false, seen: { n: 1, of: 2 }, example: shown('false') },
    ]);
  });

  it('stops at the row budget and counts the rest', () => {
    const wide: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`f${String(i).padStart(2, '0')}`, { type: 'integer' }])),
    };
    const { rows, more } = schemaRows(wide);
    expect(rows).toHaveLength(60);
    expect(more).toBe(10);
  });
});

describe('typeLabel', () => {
  it.each<[JsonSchema, string]>([
    [{ type: 'array', items: { type: ['string', 'null'] } }, '(string | null)[]'],
    [{ type: 'object', additionalProperties: { type: 'integer' } }, 'map of integer'],
    [{}, 'any'],
  ])('%j → %s', (input, label) => {
    expect(typeLabel(input)).toBe(label);
  });
});
