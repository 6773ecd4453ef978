import { describe, expect, it } from 'vitest';
import { detachText } from '../../src/infer/detach-text.js';
import { truncateExample } from '../../src/infer/example.js';

describe('detachText', () => {
  it.each(['', 'short', 'exactly 13 ch', 'a longer text with é and 😀', 'lone \ud800 surrogate and \udfff too', 'quotes " and \\ and \n'])(
    'keeps the characters of %j',
    (text) => {
      expect(detachText(text)).toBe(text);
    },
  );

  it('lets the source of a kept slice be collected', () => {
    const gc = globalThis.gc;
    expect(gc, 'run with --expose-gc (vitest.config.ts execArgv)').toBeTypeOf('function');
    const kept: string[] = [];
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) {
      const source = JSON.parse(JSON.stringify(`${i}${'x'.repeat(1_000_000)}`)) as string;
      kept.push(detachText(source.slice(0, 200)), truncateExample(source, 300));
    }
    gc!();
    // Pinned sources would hold 100 MB; the kept characters are 50 KB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5_000_000);
    expect(kept[1]).toMatch(/^0x{299}\n\.\.\. \(truncated\)$/);
  });
});
