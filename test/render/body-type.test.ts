import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/load/templates.js';
import type { JsonSchema } from '../../src/model.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { jsonBody, makeEndpoint, makeModel } from '../support/model.js';

const item: JsonSchema = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };

/** The reference of one endpoint whose 200 response has this schema. */
function reference(schema: JsonSchema): string {
  return renderMarkdown(makeModel([makeEndpoint({ responses: [{ status: 200, seen: 1, bodies: [jsonBody(schema)] }] })]), loadTemplates());
}

describe('the root type of a body', () => {
  it.each<[string, JsonSchema, string | null]>([
    ['an array of objects', { type: 'array', items: item }, '**Type**: `object[]`'],
    ['an array or an object', { anyOf: [{ type: 'array', items: item }, item] }, '**Type**: `object[] | object`'],
    ['a string', { type: 'string' }, '**Type**: `string`'],
    ['null', { type: 'null' }, '**Type**: `null`'],
    ['a map', { type: 'object', additionalProperties: { type: 'integer' } }, '**Type**: `map of integer`'],
    ['an object without fields', { type: 'object' }, '**Type**: `object`'],
    ['an object whose fields the table lists', item, null],
  ])('is printed for %s where the field table does not say it', (_, schema, line) => {
    const markdown = reference(schema);
    const printed = markdown.split('\n').filter((l) => l.startsWith('**Type**'));
    expect(printed).toEqual(line === null ? [] : [line]);
  });

  it('comes before the field table', () => {
    const markdown = reference({ type: 'array', items: item });
    expect(markdown.indexOf('**Type**: `object[]`')).toBeLessThan(markdown.indexOf('| `[].id` | integer |'));
  });
});
