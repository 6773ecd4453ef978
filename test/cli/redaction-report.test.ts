/**
 * `--redaction-report`: what was redacted, by place, key path and kind, with counts, on stderr,
 * for a person to review before publishing; never a value (checked on the canary capture).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { buildCanaryCapture } from '../fixtures/canary-capture.js';
import { findLeaks } from '../redact/leak-check.js';
import { memoryIo } from '../support/memory-io.js';

const capture = buildCanaryCapture();

async function report(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const io = memoryIo({ 'canary.har': capture.har });
  const code = await runCli(['canary.har', '-o', 'out', ...argv], io);
  return { code, stderr: io.err.join(''), stdout: io.out.join('') };
}

describe('--redaction-report', () => {
  it('lists places, key paths and kinds with counts, on stderr, and no planted value', async () => {
    const { code, stderr, stdout } = await report(['--redaction-report', '-f', 'json']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => /^ {2}\S+ {2,}\S/.test(line));
    expect(lines.length).toBeGreaterThan(10);
    expect(stderr).toMatch(/redaction report \(place, key path, kind, values replaced\):/);
    expect(stderr).toMatch(/ {2}response\.body +\S+ +email +×\d+/);
    expect(findLeaks([{ name: 'stderr', text: stderr }], capture.canaries)).toEqual([]);
  });

  it('is the JSON model section `redaction.report`, the same with or without the flag', async () => {
    const io = memoryIo({ 'canary.har': capture.har });
    await runCli(['canary.har', '-o', '-', '-f', 'json'], io);
    const model = JSON.parse(io.out.join('')) as { redaction: { report: { place: string; path: string; kind: string; count: number }[] } };
    expect(model.redaction.report.length).toBeGreaterThan(10);
    expect(model.redaction.report.every((f) => f.count > 0 && !/\[\d+\]/.test(f.path))).toBe(true);
  });

  it('says so when redaction is off, and prints nothing without the flag', async () => {
    expect((await report(['--redaction-report', '--no-redact', '-f', 'json'])).stderr).toContain('redaction report: redaction is off');
    expect((await report(['-f', 'json'])).stderr).not.toContain('redaction report');
  });
});
