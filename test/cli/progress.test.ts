import { describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_MIN_BYTES } from '../../src/cli/progress.js';
import { buildModel, type Progress } from '../../src/pipeline.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

describe('progress display', () => {
  const big = PROGRESS_MIN_BYTES * 2;

  it('shows bytes while reading, then each later pass against the first pass count', () => {
    const io = { ...memoryIo(), stderrIsTTY: true };
    let clock = 0;
    const progress = createProgress(io, big, true, () => (clock += 1000));
    progress.pass({ pass: 1, file: 'a.har', exchanges: 1000 });
    progress.bytes(big / 2, 'a.har');
    progress.pass({ pass: 1, file: 'a.har', exchanges: 2500 });
    progress.pass({ pass: 2, file: 'a.har', exchanges: 1000 });
    progress.pass({ pass: 3, file: 'a.har', exchanges: 2000 });
    progress.done();
    const lines = io.err.join('').split('\r\u001b[2K').filter(Boolean);
    expect(lines).toEqual([
      'reading a.har 0% (0 of 134 MB), 1,000 exchanges',
      'reading a.har 50% (67 of 134 MB), 1,000 exchanges',
      'reading a.har 50% (67 of 134 MB), 2,500 exchanges',
      'templating paths: a.har 1,000 of 2,500 exchanges',
      'describing endpoints: a.har 2,000 of 2,500 exchanges',
    ]);
  });

  it('says a file is being parsed once all bytes are in, and shows rendering at once', () => {
    const io = { ...memoryIo(), stderrIsTTY: true };
    let clock = 0;
    const progress = createProgress(io, big, true, () => (clock += 10));
    progress.bytes(big, 'a.har');
    clock += 1000;
    progress.pass({ pass: 1, file: 'a.har', exchanges: 0 });
    progress.pass({ pass: 1, file: 'a.har', exchanges: 10 });
    progress.pass({ pass: 3, file: 'a.har', exchanges: 10 });
    progress.step('rendering markdown, json');
    progress.done();
    const lines = io.err.join('').split('\r\u001b[2K').filter(Boolean);
    expect(lines[0]).toBe('parsing a.har (134 MB read)');
    expect(lines.slice(-2)).toEqual(['describing endpoints: a.har 10 of 10 exchanges', 'rendering markdown, json']);
  });

  it('names the file being read before its first exchange, and the next file when reading moves on', () => {
    const io = { ...memoryIo(), stderrIsTTY: true };
    let clock = 0;
    const progress = createProgress(io, big, true, () => (clock += 1000));
    progress.bytes(big / 4, 'a.har');
    progress.bytes(big / 2, 'b.har');
    const lines = io.err.join('').split('\r\u001b[2K').filter(Boolean);
    expect(lines).toEqual(['reading a.har 25% (34 of 134 MB), 0 exchanges', 'reading b.har 50% (67 of 134 MB), 0 exchanges']);
  });

  it.each([
    ['stderr is not a terminal', false, big, true],
    ['the input is small', true, 1000, true],
    ['--quiet was given', true, big, false],
  ])('stays silent when %s', (_why, tty, bytes, enabled) => {
    const io = { ...memoryIo(), stderrIsTTY: tty };
    const progress = createProgress(io, bytes, enabled);
    progress.bytes(10, 'a.har');
    progress.pass({ pass: 2, file: 'a.har', exchanges: 1 });
    progress.done();
    expect(io.err).toEqual([]);
  });

  it('gets every pass from the pipeline, ending with the full count', async () => {
    const entries = Array.from({ length: 2300 }, (_, i) => jsonEntry('GET', `https://api.example.com/v1/items/${i}`, { id: i }));
    const events: Progress[] = [];
    await buildModel([{ label: 'a.har', text: har(entries) }], {}, { onProgress: (p) => events.push(p) });
    expect(events.map((e) => `${e.pass}:${e.exchanges}`)).toEqual(['1:1000', '1:2000', '1:2300', '3:1000', '3:2000']);
  });
});
