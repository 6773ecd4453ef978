/**
 * The people canary (test/fixtures/people-canary.ts) through the real CLI, in-process: no
 * planted value appears in any output format, on stdout or stderr, or in a `diff` of two
 * captures, in any encoding a reader could reverse (leak-check.ts), with and without `--all`;
 * every decoy survives somewhere a reader sees it. With `--no-redact` the same check finds the
 * planted values, so it is not a check that cannot fail.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { FORMATS } from '../../src/render/index.js';
import { buildPeopleCanary } from '../fixtures/people-canary.js';
import { memoryIo } from '../support/memory-io.js';
import { findLeaks } from './leak-check.js';

const canary = buildPeopleCanary();
const second = buildPeopleCanary(1);

async function run(
  argv: string[],
  files: Record<string, string> = { 'people.har': canary.har },
): Promise<{ code: number; outputs: { name: string; text: string }[] }> {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  const inputs = new Set(Object.keys(files).map((f) => `/virtual/${f}`));
  const outputs = [...io.files].filter(([path]) => !inputs.has(path)).map(([path, text]) => ({ name: path, text }));
  outputs.push({ name: 'stdout', text: io.out.join('') }, { name: 'stderr', text: io.err.join('') });
  return { code, outputs };
}

const describeLeaks = (leaks: ReturnType<typeof findLeaks>) => leaks.map((l) => `${l.kind} in ${l.where} (${l.form})`);

describe('the people canary', () => {
  it('plants 150+ values of 60+ kinds in 25+ places, each value unique, and 20+ decoys', () => {
    expect(canary.planted.length).toBeGreaterThanOrEqual(150);
    expect(new Set(canary.planted.map((p) => p.kind)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(canary.planted.map((p) => p.value)).size).toBe(canary.planted.length);
    expect(canary.decoys.length).toBeGreaterThanOrEqual(20);
    for (const p of canary.planted) expect([p.kind, findLeaks([{ name: 'har', text: canary.har }], [p]).length > 0]).toEqual([p.kind, true]);
  });

  it('covers what issue 13 asks: free text, CSV, connection strings, device ids, coordinates, path segments, addresses of 3+ countries, names in 4+ scripts', () => {
    const kinds = canary.planted.map((p) => p.kind.toLowerCase());
    for (const word of ['prose', 'csv', 'connection string', 'device', 'coordinates', 'path segment'])
      expect([word, kinds.some((k) => k.includes(word)) || canary.planted.some((p) => p.place.includes(word))]).toEqual([word, true]);
    const countries = new Set(
      kinds
        .filter((k) => k.includes('address'))
        .map((k) => /^(uk|us|french|german|dutch|italian|spanish|japanese)\b/.exec(k)?.[1])
        .filter(Boolean),
    );
    expect(countries.size).toBeGreaterThanOrEqual(3);
    const scripts = ['Latin', 'Han', 'Cyrillic', 'Greek', 'Hangul', 'Arabic', 'Hebrew', 'Devanagari', 'Thai'].filter((script) =>
      canary.planted.some((p) => p.kind.includes('name') && new RegExp(`^[\\p{Script=${script}}\\s.'-]+$`, 'u').test(p.value)),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    expect(canary.planted.filter((p) => p.place === 'url.path').length).toBeGreaterThanOrEqual(3);
  });

  it('has its values in 25+ places (body kinds, headers, path, query, prose in several scripts …)', () => {
    const places = new Set(canary.planted.map((p) => `${p.place}: ${p.kind.split(' ').slice(-2).join(' ')}`));
    expect(new Set(canary.planted.map((p) => p.place)).size).toBeGreaterThanOrEqual(10);
    expect(places.size).toBeGreaterThanOrEqual(25);
  });
});

describe('no planted value leaves the people canary', () => {
  describe.each([
    ['API traffic (default)', []],
    ['everything (--all)', ['--all']],
  ])('%s', (_label, extra) => {
    it(`is absent from every output file (${FORMATS.join(', ')}), stdout and stderr`, async () => {
      const { code, outputs } = await run(['people.har', '-o', 'out', '-f', FORMATS.join(','), '--verbose', '--explain', ...extra]);
      expect(code).toBe(0);
      expect(outputs.filter((o) => o.name.startsWith('/virtual/out/'))).toHaveLength(FORMATS.length);
      expect(describeLeaks(findLeaks(outputs, canary.planted))).toEqual([]);
    });
  });

  it.each(['markdown', 'json'])('is absent from a %s diff of two captures', async (format) => {
    const { code, outputs } = await run(['diff', 'people.har', 'second.har', '--format', format], { 'people.har': canary.har, 'second.har': second.har });
    expect(code).toBe(0);
    expect(outputs.find((o) => o.name === 'stdout')!.text.length).toBeGreaterThan(50);
    expect(describeLeaks(findLeaks(outputs, [...canary.planted, ...second.planted]))).toEqual([]);
  });

  it('is found by the same check when redaction is off', async () => {
    const { outputs } = await run(['people.har', '-o', 'out', '-f', FORMATS.join(','), '--all', '--no-redact']);
    const found = new Set(findLeaks(outputs, canary.planted).map((l) => l.id));
    expect(found.size).toBeGreaterThan(canary.planted.length * 0.6);
  });
});

describe('decoys a reader needs survive', () => {
  it('every decoy appears in an output', async () => {
    const { outputs } = await run(['people.har', '-o', 'out', '-f', FORMATS.join(','), '--all']);
    const text = outputs.map((o) => o.text).join('\n');
    const missing = canary.decoys.filter((d) => !text.includes(d.value) && !text.includes(JSON.stringify(d.value).slice(1, -1)));
    expect(missing.map((d) => `${d.value} (${d.why})`)).toEqual([]);
  });
});
