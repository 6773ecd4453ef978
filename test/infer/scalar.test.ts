import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/model.js';
import { ScalarObserver, scalarExample } from '../../src/infer/scalar.js';
import { shown, shownAll } from '../support/model.js';

function observe(values: string[], limit?: number): ScalarObserver {
  const observer = new ScalarObserver(limit);
  for (const value of values) observer.add(value);
  return observer;
}

const repeat = (values: string[], times: number): string[] => Array.from({ length: times }, () => values).flat();

describe('ScalarObserver', () => {
  it.each<[string, string[], JsonSchema]>([
    ['nothing', [], { type: 'string' }],
    ['only empty values', ['', ''], { type: 'string' }],
    ['booleans', ['true', '', 'false'], { type: 'boolean' }],
    ['integers', ['1', '-20', '0'], { type: 'integer' }],
    ['numbers after integers', ['1', '2.5'], { type: 'number' }],
    ['a leading zero makes a code, not a number (zip, SKU)', ['02134', '00501'], { type: 'string' }],
    ['one zero-padded value among integers', ['007', '1'], { type: 'string' }],
    ['a zero-padded decimal', ['1.5', '01.5'], { type: 'string' }],
    ['zero and decimals below one are numbers', ['0', '0.25', '-0.5'], { type: 'number' }],
    ['placeholders with claims say nothing of the format', ['2024-01-02', '<jwt:1 claims=exp,sub>'], { type: 'string', format: 'date' }],
    ['a word after numbers', ['1', 'x'], { type: 'string' }],
    ['dates', ['2024-01-02', '2024-02-03'], { type: 'string', format: 'date' }],
    ['one odd value withholds the format', ['2024-01-02', 'soon'], { type: 'string' }],
    ['email placeholders are emails', ['<email:1>', 'a@b.example'], { type: 'string', format: 'email' }],
    ['other placeholders say nothing of the format', ['<secret:1>', 'https://a.example/x'], { type: 'string', format: 'uri' }],
    ['an enum with strong evidence', repeat(['asc', 'desc', 'asc'], 3), { type: 'string', enum: shownAll(['asc', 'desc']) }],
    ['no enum from a constant', repeat(['asc'], 9), { type: 'string' }],
    ['no enum from sentences', repeat(['a b', 'c d'], 5), { type: 'string' }],
    ['no enum past nine distinct values', repeat(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], 4), { type: 'string' }],
  ])('%s', (_, values, schema) => {
    expect(observe(values).schema((values) => values.map(shown))).toEqual(schema);
  });

  it('keeps the first value and the first non-empty one', () => {
    const observer = observe(['', 'b', 'c']);
    expect([observer.first, observer.example]).toEqual(['', 'b']);
  });

  it('ignores values past its limit, empty ones counted', () => {
    const observer = observe(['', '1', '2', 'x'], 3);
    expect(observer.schema((values) => values.map(shown))).toEqual({ type: 'integer' });
    expect(observe(['', '', 'x'], 2).example).toBeUndefined();
  });

  it.each<[string | undefined, JsonSchema, unknown]>([
    ['3', { type: 'integer' }, 3],
    ['2.5', { type: 'number' }, 2.5],
    ['true', { type: 'boolean' }, true],
    ['x', { type: 'string' }, 'x'],
    [undefined, { type: 'string' }, undefined],
  ])('example %j as %j', (value, schema, expected) => {
    expect(scalarExample(value === undefined ? undefined : shown(value), schema)).toBe(expected);
  });
});
