import { describe, expect, it } from 'vitest';
import { boundPayloadDepth, exceedsDepth, MAX_JSON_DEPTH } from '../../src/ingest/depth.js';
import type { Content, Payload } from '../../src/exchange.js';

const nest = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
const payload = (content: Content): Payload => ({ mediaType: 'application/json', size: 1, content });

describe('exceedsDepth', () => {
  it.each([
    [null, 0, false],
    ['text', 0, false],
    [[], 0, true],
    [[], 1, false],
    [{ a: { b: [1] } }, 3, false],
    [{ a: { b: [1] } }, 2, true],
    [[1, [2, [3]], { deep: [[[[]]]] }], 6, false],
    [[1, [2, [3]], { deep: [[[[]]]] }], 5, true],
  ])('%j deeper than %i: %s', (value, max, expected) => {
    expect(exceedsDepth(value, max)).toBe(expected);
  });

  it('walks 100 000 levels without a stack overflow', () => {
    expect(exceedsDepth(nest(100_000))).toBe(true);
    expect(exceedsDepth(nest(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsDepth(nest(MAX_JSON_DEPTH + 1))).toBe(true);
  });
});

describe('boundPayloadDepth', () => {
  const deep = nest(MAX_JSON_DEPTH + 1) as never;
  const raw = () => '[[[ raw ]]]';

  it.each([
    ['json', { kind: 'json', value: deep }],
    ['jsonp', { kind: 'jsonp', callback: 'cb', value: deep }],
    ['ndjson', { kind: 'ndjson', values: [1, deep] }],
  ] as [string, Content][])('turns a too-deep %s body into its raw text', (_kind, content) => {
    expect(boundPayloadDepth(payload(content), raw)).toEqual({ payload: payload({ kind: 'text', text: '[[[ raw ]]]' }), cut: true });
  });

  it('drops only the parsed JSON of a too-deep event, keeping its data and the other events', () => {
    const content: Content = {
      kind: 'sse',
      events: [
        { event: null, data: 'x', json: deep },
        { event: 'ok', data: '{}', json: {} },
      ],
    };
    expect(boundPayloadDepth(payload(content), raw)).toEqual({
      payload: payload({
        kind: 'sse',
        events: [
          { event: null, data: 'x' },
          { event: 'ok', data: '{}', json: {} },
        ],
      }),
      cut: true,
    });
  });

  it('marks a too-deep body with no recorded text as binary', () => {
    expect(boundPayloadDepth(payload({ kind: 'json', value: deep }), () => null).payload.content).toEqual({ kind: 'binary' });
  });

  it.each([
    { kind: 'json', value: nest(MAX_JSON_DEPTH) },
    { kind: 'text', text: '['.repeat(1000) },
    { kind: 'form', fields: [] },
    { kind: 'empty' },
  ] as Content[])('leaves a body within the bound as it is: %j', (content) => {
    const input = payload(content);
    const bounded = boundPayloadDepth(input, () => {
      throw new Error('the raw text is read only when needed');
    });
    expect(bounded.cut).toBe(false);
    expect(bounded.payload).toBe(input);
  });
});
