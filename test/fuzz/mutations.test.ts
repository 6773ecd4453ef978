/**
 * Structural fuzzing: the synthetic capture with 1 to 4 seeded mutations anywhere in its tree
 * (a field deleted, replaced by a value of another type, an odd string, a hostile JSON body,
 * a deep array, an array item duplicated). Every variant gives a reference or one clear error;
 * a reference is sound Markdown and a faithful JSON model.
 */
import { describe, expect, it } from 'vitest';
import { buildOrRefuse, fuzzCapture } from '../support/fuzz-capture.js';
import { type Random, seeded } from '../support/random.js';

type Node = Record<string, unknown> | unknown[];

const deepText = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Values to put anywhere; strings double as body texts, so some are JSON that means trouble. */
const ODD: unknown[] = [
  null,
  -1,
  0,
  1e308,
  3.5,
  true,
  '',
  ' ',
  [],
  {},
  [null, 1, 'a'],
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":"x"}'),
  JSON.parse(deepText(2000)),
  'x'.repeat(200_000),
  '`|<b>*_[x](y)\n\n# h',
  '\u202eevil\u200b\ud800\u0000',
  'NaN-NaN-NaNTNaN:NaN:NaN',
  '2025-13-45T99:99:99Z',
  '/relative/path?x=1',
  'data:text/plain,hello',
  'https://api.example.com/v1/items/\u202e%00%ZZ/..//?__proto__=1&constructor=2&a=1&a=2#frag',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"a\u202e":"\ud800"}',
  deepText(100_000),
  `{"a":${deepText(100_000)}}`,
  `data: ${deepText(100_000)}\n\n`,
  '{"a":',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
  'application/json',
  'text/event-stream',
  'multipart/form-data; boundary=',
  'base64',
];

/** Every place in the tree, down to a depth where the capture's own structure ends. */
function collect(node: unknown, out: { parent: Node; key: string | number }[], depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      out.push({ parent: node, key: i });
      collect(child, out, depth + 1);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      out.push({ parent: node as Record<string, unknown>, key });
      collect(child, out, depth + 1);
    }
  }
}

function mutate(document: unknown, random: Random): string[] {
  const done: string[] = [];
  const count = 1 + random.int(4);
  for (let m = 0; m < count; m++) {
    const places: { parent: Node; key: string | number }[] = [];
    collect(document, places);
    if (places.length === 0) break;
    const { parent, key } = random.pick(places);
    const action = random.int(10);
    if (action < 2) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      done.push(`delete ${key}`);
    } else if (action < 3 && Array.isArray(parent)) {
      parent.splice(key as number, 0, structuredClone(parent[key as number]));
      done.push(`duplicate ${key}`);
    } else {
      const value = random.pick(ODD);
      // A copy, so that later mutations never change the pool; defineProperty keeps `__proto__` a plain key.
      Object.defineProperty(parent, key, {
        value: value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      done.push(`set ${key}`);
    }
  }
  return done;
}

describe('mutated captures', () => {
  const random = seeded(0x6d757461);
  const cases = Array.from({ length: 60 }, (_, i) => {
    const document = fuzzCapture() as unknown;
    const steps = mutate(document, random);
    return [i, steps.join(', '), JSON.stringify(document)] as const;
  });

  /** Case number → whether it gave a reference, filled in by the cases as they run. */
  const built = new Map<number, boolean>();

  it.each(cases)('case %i (%s) gives a reference or one clear error', async (i, _steps, text) => {
    const outcome = await buildOrRefuse(text);
    built.set(i, outcome.ok);
    if (!outcome.ok) expect(['E_NOT_HAR', 'E_EMPTY']).toContain(outcome.error.code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // The Markdown, model and types checks in buildOrRefuse run only on a reference: a run where
  // every variant is refused would check none of them.
  it('most variants give a reference, so the output checks ran', () => {
    expect(built.size).toBe(cases.length);
    expect([...built.values()].filter(Boolean).length).toBeGreaterThanOrEqual(cases.length * 0.8);
  });
});
