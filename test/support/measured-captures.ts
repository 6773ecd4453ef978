/**
 * The captures the conformance and consumer tests measure: `samples/`, the real captures in
 * ../shared/corpus and ../shared/corpus-apps (read in place, skipped when absent) and the
 * synthetic shop captures. Text is read only when a test asks for it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import { syntheticCapture } from '../conformance/synthetic-capture.js';

export const CORPORA = ['../shared/corpus', '../shared/corpus-apps'];
export const SYNTHETIC_SEEDS = [1, 2, 3];

export interface MeasuredCapture {
  /** Where the capture is read from (a file path, or the synthetic capture's name). */
  path: string;
  /** Its file name. */
  label: string;
  text: () => string;
}

const harFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.har'))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];

export function measuredCaptures(): MeasuredCapture[] {
  return [
    ...['samples', ...CORPORA].flatMap(harFiles).map((path) => {
      const label = path.split('/').pop()!;
      return { path, label, text: () => decodeCaptureBytes(readFileSync(path), label) };
    }),
    ...SYNTHETIC_SEEDS.map((seed) => {
      const label = `synthetic-shop-${seed}.har`;
      return { path: label, label, text: () => syntheticCapture(seed) };
    }),
  ];
}
