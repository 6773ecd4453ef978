/**
 * Reading a raw HAR independently of the pipeline, for tests that derive the values that must not
 * leak from the input at run time (never from a file in the project).
 */
import type { Planted } from './leak-check.js';

export type RawEntry = { request?: Record<string, unknown>; response?: Record<string, unknown> };

/** The entries of a HAR text (a byte-order mark allowed), or none when it is not one. */
export function rawHarEntries(text: string): RawEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const entries = (document as { log?: { entries?: unknown } }).log?.entries;
  return Array.isArray(entries) ? (entries as RawEntry[]) : [];
}

/**
 * Collects values to look for, each once with the kind it was first found as. `keep` trims a
 * value to what is looked for, or says it is too short or vague to look for (null).
 */
export function plantedValues(prefix: string, keep: (value: string) => string | null): { add(kind: string, value: unknown): void; list(): Planted[] } {
  const found = new Map<string, string>();
  return {
    add(kind, value) {
      if (typeof value !== 'string') return;
      const kept = keep(value);
      if (kept !== null && !found.has(kept)) found.set(kept, kind);
    },
    list: () => [...found].map(([value, kind], i) => ({ id: `${prefix}${i + 1}`, kind, value })),
  };
}
