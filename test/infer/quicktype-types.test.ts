/**
 * `quicktypeTypeScript` hands quicktype one schema document with every type under `definitions`
 * (`typesDocument`), not one named source per type: quicktype's cost per schema position is lower
 * without a source address, and the declarations must be the same. The reference here is the
 * one-source-per-type input, built with quicktype-core directly.
 */
import { InputData, JSONSchemaInput, quicktype } from 'quicktype-core';
import { describe, expect, it } from 'vitest';
import { quicktypeTypeScript, typesDocument } from '../../src/infer/quicktype.js';
import type { JsonSchema } from '../../src/model.js';
import { shownAll } from '../support/model.js';

/** The same options as `quicktypeTypeScript`, one source per type: what it did before. */
// Typed loosely, as in the adapter: quicktype types the acronym option as an enum it does not export.
const rendererOptions: Record<string, string> = { 'just-types': 'true', 'prefer-unions': 'true', 'acronym-style': 'camel' };

async function perSourceTypeScript(sources: readonly { name: string; schema: JsonSchema }[]): Promise<string> {
  const input = new JSONSchemaInput(undefined);
  for (const source of sources) await input.addSource({ name: source.name, schema: JSON.stringify(source.schema) });
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({
    inputData,
    lang: 'typescript',
    inferMaps: false,
    inferEnums: false,
    inferUuids: false,
    inferDateTimes: false,
    inferIntegerStrings: false,
    inferBooleanStrings: false,
    combineClasses: false,
    rendererOptions,
  });
  return result.lines.join('\n');
}

const user: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid', examples: shownAll(['x']), 'x-seen': 3 },
    name: { type: ['string', 'null'], description: 'The name */ as shown' },
    role: { type: 'string', enum: shownAll(['admin', 'member']) },
    tags: { type: 'array', items: { type: 'string' } },
    address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
  required: ['id', 'name'],
  additionalProperties: false,
  'x-samples': 3,
};

const cases: [string, { name: string; schema: JsonSchema }[]][] = [
  ['one object', [{ name: 'GetUserResponse', schema: user }]],
  [
    'objects sharing nested names, in an order that is not alphabetical',
    [
      { name: 'PostUserResponse', schema: user },
      { name: 'GetUserResponse', schema: { ...user, properties: { ...user.properties, extra: { type: 'integer' } } } },
      { name: 'AUserRequest', schema: { type: 'object', properties: { address: { type: 'string' } }, required: [], additionalProperties: false } },
    ],
  ],
  [
    'a union, a map and a property named definitions',
    [
      { name: 'GetThingsResponseOption1', schema: { type: 'object', properties: { a: { type: 'number' } }, required: ['a'], additionalProperties: false } },
      {
        name: 'GetMapResponseValue',
        schema: {
          type: 'object',
          properties: {
            definitions: { type: 'array', items: { type: 'object', properties: { b: { type: 'boolean' } }, required: [], additionalProperties: false } },
          },
          required: [],
          additionalProperties: {},
        },
      },
      { name: 'Empty', schema: { type: 'object', properties: { any: { description: 'recursive structure' } }, required: [], additionalProperties: false } },
    ],
  ],
];

describe('quicktypeTypeScript', () => {
  it.each(cases)('declares the same as one source per type: %s', async (_, sources) => {
    expect(await quicktypeTypeScript(sources)).toBe(await perSourceTypeScript(sources));
  });
});

describe('typesDocument', () => {
  it('puts every type under definitions, in the order given, as one source without an address', () => {
    const document = typesDocument([
      { name: 'Zeta', schema: { type: 'string' } },
      { name: 'Alpha', schema: { type: 'integer' } },
    ]);
    expect(document.name).toBe('');
    expect(document.uris).toEqual(['#/definitions/']);
    expect(document.schema).toBe('{"definitions":{"Zeta":{"type":"string"},"Alpha":{"type":"integer"}}}');
  });

  it.each(['0', '7', '42'])('refuses the name %s, which an object would move first', (name) => {
    expect(() => typesDocument([{ name, schema: {} }])).toThrow(/is a number/);
  });

  it.each(['07', 'A1', '1a', '-1'])('takes the name %s, which keeps its place', (name) => {
    expect(
      Object.keys(
        JSON.parse(
          typesDocument([
            { name: 'B', schema: {} },
            { name, schema: {} },
          ]).schema,
        ).definitions,
      ),
    ).toEqual(['B', name]);
  });
});
