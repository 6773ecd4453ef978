/**
 * `--no-redact` output says so where it is read: in the reference itself (not the usual line
 * that values are replaced), and on stderr even with `--quiet`.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([
  jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42 }, { headers: [{ name: 'authorization', value: 'Bearer invented0123456789abcdefghij' }] }),
]);

async function reference(...flags: string[]) {
  const io = memoryIo({ 'a.har': capture });
  expect(await runCli(['a.har', ...flags], io)).toBe(0);
  return { markdown: io.files.get('/virtual/out/reference.md')!, err: io.err.join('') };
}

describe('--no-redact', () => {
  it('opens the reference with a notice that it is unredacted', async () => {
    const { markdown } = await reference('--no-redact');
    const notice = markdown.split('\n').find((line) => line.startsWith('> '))!;
    expect(notice).toMatch(/unredacted/i);
    expect(notice).not.toMatch(/replaced/);
    expect(markdown).toContain('**Redaction**: off');
  });

  it('keeps the usual notice when redaction is on', async () => {
    const { markdown } = await reference();
    expect(markdown.split('\n').find((line) => line.startsWith('> '))).toMatch(/replaced by typed placeholders/);
    expect(markdown).not.toMatch(/unredacted/i);
  });

  it.each([[[]], [['-q']], [['--quiet']]])('warns on stderr with %j', async (flags) => {
    const { err } = await reference('--no-redact', ...flags);
    expect(err).toContain('redaction is off (--no-redact)');
  });

  it('prints nothing else with -q', async () => {
    expect((await reference('-q')).err).toBe('');
  });
});
