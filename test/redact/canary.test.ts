/**
 * Zero leaks: the canary capture (test/fixtures/canary-capture.ts) goes through the real CLI,
 * in-process, for every output format, with and without `--all`, to files and to stdout; no
 * planted value may appear in any file, on stdout or on stderr, in any reversible encoding.
 * The same holds for the redacted exchanges themselves (every field, not only what a renderer
 * shows). Values that must survive do, and with `--no-redact` the same check does find the
 * canaries, so it is not a check that cannot fail.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Context } from '../../src/context.js';
import { ingestHar } from '../../src/ingest/index.js';
import { selectTraffic } from '../../src/normalise/traffic.js';
import { resolveOptions } from '../../src/options.js';
import { redactExchanges } from '../../src/redact/index.js';
import { FORMATS } from '../../src/render/index.js';
import { buildCanaryCapture } from '../fixtures/canary-capture.js';
import { memoryIo } from '../support/memory-io.js';
import { findLeaks } from './leak-check.js';

const capture = buildCanaryCapture();

async function runOutputs(argv: string[]): Promise<{ code: number; outputs: { name: string; text: string }[] }> {
  const io = memoryIo({ 'canary.har': capture.har });
  const code = await runCli(['canary.har', ...argv], io);
  const outputs = [...io.files].filter(([path]) => path !== '/virtual/canary.har').map(([path, text]) => ({ name: path, text }));
  outputs.push({ name: 'stdout', text: io.out.join('') }, { name: 'stderr', text: io.err.join('') });
  return { code, outputs };
}

async function redactedExchanges(key: Uint8Array) {
  const ctx: Context = { options: resolveOptions({ all: true }), report: () => {} };
  const ingested = await ingestHar({ label: 'canary.har', text: capture.har }, ctx);
  const selected = selectTraffic(ingested.exchanges, ctx.options);
  return { before: selected.exchanges, ...redactExchanges(selected.exchanges, key) };
}

describe('the canary capture', () => {
  it('plants at least 45 kinds of secret and personal value, each one unique', () => {
    const kinds = new Set(capture.canaries.map((c) => c.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(45);
    expect(new Set(capture.canaries.map((c) => c.value)).size).toBe(capture.canaries.length);
    const planted = [
      { name: 'har', text: capture.har },
      { name: 'not a HAR', text: capture.notHar },
    ];
    const isPlanted = (value: string) => planted.some((p) => p.text.includes(JSON.stringify(value).slice(1, -1)));
    for (const canary of capture.canaries)
      expect([canary.kind, isPlanted(canary.value) || findLeaks(planted, [canary]).length > 0]).toEqual([canary.kind, true]);
  });
});

describe('no planted value leaves the capture', () => {
  it('is absent from every field of the redacted exchanges', async () => {
    const { exchanges } = await redactedExchanges(new Uint8Array(32).fill(7));
    // Every entry of the capture is an exchange to scan (--all): none dropped before the check.
    expect(exchanges).toHaveLength((JSON.parse(capture.har) as { log: { entries: unknown[] } }).log.entries.length);
    expect(findLeaks([{ name: 'exchanges', text: JSON.stringify(exchanges) }], capture.canaries)).toEqual([]);
  });

  describe.each([
    ['API traffic (default)', []],
    ['everything (--all)', ['--all']],
  ])('%s', (_label, extra) => {
    it(`is absent from every output file (${FORMATS.join(', ')}), stdout and stderr`, async () => {
      const { code, outputs } = await runOutputs(['-o', 'out', '-f', FORMATS.join(','), '--explain', '--verbose', ...extra]);
      expect(code).toBe(0);
      expect(outputs.filter((o) => o.name.startsWith('/virtual/out/'))).toHaveLength(FORMATS.length);
      expect(findLeaks(outputs, capture.canaries)).toEqual([]);
    });

    it.each(FORMATS)('is absent from stdout with --out - --format %s', async (format) => {
      const { code, outputs } = await runOutputs(['-o', '-', '-f', format, ...extra]);
      expect(code).toBe(0);
      expect(outputs.find((o) => o.name === 'stdout')!.text.length).toBeGreaterThan(100);
      expect(findLeaks(outputs, capture.canaries)).toEqual([]);
    });
  });
});

describe('no planted value leaves through an error message', () => {
  it('is absent from stderr when a file is not a HAR, and the HAR next to it is still documented', async () => {
    const io = memoryIo({ 'canary.har': capture.har, 'export.json': capture.notHar });
    const code = await runCli(['canary.har', 'export.json', '-o', 'out', '-f', FORMATS.join(',')], io);
    const stderr = io.err.join('');
    expect(code).toBe(1);
    expect(stderr).toMatch(/export\.json: JSON but not a HAR: there is no top-level "log" object \(top-level keys: "users" and 2 more\)/);
    const outputs = [...io.files].filter(([path]) => path.startsWith('/virtual/out/')).map(([name, text]) => ({ name, text }));
    expect(outputs).toHaveLength(FORMATS.length);
    expect(findLeaks([...outputs, { name: 'stdout', text: io.out.join('') }, { name: 'stderr', text: stderr }], capture.canaries)).toEqual([]);
  });
});

describe('no planted value leaves through diff', () => {
  it.each(['markdown', 'json'])('is absent from the %s changelog and stderr of `har2api diff`', async (format) => {
    // The other side: different values (another seed) and fewer endpoints, so there is a change.
    const other = buildCanaryCapture(7);
    const document = JSON.parse(other.har) as { log: { entries: unknown[] } };
    document.log.entries = document.log.entries.slice(0, -6);
    const io = memoryIo({ 'old.har': capture.har, 'new.har': JSON.stringify(document) });
    const code = await runCli(['diff', 'old.har', 'new.har', '-f', format], io);
    expect(code).toBe(0);
    const outputs = [
      { name: 'stdout', text: io.out.join('') },
      { name: 'stderr', text: io.err.join('') },
    ];
    expect(outputs[0]!.text).toContain('not observed in the new capture');
    expect(findLeaks(outputs, [...capture.canaries, ...other.canaries])).toEqual([]);
  });
});

describe('values that must survive', () => {
  it('are planted, and most are shown in an output', () => {
    expect(capture.survivors.length).toBeGreaterThanOrEqual(20);
    expect(capture.survivors.filter((s) => s.rendered !== null).length).toBeGreaterThanOrEqual(15);
  });

  it('stay in the redacted exchanges', async () => {
    const { exchanges } = await redactedExchanges(new Uint8Array(32).fill(7));
    const text = JSON.stringify(exchanges);
    expect(capture.survivors.filter((s) => !text.includes(s.value)).map((s) => s.why)).toEqual([]);
  });

  it('are shown in the reference and the model', async () => {
    const { outputs } = await runOutputs(['-o', 'out', '-f', FORMATS.join(','), '--all']);
    const text = outputs.map((o) => o.text).join('\n');
    expect(capture.survivors.filter((s) => s.rendered !== null && !text.includes(s.rendered)).map((s) => s.why)).toEqual([]);
  });
});

describe('the leak check can fail', () => {
  it('finds most canaries when redaction is off, and warns on stderr', async () => {
    const { outputs } = await runOutputs(['-o', 'out', '-f', FORMATS.join(','), '--all', '--no-redact']);
    expect(outputs.find((o) => o.name === 'stderr')!.text).toContain('redaction is off');
    const leaked = new Set(findLeaks(outputs, capture.canaries).map((l) => l.id));
    // Values dropped at ingest and file contents never reach an output, redacted or not.
    expect(leaked.size).toBeGreaterThan(capture.canaries.length * 0.6);
  });
});

describe('placeholders', () => {
  it('do not depend on the random key, and the input is not modified', async () => {
    const first = await redactedExchanges(new Uint8Array(32).fill(1));
    const before = JSON.stringify(first.before);
    const second = await redactedExchanges(new Uint8Array(32).fill(2));
    expect(JSON.stringify(second.exchanges)).toBe(JSON.stringify(first.exchanges));
    expect(JSON.stringify(first.before)).toBe(before);
    expect(first.summary).toEqual(second.summary);
  });

  it('give the same value the same tag wherever it is found', async () => {
    const { exchanges } = await redactedExchanges(new Uint8Array(32).fill(3));
    const me = exchanges.find((e) => e.url.path === '/v1/me')!;
    const cookieArray = me.request.cookies.find((c) => c.name === 'sessionid')!.value;
    const cookieHeader = me.request.headers.find((h) => h.name === 'Cookie')!.value;
    expect(cookieArray).toMatch(/^<cookie:\d+>$/);
    expect(cookieHeader).toContain(`sessionid=${cookieArray}`);
    const login = exchanges.find((e) => e.url.path === '/v1/login')!;
    const detail = (login.response.body!.content as unknown as { value: { detail: string } }).value.detail;
    expect(detail).toContain(cookieArray);
    const token = login.request.headers.find((h) => h.name === 'Authorization')!.value.slice('Bearer '.length);
    expect(detail).toContain(token);
  });

  it('show JWT claim names only', async () => {
    const { exchanges } = await redactedExchanges(new Uint8Array(32).fill(4));
    const me = exchanges.find((e) => e.url.path === '/v1/me')!;
    expect(me.request.headers.find((h) => h.name === 'authorization')!.value).toBe('Bearer <jwt:1 claims=email,exp,name,scope,sub>');
  });

  it('are counted per kind and per place, in the reference and on stderr, without values', async () => {
    const { outputs } = await runOutputs(['-o', 'out', '-f', 'markdown', '--all']);
    const reference = outputs.find((o) => o.name === '/virtual/out/reference.md')!.text;
    const stderr = outputs.find((o) => o.name === 'stderr')!.text;
    expect(reference).toMatch(
      /\*\*Redaction\*\*: \d+ value\(s\) replaced with placeholders \(.*cookie \d+.*jwt \d+.*\); found in .*request\.header \d+.*url\.query \d+/,
    );
    expect(stderr).toMatch(/^har2api: redacted \d+ value\(s\): .*email \d+.* \(in .*response\.body \d+.*\)$/m);
  });
});
