import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/exchange.js';
import { JsonObserver, MAP_KEY } from '../../src/infer/observe-json.js';
import { inferObservedSchema } from '../../src/infer/schema.js';
import { fed } from '../support/accumulate.js';
import type { JsonSchema } from '../../src/model.js';
import { createGate } from '../../src/infer/gate.js';

const uuid = (n: number) => `${String(n).padStart(8, '0')}-a771-4008-ad3a-39a946c75bf4`;
const observe = (samples: Json[]) => fed(new JsonObserver(), samples);
const observeJson = (samples: Json[]) => observe(samples).result();
const inferJsonSchema = (samples: Json[]) => inferObservedSchema(observe(samples), { gate: createGate(null), place: 'response.body' });
const schemaOf = async (samples: Json[]) => (await inferJsonSchema(samples)).schema;
const prop = (schema: JsonSchema, ...path: string[]): JsonSchema => path.reduce<JsonSchema>((s, key) => s.properties![key]!, schema);

describe('inferObservedSchema: merging samples', () => {
  it('marks a field required only when every object has it, and counts the others', async () => {
    const schema = await schemaOf([{ id: 1, note: 'a' }, { id: 2 }, { id: 3, note: 'b' }]);
    expect(schema.required).toEqual(['id']);
    expect(schema['x-samples']).toBe(3);
    expect(prop(schema, 'note')['x-seen']).toBe(2);
    expect(prop(schema, 'id')['x-seen']).toBe(3);
  });

  it('makes a field nullable when it is null in some sample', async () => {
    const schema = await schemaOf([{ name: 'x' }, { name: null }]);
    expect(prop(schema, 'name').type).toEqual(['string', 'null']);
    expect(schema.required).toEqual(['name']);
  });

  it('keeps integer apart from number, and widens to number when both are seen', async () => {
    expect(prop(await schemaOf([{ n: 1 }, { n: 2 }]), 'n').type).toBe('integer');
    expect(prop(await schemaOf([{ n: 1 }, { n: 2.5 }]), 'n').type).toBe('number');
  });

  it('gives a union for a field seen with different kinds', async () => {
    const v = prop(await schemaOf([{ v: { x: 1 } }, { v: 'text' }]), 'v');
    expect(v.anyOf?.map((o) => o.type).sort()).toEqual(['object', 'string']);
    expect(v.anyOf?.find((o) => o.type === 'object')?.required).toEqual(['x']);
  });

  it('turns an object keyed by ids into one map schema, not one property per id', async () => {
    const schema = await schemaOf([
      { mapping: { [uuid(1)]: { id: uuid(1), parent: null }, [uuid(2)]: { id: uuid(2), parent: uuid(1) } } },
      { mapping: { [uuid(3)]: { id: uuid(3), parent: null, extra: true } } },
    ]);
    const mapping = prop(schema, 'mapping');
    expect(mapping.properties).toBeUndefined();
    const entry = mapping.additionalProperties as JsonSchema;
    expect(entry.required).toEqual(['id', 'parent']);
    expect(entry['x-samples']).toBe(3);
    expect(prop(entry, 'extra')['x-seen']).toBe(1);
    expect(prop(entry, 'parent').type).toEqual(['string', 'null']);
    expect(prop(entry, 'id').format).toBe('uuid');
  });

  it.each([
    ['integer keys', { '1': { a: 1 }, '2': { a: 2 } }],
    ['prefixed ids', { 'g-p-79041c93d82947f21ecb6149e05606ad': 1 }],
    ['dates', { '2025-01-01': 3, '2025-01-02': 4 }],
  ])('treats an object keyed by %s as a map', async (_name, value) => {
    const schema = await schemaOf([{ m: value }]);
    expect(prop(schema, 'm').additionalProperties).toBeTypeOf('object');
  });

  it('keeps word keys and long camelCase names as properties', async () => {
    const schema = await schemaOf([{ isVisuallyHiddenFromConversation: true, title: 'x' }]);
    expect(Object.keys(schema.properties!).sort()).toEqual(['isVisuallyHiddenFromConversation', 'title']);
  });

  it('claims a format only when every value has it', async () => {
    const all = await schemaOf([
      { at: '2025-12-22T03:53:19Z', id: uuid(1) },
      { at: '2025-12-23T03:53:19.5+01:00', id: uuid(2) },
    ]);
    expect(prop(all, 'at').format).toBe('date-time');
    expect(prop(all, 'id').format).toBe('uuid');
    const one = await schemaOf([{ at: '2025-12-22T03:53:19Z' }, { at: 'yesterday' }]);
    expect(prop(one, 'at').format).toBeUndefined();
  });

  it('lets an email placeholder count as an email and other placeholders say nothing', async () => {
    const schema = await schemaOf([
      { email: '<email:1>', link: 'https://example.com/a' },
      { email: 'alex@example.com', link: '<secret:1>' },
    ]);
    expect(prop(schema, 'email').format).toBe('email');
    expect(prop(schema, 'link').format).toBe('uri');
  });

  it('gives an enum only with strong evidence', async () => {
    const roles = ['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'system', 'user', 'assistant'];
    const strong = await schemaOf([{ messages: roles.map((role) => ({ role })) }]);
    expect(prop(strong, 'messages').items!.properties!.role!.enum).toEqual(['assistant', 'system', 'user']);
    const weak = await schemaOf([{ role: 'user' }, { role: 'assistant' }]);
    expect(prop(weak, 'role').enum).toBeUndefined();
    const prose = await schemaOf([{ messages: roles.map((role) => ({ role: `${role} said hello` })) }]);
    expect(prop(prose, 'messages').items!.properties!.role!.enum).toBeUndefined();
  });

  it('adds null to a nullable enum', async () => {
    const values = ['a', 'b', null, 'a', 'b', 'a', 'b', 'a', 'b', 'a'];
    const schema = await schemaOf([{ list: values.map((s) => ({ s })) }]);
    expect(prop(schema, 'list').items!.properties!.s!.enum).toEqual(['a', 'b', null]);
  });

  it('takes field examples from the representative sample', async () => {
    const { schema, representative } = await inferJsonSchema([{ a: 'first' }, { a: 'second', b: 2, c: { d: true } }]);
    expect(representative).toBe(1);
    expect(prop(schema, 'a').examples).toEqual(['second']);
    expect(prop(schema, 'c', 'd').examples).toEqual([true]);
  });

  it('gives the same schema for one sample and for a thousand copies of it', async () => {
    const sample = { items: [{ id: uuid(1), at: '2025-12-22T03:53:19Z', n: 1 }], total: 1 };
    const strip = (s: JsonSchema): string => JSON.stringify(s, (key, value) => (key === 'x-samples' || key === 'x-seen' ? undefined : value));
    const one = await schemaOf([sample]);
    const many = await schemaOf(Array.from({ length: 1000 }, () => structuredClone(sample)));
    expect(strip(many)).toBe(strip(one));
    expect(many['x-samples']).toBe(1000);
  });
});

describe('JsonObserver: the cover quicktype gets', () => {
  it('keeps only samples that add a (position, kind) fact', () => {
    const { cover } = observeJson([{ a: 1 }, { a: 2 }, { a: null }, { a: 3, b: 'x' }, { a: 4, b: 'y' }]);
    expect(cover).toEqual([{ a: 1 }, { a: null }, { b: '' }]);
  });

  it('shrinks arrays to the elements that add something', () => {
    const { cover } = observeJson([{ list: [{ id: 1 }, { id: 2 }, { id: 3, tag: 'x' }, { id: 4 }] }]);
    expect(cover).toEqual([{ list: [{ id: 1 }, { tag: '' }] }]);
  });

  it('hands map values to quicktype under one key', () => {
    const { cover } = observeJson([{ m: { [uuid(1)]: { x: 1 }, [uuid(2)]: { x: 2 } } }, { m: { [uuid(3)]: { x: 3 } } }]);
    expect(cover).toEqual([{ m: { [MAP_KEY]: [{ x: 1 }] } }]);
  });

  it('stops descending past the depth limit instead of overflowing the stack', () => {
    let deep: Json = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => observeJson([deep])).not.toThrow();
  });

  it('picks the sample touching the most fields as representative, the first on a tie', () => {
    expect(observeJson([{ a: 1 }, { a: 1, b: 2 }, { a: 3, c: 4 }]).representative).toBe(1);
    expect(observeJson([{ a: null }, { a: 1 }]).representative).toBe(1);
  });
});
