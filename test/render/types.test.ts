/**
 * TypeScript types from hand-built models: names from method and path, every body shape
 * (object, array, map, string, nullable, union, enum) declared, closed interfaces, and the file
 * compiling under `--strict` and agreeing with the OpenAPI document as openapi-typescript reads it.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/model.js';
import { renderOpenApi } from '../../src/render/openapi/document.js';
import { renderTypes } from '../../src/render/types.js';
import { agreementCheck, compileTypeScript, importOpenApi } from '../support/consumers.js';
import { jsonBody, makeBody, makeEndpoint, makeModel, shownAll } from '../support/model.js';

const item: JsonSchema = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, at: { type: 'string', format: 'date-time' }, n: { type: ['integer', 'null'] } },
  required: ['id'],
};

const shapes: Record<string, JsonSchema> = {
  object: item,
  array: { type: 'array', items: item },
  map: { type: 'object', additionalProperties: item },
  string: { type: 'string' },
  nullable: { type: ['object', 'null'], properties: { ok: { type: 'boolean' } }, required: ['ok'] },
  union: { anyOf: [item, { type: 'array', items: { type: 'integer' } }] },
  enum: { type: 'string', enum: shownAll(['open', 'closed']) },
  empty: { type: 'object', properties: {} },
  open: { description: 'recursive structure' },
  mixed: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: { type: 'number' } },
  // quicktype restyles `A1bC2d` to `A1BC2D`, and that again to `A1Bc2D`: names must be settled.
  a1bC2d: item,
};

const model = makeModel(
  Object.entries(shapes).map(([path, schema]) =>
    makeEndpoint({ path: `/backend-api/${path}`, responses: [{ status: 200, seen: 1, bodies: [jsonBody(schema)] }] }),
  ),
);

describe('renderTypes', () => {
  it('declares a type per body, named from method and path', async () => {
    const types = await renderTypes(model);
    for (const name of [
      'GetObjectResponse',
      'GetArrayResponse',
      'GetMapResponse',
      'GetStringResponse',
      'GetNullableResponse',
      'GetUnionResponse',
      'GetEnumResponse',
      'GetEmptyResponse',
      'GetOpenResponse',
      'GetMixedResponse',
    ]) {
      expect(types).toMatch(new RegExp(`^export (interface|type) ${name}\\b`, 'm'));
    }
  });

  it.each([
    ['an object as a closed interface', /^export interface GetObjectResponse \{\n {4}at\?: +string;\n {4}id: +string;\n {4}n\?: +number \| null;\n\}/m],
    ['an array as an alias over an interface', /^export type GetArrayResponse = GetArrayResponseItem\[\];$/m],
    ['a map as an index signature', /^export type GetMapResponse = \{ \[key: string\]: GetMapResponseValue \};$/m],
    ['a string as string', /^export type GetStringResponse = string;$/m],
    ['a nullable object', /^export type GetNullableResponse = GetNullableResponseObject \| null;$/m],
    ['a union', /^export type GetUnionResponse = GetUnionResponseOption1 \| number\[\];$/m],
    ['an enum as literals', /^export type GetEnumResponse = "open" \| "closed";$/m],
    ['an object never seen with fields as a map', /^export type GetEmptyResponse = \{ \[key: string\]: unknown \};$/m],
    ['a schema without type as unknown', /^export type GetOpenResponse = unknown;$/m],
  ])('writes %s', async (_, pattern) => {
    expect(await renderTypes(model)).toMatch(pattern);
  });

  it('keeps date-time strings as strings', async () => {
    expect(await renderTypes(model)).not.toMatch(/\bDate\b/);
  });

  it('compiles under --strict and agrees with the OpenAPI document both ways', async () => {
    const [types, openapi] = await Promise.all([renderTypes(model), renderOpenApi(model)]);
    const names = Object.keys((JSON.parse(openapi) as { components: { schemas: object } }).components.schemas);
    expect(names).toHaveLength(Object.keys(shapes).length);
    // openapi-typescript reads `mixed` as `{ a: string } & { [key: string]: number }`, which no
    // value with an `a` can satisfy; types.ts says `[property: string]: unknown` instead.
    const comparable = names.filter((name) => name !== 'GetMixedResponse');
    expect(compileTypeScript({ 'types.ts': types, 'openapi.ts': await importOpenApi(openapi), 'check.ts': agreementCheck(comparable) })).toEqual([]);
  });

  it('gives an object with declared extra keys an index signature every property fits', async () => {
    expect(await renderTypes(model)).toMatch(/^export interface GetMixedResponse \{\n {4}a: string;\n {4}\[property: string\]: unknown;\n\}/m);
  });

  it('fails the agreement check when a type and its schema differ', async () => {
    const types = (await renderTypes(model)).replace('export type GetStringResponse = string;', 'export type GetStringResponse = number;');
    const openapi = await renderOpenApi(model);
    const diagnostics = compileTypeScript({ 'types.ts': types, 'openapi.ts': await importOpenApi(openapi), 'check.ts': agreementCheck(['GetStringResponse']) });
    expect(diagnostics.join('\n')).toMatch(/check\.ts:\d+: Type '.*' does not satisfy the constraint/);
  });

  it('names requests, event kinds and their union, and escapes comment ends', async () => {
    const sse = makeBody({
      mediaType: 'text/event-stream',
      kind: 'sse',
      events: [
        { event: 'delta', seen: 2, schema: { type: 'object', properties: { v: { type: 'string' } }, required: ['v'] } },
        {
          event: 'message',
          type: 'message_stream_complete',
          seen: 1,
          schema: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] },
        },
      ],
    });
    const chat = makeModel(
      [
        makeEndpoint({
          method: 'POST',
          path: '/backend-api/f/conversation/*/',
          requestBodies: [jsonBody(item)],
          responses: [{ status: 200, seen: 1, bodies: [sse] }],
        }),
      ],
      { title: 'Tricky */ title' },
    );
    const types = await renderTypes(chat);
    expect(types).toMatch(/^export interface PostFConversationRequest \{/m);
    expect(types).toMatch(/^export type PostFConversationEvent = PostFConversationDeltaEvent \| PostFConversationMessageStreamCompleteEvent;$/m);
    expect(types).toContain('Tricky *\\/ title');
    expect(compileTypeScript({ 'types.ts': types })).toEqual([]);
  });

  it('writes a module that compiles for a model without bodies', async () => {
    const types = await renderTypes(makeModel([makeEndpoint()]));
    expect(types).toMatch(/^export \{\};$/m);
    expect(compileTypeScript({ 'types.ts': types })).toEqual([]);
  });

  it('is deterministic', async () => {
    expect(await renderTypes(model)).toBe(await renderTypes(model));
  });
});
