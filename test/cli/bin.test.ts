/**
 * The installed executable, run as a user would: the committed out/ must be current for
 * samples/ (the CI guard against stale docs), and errors must be one line without a stack.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = (...args: string[]) => spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8' });

describe('dist/cli/main.js', () => {
  it('finds out/ up to date for samples/ (--check)', () => {
    const run = bin('samples/*.har', '-o', 'out', '-f', 'markdown,json,openapi,types', '--check');
    expect(run.stderr).toContain('up to date');
    expect(run.status).toBe(0);
  });

  it('reports a missing file in one line and exits 1', () => {
    const run = bin('no-such-capture.har');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('har2api: no-such-capture.har: file not found');
  });
});
