import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/exchange.js';
import { JsonObserver, MAP_KEY } from '../../src/infer/observe-json.js';
import { quicktypeSchemaText } from '../../src/infer/quicktype.js';
import { inferObservedSchema, prepareObservedSchema } from '../../src/infer/schema.js';
import { fed } from '../support/accumulate.js';
import type { JsonSchema } from '../../src/model.js';
import { createGate } from '../../src/infer/gate.js';
import { MIN_NON_NULL_VALUES } from '../../src/evidence.js';
import { observed } from '../support/observed-schema.js';

const uuid = (n: number) => `${String(n).padStart(8, '0')}-a771-4008-ad3a-39a946c75bf4`;
const observe = (samples: Json[]) => fed(new JsonObserver(), samples);
const observeJson = (samples: Json[]) => observe(samples).result();
const inferJsonSchema = (samples: Json[]) => inferObservedSchema(observe(samples), { gate: createGate(null), place: 'response.body' });
const schemaOf = async (samples: Json[]) => (await inferJsonSchema(samples)).schema;
/** A property as observed: without the `null` that too few values could not rule out (tested on its own below). */
const prop = (schema: JsonSchema, ...path: string[]): JsonSchema => path.reduce<JsonSchema>((s, key) => observed(s.properties![key]!), schema);
/** Every schema below `schema` (properties, items, map values, union members). */
function* schemasIn(schema: JsonSchema): Generator<JsonSchema> {
  yield schema;
  for (const child of Object.values(schema.properties ?? {})) yield* schemasIn(child);
  if (schema.items) yield* schemasIn(schema.items);
  if (typeof schema.additionalProperties === 'object') yield* schemasIn(schema.additionalProperties);
  for (const option of schema.anyOf ?? []) yield* schemasIn(option);
}

