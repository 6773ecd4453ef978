import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/exchange.js';
import { createGate } from '../../src/infer/gate.js';
import { JsonObserver, takeShownExamples } from '../../src/infer/observe-json.js';
import { fed } from '../support/accumulate.js';

const observeJson = (samples: Json[]) => fed(new JsonObserver(), samples).result();

const samples: Json[] = [
  { a: 1, s: 'x' },
  { a: 2, b: { c: 'asc' } },
  { a: null, list: [1, 'two'] },
  { a: 3, s: 'y', b: { c: 'desc' } },
];

describe('JsonObserver', () => {
  it('keeps the richest sample seen so far, and takes shown field examples from it at the end', () => {
    const observer = new JsonObserver();
    for (const sample of samples) observer.add(sample);
    const observation = observer.result();
    expect(observation).toMatchObject({ samples: 4, representative: 3, sample: samples[3] });
    takeShownExamples(createGate(null).json(observation.sample, 'response.body'), observation.root);
    expect(observation.root.children?.get('a')).toMatchObject({ values: 4, objects: 0, example: 1, shown: 3 });
    expect(observation.root.children?.get('s')?.shown).toBe('y');
    // A field the representative lacks keeps the first value seen (raw: the gate shows it later).
    expect(observation.root.children?.get('list')?.items).toMatchObject({ example: 1 });
    expect(observation.root.children?.get('list')?.items?.shown).toBeUndefined();
    // Its siblings are kept for the gate with their scalar values (`name` beside `email` is a person's name; a phone beside a redacted phone is one).
    expect(observation.root.children?.get('s')?.exampleSiblings).toEqual({ a: 1, s: 'x' });
  });

  it('has no representative before a sample', () => {
    expect(new JsonObserver().result()).toMatchObject({ samples: 0, representative: 0, sample: null, cover: [] });
  });

  it('clones into an observer that goes on independently', () => {
    const observer = new JsonObserver();
    observer.add(samples[0]!);
    const copy = observer.clone();
    for (const sample of samples.slice(1)) copy.add(sample);
    observer.add({ z: true });
    expect(copy.result()).toEqual(observeJson(samples));
    expect(observer.result()).toEqual(observeJson([samples[0]!, { z: true }]));
  });

  it.each([
    ['redaction placeholders', ['<token:1>', '<email:2>', '<jwt:3 claims=exp,sub>'], true],
    ['ids', ['123', '8c2f9a4e-1d2b-4c3a-9e8f-0123456789ab'], true],
    ['long words without digits', ['someLongPropertyName', 'anotherLongPropertyName'], false],
  ])('reads an object keyed by %s as a map: %s', (_, keys, isMap) => {
    const { root } = observeJson([Object.fromEntries(keys.map((key, i) => [key, { x: i }]))]);
    expect(root.entries !== undefined).toBe(isMap);
    expect(root.children === undefined).toBe(isMap);
  });

  it('cuts long string examples', () => {
    const { root } = observeJson([{ text: 'x'.repeat(500) }]);
    expect(root.children?.get('text')?.example).toBe(`${'x'.repeat(200)}…`);
  });
});
