import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/diff/levels.js';
import { diffSchemas } from '../../src/diff/schema.js';
import type { JsonSchema } from '../../src/model.js';
import { shownAll } from '../support/model.js';
import { expectCostRatio } from '../support/timing.js';

/** An object body with the given fields, all required unless listed as optional, seen `samples` times. */
function body(properties: Record<string, JsonSchema>, options: { optional?: string[]; samples?: number } = {}): JsonSchema {
  const optional = new Set(options.optional ?? []);
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.has(k)), 'x-samples': options.samples ?? 5 };
}

const str: JsonSchema = { type: 'string' };

/** `{id, note?}` over `samples` objects, `note` seen in `seen` of them (absent when undefined). */
function counted(seen: number | undefined, samples: number): JsonSchema {
  const properties: Record<string, JsonSchema> = { id: { type: 'integer', 'x-seen': samples } };
  if (seen !== undefined) properties.note = { type: 'string', 'x-seen': seen };
  return { type: 'object', properties, required: ['id'], 'x-samples': samples };
}
const int: JsonSchema = { type: 'integer' };

type Row = [string, JsonSchema, JsonSchema, Direction, [string, string, string][]];

// [case, old, new, direction, expected [kind, path, level]]
const cases: Row[] = [
  ['identical', body({ id: int }), body({ id: int }), 'response', []],
  ['response field added', body({ id: int }), body({ id: int, name: str }), 'response', [['added', 'name', 'non-breaking']]],
  ['required request field added', body({ id: int }), body({ id: int, name: str }), 'request', [['added', 'name', 'breaking']]],
  ['optional request field added', body({ id: int }), body({ id: int, name: str }, { optional: ['name'] }), 'request', [['added', 'name', 'non-breaking']]],
  ['required response field removed', body({ id: int, name: str }), body({ id: int }), 'response', [['removed', 'name', 'breaking']]],
  ['optional response field removed', body({ id: int, name: str }, { optional: ['name'] }), body({ id: int }), 'response', [['removed', 'name', 'info']]],
  ['request field removed', body({ id: int, name: str }), body({ id: int }), 'request', [['removed', 'name', 'non-breaking']]],
  ['type changed', body({ id: int }), body({ id: str }), 'response', [['type-changed', 'id', 'breaking']]],
  ['integer to number in a response', body({ n: int }), body({ n: { type: 'number' } }), 'response', [['type-widened', 'n', 'breaking']]],
  ['integer to number in a request', body({ n: int }), body({ n: { type: 'number' } }), 'request', [['type-widened', 'n', 'non-breaking']]],
  ['union narrowed in a response', body({ v: { type: ['string', 'integer'] } }), body({ v: str }), 'response', [['type-narrowed', 'v', 'non-breaking']]],
  ['response became optional', body({ a: str }), body({ a: str }, { optional: ['a'] }), 'response', [['became-optional', 'a', 'breaking']]],
  ['request became required', body({ a: str }, { optional: ['a'] }), body({ a: str }), 'request', [['became-required', 'a', 'breaking']]],
  ['required from one sample is not evidence', body({ a: str }, { optional: ['a'] }), body({ a: str }, { samples: 1 }), 'request', []],
  ['response became nullable', body({ a: str }), body({ a: { type: ['string', 'null'] } }), 'response', [['became-nullable', 'a', 'breaking']]],
  ['request no longer null', body({ a: { type: ['string', 'null'] } }), body({ a: str }), 'request', [['became-not-nullable', 'a', 'breaking']]],
  ['only null seen before says nothing about the type', body({ a: { type: 'null' } }), body({ a: str }), 'response', []],
  [
    'response enum values added',
    body({ s: { type: 'string', enum: shownAll(['a', 'b']) } }),
    body({ s: { type: 'string', enum: shownAll(['a', 'b', 'c']) } }),
    'response',
    [['enum-values-added', 's', 'warning']],
  ],
  [
    'request enum values removed',
    body({ s: { type: 'string', enum: shownAll(['a', 'b']) } }),
    body({ s: { type: 'string', enum: shownAll(['a']) } }),
    'request',
    [['enum-values-removed', 's', 'breaking']],
  ],
  [
    'format changed',
    body({ t: { type: 'string', format: 'uuid' } }),
    body({ t: { type: 'string', format: 'date-time' } }),
    'response',
    [['format-changed', 't', 'warning']],
  ],
  ['format appeared', body({ t: str }), body({ t: { type: 'string', format: 'uuid' } }), 'response', [['format-changed', 't', 'info']]],
  [
    'object became map',
    body({ m: body({ a: int, b: int }) }),
    body({ m: { type: 'object', additionalProperties: int } }),
    'response',
    [['shape-changed', 'm', 'warning']],
  ],
  [
    'nested field in array items',
    body({ items: { type: 'array', items: body({ id: int }) } }),
    body({ items: { type: 'array', items: body({ id: str }) } }),
    'response',
    [['type-changed', 'items[].id', 'breaking']],
  ],
  [
    'map values',
    body({ m: { type: 'object', additionalProperties: body({ x: int }) } }),
    body({ m: { type: 'object', additionalProperties: body({ x: int, y: int }) } }),
    'response',
    [['added', 'm.{key}.y', 'non-breaking']],
  ],
  ['body type changed', body({ a: int }), { type: 'array', items: int, 'x-samples': 5 }, 'response', [['type-changed', '', 'breaking']]],
  // A subtree that is gone is one change, not one per field.
  ['removed subtree', body({ a: body({ b: int, c: int }), z: int }), body({ z: int }), 'response', [['removed', 'a', 'breaking']]],
  // A body that was always `{}` is as unknown as an empty array: no field of it is "removed".
  ['always {} now', body({ a: int }), body({}), 'response', []],
  // Always-empty arrays and objects on one side: nothing known to compare.
  ['array always empty now', body({ list: { type: 'array', items: body({ id: int }) } }), body({ list: { type: 'array', items: {} } }), 'response', []],
  ['object always {} now', body({ o: body({ id: int }) }), body({ o: { type: 'object' } }), 'response', []],
  // With per-field counts (`x-seen` of the parent's `x-samples`), an optional field's absence can be evidence.
  ['optional field gone where it was common', counted(40, 50), counted(undefined, 30), 'response', [['removed', 'note', 'warning']]],
  ['optional field gone where it was rare', counted(1, 50), counted(undefined, 30), 'response', [['removed', 'note', 'info']]],
  [
    'anyOf variants merged',
    body({ v: { anyOf: [body({ a: int }), { type: 'null' }] } }),
    body({ v: { anyOf: [body({ a: int, b: int }), { type: 'null' }] } }),
    'response',
    [['added', 'v.b', 'non-breaking']],
  ],
];

