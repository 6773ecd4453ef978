/**
 * Truncated downloads and damaged files: a capture cut at seeded random points, or with random
 * bytes overwritten, gives a reference or one clear `Har2ApiError`, never anything else. A cut
 * capture is always an error that says it is truncated.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildOrRefuse, fuzzCapture } from '../support/fuzz-capture.js';
import { seeded } from '../support/random.js';

const text = JSON.stringify(fuzzCapture(), null, 1);
const bytes = Buffer.from(text);
const CASES = 40;

describe('a truncated capture', () => {
  const random = seeded(0x7472756e);
  const cuts = Array.from({ length: CASES }, () => 1 + random.int(bytes.length - 2));

  it('is whole to start with', async () => {
    expect((await buildOrRefuse(bytes)).ok).toBe(true);
  });

  it.each(cuts)('cut after %i bytes is one error saying it is truncated', async (cut) => {
    const outcome = await buildOrRefuse(bytes.subarray(0, cut));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('E_JSON');
      expect(outcome.error.message).toMatch(/the file is truncated/);
    }
  });

  it.each(cuts.slice(0, 10))('gzip-compressed and cut at the same fraction (%i) is one error saying it is truncated', async (cut) => {
    const zipped = gzipSync(bytes);
    const outcome = await buildOrRefuse(zipped.subarray(0, Math.max(2, Math.floor((zipped.length * cut) / bytes.length))));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/truncated/);
  });
});

describe('random bytes overwritten', () => {
  const random = seeded(0x666c6970);
  const cases = Array.from({ length: CASES }, (_, i) => {
    const copy = Buffer.from(bytes);
    const flips = 1 + random.int(8);
    for (let f = 0; f < flips; f++) copy[random.int(copy.length)] = random.int(256);
    return [i, copy] as const;
  });

  /** Case number → whether it gave a reference, filled in by the cases as they run. */
  const built = new Map<number, boolean>();

  it.each(cases)('case %i gives a reference or one clear error', async (i, damaged) => {
    const outcome = await buildOrRefuse(damaged);
    built.set(i, outcome.ok);
    if (!outcome.ok) expect(['E_JSON', 'E_NOT_HAR', 'E_EMPTY']).toContain(outcome.error.code);
  });

  // Both branches must be exercised: a run where every case is refused never checks a
  // reference built from damaged bytes, and one where none is never checks an error.
  it('gives references and errors both', () => {
    expect(built.size).toBe(cases.length);
    expect(new Set(built.values())).toEqual(new Set([true, false]));
  });
});
