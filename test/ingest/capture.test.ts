/**
 * A capture read twice: the first read yields every usable exchange, a later read with `only`
 * yields exactly the exchanges of those entries, equal to the first read's, whichever way the
 * capture came in (text, text handed over, a file streamed again, stdin read once) and whether
 * a text keeps its exchanges or its parsed entries (a long one). A text handed over is taken once.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/exchange.js';
import { openCapture } from '../../src/ingest/capture.js';
import { handOver } from '../../src/ingest/hand-over.js';
import type { InputFile } from '../../src/ingest/index.js';
import { testContext } from '../support/exchange.js';
import { har, jsonEntry } from '../support/har.js';

const entries = Array.from({ length: 9 }, (_, i) =>
  i % 4 === 3 ? { request: 'not a request' } : jsonEntry('GET', `https://api.example.test/items/${i}`, { id: i, tags: ['a', i], note: null }),
);
const text = har(entries);

async function* chunks(bytes: Buffer, size = 13): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const inputs: [string, () => InputFile, number?][] = [
  ['text', () => ({ label: 'a.har', text })],
  ['text, long (kept as parsed entries)', () => ({ label: 'a.har', text }), 0],
  ['text handed over', () => handOver({ label: 'a.har', text })],
  ['text handed over, long', () => handOver({ label: 'a.har', text }), 0],
  ['a file streamed again', () => ({ label: 'a.har', open: () => chunks(Buffer.from(text)) })],
  ['stdin, read once', () => ({ label: '-', chunks: chunks(Buffer.from(text)) })],
];

async function read(iterable: AsyncIterable<Exchange>): Promise<Exchange[]> {
  const all: Exchange[] = [];
  for await (const exchange of iterable) all.push(exchange);
  return all;
}

describe('openCapture', () => {
  it.each(inputs)('%s: a later read yields the exchanges of the entries asked for, as the first read did', async (_, make, limit) => {
    const capture = openCapture(make(), testContext(), limit);
    const first = await read(capture.exchanges());
    expect(first.map((e) => e.entry)).toEqual([0, 1, 2, 4, 5, 6, 8]);
    expect(capture.source.entries).toBe(9);
    expect(capture.skipped).toEqual({ 'no-request': 2 });

    const only = [1, 3, 5, 8];
    const again = await read(capture.exchanges(only));
    expect(again.map((e) => e.entry)).toEqual([1, 5, 8]);
    expect(again).toEqual(first.filter((e) => only.includes(e.entry)));
    // Narrowing is for good: a read after it sees no more than it did.
    expect((await read(capture.exchanges())).map((e) => e.entry)).toEqual([1, 5, 8]);
  });

  it('takes a handed-over text once, and it cannot be taken again', async () => {
    let taken = 0;
    const input: InputFile = {
      label: 'a.har',
      takeText: () => {
        taken++;
        return text;
      },
    };
    const capture = openCapture(input, testContext(), 0);
    await read(capture.exchanges());
    await read(capture.exchanges([0]));
    expect(taken).toBe(1);
    const handed = handOver({ label: 'b.har', text });
    if (!('takeText' in handed)) throw new Error('not handed over');
    expect(handed.takeText()).toBe(text);
    expect(() => handed.takeText()).toThrow(/already taken/);
  });
});