describe('diffSchemas', () => {
  it.each(cases)('%s', (_name, before, after, direction, expected) => {
    const changes = diffSchemas(before, after, direction).map((c) => [c.kind, c.path, c.level]);
    expect(changes).toEqual(expected);
  });

  it('says why an added or removed field got its level', () => {
    const [added] = diffSchemas(body({ z: int }), body({ z: int, a: str }), 'request');
    expect(added?.note).toBe('in all 5 new requests');
    const [removed] = diffSchemas(body({ z: int, a: str }, { optional: ['a'] }), body({ z: int }), 'response');
    expect(removed?.note).toBe('was optional');
    const [common] = diffSchemas(counted(40, 50), counted(undefined, 30), 'response');
    expect(common?.note).toBe('was in 40 of 50 old responses, about 24 expected now');
  });

  it('keeps a captured __proto__ key a plain field', () => {
    const before = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"integer"}},"required":["__proto__"],"x-samples":3}') as JsonSchema;
    const after = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__"],"x-samples":3}') as JsonSchema;
    expect(diffSchemas(before, after, 'response').map((c) => [c.kind, c.path])).toEqual([['type-changed', '__proto__']]);
  });

  it('stays bounded on a very wide schema', () => {
    const wide = (type: JsonSchema['type'], length: number) => body(Object.fromEntries(Array.from({ length }, (_, i) => [`f${i}`, { type }])));
    const [before, after] = [wide('integer', 20_000), wide('string', 20_000)];
    const changes = diffSchemas(before, after, 'response');
    expect(changes.length).toBeLessThanOrEqual(5000);
    expect(changes.length).toBeGreaterThan(1000);
    // Past MAX_FIELDS nothing more is walked, so ten times the fields cost about three times as
    // much (5000 fields walked instead of 2000); a walk quadratic in the fields costs thirty times
    // or more (see test/support/timing.ts for why this holds on a busy machine).
    const [fewBefore, fewAfter] = [wide('integer', 2000), wide('string', 2000)];
    expectCostRatio(
      () => diffSchemas(before, after, 'response'),
      () => diffSchemas(fewBefore, fewAfter, 'response'),
      10,
    );
  });
});
