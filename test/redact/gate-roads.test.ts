/**
 * Values reach people by other roads than the output files: `--explain` (templating's reasons
 * and the words it kept literal), every diagnostic (`--verbose`) and the redaction report. They
 * all leave through the gate: no planted value of the canary capture is found in them.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { buildCanaryCapture } from '../fixtures/canary-capture.js';
import { memoryIo } from '../support/memory-io.js';
import { findLeaks } from './leak-check.js';

const capture = buildCanaryCapture();

describe('the other roads out', () => {
  it.each([[['--explain']], [['--explain', '--verbose', '--all']], [['--redaction-report', '--verbose']]])('%j: no planted value on stderr', async (flags) => {
    const io = memoryIo({ 'canary.har': capture.har });
    const code = await runCli(['canary.har', '-o', 'out', '-f', 'json', ...flags], io);
    expect(code).toBe(0);
    const stderr = io.err.join('');
    expect(stderr.length).toBeGreaterThan(100);
    expect(findLeaks([{ name: 'stderr', text: stderr }], capture.canaries)).toEqual([]);
  });

  it('the check finds the canaries with redaction off', async () => {
    const io = memoryIo({ 'canary.har': capture.har });
    await runCli(['canary.har', '-o', '-', '-f', 'json', '--no-redact'], io);
    expect(findLeaks([{ name: 'stdout', text: io.out.join('') }], capture.canaries).length).toBeGreaterThan(10);
  });
});
