import { describe, expect, it } from 'vitest';
import { splitHarStream, type StreamItem } from '../../src/ingest/stream.js';

/** Feeds `text` in chunks of `size` bytes and collects what the splitter yields. */
async function split(text: string | Buffer, size = 7): Promise<StreamItem[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const items: StreamItem[] = [];
  for await (const item of splitHarStream(chunks(), 'x.har')) items.push(item);
  return items;
}

const entries = (items: StreamItem[]) => items.filter((i) => i.type === 'entry').map((i) => JSON.parse((i as { text: string }).text));

describe('splitHarStream', () => {
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'x', version: '1' },
      pages: [{ id: 'p', title: '{"log":[}' }],
      entries: [{ request: { url: 'https://a/"q"', text: 'back\\slash\\\\"' } }, { request: { url: 'https://b/é€😀', nested: [1, { a: [] }] } }, { n: 3 }],
    },
  };
  const text = JSON.stringify(har, null, 1);

  it.each([1, 2, 3, 7, 64, 100_000])('yields every entry intact with %i-byte chunks', async (size) => {
    const items = await split(text, size);
    expect(entries(items)).toEqual(har.log.entries);
    expect(items.filter((i) => i.type === 'meta')).toEqual([
      { type: 'meta', key: 'version', value: '1.2' },
      { type: 'meta', key: 'creator', value: { name: 'x', version: '1' } },
    ]);
  });

  it.each([5, 100_000])('reads plain Uint8Array chunks (not Buffers) of %i bytes, decoded in place', async (size) => {
    const bytes = new Uint8Array(Buffer.from(text));
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const items: StreamItem[] = [];
    for await (const item of splitHarStream(chunks(), 'x.har')) items.push(item);
    expect(entries(items)).toEqual(har.log.entries);
  });

  it('skips a UTF-8 BOM and finds creator after entries', async () => {
    const items = await split(`\ufeff{"log":{"entries":[{"a":1}],"creator":"late"}}`);
    expect(entries(items)).toEqual([{ a: 1 }]);
    expect(items).toContainEqual({ type: 'meta', key: 'creator', value: 'late' });
  });

  it('accepts an empty entries array', async () => {
    expect(await split('{"log":{"entries":[]}}')).toEqual([]);
  });

  it.each([
    ['truncated in an entry', text.slice(0, Math.floor(text.length / 2)), /ends before the HAR is complete/],
    ['truncated inside a string', '{"log":{"entries":[{"a":"abc', /ends before the HAR is complete/],
    ['empty', '', /empty/],
    ['not an object', '[1,2]', /not a HAR/],
    ['no log', '{"x":{"entries":[]}}', /no top-level "log"/],
    ['no entries', '{"log":{"version":"1.2"}}', /"log.entries" is missing/],
    ['entries not an array', '{"log":{"entries":{}}}', /not an array/],
    ['mismatched brackets', '{"log":{"entries":[}]}', /mismatched/],
    ['trailing garbage', '{"log":{"entries":[]}} x', /after the end/],
  ])('rejects %s', async (_name, input, message) => {
    await expect(split(input)).rejects.toThrow(message);
  });
});

describe('buildModel on a streamed capture', () => {
  it('gives the same model as reading the whole file', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildModel } = await import('../../src/pipeline.js');
    const text = readFileSync('samples/chatgpt.har', 'utf8');
    async function* chunks() {
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    }
    const whole = await buildModel([{ label: 'chatgpt.har', text }]);
    const streamed = await buildModel([{ label: 'chatgpt.har', chunks: chunks() }]);
    expect(JSON.stringify(streamed.model)).toBe(JSON.stringify(whole.model));
    expect(streamed.diagnostics.filter((d) => d.code !== 'har-schema')).toEqual(whole.diagnostics.filter((d) => d.code !== 'har-schema'));
    // A big file is not held in memory: it is opened again for the describing pass (selection
    // happens in the first read, so twice in all), with the same result.
    let opened = 0;
    const reopened = await buildModel([{ label: 'chatgpt.har', open: () => (opened++, chunks()) }]);
    expect(opened).toBe(2);
    expect(JSON.stringify(reopened.model)).toBe(JSON.stringify(whole.model));
    expect(reopened.diagnostics).toEqual(streamed.diagnostics);
  });

  it('fails on a truncated stream instead of returning a partial model', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildModel } = await import('../../src/pipeline.js');
    const text = readFileSync('samples/chatgpt.har', 'utf8');
    async function* chunks() {
      yield Buffer.from(text.slice(0, Math.floor(text.length * 0.6)));
    }
    await expect(buildModel([{ label: 'cut.har', chunks: chunks() }])).rejects.toThrow(/cut.har: the file ends before the HAR is complete/);
  });
});