describe('inferObservedSchema: merging samples', () => {
  it('marks a field required only when every object has it, and counts the others', async () => {
    const schema = await schemaOf([{ id: 1, note: 'a' }, { id: 2 }, { id: 3, note: 'b' }]);
    expect(schema.required).toEqual(['id']);
    expect(schema['x-samples']).toBe(3);
    expect(prop(schema, 'note')['x-seen']).toBe(2);
    expect(prop(schema, 'id')['x-seen']).toBe(3);
  });

  it('makes a field nullable when it is null in some sample', async () => {
    const schema = await schemaOf([{ name: 'x' }, { name: null }, { name: 'y' }]);
    expect(prop(schema, 'name').type).toEqual(['string', 'null']);
    expect(schema.required).toEqual(['name']);
  });

  it('counts required over independent samples: two bodies, or one list of many, are not enough', async () => {
    expect((await schemaOf([{ id: 1 }, { id: 2 }])).required).toEqual([]);
    const list = await schemaOf([{ items: Array.from({ length: 400 }, (_, i) => ({ id: i, status: 'open' })) }]);
    expect(prop(list, 'items').items!.required).toEqual([]);
    expect(prop(list, 'items').items!['x-samples']).toBe(400);
    const three = await schemaOf([{ items: [{ id: 1 }] }, { items: [{ id: 2 }, { id: 3 }] }, { items: [{ id: 4 }] }]);
    expect(prop(three, 'items').items!.required).toEqual(['id']);
  });

  it.each([
    ['alone', [{ pinned: null }, { pinned: null }]],
    ['in an array', [{ list: [null, null] }]],
  ])('types a field only ever null as unknown, never as type null (%s)', async (_name, samples) => {
    const schema = await schemaOf(samples as Json[]);
    const field = 'pinned' in schema.properties! ? prop(schema, 'pinned') : prop(schema, 'list').items!;
    expect(field.type).toBeUndefined();
    expect(field['x-only-null']).toBe(true);
    // No field is typed only null; `null` is at most one type of several (or a union member).
    for (const s of schemasIn(schema)) if (!(schema.anyOf ?? []).includes(s)) expect(s.type === 'null' && s !== schema).toBe(false);
  });

  it('declares a field never null only after enough values (src/evidence.ts), and says when null is only not ruled out', async () => {
    const few = (await schemaOf(Array.from({ length: MIN_NON_NULL_VALUES - 1 }, (_, i) => ({ n: i + 1, s: 'x' })))).properties!;
    expect(few.n!.type).toEqual(['integer', 'null']);
    expect(few.n!['x-null-unseen']).toBe(true);
    expect(few.s!.type).toEqual(['string', 'null']);
    const many = (await schemaOf(Array.from({ length: MIN_NON_NULL_VALUES }, (_, i) => ({ n: i + 1, s: 'x' })))).properties!;
    expect(many.n!.type).toBe('integer');
    expect(many.n!['x-null-unseen']).toBeUndefined();
    // One list with enough rows counts too: null varies from row to row.
    const rows = prop(await schemaOf([{ rows: Array.from({ length: MIN_NON_NULL_VALUES }, () => ({ sku: 'a' })) }]), 'rows').items!;
    expect(rows.properties!.sku!.type).toBe('string');
    // Seen null: nullable by evidence, not by the rule.
    const seen = (await schemaOf([{ n: 'a' }, { n: null }])).properties!;
    expect(seen.n!.type).toEqual(['string', 'null']);
    expect(seen.n!['x-null-unseen']).toBeUndefined();
  });

  it('marks integers beyond 2^53 as int64', async () => {
    const schema = await schemaOf([{ id: 2 ** 60 + 2 ** 10 }, { id: 7 }]);
    expect(prop(schema, 'id')).toMatchObject({ type: 'integer', format: 'int64' });
    expect(prop(await schemaOf([{ id: 7 }, { id: 9007199254740991 }]), 'id').format).toBeUndefined();
  });

  it('leaves an object only ever seen empty open, not closed to every key', async () => {
    const field = prop(await schemaOf([{ meta: {} }, { meta: {} }]), 'meta');
    expect(field.properties).toBeUndefined();
    expect(field.additionalProperties).toEqual({});
  });

  it('keeps rows that repeat the same keys a record, however uniform their values', async () => {
    const row = (n: number) => Object.fromEntries(Array.from({ length: 15 }, (_, k) => [`column_${k}`, n % 3 ? `v${n}` : null]));
    const rows = prop(await schemaOf([{ rows: [row(1), row(2), row(3)] }, { rows: [row(4)] }]), 'rows').items!;
    expect(Object.keys(rows.properties!)).toHaveLength(15);
    expect(rows.additionalProperties).toBeUndefined();
  });

  it.each([
    ['keys that come and go', [{ stock: { sold: 1, pending: 2 } }, { stock: { available: 3, placed: 1 } }, { stock: { sold: 4, lost: 2, broken: 1 } }]],
    ['keys that are prose', [{ stock: { 'not available': 1, sold: 2 } }]],
  ])('makes a map of an object whose keys are data: %s', async (_name, samples) => {
    const stock = prop(await schemaOf(samples as Json[]), 'stock');
    expect(stock.properties).toBeUndefined();
    expect(['integer', 'number']).toContain((stock.additionalProperties as JsonSchema).type);
  });

  it('keeps integer apart from number, and widens to number when both are seen', async () => {
    expect(prop(await schemaOf([{ n: 1 }, { n: 2 }, { n: 3 }]), 'n').type).toBe('integer');
    expect(prop(await schemaOf([{ n: 1 }, { n: 2.5 }, { n: 3 }]), 'n').type).toBe('number');
    // Whole numbers from two samples do not rule out a fraction in the third.
    expect(prop(await schemaOf([{ n: 100 }, { n: 120 }]), 'n').type).toBe('number');
  });

  it('gives a union for a field seen with different kinds', async () => {
    const v = prop(await schemaOf([{ v: { x: 1 } }, { v: 'text' }, { v: { x: 2 } }, { v: { x: 3 } }]), 'v');
    expect(v.anyOf?.map((o) => o.type).sort()).toEqual(['object', 'string']);
    expect(v.anyOf?.find((o) => o.type === 'object')?.required).toEqual(['x']);
  });

  it('turns an object keyed by ids into one map schema, not one property per id', async () => {
    const schema = await schemaOf([
      { mapping: { [uuid(1)]: { id: uuid(1), parent: null }, [uuid(2)]: { id: uuid(2), parent: uuid(1) } } },
      { mapping: { [uuid(3)]: { id: uuid(3), parent: null, extra: true } } },
      { mapping: { [uuid(4)]: { id: uuid(4), parent: uuid(3) } } },
    ]);
    const mapping = prop(schema, 'mapping');
    expect(mapping.properties).toBeUndefined();
    const entry = mapping.additionalProperties as JsonSchema;
    expect(entry.required).toEqual(['id', 'parent']);
    expect(entry['x-samples']).toBe(4);
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

  it('gives an enum only with strong evidence, counted in samples, not array elements', async () => {
    const roles = ['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'system', 'user', 'assistant', 'system'];
    const strong = await schemaOf(roles.map((role) => ({ messages: [{ role }, { role }] })));
    expect(prop(prop(strong, 'messages').items!, 'role').enum).toEqual(['assistant', 'system', 'user']);
    // Two requests listing 461 items between them are two samples, however many items they hold.
    const twoLists = await schemaOf([
      { list: Array.from({ length: 300 }, () => ({ s: 'open' })) },
      { list: Array.from({ length: 161 }, () => ({ s: 'done' })) },
    ]);
    expect(prop(twoLists, 'list').items!.properties!.s!.enum).toBeUndefined();
    // A value seen in one sample only leaves the set open (Good-Turing: unseen values are likely).
    const rare = await schemaOf([...roles.slice(0, 9).map((role) => ({ role: role === 'system' ? 'user' : role })), { role: 'tool' }]);
    expect(prop(rare, 'role').enum).toBeUndefined();
    const weak = await schemaOf([{ role: 'user' }, { role: 'assistant' }]);
    expect(prop(weak, 'role').enum).toBeUndefined();
    const prose = await schemaOf(roles.map((role) => ({ role: `${role} said hello` })));
    expect(prop(prose, 'role').enum).toBeUndefined();
  });

  it('adds null to a nullable enum', async () => {
    const values = ['a', 'b', null, 'a', 'b', 'a', 'b', 'a', 'b', 'a'];
    const schema = await schemaOf(values.map((s) => ({ s })));
    expect(prop(schema, 's').enum).toEqual(['a', 'b', null]);
  });

  it('takes field examples from the representative sample', async () => {
    const { schema, representative } = await inferJsonSchema([{ a: 'first' }, { a: 'second', b: 2, c: { d: true } }]);
    expect(representative).toBe(1);
    expect(prop(schema, 'a').examples).toEqual(['second']);
    expect(prop(schema, 'c', 'd').examples).toEqual([true]);
  });

  it('gives the same schema for a few copies of a sample and for a thousand', async () => {
    const sample = { items: [{ id: uuid(1), at: '2025-12-22T03:53:19Z', n: 1 }], total: 1 };
    const strip = (s: JsonSchema): string => JSON.stringify(s, (key, value) => (key === 'x-samples' || key === 'x-seen' ? undefined : value));
    // Enough copies for every evidence threshold (src/evidence.ts), so only the cover could differ.
    const one = await schemaOf(Array.from({ length: MIN_NON_NULL_VALUES }, () => structuredClone(sample)));
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

describe('prepareObservedSchema: schemas started early on another thread', () => {
  const samples: Json[] = [
    { id: 1, tags: ['a'] },
    { id: 2, note: null },
  ];
  /** A runner standing in for the worker thread: counts the runs it was asked for, runs them here. */
  const countingRunner = () => {
    const runs: string[][] = [];
    return { runs, run: (prepared: string[]) => (runs.push(prepared), quicktypeSchemaText(prepared)) };
  };

  it.each([
    ['with a runner: started once, taken by inferObservedSchema', true, 1],
    ['in this thread: nothing started early', false, 0],
  ])('%s', async (_label, elsewhere, early) => {
    const runner = countingRunner();
    const observer = observe(samples);
    const schemaRunner = elsewhere ? runner.run : undefined;
    prepareObservedSchema(observer, schemaRunner);
    prepareObservedSchema(observer, schemaRunner);
    expect(runner.runs).toHaveLength(early);
    const prepared = await inferObservedSchema(observer, { gate: createGate(null), place: 'response.body', schemaRunner });
    expect(runner.runs).toHaveLength(elsewhere ? 1 : 0);
    expect(prepared.schema).toEqual(await schemaOf(samples));
  });

  it('keeps a failed early run for inferObservedSchema to throw, not unhandled', async () => {
    const observer = observe(samples);
    const schemaRunner = () => Promise.reject(new Error('the thread failed'));
    prepareObservedSchema(observer, schemaRunner);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(inferObservedSchema(observer, { gate: createGate(null), place: 'response.body', schemaRunner })).rejects.toThrow('the thread failed');
  });

  it('runs each schema with the runner it is given, however many are in use at once', async () => {
    const [a, b] = [countingRunner(), countingRunner()];
    const [first, second] = [observe(samples), observe([{ other: true }])];
    prepareObservedSchema(first, a.run);
    const late = inferObservedSchema(second, { gate: createGate(null), place: 'response.body', schemaRunner: b.run });
    await Promise.all([inferObservedSchema(first, { gate: createGate(null), place: 'response.body', schemaRunner: b.run }), late]);
    // The early run keeps the runner it started with; the other ran where its caller said.
    expect([a.runs.length, b.runs.length]).toEqual([1, 1]);
    expect(b.runs[0]![0]).toContain('other');
  });
});
